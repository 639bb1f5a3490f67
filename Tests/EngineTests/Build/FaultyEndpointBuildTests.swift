import Basics
import Engine
import Foundation
import LanguageModels
import Recipes
import Testing

@Suite("Builds through serve-sim over HTTP")
struct FaultyEndpointBuildTests {
    /// The quick start pointed at `server`, cached under one name whichever port it has.
    static func recipe(_ server: SimulatorServer) -> (String) -> String {
        {
            $0.pointingAt(server.baseURL).replacingOccurrences(
                of: "    max_concurrency: 64",
                with: "    max_concurrency: 64\n    cache_as: sim-http")
        }
    }

    @Test(
        "with 20% injected faults the outputs are byte-identical to a fault-free build, and a rebuild sends zero requests"
    )
    func faultsChangeNothing() async throws {
        // Each server listens on a port of its own (binding the first one's port again can
        // race another test that was given it meanwhile), so the two recipes differ in their
        // base_url, and so in the recipe digest every record's provenance carries. The noisy
        // outputs are compared with that digest replaced by the clean one; every other byte
        // must be equal.
        let (clean, cleanDigest) = try await SimulatorServer.with(.init(port: 0)) { server in
            try await BuildWorkspace.with { workspace in
                try workspace.writeRecipe(Self.recipe(server))
                _ = try await workspace.build(concurrency: 32)
                let sent = await server.statistics().chatCompletions
                #expect(sent > 0)

                let again = try await workspace.build(concurrency: 32)
                #expect(await server.statistics().chatCompletions == sent)
                #expect(again.upToDate)
                return (
                    try ["sft", "cpt", "review"].map(workspace.output),
                    try workspace.loadRecipe().digest.hex
                )
            }
        }
        var faulty = SimulatorServer.Configuration(port: 0)
        faulty.faults = try FaultSpec("429:5%,500:5%,503:5%,reset:5%")
        let noisy = try await SimulatorServer.with(faulty) { server in
            try await BuildWorkspace.with { workspace in
                try workspace.writeRecipe(Self.recipe(server))
                let summary = try await workspace.build(concurrency: 32)
                #expect((summary.buckets[.failed] ?? 0) == 0)
                let statistics = await server.statistics()
                #expect(statistics.faults.values.reduce(0, +) > 0)
                let digest = try workspace.loadRecipe().digest.hex
                #expect(digest != cleanDigest)
                return try ["sft", "cpt", "review"].map {
                    let text = String(decoding: try workspace.output($0), as: UTF8.self)
                    // Every record carries the recipe digest (the review file may have none).
                    #expect(text.isEmpty || text.contains(digest), "\($0) lacks the digest")
                    return Data(text.replacingOccurrences(of: digest, with: cleanDigest).utf8)
                }
            }
        }
        #expect(noisy == clean)
        #expect(!clean[0].isEmpty && !clean[1].isEmpty, "sft and cpt have records")
    }
}

extension FaultyEndpointBuildTests {
    @Test(
        "items that failed on calls that ran out of attempts are tried again by the next build, which is not up to date"
    )
    func failedItemsAreRetried() async throws {
        // Without retries, 2% of requests fail with 500: some items fail. The faults follow
        // each body's arrivals, so the next build's requests for the failed stages go through.
        var faulty = SimulatorServer.Configuration(port: 0)
        faulty.faults = try FaultSpec("500:2%")
        try await SimulatorServer.with(faulty) { server in
            try await BuildWorkspace.with { workspace in
                try workspace.writeRecipe {
                    Self.recipe(server)($0.pointingAt(server.baseURL, maxAttempts: 1))
                }
                let first = try await workspace.build(limit: 6)
                let failed = first.buckets[.failed] ?? 0
                #expect(failed > 0)
                let sent = await server.statistics().chatCompletions

                let second = try await workspace.build(limit: 6)
                let resent = await server.statistics().chatCompletions - sent
                #expect(!second.upToDate)
                #expect(resent > 0 && resent < sent)
                #expect((second.buckets[.failed] ?? 0) < failed)
            }
        }
    }
}

@Suite("A build against an endpoint that is not there")
struct UnreachableEndpointTests {
    @Test(
        "stops after the first call's attempts with an error naming the endpoint, not call by call")
    func stopsAtOnce() async throws {
        try await BuildWorkspace.with { workspace in
            // Nothing listens on port 1: every connection is refused.
            try workspace.writeRecipe { $0.pointingAt("http://127.0.0.1:1/v1", maxAttempts: 2) }
            do {
                _ = try await workspace.build()
                Issue.record("the build succeeded")
            } catch let error as ModelCallError {
                guard case .unreachable(let endpoint, let attempts, _) = error else {
                    Issue.record("unexpected \(error)")
                    return
                }
                #expect(endpoint.contains("127.0.0.1:1"))
                #expect(attempts == 2)
                #expect(error.description.contains("frontier doctor"))
            }
            #expect(try await workspace.storedCalls().isEmpty)
        }
    }
}
