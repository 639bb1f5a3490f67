import Basics
import Foundation
import Recipes
import TestSupport
import Testing

/// Each fixture in `Fixtures/invalid` is a small recipe with a mistake; its rendered
/// diagnostics are pinned in `Golden/invalid/NAME.txt` (re-record with `FRONTIER_RECORD=1`).
@Suite("Rendered diagnostics of invalid recipes")
struct InvalidRecipeGoldenTests {
    @Test(
        "each invalid fixture renders exactly as its golden file",
        arguments: RecipeFixtures.invalidNames)
    func golden(name: String) throws {
        let loaded = RecipeFixtures.load(RecipeFixtures.invalidPath(name))
        let actual = RecipeFixtures.rendered(loaded)
        let mismatch = Golden.mismatch(actual, goldenPath: RecipeFixtures.goldenPath(name))
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test(
        "each fixture reports the ids its first line expects, in order of position",
        arguments: RecipeFixtures.invalidNames)
    func expectedIDs(name: String) throws {
        let expected = try RecipeFixtures.expectedIDs(name)
        #expect(!expected.isEmpty, "\(name) has no '# expect:' line")
        let ids = RecipeFixtures.load(RecipeFixtures.invalidPath(name)).diagnostics.map(\.id)
        #expect(Set(ids) == Set(expected), "\(name): \(ids)")
    }

    @Test(
        "every fixture fails to load, except the one whose only finding is a warning",
        arguments: RecipeFixtures.invalidNames)
    func fixturesFail(name: String) throws {
        let loaded = RecipeFixtures.load(RecipeFixtures.invalidPath(name))
        if name == "literal-secret" {
            #expect(!loaded.hasErrors)
            #expect(loaded.diagnostics.map(\.severity) == [.warning])
        } else {
            #expect(loaded.hasErrors, "\(name) loaded without errors")
        }
    }

    @Test("there are at least 32 invalid fixtures, each with a golden file")
    func enoughFixtures() {
        let names = RecipeFixtures.invalidNames
        #expect(names.count >= 32)
        for name in names {
            #expect(
                FileManager.default.fileExists(atPath: RecipeFixtures.goldenPath(name)), "\(name)")
        }
    }

    @Test("no golden file is left over from a removed fixture")
    func noLeftoverGoldens() throws {
        let goldens = try FileManager.default.contentsOfDirectory(
            atPath: RecipeFixtures.goldenDirectory + "/invalid")
        let names = Set(RecipeFixtures.invalidNames)
        for golden in goldens where golden.hasSuffix(".txt") {
            #expect(names.contains(String(golden.dropLast(4))), "\(golden) has no fixture")
        }
    }

    @Test("the recipe the fixtures are made from loads without diagnostics")
    func templateIsClean() {
        let loaded = RecipeFixtures.load(RecipeFixtures.directory + "/valid/complete.yaml")
        #expect(loaded.diagnostics.isEmpty, "\(RecipeFixtures.rendered(loaded))")
        #expect(loaded.recipe != nil)
    }
}
