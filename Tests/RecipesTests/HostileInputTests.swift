import Basics
import Foundation
import Recipes
import TestSupport
import Testing

@Suite("hostile input fails with one clear error instead of exhausting time or memory")
struct HostileInputTests {
    /// Nine levels, each a list of nine aliases of the level below: 9^10 nodes once expanded.
    static let billionLaughs: String = {
        var lines = ["lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 {
            let aliases = Array(repeating: "*lol\(level - 1)", count: 9).joined(separator: ", ")
            lines.append("lol\(level): &lol\(level) [\(aliases)]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test("a billion-laughs document stops with exactly one alias-expansion-limit error")
    func billionLaughsComposer() {
        var diagnostics: [Diagnostic] = []
        let root = YAMLComposer().compose(
            Self.billionLaughs, file: "laughs.yaml", diagnostics: &diagnostics)
        #expect(root == nil)
        #expect(diagnostics.map(\.id) == [.aliasExpansionLimit])
        #expect(diagnostics.first?.severity == .error)
    }

    @Test("a billion-laughs recipe file is rejected by the loader with the same single error")
    func billionLaughsLoader() throws {
        let (loaded, _) = try ScratchRecipe.load(files: ["recipe.yaml": Self.billionLaughs])
        #expect(loaded.recipe == nil)
        #expect(loaded.diagnostics.map(\.id) == [.aliasExpansionLimit])
    }

    @Test("aliases within the limit are expanded as copies of their anchors")
    func aliasesWithinLimit() throws {
        var diagnostics: [Diagnostic] = []
        let text = "base: &base { endpoint: sim, temperature: 0 }\ncopy: *base\n"
        let root = try #require(
            YAMLComposer().compose(text, file: "a.yaml", diagnostics: &diagnostics))
        #expect(diagnostics.isEmpty)
        #expect(root["copy"]?["endpoint"]?.resolved == .string("sim"))
        #expect(root["copy"]?["temperature"]?.resolved == .integer(0))
        #expect(root["copy"]?.range.start.line == 2)
    }

    @Test("a small expansion limit counts every node an alias stands for")
    func expansionLimitBoundary() {
        let text = "a: &a [1, 2, 3]\nb: [*a, *a]\n"
        var small: [Diagnostic] = []
        _ = YAMLComposer(limits: YAMLLimits(maxExpandedNodes: 8))
            .compose(text, file: "a.yaml", diagnostics: &small)
        #expect(small.map(\.id) == [.aliasExpansionLimit])
        var enough: [Diagnostic] = []
        _ = YAMLComposer(limits: YAMLLimits(maxExpandedNodes: 100))
            .compose(text, file: "a.yaml", diagnostics: &enough)
        #expect(enough.isEmpty)
    }

    @Test("100,000 nested '[' stop at the nesting limit with one error at the first level too deep")
    func deepFlowNesting() {
        var diagnostics: [Diagnostic] = []
        let text = String(repeating: "[", count: 100_000)
        let root = YAMLComposer().compose(text, file: "deep.yaml", diagnostics: &diagnostics)
        #expect(root == nil)
        #expect(diagnostics.map(\.id) == [.nestingTooDeep])
        #expect(diagnostics.first?.range?.start.line == 1)
        #expect(diagnostics.first?.range?.start.column == YAMLLimits.default.maxDepth + 1)
    }

    @Test("100,000 nested '{' stop at the nesting limit too")
    func deepFlowMappingNesting() {
        var diagnostics: [Diagnostic] = []
        let text = String(repeating: "{a: ", count: 100_000)
        let root = YAMLComposer().compose(text, file: "deep.yaml", diagnostics: &diagnostics)
        #expect(root == nil)
        #expect(diagnostics.map(\.id) == [.nestingTooDeep])
    }

    @Test("nesting exactly at the limit is accepted; one level more is not")
    func nestingBoundary() {
        let limits = YAMLLimits(maxDepth: 5)
        var atLimit: [Diagnostic] = []
        let five = String(repeating: "[", count: 5) + String(repeating: "]", count: 5)
        #expect(YAMLComposer(limits: limits).compose(five, file: "a", diagnostics: &atLimit) != nil)
        #expect(atLimit.isEmpty)
        var over: [Diagnostic] = []
        let six = String(repeating: "[", count: 6) + String(repeating: "]", count: 6)
        #expect(YAMLComposer(limits: limits).compose(six, file: "a", diagnostics: &over) == nil)
        #expect(over.map(\.id) == [.nestingTooDeep])
    }

    @Test("a 50 MiB file is refused by its size on disk, before it is read or parsed")
    func hugeFile() throws {
        try TemporaryDirectory.with { directory in
            let path = directory.file("huge.yaml")
            #expect(FileManager.default.createFile(atPath: path, contents: nil))
            let handle = try #require(FileHandle(forWritingAtPath: path))
            try handle.truncate(atOffset: 50 << 20)
            try handle.close()
            let loaded = RecipeLoader(environment: [:]).load(path)
            #expect(loaded.recipe == nil)
            #expect(loaded.diagnostics.map(\.id) == [.fileTooLarge])
            #expect(loaded.diagnostics.first?.message.contains("recipes are limited to") == true)
            #expect(loaded.diagnostics.first?.range?.start.line == 1)
            // Never read: a file that had been read would be among the sources.
            #expect(loaded.sources[path] == nil)
        }
    }

    @Test("the composer refuses text over the file limit without parsing it")
    func composerFileLimit() {
        var diagnostics: [Diagnostic] = []
        let text = "name: " + String(repeating: "x", count: 200) + "\n[[[ not yaml"
        let root = YAMLComposer(limits: YAMLLimits(maxFileBytes: 100))
            .compose(text, file: "big.yaml", diagnostics: &diagnostics)
        #expect(root == nil)
        #expect(diagnostics.map(\.id) == [.fileTooLarge])
    }

    @Test("a scalar over the limit is refused with scalar-too-long at the scalar")
    func scalarTooLong() {
        let limits = YAMLLimits(maxScalarBytes: 64)
        var diagnostics: [Diagnostic] = []
        let text = "name: ok\nprompt: " + String(repeating: "x", count: 65) + "\n"
        let root = YAMLComposer(limits: limits)
            .compose(text, file: "long.yaml", diagnostics: &diagnostics)
        #expect(root == nil)
        #expect(diagnostics.map(\.id) == [.scalarTooLong])
        #expect(diagnostics.first?.range?.start.line == 2)
        #expect(diagnostics.first?.range?.start.column == 9)
    }

    @Test("a scalar exactly at the limit is accepted")
    func scalarAtLimit() {
        let limits = YAMLLimits(maxScalarBytes: 64)
        var diagnostics: [Diagnostic] = []
        let text = "prompt: " + String(repeating: "x", count: 64) + "\n"
        let root = YAMLComposer(limits: limits)
            .compose(text, file: "long.yaml", diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(root?["prompt"]?.scalar?.text.count == 64)
    }

    @Test("the loader applies its custom limits to recipe files")
    func loaderLimits() throws {
        let text = "frontier: 1\nname: " + String(repeating: "n", count: 100) + "\n"
        let (loaded, _) = try ScratchRecipe.load(
            files: ["recipe.yaml": text], limits: YAMLLimits(maxScalarBytes: 50))
        #expect(loaded.diagnostics.map(\.id) == [.scalarTooLong])
    }
}
