public import Basics
import Foundation
import Mustache
public import Recipes

/// The prompt templates a build renders: the built-in defaults, each replaced by the recipe's
/// override where it names one, compiled once.
///
/// Templates render as plain text (no HTML escaping): a question holding `<`, `&` or quotes
/// reaches the model as written.
public struct PromptSet: Sendable {
    /// Which template a stage renders.
    public enum Slot: String, Sendable, CaseIterable {
        case condense, seed, escalate, answer, expert, judge
    }

    private let templates: [Slot: MustacheTemplate]
    /// The digest of each template's text, as the plan's node keys use them.
    public let digests: [Slot: Digest]

    /// The templates of `recipe`, from `catalog` unless overridden. Throws, naming the file,
    /// when an override cannot be read or does not parse.
    public init(recipe: Recipe, catalog: PromptCatalog) throws {
        let overrides: [Slot: Recipe.PromptOverride?] = [
            .condense: recipe.compose.condense?.prompt, .seed: recipe.seedQuestions.prompt,
            .escalate: recipe.escalation.prompt, .answer: recipe.difficulty.peer.prompt,
            .expert: recipe.difficulty.expert.prompt, .judge: recipe.difficulty.judge.prompt,
        ]
        var templates: [Slot: MustacheTemplate] = [:]
        var digests: [Slot: Digest] = [:]
        for slot in Slot.allCases {
            let text: String
            let origin: String
            if let override = overrides[slot] ?? nil {
                guard let data = FileManager.default.contents(atPath: override.resolvedPath) else {
                    throw BuildError("cannot read the prompt template '\(override.resolvedPath)'")
                }
                text = String(decoding: data, as: UTF8.self)
                origin = override.resolvedPath
            } else {
                guard let builtIn = catalog.templates[slot.rawValue] else {
                    throw InternalError("no built-in prompt named '\(slot.rawValue)'")
                }
                text = builtIn
                origin = "the built-in '\(slot.rawValue)' template"
            }
            do {
                templates[slot] = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + text)
            } catch {
                throw BuildError("\(origin) is not a valid Mustache template: \(error)")
            }
            digests[slot] = Digest(of: text)
        }
        self.templates = templates
        self.digests = digests
    }

    /// `slot` rendered with `context` (strings, numbers, booleans, arrays and dictionaries of
    /// them).
    func render(_ slot: Slot, _ context: [String: Any]) -> String {
        templates[slot]!.render(context)
    }
}

/// A build that cannot go on, said in a sentence for the user.
public struct BuildError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
