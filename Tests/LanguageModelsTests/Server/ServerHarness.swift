import AsyncHTTPClient
import Foundation
import LanguageModels
import NIOCore
import NIOHTTP1

/// A response as a test sees it: status, headers and the whole body.
struct HTTPReply {
    var status: Int
    var headers: HTTPHeaders
    var body: [UInt8]

    /// The body decoded as `Value`.
    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try JSONDecoder().decode(Value.self, from: Data(body))
    }
}

/// The OpenAI error body: `{"error": {"message": …, "type": …, "code": …}}`.
struct OpenAIErrorBody: Decodable, Equatable {
    struct Detail: Decodable, Equatable {
        var message: String
        var type: String
        var code: String?
    }

    var error: Detail
}

/// A server configuration for tests: one event loop thread, the rest as given.
func testConfiguration(
    faults: String = "none", seed: UInt64 = 0, retryAfterSeconds: Int = 1,
    stallDuration: Duration = .seconds(30), apiKey: String? = nil,
    simulator: SimulatorConfiguration = SimulatorConfiguration(),
    maxBodyBytes: Int = SimulatorServer.Configuration.defaultMaxBodyBytes
) throws -> SimulatorServer.Configuration {
    SimulatorServer.Configuration(
        faults: try FaultSpec(faults), seed: seed, retryAfterSeconds: retryAfterSeconds,
        stallDuration: stallDuration, apiKey: apiKey, simulator: simulator, threads: 1,
        maxBodyBytes: maxBodyBytes)
}

/// Runs `body` with a server on an ephemeral loopback port and an HTTP client, and shuts both
/// down afterwards, also when `body` throws.
func withServerAndClient<Result>(
    _ configuration: SimulatorServer.Configuration,
    client clientConfiguration: HTTPClient.Configuration = HTTPClient.Configuration(),
    _ body: (SimulatorServer, HTTPClient) async throws -> Result
) async throws -> Result {
    try await SimulatorServer.with(configuration) { server in
        let client = HTTPClient(
            eventLoopGroupProvider: .singleton, configuration: clientConfiguration)
        do {
            let result = try await body(server, client)
            try await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }
}

/// The JSON bytes of `value`, as a client would send them.
func jsonBytes(_ value: some Encodable) throws -> [UInt8] {
    Array(try JSONEncoder().encode(value))
}

extension HTTPClient {
    /// Sends one request to `server` at `path` (below the host, e.g. `/v1/models`) and reads
    /// the whole response.
    func send(
        _ method: HTTPMethod, _ path: String, to server: SimulatorServer, body: [UInt8]? = nil,
        headers: [(String, String)] = [], timeout: TimeAmount = .seconds(30)
    ) async throws -> HTTPReply {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(server.port)\(path)")
        request.method = method
        if let body {
            request.headers.add(name: "content-type", value: "application/json")
            request.body = .bytes(body)
        }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let response = try await execute(request, timeout: timeout)
        let buffer = try await response.body.collect(upTo: 64 * 1024 * 1024)
        return HTTPReply(
            status: Int(response.status.code), headers: response.headers,
            body: Array(buffer.readableBytesView))
    }

    /// Posts `body` to the chat-completions route.
    func chat(
        _ body: [UInt8], to server: SimulatorServer, headers: [(String, String)] = [],
        timeout: TimeAmount = .seconds(30)
    ) async throws -> HTTPReply {
        try await send(
            .POST, "/v1/chat/completions", to: server, body: body, headers: headers,
            timeout: timeout)
    }
}

/// A small chat request that differs by `index`.
func chatRequest(_ index: Int, model: String = "sim-model") -> ChatRequest {
    ChatRequest(
        model: model,
        messages: [.system("You are terse."), .user("What is \(index) plus \(index)?")],
        temperature: 0.7)
}
