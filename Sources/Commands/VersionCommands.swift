import ArgumentParser
import Basics
import Engine
import Foundation
import Store

/// Opens the store's version catalog for a command; a problem is said on standard error and
/// exits 1.
struct VersionAccess: ParsableArguments {
    @OptionGroup var store: StoreOptions

    func withCatalog<T>(_ body: (VersionCatalog) async throws -> T) async throws -> T {
        try await store.withStore { database in
            do {
                return try await body(try await VersionCatalog(store: database))
            } catch let error as BuildError {
                Console.error("error: \(error)\n")
                throw ExitCode.failure
            }
        }
    }
}

/// `frontier log`: the versions, newest first.
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "List the dataset versions, newest first.",
        discussion: """
            Every successful build is a version: its id (a digest of its manifest), when it was \
            built, its tag, its records per output, and in one line what changed in the recipe \
            since the version before it. A build equal to an earlier one is that version again, \
            moved to the top.

            Examples:
              frontier log
              frontier log -n 5
            """
    )

    @OptionGroup var access: VersionAccess

    @Option(name: .short, help: "Show at most this many versions.")
    var count: Int?

    func run() async throws {
        try await access.withCatalog { catalog in
            let versions = catalog.versions
            guard !versions.isEmpty else {
                Console.output("no versions yet: build a recipe first\n")
                return
            }
            var lines: [String] = []
            for (index, version) in versions.enumerated().prefix(count ?? .max) {
                var line =
                    "\(version.id)  \(VersionText.time(version.record.created))  "
                    + "\(version.manifest.recipeName)  \(VersionText.outputs(version))"
                if let tag = version.record.tag { line += "  (tag: \(tag))" }
                if index + 1 < versions.count {
                    let cause = VersionCause(
                        from: versions[index + 1], to: version, store: catalog.store)
                    line +=
                        "\n    "
                        + (cause.recipeChanges.isEmpty
                            ? "same recipe settings as \(versions[index + 1].id)"
                            : "changed: " + cause.recipeChanges.joined(separator: ", "))
                } else {
                    line += "\n    first version"
                }
                lines.append(line)
            }
            Console.output(lines.joined(separator: "\n") + "\n")
        }
    }
}

/// `frontier tag NAME [VERSION]`.
struct TagCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Name a version, so diff, show, export and gc can refer to it.",
        discussion: """
            Tags the version (HEAD, HEAD~N, an id prefix or another tag; default HEAD). A tag \
            names one version: tagging another moves it. A version has at most one tag. Tagged \
            versions survive `frontier cache gc`.

            Examples:
              frontier tag v1
              frontier tag baseline HEAD~2
            """
    )

    @Argument(help: "The tag.")
    var name: String

    @Argument(help: "The version (default HEAD).")
    var version: String = "HEAD"

    @OptionGroup var access: VersionAccess

    func validate() throws {
        if name.isEmpty || name == "HEAD" || name.hasPrefix("HEAD~")
            || name.contains(where: \.isWhitespace)
        {
            throw ValidationError("'\(name)' cannot be a tag: use a name without spaces, not HEAD")
        }
    }

    func run() async throws {
        try await access.withCatalog { catalog in
            let target = try catalog.resolve(version)
            try await catalog.store.tag(name, version: target.id)
            Console.output("tagged \(target.id) as \(name)\n")
        }
    }
}

/// `frontier show VERSION`.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a version: its outputs, buckets, tasks and recipe.",
        discussion: """
            Examples:
              frontier show HEAD
              frontier show v1 --recipe
            """
    )

    @Argument(help: "The version (HEAD, HEAD~N, a tag or an id prefix; default HEAD).")
    var version: String = "HEAD"

    @Flag(help: "Print the recipe text the version was built from.")
    var recipe = false

    @OptionGroup var access: VersionAccess

    func run() async throws {
        try await access.withCatalog { catalog in
            let version = try catalog.resolve(version)
            if recipe {
                Console.output(version.manifest.recipeText)
                return
            }
            let manifest = version.manifest
            var lines = [
                "version  \(version.id)" + (version.record.tag.map { " (tag: \($0))" } ?? ""),
                "built    \(VersionText.time(version.record.created))",
                "recipe   \(manifest.recipeName) (\(manifest.recipe.prefix(12)))",
                "items    "
                    + manifest.buckets.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
                    .joined(separator: ", "),
                "tasks    \(manifest.tasks.count)",
            ]
            for (index, output) in manifest.outputs.enumerated() {
                lines.append(
                    (index == 0 ? "outputs  " : "         ")
                        + "\(output.name) \(output.path) "
                        + "(\(RecipeLoading.count(output.records, "record")), "
                        + "sha256 \(output.digest.prefix(12)))")
            }
            Console.output(lines.joined(separator: "\n") + "\n")
        }
    }
}

/// `frontier export VERSION -o DIR`.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a version's output files, byte for byte as its build wrote them.",
        discussion: """
            The records come from the store, so a version stays exportable after out/ is \
            overwritten by later builds. Each file is checked against the SHA-256 the build \
            recorded.

            Examples:
              frontier export v1 -o /tmp/v1
              frontier export HEAD~1 -o old
            """
    )

    @Argument(help: "The version (HEAD, HEAD~N, a tag or an id prefix).")
    var version: String

    @Option(name: .shortAndLong, help: "The directory to write into.")
    var output: String

    @OptionGroup var access: VersionAccess

    func run() async throws {
        try await access.withCatalog { catalog in
            let version = try catalog.resolve(version)
            let written = try await catalog.export(version, to: output)
            Console.output(
                "exported \(version.id): " + written.joined(separator: ", ") + "\n")
        }
    }
}

/// How versions read in text.
enum VersionText {
    static func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss 'UTC'"
        return formatter.string(from: date)
    }

    static func outputs(_ version: Version) -> String {
        version.manifest.outputs.map { "\($0.name) \($0.records)" }.joined(separator: ", ")
    }
}
