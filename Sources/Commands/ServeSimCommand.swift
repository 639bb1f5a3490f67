import ArgumentParser
import Foundation
import LanguageModels

/// `frontier serve-sim`: the simulator as an OpenAI-compatible HTTP server on loopback.
struct ServeSimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve-sim",
        abstract: "Serve the simulator as an OpenAI-compatible endpoint, with optional faults.",
        discussion: """
            Serves POST /v1/chat/completions, POST /v1/embeddings and GET /v1/models, answered \
            by the built-in deterministic simulator, until interrupted. The first line printed \
            is the base URL to put in a recipe (`base_url:`). GET /stats returns request \
            counts as JSON, GET /stats/log every request in arrival order, and POST \
            /stats/reset zeroes them.

            Faults are injected on a seeded schedule that depends only on the request body and \
            how many times the same body has arrived, so a test can predict every request: \
            --faults takes KIND:RATE pairs, for example \
            429:10%,429-retry-after:10%,500:4%,502:3%,503:3%,reset:5%,truncate:2%,stall:1%. \
            Kinds: 429 (no Retry-After), 429-retry-after, 500, 502, 503, reset (the connection \
            closes before any header), truncate (a 200 with half its JSON body), stall (no \
            answer until --stall passes).

            Examples:
              frontier serve-sim --port 8000
              frontier serve-sim --port 0 --faults 429:20%,500:10% --seed 7
              frontier serve-sim --api-key sk-local --latency 50
            """
    )

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port: Int = 8000

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "Milliseconds each chat or embeddings response is delayed.")
    var latency: Int = 0

    @Option(help: "Faults to inject, as KIND:RATE pairs separated by commas.")
    var faults: String?

    @Option(help: "The seed of the fault schedule.")
    var seed: UInt64 = 0

    @Option(help: "The Retry-After value, in seconds, of 429-retry-after faults.")
    var retryAfter: Int = 1

    @Option(help: "Seconds a stall fault holds the connection before closing it.")
    var stall: Double = 30

    @Option(help: "Share of structured answers written malformed, from 0 to 1.")
    var malformedRate: Double = 0

    @Option(help: "Require this bearer token; other requests get 401.")
    var apiKey: String?

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0...65535") }
        guard latency >= 0 else { throw ValidationError("--latency must not be negative") }
        guard (0...1).contains(malformedRate) else {
            throw ValidationError("--malformed-rate must be between 0 and 1")
        }
        if let faults {
            do { _ = try FaultSpec(faults) } catch {
                throw ValidationError("--faults: \(error)")
            }
        }
    }

    func run() async throws {
        var configuration = SimulatorServer.Configuration()
        configuration.host = host
        configuration.port = port
        configuration.latency = .milliseconds(latency)
        configuration.faults = try faults.map { try FaultSpec($0) } ?? .none
        configuration.seed = seed
        configuration.retryAfterSeconds = retryAfter
        configuration.stallDuration = .seconds(stall)
        configuration.apiKey = apiKey
        configuration.simulator = SimulatorConfiguration(malformedRate: malformedRate)
        let server: SimulatorServer
        do {
            server = try await SimulatorServer.start(configuration)
        } catch {
            Console.error("error: cannot listen on \(host):\(port): \(error)\n")
            throw ExitCode.failure
        }
        Console.output("\(server.baseURL)\n")
        let faultText = configuration.faults.description
        Console.error(
            "serving the simulator at \(server.baseURL)"
                + (faultText.isEmpty ? "" : " with faults \(faultText)")
                + "; stop with Ctrl-C\n")
        try await server.waitUntilClosed()
    }
}
