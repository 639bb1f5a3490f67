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
        var bare: Double?
        do {
            if part == .miss {
                let seconds = try await Self.bareClient(
                    requests, server: server, width: concurrency)
                figures.append(rate("bare AsyncHTTPClient (ceiling)", seconds))
                bare = seconds
            }
            let path = directory + "/store.sqlite"
            let miss = try await Self.cachedPass(
                requests, server: server, store: path, width: concurrency)
            guard miss.sent == calls else {
                throw BenchError("the miss pass sent \(miss.sent) of \(calls) calls")
            }
            if part == .miss {
                figures.append(rate("full path, all misses", miss.seconds))
                if let bare {
                    figures.append(
                        Figure(
                            scenario: name, measure: "full path as a share of the ceiling",
                            value: String(format: "%.0f%%", bare / miss.seconds * 100)))
                }
            } else {
                let before = await server.statistics().requests
                let hit = try await Self.cachedPass(
                    requests, server: server, store: path, width: concurrency)
                let after = await server.statistics().requests
                guard hit.cached == calls, after == before else {
                    throw BenchError(
                        "the hit pass sent \(after - before) requests; \(hit.cached) cached")
                }
                figures.append(rate("all hits, from the store", hit.seconds))
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
    static func bareClient(_ requests: [ChatRequest], server: SimulatorServer, width: Int)
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

    /// Every request through the caching decorator over a client of `server` and the store at
    /// `store`: seconds taken and the decorator's statistics.
    static func cachedPass(
        _ requests: [ChatRequest], server: SimulatorServer, store path: String, width: Int
    ) async throws -> (seconds: Double, sent: Int, cached: Int) {
        let store = try SQLiteStore(path: path)
        return try await HTTPSession.with(connectionsPerHost: width) { session in
            let client = OpenAIClient(
                EndpointConfiguration(
                    name: "serve-sim", baseURL: server.baseURL,
                    limits: EndpointLimits(maxConcurrency: width)),
                session: session)
            let model = CachedChatModel(
                client,
                identity: ModelIdentity(
                    model: "bench-peer", endpoint: .object(["base_url": .string(server.baseURL)])),
                endpoint: "serve-sim", store: StoreCallStore(store))
            let start = ContinuousClock.now
            try await Bounded.forEach(count: requests.count, width: width) { index in
                _ = try await model.answer(requests[index])
            }
            let seconds = (ContinuousClock.now - start) / .seconds(1)
            let statistics = model.statistics
            return (seconds, statistics.sent, statistics.cached)
        }
    }
}
