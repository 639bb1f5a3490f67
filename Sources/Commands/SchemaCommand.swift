import ArgumentParser
import Basics
import Recipes

/// `frontier schema`: the recipe language as JSON Schema or as the Markdown key reference.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the recipe language's JSON Schema (draft 2020-12).",
        discussion: """
            The schema is generated from the same description of the language that the checker \
            uses, with a description and default for every key. Editors use it for completion \
            and checking: start a recipe with
              # yaml-language-server: $schema=grammar/recipe.schema.json

            Examples:
              frontier schema > grammar/recipe.schema.json
              frontier schema --format markdown    # the key reference of grammar/README.md
            """
    )

    @Option(help: "json (JSON Schema) or markdown (the key reference tables).")
    var format: SchemaFormat = .json

    func run() throws {
        switch format {
        case .json: Console.output(try Recipe.languageShape.jsonSchema().prettyString())
        case .markdown: Console.output(Recipe.languageShape.referenceMarkdown())
        }
    }
}
