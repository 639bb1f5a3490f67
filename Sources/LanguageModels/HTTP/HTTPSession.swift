internal import AsyncHTTPClient
internal import Foundation
internal import NIOCore
internal import NIOHTTP1

/// The HTTP connections of one run, shared by every endpoint client in it.
///
/// Made and shut down by ``with(connectionsPerHost:_:)``, so no connection outlives the work
/// that opened it.
public final class HTTPSession: Sendable {
    let client: HTTPClient

    private init(connectionsPerHost: Int) {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(
            idleTimeout: .seconds(60),
            concurrentHTTP1ConnectionsPerHostSoftLimit: max(1, connectionsPerHost))
        configuration.decompression = .disabled
        // A connection that cannot be made fails the attempt at once; the client's own retry
        // loop (with its backoff, and its rule for an endpoint that never answered) decides
        // what follows, instead of each attempt waiting out the connect timeout.
        configuration.connectionPool.retryConnectionEstablishment = false
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Runs `body` with a session that keeps up to `connectionsPerHost` connections open to each
    /// server, and shuts the session down afterwards, whether `body` returns or throws.
    public static func with<Result: Sendable>(
        connectionsPerHost: Int = 64, _ body: (HTTPSession) async throws -> Result
    ) async throws -> Result {
        let session = HTTPSession(connectionsPerHost: connectionsPerHost)
        let result: Result
        do {
            result = try await body(session)
        } catch {
            try? await session.client.shutdown()
            throw error
        }
        try await session.client.shutdown()
        return result
    }

    /// One request and its whole response, or a thrown transport error (connection refused or
    /// reset, timeout, a body over `limit`).
    func send(
        _ method: HTTPMethod, url: String, headers: [(String, String)], body: [UInt8]?,
        timeout: Duration, limit: Int = 64 << 20
    ) async throws -> HTTPReply {
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let nanoseconds =
            timeout.components.seconds * 1_000_000_000
            + timeout.components.attoseconds / 1_000_000_000
        let response = try await client.execute(request, timeout: .nanoseconds(nanoseconds))
        let bytes = try await response.body.collect(upTo: limit)
        return HTTPReply(
            status: Int(response.status.code),
            retryAfter: response.headers.first(name: "Retry-After"),
            body: Array(buffer: bytes))
    }
}

/// A response as the retry loop sees it.
struct HTTPReply: Sendable {
    var status: Int
    var retryAfter: String?
    var body: [UInt8]
}

/// A readable account of a transport error (refused, reset, timed out).
enum TransportFailure {
    static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .writeTimeout: return "timed out"
            case .remoteConnectionClosed: return "connection closed by the server"
            case .connectTimeout: return "connection timed out"
            default: return "\(error)"
            }
        }
        // Connection errors come from NIO with the socket's errno inside.
        let text = String(describing: error)
        return text.contains("Connection refused") || text.contains("connectionRefused")
            ? "connection refused" : text
    }
}
