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
            let report = try await Self.report(
                from: before, to: after, in: catalog, output: output, records: records)
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

    /// The diff of two versions, with every changed and moved record's cause, and field-level
    /// differences when `records` is asked for.
    static func report(
        from before: Version, to after: Version, in catalog: VersionCatalog, output: String?,
        records: Bool
    ) async throws -> DiffReport {
        let beforeRecords = try await catalog.entries(of: before)
        let afterRecords = try await catalog.entries(of: after)
        var result = VersionDiff.itemLevel(
            DatasetDiff.compare(
                old: VersionDiff.entries(beforeRecords, version: before),
                new: VersionDiff.entries(afterRecords, version: after)))
        if let output {
            result.added.removeAll { $0.output != output }
            result.removed.removeAll { $0.output != output }
            result.changed.removeAll { $0.output != output }
            result.moved.removeAll { $0.from != output && $0.to != output }
        }
        let finder = VersionCause(from: before, to: after, store: catalog.store)
        var causes: [String: String] = [:]
        let pairs =
            result.changed.map { ($0.old, $0.new) } + result.moved.map { ($0.old, $0.new) }
        for (old, new) in pairs where causes[Self.pairKey(old, new)] == nil {
            causes[Self.pairKey(old, new)] = await finder.cause(
                lineage: old.lineage.compactMapValues { Digest(hex: $0) },
                new.lineage.compactMapValues { Digest(hex: $0) })
        }
        var fields: [DiffReport.RecordKey: [FieldChange]] = [:]
        if records {
            let oldRecords = Dictionary(
                grouping: beforeRecords, by: { $0.output + "\u{0}" + $0.item })
            let newRecords = Dictionary(
                grouping: afterRecords, by: { $0.output + "\u{0}" + $0.item })
            for change in result.changed {
                // Field by field when the item has one record there on both sides.
                guard let was = oldRecords[change.old.output + "\u{0}" + change.old.item],
                    let now = newRecords[change.new.output + "\u{0}" + change.new.item],
                    was.count == 1, now.count == 1,
                    let oldBody = try await catalog.body(of: was[0]),
                    let newBody = try await catalog.body(of: now[0])
                else { continue }
                fields[DiffReport.RecordKey(output: change.output, id: change.id)] =
                    FieldChange.between(oldBody, newBody)
            }
        }
        let known = causes
        return DiffReport(
            result,
            cause: { old, new in
                guard let old, let new else { return "unknown" }
                return known[Self.pairKey(old, new)] ?? "unknown"
            }, fields: fields)
    }

    private static func pairKey(_ old: RecordEntry, _ new: RecordEntry) -> String {
        [old.output, old.id, new.output, new.id].joined(separator: "\u{0}")
    }
}
