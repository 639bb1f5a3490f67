public import Basics

/// Every diagnostic the recipe front end can report, with what it means: the list
/// `grammar/README.md` documents (a test keeps the two equal).
public enum DiagnosticCatalog {
    public struct Entry: Sendable {
        public var id: DiagnosticID
        public var severity: Diagnostic.Severity
        public var meaning: String
    }

    public static let entries: [Entry] = [
        // Reading YAML
        .init(
            id: .unreadableFile, severity: .error,
            meaning: "the recipe file is missing, unreadable or not UTF-8"),
        .init(
            id: .fileTooLarge, severity: .error,
            meaning: "the file is larger than the limit (8 MiB); checked before reading"),
        .init(
            id: .yamlSyntax, severity: .error,
            meaning:
                "libyaml could not parse the file; reported at its position, and checking stops"),
        .init(
            id: .nestingTooDeep, severity: .error,
            meaning: "mappings and lists nest deeper than 64 levels"),
        .init(id: .scalarTooLong, severity: .error, meaning: "one value is longer than 1 MiB"),
        .init(
            id: .aliasExpansionLimit, severity: .error,
            meaning: "aliases expand the document past 1,000,000 nodes (a \"billion laughs\" file)"),
        .init(
            id: .undefinedAlias, severity: .error,
            meaning: "an alias names no anchor defined before it"),
        .init(
            id: .duplicateKey, severity: .error,
            meaning:
                "a key appears twice in one mapping; reported at the second, with a note at the first"
        ),
        .init(
            id: .multipleDocuments, severity: .error,
            meaning: "the file holds more than one YAML document"),
        .init(
            id: .unsupportedTag, severity: .error,
            meaning: "an explicit tag other than the core schema's (`!!str`, `!!int`, …)"),
        .init(id: .complexKey, severity: .error, meaning: "a mapping key is a list or mapping"),
        .init(
            id: .notARecipe, severity: .error, meaning: "the document is not a mapping of sections"),
        // extends and ${env:…}
        .init(
            id: .extendsCycle, severity: .error,
            meaning: "`extends` leads back to a recipe already being extended"),
        .init(
            id: .extendsTooDeep, severity: .error,
            meaning: "an `extends` chain is longer than 16 files"),
        .init(
            id: .extendsNotFound, severity: .error,
            meaning: "`extends` names a file that does not exist"),
        .init(
            id: .undefinedEnvironmentVariable, severity: .error,
            meaning: "`${env:NAME}` names an unset variable and gives no `:-default`"),
        .init(
            id: .invalidEnvironmentReference, severity: .error,
            meaning: "a malformed `${env:…}` reference"),
        .init(
            id: .literalSecret, severity: .warning,
            meaning: "an `api_key` written literally instead of as `${env:NAME}`"),
        // Shapes and values
        .init(
            id: .unknownKey, severity: .error,
            meaning: "a key the language does not have, with `did you mean`"),
        .init(id: .missingKey, severity: .error, meaning: "a required key is absent"),
        .init(
            id: .conflictingKeys, severity: .error,
            meaning: "two keys that exclude each other (`simulated` and `base_url`)"),
        .init(
            id: .typeMismatch, severity: .error,
            meaning: "a value of the wrong type (`yes` where a boolean is expected is a string)"),
        .init(
            id: .outOfRange, severity: .error,
            meaning: "a number, duration, size or `solves` outside its range"),
        .init(
            id: .invalidValue, severity: .error,
            meaning: "a word that is not one of the allowed values"),
        .init(
            id: .invalidDuration, severity: .error,
            meaning: "a duration not of the form `250ms`, `30s`, `2m`, `1h`"),
        .init(
            id: .invalidSize, severity: .error, meaning: "a size not of the form `512MB`, `2GiB`"),
        .init(
            id: .invalidPercentage, severity: .error, meaning: "a percentage not of the form `40%`"),
        .init(
            id: .invalidSolves, severity: .error,
            meaning: "a `solves` rule that is neither a count nor a comparison such as `\">=1\"`"),
        .init(id: .emptyList, severity: .error, meaning: "a list that needs items is empty"),
        .init(
            id: .invalidURL, severity: .error,
            meaning: "a `base_url` that is not an http or https URL"),
        // Rules across the recipe
        .init(
            id: .unknownReference, severity: .error,
            meaning: "a name (endpoint, model, tool) that is not declared, with `did you mean`"),
        .init(
            id: .inapplicableKey, severity: .error,
            meaning: "a tool setting that does not apply to the tool's kind"),
        .init(
            id: .mixNot100Percent, severity: .error,
            meaning: "the `disciplines` shares do not sum to 100%"),
        .init(
            id: .disciplineNotInMix, severity: .error,
            meaning: "a corpus source's discipline is missing from the mix"),
        .init(
            id: .disciplineNotInCorpus, severity: .error,
            meaning: "a discipline of the mix that no corpus source provides"),
        .init(
            id: .emptyZPDBand, severity: .error,
            meaning: "the peer and expert rules leave no item in the ZPD band"),
        .init(id: .noMatchingFiles, severity: .error, meaning: "a corpus glob matches no files"),
        .init(
            id: .fileNotFound, severity: .error,
            meaning: "a prompt template override does not exist"),
        .init(id: .duplicateOutput, severity: .error, meaning: "two outputs write the same file"),
        .init(id: .noOutputs, severity: .error, meaning: "`outputs` declares no file"),
        // Reading the corpus (at build time)
        .init(
            id: .unreadableDocument, severity: .error,
            meaning: "a corpus file is unreadable or not UTF-8; it is skipped"),
        .init(
            id: .invalidRecord, severity: .error,
            meaning: "a JSONL line that is not a JSON object, or lacks its text field; skipped"),
        .init(
            id: .missingDiscipline, severity: .error,
            meaning: "a document whose front matter or field gives no discipline; skipped"),
        .init(
            id: .duplicateDocument, severity: .warning,
            meaning: "two corpus sources match one file; the first source's reading is kept"),
        .init(
            id: .examOverlap, severity: .error,
            meaning: "an exam document has the same text as a training document"),
    ]
}

extension DiagnosticID {
    public static let unreadableDocument: Self = "unreadable-document"
    public static let invalidRecord: Self = "invalid-record"
    public static let missingDiscipline: Self = "missing-discipline"
    public static let duplicateDocument: Self = "duplicate-document"
    public static let examOverlap: Self = "exam-overlap"
}
