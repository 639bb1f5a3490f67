internal import Basics
internal import Foundation
internal import NIOCore
internal import NIOHTTP1

/// Decides the reply to each request the simulator server receives: routing, the API key,
/// counting, fault injection, and the simulator's answer encoded as JSON.
///
/// Shared by every connection and event loop; its coders and fixed bodies are built once.
/// Keys are sorted, so the same answer is always the same bytes.
struct ServerResponder: Sendable {
    let recorder: RequestRecorder
    private let simulator: Simulator
    private let authorization: String?
    private let latency: TimeAmount?
    private let stallDuration: TimeAmount
    private let encoder: JSONEncoder
    private let decoder = JSONDecoder()
    private let fixed: FixedResponses

    /// Responses that never change, built once.
    private struct FixedResponses: Sendable {
        var models: ServerResponse
        var invalidAPIKey = ServerResponse(status: 401, bytes: ErrorBody.invalidAPIKey)
        var tooLarge = ServerResponse(status: 413, bytes: ErrorBody.tooLarge)
        var empty = ServerResponse(status: 200, bytes: Array("{}".utf8))
        /// The response of every fault that answers with an error status.
        var faults: [Fault: ServerResponse] = [:]
    }

    init(_ configuration: SimulatorServer.Configuration) throws {
        simulator = Simulator(configuration.simulator)
        recorder = RequestRecorder(schedule: configuration.faultSchedule)
        authorization = configuration.apiKey.map { "Bearer \($0)" }
        latency = configuration.latency > .zero ? TimeAmount(configuration.latency) : nil
        stallDuration = TimeAmount(configuration.stallDuration)
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var fixed = FixedResponses(
            models: ServerResponse(
                status: 200, bytes: Array(try encoder.encode(simulator.models()))))
        for fault in Fault.allCases {
            guard let (status, body) = fault.errorReply else { continue }
            let retryAfter =
                fault == .rateLimitedWithRetryAfter ? configuration.retryAfterSeconds : nil
            fixed.faults[fault] = ServerResponse(
                status: status, bytes: body, retryAfter: retryAfter)
        }
        self.fixed = fixed
    }

    /// The reply to the request `head` whose body (nil when empty) has fully arrived.
    func reply(to head: HTTPRequestHead, body: ByteBuffer?) -> ServerReply {
        let uri = head.uri
        let path = uri.firstIndex(of: "?").map { uri[..<$0] } ?? uri[...]
        if path == "/stats" || path.hasPrefix("/stats/") {
            return .respond(statisticsResponse(method: head.method, path: path))
        }
        let route = Self.route(method: head.method, path: path)
        let data = body.map { Data($0.readableBytesView) } ?? Data()
        let digest = Digest(of: data)
        let response: ServerResponse
        if let authorization, head.headers.first(name: "authorization") != authorization {
            _ = recorder.arrived(route: route, body: digest, faultable: false)
            response = fixed.invalidAPIKey
        } else {
            switch recorder.arrived(route: route, body: digest, faultable: route.isFaultable) {
            case .reset: return .reset
            case .stall: return .stall(stallDuration)
            case .truncate:
                response = answer(route, method: head.method, path: path, body: data).truncated()
            case .some(let fault): response = fixed.faults[fault]!  // Built for every other kind.
            case nil: response = answer(route, method: head.method, path: path, body: data)
            }
        }
        recorder.responded(status: response.status)
        return .respond(response)
    }

    /// The 413 for a body over the size limit; such a request is not counted.
    func tooLarge() -> ServerReply {
        recorder.responded(status: 413)
        return .respond(fixed.tooLarge)
    }

    private static func route(method: HTTPMethod, path: Substring) -> LoggedRequest.Route {
        switch path {
        case "/v1/chat/completions" where method == .POST: .chatCompletions
        case "/v1/embeddings" where method == .POST: .embeddings
        case "/v1/models" where method == .GET: .models
        default: .other
        }
    }

    /// The unfaulted response: the simulator's answer, or an error for a bad body or route.
    private func answer(
        _ route: LoggedRequest.Route, method: HTTPMethod, path: Substring, body: Data
    ) -> ServerResponse {
        switch route {
        case .chatCompletions:
            return simulated(body) { (request: ChatRequest) in try simulator.respond(to: request) }
        case .embeddings:
            return simulated(body) { (request: EmbeddingsRequest) in
                simulator.embeddings(for: request)
            }
        case .models:
            return fixed.models
        case .other:
            let message = "Unknown request URL: \(method) \(path)"
            return error(404, message: message, type: "invalid_request_error", code: "unknown_url")
        }
    }

    /// Decodes `body` as `Request`, answers it with `respond` and encodes the answer, after
    /// the configured latency.
    private func simulated<Request: Decodable, Response: Encodable>(
        _ body: Data, _ respond: (Request) throws -> Response
    ) -> ServerResponse {
        var response: ServerResponse
        do {
            let request =
                try
                (Request.self == ChatRequest.self
                ? WireCoding.request(from: body) as? Request : nil)
                ?? decoder.decode(Request.self, from: body)
            do {
                let answer = try respond(request)
                // Chat answers, the bulk of the traffic, skip JSONEncoder.
                let encoded =
                    try (answer as? ChatCompletion)?.wireValue.canonicalBytes()
                    ?? Array(encoder.encode(answer))
                response = ServerResponse(status: 200, body: ByteBuffer(bytes: encoded))
            } catch {
                response = self.error(
                    500, message: "The simulator failed: \(error)", type: "server_error", code: nil)
            }
        } catch {
            let message = "We could not parse the JSON body of your request: \(Self.explain(error))"
            response = self.error(400, message: message, type: "invalid_request_error", code: nil)
        }
        response.delay = latency
        return response
    }

    private func error(
        _ status: Int, message: String, type: String, code: String?
    )
        -> ServerResponse
    {
        ServerResponse(
            status: status,
            body: ByteBuffer(bytes: ErrorBody.json(message: message, type: type, code: code)))
    }

    /// A short account of a decoding error: what was wrong and where.
    private static func explain(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func at(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? "" : " at '\(path)'"
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing field '\(key.stringValue)'\(at(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type\(at(context)): \(context.debugDescription)"
        case .dataCorrupted(let context):
            return "invalid JSON\(at(context)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    /// `GET /stats`, `GET /stats/log`, `POST /stats/reset`; never counted or faulted.
    private func statisticsResponse(method: HTTPMethod, path: Substring) -> ServerResponse {
        do {
            switch path {
            case "/stats" where method == .GET:
                let body = try encoder.encode(recorder.statistics)
                return ServerResponse(status: 200, body: ByteBuffer(bytes: body))
            case "/stats/log" where method == .GET:
                let body = try encoder.encode(recorder.log)
                return ServerResponse(status: 200, body: ByteBuffer(bytes: body))
            case "/stats/reset" where method == .POST:
                recorder.reset()
                return fixed.empty
            default:
                let message = "Unknown request URL: \(method) \(path)"
                return error(
                    404, message: message, type: "invalid_request_error", code: "unknown_url")
            }
        } catch {
            return self.error(500, message: "\(error)", type: "server_error", code: nil)
        }
    }
}
