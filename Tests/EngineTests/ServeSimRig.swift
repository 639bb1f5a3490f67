import Basics
import Engine
import Foundation
import LanguageModels
import Synchronization
import TestSupport

@testable import Store

/// A serve-sim server, a fresh store and an HTTP session, for tests of the full call path.
struct ServeSimRig: Sendable {
    let server: SimulatorServer
    let store: SQLiteStore
    let session: HTTPSession
    /// Faults the store reported on reads.
    let faults: FaultLog

    /// A retry policy that waits microseconds, so fault tests run fast; Retry-After is honoured
    /// but bounded to 5 ms.
    static func quickRetry(maxAttempts: Int) -> RetryPolicy {
        RetryPolicy(
            maxAttempts: maxAttempts, baseDelay: 0.001, maxDelay: 0.01, maxRetryAfter: 0.005)
    }

    /// Runs `body` with a server configured by `configure`, a store in a temporary directory,
    /// and a session; shuts everything down afterwards.
    static func with<Result: Sendable>(
        _ configure: (inout SimulatorServer.Configuration) throws -> Void = { _ in },
        _ body: (ServeSimRig) async throws -> Result
    ) async throws -> Result {
        var configuration = SimulatorServer.Configuration()
        configuration.port = 0
        try configure(&configuration)
        return try await SimulatorServer.with(configuration) { server in
            try await TemporaryDirectory.with { directory in
                let faults = FaultLog()
                let store = try SQLiteStore(
                    path: directory.file("store.sqlite"),
                    onFault: { fault in faults.faults.withLock { $0.append(fault) } })
                return try await HTTPSession.with { session in
                    try await body(
                        ServeSimRig(server: server, store: store, session: session, faults: faults))
                }
            }
        }
    }

    /// A client of the server.
    func client(
        retry: RetryPolicy = quickRetry(maxAttempts: 6), apiKey: String? = nil,
        timeout: Duration = .seconds(30), concurrency: Int = 64
    ) -> OpenAIClient {
        OpenAIClient(
            EndpointConfiguration(
                name: "sim-http", baseURL: server.baseURL, apiKey: apiKey, timeout: timeout,
                retry: retry, limits: EndpointLimits(maxConcurrency: concurrency)),
            session: session)
    }

    /// The caching decorator over `client`, recording into the rig's store.
    func model(_ client: OpenAIClient) -> CachedChatModel {
        CachedChatModel(
            client,
            identity: ModelIdentity(
                model: "sim-peer", endpoint: .object(["base_url": .string(server.baseURL)])),
            endpoint: "sim-http", store: StoreCallStore(store))
    }

    /// Distinct small requests.
    static func requests(_ count: Int, tag: String = "q") -> [ChatRequest] {
        (0..<count).map {
            ChatRequest(model: "sim-peer", messages: [.user("\(tag) \($0): what is a lens?")])
        }
    }

    /// Calls `model` with every request, 64 at a time; the completions in request order.
    static func answers(
        _ requests: [ChatRequest], through model: CachedChatModel
    ) async throws
        -> [ChatCompletion]
    {
        let results = Mutex<[Int: ChatCompletion]>([:])
        try await Bounded.forEach(count: requests.count, width: 64) { index in
            let answer = try await model.answer(requests[index])
            results.withLock { $0[index] = answer.completion }
        }
        return results.withLock { all in requests.indices.map { all[$0]! } }
    }
}

/// The faults a store reported, collected from any task.
final class FaultLog: Sendable {
    let faults = Mutex<[StoreFault]>([])

    var count: Int { faults.withLock { $0.count } }
}
