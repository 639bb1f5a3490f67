public import Basics

extension Recipe {
    /// Documents matched by a glob, tagged with a discipline.
    public struct CorpusSource: Sendable {
        public enum Discipline: Sendable, Hashable, Codable {
            /// Every document of the source has this discipline.
            case constant(String)
            /// JSONL: read from this field of each record.
            case field(String)
            /// Markdown: read from this key of each document's front matter.
            case frontMatter(String)
        }

        public enum Format: String, Sendable, Hashable, Codable {
            case auto, markdown, text, jsonl
        }

        /// The glob as written, relative to the directory of the file that wrote it.
        public var path: Located<String>
        /// The directory `path` is relative to: that of the recipe file it was written in.
        public var baseDirectory: String
        public var discipline: Located<Discipline>
        public var textField: String
        public var idField: String?
        public var format: Format

        init(_ object: ShapedObject) {
            path = object.string("path") ?? Located("", at: object.range)
            baseDirectory = directory(of: path.range.file)
            let value = object.value("discipline")
            if let object = value?.object {
                if let field = object.string("field") {
                    discipline = Located(.field(field.value), at: value!.range)
                } else {
                    discipline = Located(
                        .frontMatter(object.string("frontmatter")?.value ?? "discipline"),
                        at: value!.range)
                }
            } else {
                discipline = (value?.string ?? Located("", at: object.range)).map { .constant($0) }
            }
            textField = object.string("text")!.value
            idField = object.string("id")?.value
            format = Format(rawValue: object.string("format")!.value) ?? .auto
        }

        static let disciplineShape = ObjectShape(
            "discipline source",
            "Where each document's discipline is read from. Exactly one of `field` and "
                + "`frontmatter`.",
            fields: [
                Field(
                    "field", .string(.text), "JSONL: the field holding the discipline.",
                    example: "field: category"),
                Field(
                    "frontmatter", .string(.text),
                    "Markdown: the front-matter key holding the discipline.",
                    example: "frontmatter: discipline"),
            ],
            exactlyOneOf: [["field", "frontmatter"]])

        static let shape = ObjectShape(
            "corpus source", "Documents matched by a glob and tagged by discipline.",
            fields: [
                Field(
                    "path", .string(.glob), required: true,
                    "A glob relative to the recipe file (`*`, `?`, `[abc]`, `**` for any depth). "
                        + "It must match at least one file.",
                    example: "path: corpus/physics/**/*.md"),
                Field(
                    "discipline", .scalarOrObject(scalar: .string(.text), object: disciplineShape),
                    required: true,
                    "The discipline of every document, or where to read it from.",
                    example: "discipline: { field: category }"),
                Field(
                    "format", .choice(["auto", "markdown", "text", "jsonl"]), default: "auto",
                    "How files are read; `auto` goes by extension (`.md`, `.jsonl`, else text).",
                    example: "format: jsonl"),
                Field(
                    "text", .string(.text), default: "text",
                    "JSONL: the field holding the document text.", example: "text: abstract"),
                Field(
                    "id", .string(.text),
                    "JSONL: the field holding a stable document id (default: the line number).",
                    example: "id: doi"),
            ])
    }
}

/// The directory part of `path` (`.` when there is none), normalized.
func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : normalize(String(path[..<slash]))
}
