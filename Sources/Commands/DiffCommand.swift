import ArgumentParser
import Basics
import DatasetDiff
import Engine
import Foundation

/// `frontier diff [A [B]]`: what changed in the data between two versions, and why; or between
/// two JSONL files.
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed in the data between two versions, and which change caused it.",
        discussion: """
            Compares two versions record by record (default: the last two builds, HEAD~1 and \
            HEAD; versions by id prefix, tag or HEAD~N). First a table of records added, \
            removed, changed and moved per output, discipline and ZPD bucket (an item that went \
            from sft to cpt is one moved record); then the changed and moved records grouped by \
            cause: the first stage of their lineage whose task differs, and the recipe \
            components that differ in it (`escalation.prompt changed → 37 records changed \
            (sft 30, review 7)`).

            Given two JSONL files and --key, compares them by that field, with the same \
            rendering.

            Examples:
              frontier diff
              frontier diff v1 HEAD --records --output sft
              frontier diff HEAD~2 --stat
              frontier diff v1 --format json
              frontier diff a.jsonl b.jsonl --key id
            """
    )

    @Argument(help: "The older version (default HEAD~1), or a JSONL file.")
    var old: String?

    @Argument(help: "The newer version (default HEAD), or a JSONL file.")
    var new: String?

    @Flag(help: "Show each changed record's field-level differences.")
    var records = false

    @Option(help: "Only this output (sft, cpt, review, exam).")
    var output: String?

    @Flag(help: "Only the summary table.")
    var stat = false

    @Option(help: "text or json.")
    var format: ReportFormat = .text

    @Option(help: "For two JSONL files: the field that identifies a record.")
    var key: String?

    @OptionGroup var access: VersionAccess

    func validate() throws {
        let files = [old, new].compactMap { $0 }.filter { $0.hasSuffix(".jsonl") }
        if !files.isEmpty && (files.count != 2 || key == nil) {
            throw ValidationError("diffing JSONL files takes two files and --key FIELD")
        }
        if key != nil && files.count != 2 {
            throw ValidationError("--key is for diffing two JSONL files")
        }
    }

    func run() async throws {
        if let key, let old, let new {
            let report: DiffReport
            do {
                // Two versions of one file (old/sft.jsonl, new/sft.jsonl) are that output.
                let names = [old, new].map {
                    URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent
                }
                report = try DatasetDiff.compareJSONL(
                    old: old, new: new, key: key,
                    output: names[0] == names[1] ? names[0] : "records")
            } catch let error as JSONLError {
                Console.error("\(error)\n")
                throw ExitCode.failure
            }
            print(report, header: "\(old) → \(new)")
            return
        }
        try await access.withCatalog { catalog in
            let after = try catalog.resolve(new ?? "HEAD")
            let before = try catalog.resolve(old ?? (new == nil ? "HEAD~1" : "HEAD"))
            let report = try await catalog.diff(
                from: before, to: after, output: output, records: records)
            print(report, header: "\(before.id) → \(after.id)")
        }
    }

    private func print(_ report: DiffReport, header: String) {
        switch format {
        case .json:
            let value = report.json(records: records)
            Console.output((try? value.prettyString()) ?? "{}")
        case .text:
            let body = stat ? report.summary.text() : report.text(records: records)
            Console.output(header + "\n\n" + body + (body.hasSuffix("\n") ? "" : "\n"))
        }
    }
}
