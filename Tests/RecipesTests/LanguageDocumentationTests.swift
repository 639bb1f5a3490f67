import Basics
import Foundation
import Recipes
import TestSupport
import Testing

/// The language has one description; the schema file and the reference must say the same.
@Suite("grammar/ stays in step with the code")
struct LanguageDocumentationTests {
    static let root = Fixtures.repositoryRoot(from: #filePath)

    static func read(_ path: String) throws -> String {
        try String(contentsOfFile: root + "/" + path, encoding: .utf8)
    }

    @Test("grammar/recipe.schema.json is exactly what `frontier schema` generates")
    func schemaFileIsGenerated() throws {
        let generated = try Recipe.languageShape.jsonSchema().prettyString()
        let mismatch = Golden.mismatch(
            generated, goldenPath: Self.root + "/grammar/recipe.schema.json")
        #expect(
            mismatch == nil,
            "\(mismatch ?? ""): regenerate with `frontier schema > grammar/recipe.schema.json`")
    }

    @Test("every key of the language is documented in grammar/README.md, and no other")
    func referenceNamesExactlyTheKeys() throws {
        let readme = try Self.read("grammar/README.md")
        let documented = Set(
            readme.split(separator: "\n").compactMap { line -> String? in
                guard line.hasPrefix("| `") else { return nil }
                let cell = line.dropFirst(3).prefix { $0 != "`" }
                return String(cell)
            })
        let keys = Set(Recipe.languageShape.languageKeys().map(\.path))
        let ids = Set(DiagnosticCatalog.entries.map(\.id.rawValue))
        let prompts = Set(PromptCatalog.names)
        #expect(
            keys.subtracting(documented).isEmpty,
            "undocumented: \(keys.subtracting(documented).sorted())")
        let unknown = documented.subtracting(keys).subtracting(ids).subtracting(prompts)
        #expect(unknown.isEmpty, "documented but not in the language: \(unknown.sorted())")
    }

    @Test("the key reference in grammar/README.md is the generated one")
    func referenceSectionIsGenerated() throws {
        let readme = try Self.read("grammar/README.md")
        let begin = try #require(readme.range(of: "<!-- BEGIN KEY REFERENCE"))
        let end = try #require(readme.range(of: "<!-- END KEY REFERENCE"))
        let body = readme[begin.upperBound..<end.lowerBound].drop { $0 != "\n" }.dropFirst()
        #expect(
            String(body) == Recipe.languageShape.referenceMarkdown(),
            "regenerate with `frontier schema --format markdown`")
    }

    @Test("every diagnostic id declared in Recipes is in the catalogue and in grammar/README.md")
    func diagnosticCatalogueIsComplete() throws {
        let sources = Self.root + "/Sources/Recipes"
        var declared: Set<String> = []
        let files =
            FileManager.default.enumerator(atPath: sources)?.compactMap { $0 as? String } ?? []
        for file in files where file.hasSuffix(".swift") {
            let text = try String(contentsOfFile: sources + "/" + file, encoding: .utf8)
            for line in text.split(separator: "\n") where line.contains(": Self = \"") {
                declared.insert(String(line.split(separator: "\"")[1]))
            }
        }
        let catalogue = Set(DiagnosticCatalog.entries.map(\.id.rawValue))
        #expect(declared.count >= 30)
        #expect(declared == catalogue, "missing: \(declared.subtracting(catalogue).sorted())")
        let readme = try Self.read("grammar/README.md")
        for id in catalogue {
            #expect(readme.contains("| `\(id)` |"), "grammar/README.md lacks \(id)")
        }
    }

    @Test("every built-in prompt template ships and is listed in grammar/README.md")
    func promptsDocumented() throws {
        let catalog = try PromptCatalog.builtIn()
        let readme = try Self.read("grammar/README.md")
        for name in PromptCatalog.names {
            #expect(!(catalog.templates[name] ?? "").isEmpty)
            #expect(readme.contains("| `\(name)` |"))
        }
    }

    @Test("every recipe in recipes/ starts with the schema line for editors")
    func recipesDeclareSchema() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.root + "/recipes")
            .filter { $0.hasSuffix(".yaml") }
        #expect(names.count >= 3)
        for name in names {
            #expect(
                try Self.read("recipes/" + name).hasPrefix(
                    "# yaml-language-server: $schema=../grammar/recipe.schema.json\n"))
        }
    }

    @Test("every recipe in recipes/ validates against the schema with python's jsonschema")
    func recipesValidateAgainstSchema() throws {
        let script = """
            import glob, json, sys, yaml, jsonschema
            schema = json.load(open('grammar/recipe.schema.json'))
            jsonschema.Draft202012Validator.check_schema(schema)
            validator = jsonschema.Draft202012Validator(schema)
            files = sorted(glob.glob('recipes/*.yaml'))
            bad = [(f, e.message) for f in files for e in validator.iter_errors(yaml.safe_load(open(f)))]
            print(len(files), bad)
            sys.exit(1 if bad or not files else 0)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        process.currentDirectoryURL = URL(fileURLWithPath: Self.root)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try ProcessLaunch.run(process)
        let text = String(
            decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
    }
}
