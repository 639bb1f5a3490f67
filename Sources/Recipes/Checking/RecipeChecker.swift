public import Basics
internal import Foundation

extension DiagnosticID {
    public static let unknownReference: Self = "unknown-reference"
    public static let inapplicableKey: Self = "inapplicable-key"
    public static let mixNot100Percent: Self = "mix-not-100-percent"
    public static let disciplineNotInMix: Self = "discipline-not-in-mix"
    public static let disciplineNotInCorpus: Self = "discipline-not-in-corpus"
    public static let emptyZPDBand: Self = "empty-zpd-band"
    public static let noMatchingFiles: Self = "no-matching-files"
    public static let fileNotFound: Self = "file-not-found"
    public static let invalidURL: Self = "invalid-url"
    public static let duplicateOutput: Self = "duplicate-output"
    public static let noOutputs: Self = "no-outputs"
}

/// The rules of the recipe language that span more than one value: references, the discipline
/// mix, the ZPD band, files on disk. Run after shape validation, on the typed recipe.
struct RecipeChecker {
    let recipe: Recipe
    let object: ShapedObject
    var diagnostics: [Diagnostic] = []

    init(recipe: Recipe, object: ShapedObject) {
        self.recipe = recipe
        self.object = object
    }

    consuming func check() -> [Diagnostic] {
        checkEndpoints()
        checkReferences()
        checkTools()
        checkDisciplines()
        checkBands()
        checkFiles()
        checkOutputs()
        return diagnostics
    }

    private mutating func checkEndpoints() {
        for endpoint in recipe.endpoints {
            guard case .http(let url?, _) = endpoint.kind else { continue }
            let text = url.value
            let valid =
                (text.hasPrefix("http://") || text.hasPrefix("https://"))
                && URL(string: text)?.host?.isEmpty == false
            if !valid {
                error(
                    .invalidURL, "'\(text)' is not an http or https URL", at: url.range,
                    notes: [.init("for example 'http://127.0.0.1:8000/v1'")])
            }
        }
    }

    private mutating func checkReferences() {
        for model in recipe.models where !model.endpoint.value.isEmpty {
            reference(model.endpoint, kind: .endpoint)
        }
        var uses = [
            recipe.seedQuestions.model, recipe.escalation.model, recipe.difficulty.peer.model,
            recipe.difficulty.expert.model, recipe.difficulty.judge.model,
        ]
        if case .model(let model) = recipe.compose.similarity { uses.append(model) }
        if let condense = recipe.compose.condense { uses.append(condense.model) }
        for use in uses where !use.value.isEmpty {
            reference(use, kind: .model)
        }
        for budget in [recipe.escalation.budget, recipe.difficulty.expert.budget] {
            for name in budget.perTool.keys.sorted(by: { $0.range.start < $1.range.start }) {
                reference(name, kind: .tool)
            }
        }
    }

    /// Reports `name` unless a `kind` of that name is declared (or the section declaring them
    /// is itself unusable, which was reported already).
    private mutating func reference(_ name: Located<String>, kind reference: Shape.ReferenceKind) {
        guard case .some(.some(let declared)) = recipe.declaredNames[reference],
            !declared.contains(name.value)
        else { return }
        let kind = reference.rawValue
        let known = Self.declarationOrder(reference, in: object).filter(declared.contains)
        var notes: [Diagnostic.Note] = []
        if let match = closestMatch(to: name.value, among: known) {
            notes.append(.init("did you mean '\(match)'?"))
        }
        if known.isEmpty {
            notes.append(.init("no \(kind)s are declared"))
        } else {
            notes.append(
                .init("known \(kind)s: \(known.map { "'\($0)'" }.joined(separator: ", "))"))
        }
        error(.unknownReference, "unknown \(kind) '\(name.value)'", at: name.range, notes: notes)
    }

    private mutating func checkTools() {
        for tool in recipe.tools {
            guard let kind = tool.kind else { continue }
            for setting in tool.writtenSettings where !kind.value.settings.contains(setting.value) {
                let owner = Recipe.Tool.Kind.allCases.first { $0.settings.contains(setting.value) }
                error(
                    .inapplicableKey,
                    "'\(setting.value)' does not apply to a \(kind.value.rawValue) tool",
                    at: setting.range,
                    notes: owner.map {
                        [.init("'\(setting.value)' is a setting of \($0.rawValue) tools")]
                    }
                        ?? [])
            }
        }
    }

    /// The names of a section's entries in the order written.
    private static func declarationOrder(
        _ kind: Shape.ReferenceKind, in object: ShapedObject
    ) -> [String] {
        let section = ["endpoint": "endpoints", "model": "models", "tool": "tools"][kind.rawValue]!
        return object.value(section)?.entries?.map(\.name.value) ?? []
    }

    private mutating func checkDisciplines() {
        let mix = recipe.disciplines
        guard !mix.isEmpty else { return }
        let shares = mix.compactMap(\.percent)
        let total = shares.map(\.value).reduce(0, +)
        // A share that failed its own check was reported; summing the rest would only mislead.
        if shares.count == mix.count, abs(total - 100) > 1e-9 {
            error(
                .mixNot100Percent,
                "discipline shares sum to \(total.formatted)%; expected 100%",
                at: recipe.disciplinesRange,
                notes: mix.compactMap { share in
                    share.percent.map {
                        .init("'\(share.name.value)' is \($0.value.formatted)%", at: $0.range)
                    }
                })
        }
        let mixNames = mix.map(\.name.value)
        var constant: [String] = []
        var dynamic = false
        for source in recipe.corpus {
            switch source.discipline.value {
            case .constant(let name):
                constant.append(name)
                if !name.isEmpty, !mixNames.contains(name) {
                    var notes: [Diagnostic.Note] = []
                    if let match = closestMatch(to: name, among: mixNames) {
                        notes.append(.init("did you mean '\(match)'?"))
                    }
                    notes.append(.init("the mix is declared here", at: recipe.disciplinesRange))
                    error(
                        .disciplineNotInMix, "discipline '\(name)' is not in the 'disciplines' mix",
                        at: source.discipline.range, notes: notes)
                }
            case .field, .frontMatter:
                dynamic = true
            }
        }
        // Disciplines read from the documents are checked when the corpus is read.
        guard !dynamic else { return }
        for share in mix where !constant.contains(share.name.value) {
            var notes: [Diagnostic.Note] = []
            if let match = closestMatch(to: share.name.value, among: constant) {
                notes.append(.init("did you mean '\(match)'?"))
            }
            error(
                .disciplineNotInCorpus, "no corpus source has discipline '\(share.name.value)'",
                at: share.name.range, notes: notes)
        }
    }

    /// `solves` within `0…attempts`, and a ZPD band that some item can land in.
    private mutating func checkBands() {
        let difficulty = recipe.difficulty
        var bands:
            [(role: String, attempts: Located<Int>, solves: Located<SolveRule>, mustFail: Bool)] = [
                ("peer", difficulty.peer.attempts, difficulty.peer.solves, true),
                ("expert", difficulty.expert.attempts, difficulty.expert.solves, false),
            ]
        if let exam = recipe.exam {
            bands += [
                ("exam peer", exam.peer.attempts, exam.peer.solves, true),
                ("exam expert", exam.expert.attempts, exam.expert.solves, false),
            ]
        }
        for band in bands {
            let attempts = band.attempts.value
            let rule = band.solves.value
            if rule.count > attempts {
                error(
                    .outOfRange,
                    "the \(band.role)'s 'solves' is \(rule), out of range; expected 0 to \(attempts) "
                        + "(its attempts)", at: band.solves.range,
                    notes: [.init("'attempts' is \(attempts)", at: band.attempts.range)])
                continue
            }
            let accepted = rule.accepted(outOf: attempts)
            let problem: String? =
                if accepted.isEmpty {
                    "the \(band.role)'s 'solves: \(rule)' cannot be met with \(attempts) attempt(s)"
                } else if band.mustFail && accepted.contains(attempts) {
                    "the \(band.role)'s 'solves: \(rule)' counts a peer that solves all \(attempts) "
                        + "attempt(s) as failing"
                } else if !band.mustFail && accepted.contains(0) {
                    "the \(band.role)'s 'solves: \(rule)' counts an expert that solves none of "
                        + "\(attempts) attempt(s) as succeeding"
                } else {
                    nil
                }
            if let problem {
                error(
                    .emptyZPDBand, problem, at: band.solves.range,
                    notes: [
                        .init(
                            "the ZPD band holds items the peer fails without tools and the expert "
                                + "solves with them")
                    ])
            }
        }
    }

    private mutating func checkFiles() {
        for source in recipe.corpus + (recipe.exam?.corpus ?? []) where !source.path.value.isEmpty {
            if Glob(source.path.value).files(in: source.baseDirectory).isEmpty {
                error(
                    .noMatchingFiles, "'\(source.path.value)' matches no files",
                    at: source.path.range,
                    notes: [.init("paths are relative to '\(source.baseDirectory)'")])
            }
        }
        let prompts = [
            recipe.seedQuestions.prompt, recipe.escalation.prompt, recipe.difficulty.peer.prompt,
            recipe.difficulty.expert.prompt, recipe.difficulty.judge.prompt,
            recipe.compose.condense?.prompt,
        ]
        for prompt in prompts.compactMap({ $0 })
        where !FileManager.default.fileExists(atPath: prompt.resolvedPath) {
            error(
                .fileNotFound, "no prompt template at '\(prompt.resolvedPath)'",
                at: prompt.path.range)
        }
    }

    private mutating func checkOutputs() {
        var files = recipe.outputs.all.map {
            (name: $0.name, path: $0.file.path, resolved: $0.file.resolvedPath)
        }
        if let exam = recipe.exam {
            files.append(("exam", exam.output, exam.resolvedOutput))
        }
        if recipe.outputs.all.isEmpty, object.has("outputs") {
            error(
                .noOutputs,
                "'outputs' declares no files; expected at least one of sft, cpt, review",
                at: recipe.outputs.range)
        }
        var seen: [String: (name: String, path: Located<String>)] = [:]
        for file in files {
            if let first = seen[file.resolved] {
                error(
                    .duplicateOutput,
                    "outputs '\(first.name)' and '\(file.name)' both write '\(file.path.value)'",
                    at: file.path.range,
                    notes: [.init("'\(first.name)' writes it here", at: first.path.range)])
            } else {
                seen[file.resolved] = (file.name, file.path)
            }
        }
    }

    private mutating func error(
        _ id: DiagnosticID, _ message: String, at range: SourceRange?, notes: [Diagnostic.Note] = []
    ) {
        diagnostics.append(.error(id, message, at: range, notes: notes))
    }
}
