import Basics
import Engine
import Foundation
import LanguageModels
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
        // Both servers listen on one port, so the two recipes (and their digests, which every
        // record's provenance carries) are the same text.
        let (clean, port) = try await SimulatorServer.with(.init(port: 0)) { server in
            try await BuildWorkspace.with { workspace in
                try workspace.writeRecipe(Self.recipe(server))
                _ = try await workspace.build(concurrency: 32)
                let sent = await server.statistics().chatCompletions
                #expect(sent > 0)

                let again = try await workspace.build(concurrency: 32)
                #expect(await server.statistics().chatCompletions == sent)
                #expect(again.upToDate)
                return (try ["sft", "cpt", "review"].map(workspace.output), server.port)
            }
        }
        var faulty = SimulatorServer.Configuration(port: port)
        faulty.faults = try FaultSpec("429:5%,500:5%,503:5%,reset:5%")
        let noisy = try await SimulatorServer.with(faulty) { server in
            try await BuildWorkspace.with { workspace in
                try workspace.writeRecipe(Self.recipe(server))
                let summary = try await workspace.build(concurrency: 32)
                #expect((summary.buckets[.failed] ?? 0) == 0)
                let statistics = await server.statistics()
                #expect(statistics.faults.values.reduce(0, +) > 0)
                return try ["sft", "cpt", "review"].map(workspace.output)
            }
        }
        #expect(noisy == clean)
        #expect(!clean[0].isEmpty)
    }
}
