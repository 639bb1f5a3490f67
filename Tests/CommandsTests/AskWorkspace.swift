import Foundation
import LanguageModels
import TestSupport

/// A directory with a recipe whose endpoint is a serve-sim server, and prompts to ask, for
/// end-to-end tests of `frontier ask`.
struct AskWorkspace {
    let directory: TemporaryDirectory
    let server: SimulatorServer

    var store: String { directory.file(".frontier/store.sqlite") }

    /// Writes `recipe.yaml` (endpoint `local` at the server, with `endpointExtra` added to its
    /// mapping) and a one-document corpus.
    init(
        _ directory: TemporaryDirectory, server: SimulatorServer, endpointExtra: String = ""
    ) throws {
        self.directory = directory
        self.server = server
        try directory.write("# Waves\n\nA wave carries energy.\n", to: "corpus/physics/waves.md")
        try directory.write(
            """
            frontier: 1
            endpoints:
              local:
                base_url: \(server.baseURL)
                max_concurrency: 64
            \(endpointExtra)
            models:
              writer: { endpoint: local, model: sim-writer }
              peer:   { endpoint: local, model: sim-peer }
              expert: { endpoint: local, model: sim-expert }
            corpus:
              - { path: corpus/physics/*.md, discipline: physics }
            disciplines: { physics: 100% }
            seed_questions: { model: writer }
            escalation: { model: writer }
            difficulty: { peer: { model: peer }, expert: { model: expert }, judge: writer }
            outputs: { sft: { path: out/sft.jsonl } }
            """, to: "recipe.yaml")
    }

    /// A small valid recipe whose three models are served by `endpoint`, declared by the YAML
    /// flow mapping `endpoints`, over the corpus `c/*.md`.
    static func recipe(endpoints: String, endpoint: String) -> String {
        """
        frontier: 1
        endpoints: \(endpoints)
        models:
          writer: { endpoint: \(endpoint), model: m }
          peer:   { endpoint: \(endpoint), model: m }
          expert: { endpoint: \(endpoint), model: m }
        corpus: [{ path: "c/*.md", discipline: physics }]
        disciplines: { physics: 100% }
        seed_questions: { model: writer }
        escalation: { model: writer }
        difficulty: { peer: { model: peer }, expert: { model: expert }, judge: writer }
        outputs: { sft: { path: out/sft.jsonl } }
        """
    }

    /// Writes prompts `tag 0` … to a file and returns its path.
    func prompts(
        _ range: Range<Int>, name: String = "prompts.txt", tag: String = "question"
    )
        throws -> String
    {
        try directory.write(
            range.map { "\(tag) \($0): what limits a lens's resolution?" }
                .joined(separator: "\n") + "\n", to: name)
    }

    /// `frontier ask` of the peer model with a prompts file, as JSON lines.
    func askArguments(_ promptsFile: String, concurrency: Int = 64) -> [String] {
        [
            "ask", "recipe.yaml", "--model", "peer", "--prompts-file", promptsFile,
            "--format", "jsonl", "--concurrency", "\(concurrency)", "--store", store,
        ]
    }

    /// Runs `body` with a fresh directory and a server configured by `configure`.
    static func with<Result: Sendable>(
        endpointExtra: String = "",
        _ configure: (inout SimulatorServer.Configuration) throws -> Void = { _ in },
        _ body: (AskWorkspace) async throws -> Result
    ) async throws -> Result {
        var configuration = SimulatorServer.Configuration()
        configuration.port = 0
        try configure(&configuration)
        return try await SimulatorServer.with(configuration) { server in
            try await TemporaryDirectory.with { directory in
                try await body(
                    AskWorkspace(directory, server: server, endpointExtra: endpointExtra))
            }
        }
    }
}
