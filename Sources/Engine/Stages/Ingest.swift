public import Basics
internal import Foundation
public import Recipes
public import Tools

/// Stage I, ingest: every corpus source's files read into documents tagged with a discipline.
///
/// Markdown may open with front matter (`---` lines around `key: value` pairs); its text is what
/// follows. Plain text is read whole. JSONL gives one document per line from its text field.
/// The discipline is the source's constant, a front-matter key or a JSONL field. Document ids
/// are paths relative to the recipe's directory (`corpus/physics/optics.md`), with `#id` (the
/// `id` field, else the line number) for JSONL records. Problems in the data are diagnostics at
/// the file and line; the document concerned is skipped and the rest are read.
public enum Ingest {
    /// What reading the corpus gave: documents sorted by id, and problems found.
    public struct Result: Sendable {
        public var documents: [CorpusDocument]
        public var diagnostics: [Diagnostic]
        /// Where each document's source is declared (its `path`), by document id.
        public var origins: [String: SourceRange] = [:]
    }

    /// Reads every source of `recipe.corpus`.
    public static func run(_ sources: [Recipe.CorpusSource]) -> Result {
        var documents: [String: CorpusDocument] = [:]
        var diagnostics: [Diagnostic] = []
        var origins: [String: SourceRange] = [:]
        for source in sources {
            for path in Glob(source.path.value).files(in: source.baseDirectory) {
                let read = read(path, as: source)
                diagnostics += read.diagnostics
                for document in read.documents {
                    if documents[document.id] != nil {
                        diagnostics.append(
                            .warning(
                                .duplicateDocument,
                                "'\(document.id)' is matched by more than one corpus source",
                                at: source.path.range))
                    } else {
                        documents[document.id] = document
                        origins[document.id] = source.path.range
                    }
                }
            }
        }
        return Result(
            documents: documents.values.sorted { $0.id < $1.id }, diagnostics: diagnostics,
            origins: origins)
    }

    /// The documents of one file.
    static func read(_ path: String, as source: Recipe.CorpusSource) -> Result {
        let id = relative(path, to: source.baseDirectory)
        let start = SourceRange(at: SourceLocation(file: path, line: 1, column: 1))
        guard let data = FileManager.default.contents(atPath: path),
            let text = String(bytes: data, encoding: .utf8)
        else {
            return Result(
                documents: [],
                diagnostics: [
                    .error(.unreadableDocument, "cannot read '\(id)' as UTF-8 text", at: start)
                ])
        }
        switch format(of: path, source.format) {
        case .jsonl:
            return JSONLReader(path: path, id: id, source: source).read(text)
        case .markdown:
            let (frontMatter, body) = FrontMatter.split(text)
            return single(id: id, text: body, fields: frontMatter, source: source, at: start)
        case .text, .auto:
            return single(id: id, text: text, fields: [:], source: source, at: start)
        }
    }

    private static func single(
        id: String, text: String, fields: [String: String], source: Recipe.CorpusSource,
        at range: SourceRange
    ) -> Result {
        let discipline: String?
        switch source.discipline.value {
        case .constant(let name): discipline = name
        case .frontMatter(let key): discipline = fields[key]
        case .field(let key): discipline = fields[key]
        }
        guard let discipline, !discipline.isEmpty else {
            return Result(
                documents: [],
                diagnostics: [
                    .error(.missingDiscipline, "'\(id)' gives no discipline", at: range)
                ])
        }
        return Result(
            documents: [CorpusDocument(id: id, discipline: discipline, text: text)],
            diagnostics: [])
    }

    static func format(
        of path: String, _ declared: Recipe.CorpusSource.Format
    ) -> Recipe.CorpusSource.Format {
        guard declared == .auto else { return declared }
        let lowered = path.lowercased()
        if lowered.hasSuffix(".md") || lowered.hasSuffix(".markdown") { return .markdown }
        if lowered.hasSuffix(".jsonl") { return .jsonl }
        return .text
    }

    static func relative(_ path: String, to base: String) -> String {
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return base != "." && path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
