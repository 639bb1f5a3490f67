import Basics
import Recipes
import Testing

/// Scalars resolve by the YAML 1.2 core schema, not YAML 1.1.
@Suite("plain scalars resolve by the YAML 1.2 core schema")
struct CoreSchemaTests {
    /// The resolved value of `value` written as a plain scalar in `key: value`.
    private func resolve(_ value: String) throws -> YAMLValue {
        var diagnostics: [Diagnostic] = []
        let root = try #require(
            YAMLComposer().compose(
                "key: \(value)\n", file: "schema.yaml", diagnostics: &diagnostics))
        #expect(diagnostics.isEmpty)
        return try #require(root["key"]).resolved
    }

    @Test(
        "YAML 1.1 booleans such as yes, no, on, off, NO and y stay strings",
        arguments: ["yes", "no", "on", "off", "NO", "y", "n", "Yes", "ON"])
    func yamlOneOneBooleansAreStrings(word: String) throws {
        #expect(try resolve(word) == .string(word))
    }

    @Test(
        "true and false in their three spellings are booleans",
        arguments: [
            ("true", true), ("True", true), ("TRUE", true), ("false", false), ("False", false),
            ("FALSE", false),
        ])
    func booleans(text: String, value: Bool) throws {
        #expect(try resolve(text) == .bool(value))
    }

    @Test("other capitalisations of true are strings")
    func mixedCaseTrueIsString() throws {
        #expect(try resolve("tRUE") == .string("tRUE"))
    }

    @Test(
        "decimal integers with a leading zero are decimal, not octal",
        arguments: [("012", 12), ("0", 0), ("-7", -7), ("+12", 12), ("007", 7)])
    func decimalIntegers(text: String, value: Int) throws {
        #expect(try resolve(text) == .integer(value))
    }

    @Test("0o and 0x prefixes are octal and hexadecimal")
    func octalAndHexadecimal() throws {
        #expect(try resolve("0o14") == .integer(12))
        #expect(try resolve("0x1F") == .integer(31))
        #expect(try resolve("0xc") == .integer(12))
    }

    @Test(
        "malformed radix integers and YAML 1.1 forms stay strings",
        arguments: ["0o8", "0x", "0xG1", "1_000", "0b101", "12abc", "1:30"])
    func malformedNumbersAreStrings(text: String) throws {
        #expect(try resolve(text) == .string(text))
    }

    @Test(
        "exponents, bare fractions and signed infinities are floats",
        arguments: [
            ("1e3", 1000.0), (".5", 0.5), ("-.inf", -Double.infinity), ("+.inf", .infinity),
            (".Inf", .infinity), ("2.5E-1", 0.25), ("-0.5", -0.5), ("1.", 1.0),
        ])
    func floats(text: String, value: Double) throws {
        #expect(try resolve(text) == .float(value))
    }

    @Test("'.nan' is a float that is not a number")
    func notANumber() throws {
        guard case .float(let value) = try resolve(".nan") else {
            Issue.record("'.nan' did not resolve to a float")
            return
        }
        #expect(value.isNaN)
    }

    @Test(
        "'~', 'null', 'Null', 'NULL' and an empty value are null",
        arguments: ["~", "null", "Null", "NULL", ""])
    func nulls(text: String) throws {
        #expect(try resolve(text) == .null)
    }

    @Test(
        "quoted scalars are always strings, whatever they look like",
        arguments: ["\"12\"", "'true'", "\"~\"", "'0x1F'", "\"\""])
    func quotedAreStrings(text: String) throws {
        #expect(try resolve(text) == .string(String(text.dropFirst().dropLast())))
    }

    @Test("a '!!str' tag keeps a number-like scalar a string")
    func strTag() throws {
        #expect(try resolve("!!str 12") == .string("12"))
    }

    @Test("block scalars are strings")
    func blockScalars() throws {
        var diagnostics: [Diagnostic] = []
        let root = try #require(
            YAMLComposer().compose(
                "a: |\n  12\nb: >\n  true\n", file: "s.yaml", diagnostics: &diagnostics))
        #expect(root["a"]?.resolved == .string("12\n"))
        #expect(root["b"]?.resolved == .string("true\n"))
    }

    @Test("'yes' for a boolean setting is a type mismatch that explains YAML 1.2")
    func yesForBooleanInRecipe() throws {
        let loaded = RecipeFixtures.load(
            RecipeFixtures.invalidPath("type-mismatch-yes-for-boolean"))
        let mismatch = try #require(loaded.diagnostics.first { $0.id == .typeMismatch })
        #expect(
            mismatch.notes.map(\.message) == [
                "YAML 1.2 reads 'yes' as a string; write true or false"
            ])
    }
}
