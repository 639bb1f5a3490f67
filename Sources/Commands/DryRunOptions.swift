import ArgumentParser
import Basics
import Engine
import Foundation
import LanguageModels
import Recipes
import Store

/// What `status`, `explain` and `plan` share: the recipe, the store, and a dry run of the build
/// that tells where the recipe stands against its last build.
struct DryRunOptions: ParsableArguments {
    @Argument(help: "The recipe file.")
    var recipe: String

    @Option(help: "Only the first N knowledge units, as `build --limit N` would build.")
    var limit: Int?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    /// The recipe, checked; diagnostics are reported and errors exit 1.
    func loadRecipe() throws -> Recipe {
        let loaded = RecipeLoading.load(recipe)
        RecipeLoading.report(loaded.diagnostics, sources: loaded.sources, format: .text)
        guard let checked = loaded.recipe, !loaded.hasErrors else { throw ExitCode.failure }
        return checked
    }

    /// Where `recipe` stands against the last build in the store (every task new when there
    /// is no store yet). Sends nothing, writes nothing.
    func status(of recipe: Recipe) async throws -> BuildStatus {
        let storePath = store.resolvedPath
        let options = BuildOptions(
            concurrency: 32, limit: limit,
            indexDirectory: URL(fileURLWithPath: storePath).deletingLastPathComponent()
                .appendingPathComponent("index").path)
        do {
            return try await HTTPSession.with { session in
                if FileManager.default.fileExists(atPath: storePath) {
                    return try await store.withStore { database in
                        try await BuildStatus.of(
                            recipe, store: database, session: session, options: options)
                    }
                }
                return try await BuildStatus.of(
                    recipe, store: InMemoryStore(), session: session, options: options)
            }
        } catch let problems as CorpusProblems {
            RecipeLoading.report(problems.diagnostics, sources: SourceFiles(), format: .text)
            throw ExitCode.failure
        } catch let error as BuildError {
            Console.error("error: \(error)\n")
            throw ExitCode.failure
        }
    }
}
