import Basics
import Foundation

/// Prompt templates by name: the built-in defaults shipped with `frontier`, each replaceable
/// by a recipe's `prompt:` override.
public struct PromptCatalog: Sendable {
    /// Template text by name (`seed`, `escalate`, `answer`, `expert`, `judge`, `condense`).
    public var templates: [String: String]

    public init(templates: [String: String]) {
        self.templates = templates
    }

    /// The names of the built-in templates, in the order stages use them.
    public static let names = ["condense", "seed", "escalate", "answer", "expert", "judge"]

    /// The templates shipped as resources of this module.
    public static func builtIn() throws -> PromptCatalog {
        var templates: [String: String] = [:]
        for name in names {
            guard
                let url = Bundle.module.url(
                    forResource: name, withExtension: "mustache", subdirectory: "Prompts")
            else { throw InternalError("the built-in prompt '\(name)' is not in the bundle") }
            templates[name] = try String(contentsOf: url, encoding: .utf8)
        }
        return PromptCatalog(templates: templates)
    }

    /// The digest of template `name`, or of the override file when one is given.
    func digest(_ name: String, override: Recipe.PromptOverride?) throws -> Digest {
        if let override {
            guard let data = FileManager.default.contents(atPath: override.resolvedPath) else {
                throw PlanningError(
                    "cannot read the prompt template '\(override.resolvedPath)'")
            }
            return Digest(of: data)
        }
        guard let text = templates[name] else {
            throw InternalError("no built-in prompt named '\(name)'")
        }
        return Digest(of: text)
    }
}

/// A plan that cannot be made although the recipe checked clean (a file vanished meanwhile).
public struct PlanningError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
