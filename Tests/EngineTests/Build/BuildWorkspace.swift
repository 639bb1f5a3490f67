import Basics
import Engine
import Foundation
import LanguageModels
import Recipes
import TestSupport

@testable import Store

/// A directory with a copy of the quick-start recipe (its corpus read from the repository), a
/// store, and what a build wrote, for end-to-end tests of the engine.
struct BuildWorkspace: Sendable {
    static let root = Fixtures.repositoryRoot(from: #filePath)

    let directory: TemporaryDirectory
    /// When set, recipes are written to call this serve-sim server over HTTP instead of the
    /// in-process simulator.
    var server: SimulatorServer?

    var storePath: String { directory.file(".frontier/store.sqlite") }

    static func with<T: Sendable>(_ body: (BuildWorkspace) async throws -> T) async throws -> T {
        try await TemporaryDirectory.with { directory in
            try await body(BuildWorkspace(directory: directory))
        }
    }

    /// A workspace whose recipes call a serve-sim server of their own on loopback, so tests
    /// can count the requests that really arrive.
    static func served<T: Sendable>(
        _ body: (BuildWorkspace) async throws -> T
    ) async throws -> T {
        try await SimulatorServer.with(.init(port: 0)) { server in
            try await TemporaryDirectory.with { directory in
                try await body(BuildWorkspace(directory: directory, server: server))
            }
        }
    }

    /// A fresh workspace calling the same server as this one, so both write the same recipe.
    func another<T: Sendable>(_ body: (BuildWorkspace) async throws -> T) async throws -> T {
        try await TemporaryDirectory.with { directory in
            try await body(BuildWorkspace(directory: directory, server: server))
        }
    }

    /// The corpus in `corpus/`, copied from the quick start's, for tests that edit it; recipes
    /// written afterwards read this copy.
    func copyCorpus() throws {
        try FileManager.default.copyItem(
            atPath: Self.root + "/recipes/corpus", toPath: directory.file("corpus"))
    }

    private var corpusRoot: String {
        FileManager.default.fileExists(atPath: directory.file("corpus"))
            ? directory.file("corpus") : Self.root + "/recipes/corpus"
    }

    /// The quick-start recipe (without its exam unless `exam`), writing into `out/`, edited by
    /// `edit`; written to `recipe.yaml` and returned as text.
    @discardableResult
    func writeRecipe(exam: Bool = false, _ edit: (String) -> String = { $0 }) throws -> String {
        var text = try String(
            contentsOfFile: Self.root + "/recipes/quickstart.yaml", encoding: .utf8)
        if !exam, let start = text.range(of: "\nexam:") {
            text = String(text[..<start.lowerBound]) + "\n"
        }
        text = text.replacingOccurrences(
            of: "path: corpus/", with: "path: \(corpusRoot)/"
        )
        .replacingOccurrences(
            of: "path: exam-corpus/", with: "path: \(Self.root)/recipes/exam-corpus/"
        )
        .replacingOccurrences(of: "../out/quickstart/", with: "out/")
        if let server { text = text.pointingAt(server.baseURL) }
        text = edit(text)
        _ = try directory.write(text, to: "recipe.yaml")
        return text
    }

    /// The recipe as written, checked.
    func loadRecipe() throws -> Recipe {
        let loaded = RecipeLoader(environment: [:]).load(directory.file("recipe.yaml"))
        guard let recipe = loaded.recipe, !loaded.hasErrors else {
            throw RecipeTextError(diagnostics: loaded.diagnostics.map(\.message))
        }
        return recipe
    }

    /// Builds the recipe as written, in process, with a fresh session.
    func build(
        concurrency: Int = 16, limit: Int? = nil, budget: SendBudget? = nil
    ) async throws -> BuildSummary {
        let recipe = try loadRecipe()
        let store = try SQLiteStore(path: storePath)
        return try await HTTPSession.with { session in
            let builder = Builder(
                recipe: recipe, store: store, session: session,
                options: BuildOptions(
                    concurrency: concurrency, limit: limit,
                    indexDirectory: directory.file(".frontier/index"),
                    temporaryDirectory: NSTemporaryDirectory(), budget: budget),
                progress: BuildProgress())
            return try await builder.run()
        }
    }

    /// The bytes of output `name` (`sft`, `cpt`, `review`).
    func output(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: directory.file("out/\(name).jsonl")))
    }

    /// The records of output `name`.
    func records(_ name: String) throws -> [JSONValue] {
        try String(decoding: output(name), as: UTF8.self).split(separator: "\n").map {
            try JSONDecoder().decode(JSONValue.self, from: Data($0.utf8))
        }
    }

    /// The keys of every call in the store.
    func storedCalls() async throws -> Set<Digest> {
        let store = try SQLiteStore(path: storePath, mode: .existing)
        return Set(try await store.callEntries().map(\.key))
    }
}

extension String {
    /// The text with the simulated endpoint replaced by an HTTP one at `baseURL`.
    func pointingAt(_ baseURL: String, maxAttempts: Int = 10) -> String {
        replacingOccurrences(
            of: "sim:\n    simulated: {}",
            with:
                "sim:\n    base_url: \(baseURL)\n    max_attempts: \(maxAttempts)\n    max_concurrency: 64"
        )
    }
}
