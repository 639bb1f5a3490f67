import AsyncHTTPClient
import Basics
import Engine
import Foundation
import LanguageModels
import NIOCore
import NIOHTTP1
import Store

/// `calls-miss` and `calls-hit`: 20,000 distinct chat calls at concurrency 64 through the full
/// path (call key, HTTP to an in-process serve-sim with no latency, store commit), then the same
/// calls answered from the store; and the same requests through a bare AsyncHTTPClient loop
/// with no cache, the ceiling the full path is held against.
struct CallsScenario: Scenario {
    enum Part: String, Sendable { case miss = "calls-miss", hit = "calls-hit" }

    let part: Part
    var calls = 20_000
    var concurrency = 64

    var name: String { part.rawValue }

    /// Rounds of `calls-miss`, each the ceiling and then the full path.
    static let missRounds = 3
    var summary: String {
        switch part {
        case .miss:
            "20,000 distinct calls: key, HTTP to serve-sim, store commit (and a bare-client ceiling)"
        case .hit: "the same 20,000 calls served from the store"
        }
    }

    func run() async throws -> [Figure] {
        let server = try await SimulatorServer.start(SimulatorServer.Configuration())
        let directory = NSTemporaryDirectory() + "frontier-bench-calls-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let requests = Self.requests(calls)
        var figures: [Figure] = []
        do {
            if part == .miss {
                // Rounds of the ceiling and then the full path on a fresh store, back to back,
                // so that each share compares runs made under the same conditions.
                var rounds: [(bare: Double, full: Double)] = []
                for round in 0..<Self.missRounds {
                    let bare = try await Self.bareClient(
                        requests, server: server, width: concurrency)
                    let full = try await Self.cachedPasses(
                        1, requests, server: server, store: directory + "/store-\(round).sqlite",
                        width: concurrency)[0]
                    guard full.sent == calls else {
                        throw BenchError("the miss pass sent \(full.sent) of \(calls) calls")
                    }
                    rounds.append((bare, full.seconds))
                }
                let of = "(median of \(Self.missRounds))"
                figures.append(
                    rate("bare AsyncHTTPClient (ceiling) \(of)", rounds.map(\.bare).median))
                figures.append(rate("full path, all misses \(of)", rounds.map(\.full).median))
                figures.append(
                    Figure(
                        scenario: name, measure: "full path as a share of the ceiling \(of)",
                        value: String(
                            format: "%.0f%%", rounds.map { $0.bare / $0.full }.median * 100)
                            + " (rounds: "
                            + rounds.map { String(format: "%.0f%%", $0.bare / $0.full * 100) }
                            .joined(separator: ", ") + ")"))
            } else {
                let path = directory + "/store.sqlite"
                let results = try await Self.cachedPasses(
                    4, requests, server: server, store: path, width: concurrency)
                guard results[0].sent == calls else {
                    throw BenchError("the miss pass sent \(results[0].sent) of \(calls) calls")
                }
                let before = await server.statistics().requests
                // A fresh store connection and decorator: every answer read from SQLite.
                let cold = try await Self.cachedPasses(
                    3, requests, server: server, store: path, width: concurrency, fresh: true)
                let after = await server.statistics().requests
                let warm = results.dropFirst()
                guard after == before, (warm + cold).allSatisfy({ $0.cached == calls }) else {
                    throw BenchError("the hit passes sent \(after - before) requests")
                }
                figures.append(
                    rate(
                        "hits in the process that made them (median of 3)",
                        warm.map(\.seconds).median))
                figures.append(
                    rate(
                        "hits read from SQLite by a fresh store (median of 3)",
                        cold.map(\.seconds).median))
            }
        } catch {
            try? await server.shutdown()
            throw error
        }
        try await server.shutdown()
        return figures
    }

    /// `count` distinct small chat requests.
    static func requests(_ count: Int) -> [ChatRequest] {
        (0..<count).map { index in
            ChatRequest(
                model: "bench-peer",
                messages: [.user("Benchmark question \(index): what limits a lens's resolution?")],
                maxTokens: 64)
        }
    }

    private func rate(_ measure: String, _ seconds: Double) -> Figure {
        Figure(
            scenario: name, measure: "\(measure), \(calls) calls at \(concurrency)",
            value: String(format: "%.0f calls/s (%.2f s)", Double(calls) / seconds, seconds))
    }

    /// Seconds to send every request with a bare AsyncHTTPClient, `width` at a time.
    static func bareClient(
        _ requests: [ChatRequest], server: SimulatorServer, width: Int
    )
        async throws -> Double
    {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(
            idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: width)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let encoder = JSONEncoder()
        let bodies = try requests.map { try encoder.encode($0) }
        let url = server.baseURL + "/chat/completions"
        let start = ContinuousClock.now
        do {
            try await Bounded.forEach(count: bodies.count, width: width) { index in
                var request = HTTPClientRequest(url: url)
                request.method = .POST
                request.headers.add(name: "Content-Type", value: "application/json")
                request.body = .bytes(ByteBuffer(bytes: bodies[index]))
                let response = try await client.execute(request, timeout: .seconds(30))
                _ = try await response.body.collect(upTo: 1 << 24)
                guard response.status == .ok else {
                    throw BenchError("bare client: HTTP \(response.status.code)")
                }
            }
        } catch {
            try? await client.shutdown()
            throw error
        }
        let seconds = (ContinuousClock.now - start) / .seconds(1)
        try await client.shutdown()
        return seconds
    }

    /// `passes` rounds of every request through the caching decorator over a client of
    /// `server` and the store at `path`: seconds taken and calls sent and cached in each. With
    /// `fresh`, each round opens the store and makes the decorator anew (nothing in memory).
    static func cachedPasses(
        _ passes: Int, _ requests: [ChatRequest], server: SimulatorServer, store path: String,
        width: Int, fresh: Bool = false
    ) async throws -> [(seconds: Double, sent: Int, cached: Int)] {
        try await HTTPSession.with(connectionsPerHost: width) { session in
            let client = OpenAIClient(
                EndpointConfiguration(
                    name: "serve-sim", baseURL: server.baseURL,
                    limits: EndpointLimits(maxConcurrency: width)),
                session: session)
            func makeModel() throws -> CachedChatModel {
                CachedChatModel(
                    client,
                    identity: ModelIdentity(
                        model: "bench-peer",
                        endpoint: .object(["base_url": .string(server.baseURL)])),
                    endpoint: "serve-sim", store: StoreCallStore(try SQLiteStore(path: path)))
            }
            var model = try makeModel()
            var results: [(seconds: Double, sent: Int, cached: Int)] = []
            for _ in 0..<passes {
                if fresh { model = try makeModel() }
                let before = model.statistics
                let start = ContinuousClock.now
                // As in a build: more calls in progress than the endpoint's limit, so the store
                // reads and commits of some overlap the requests of others, while at most
                // `width` requests are in flight to the endpoint.
                try await Bounded.forEach(count: requests.count, width: 2 * width) {
                    [model] index in
                    _ = try await model.answer(requests[index])
                }
                let seconds = (ContinuousClock.now - start) / .seconds(1)
                let after = model.statistics
                results.append((seconds, after.sent - before.sent, after.cached - before.cached))
            }
            return results
        }
    }
}
