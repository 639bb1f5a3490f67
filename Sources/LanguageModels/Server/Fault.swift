/// One way the simulator server misbehaves on a request, named as `FaultSpec` writes it.
///
/// Only chat-completions and embeddings requests are ever faulted.
public enum Fault: String, Sendable, Hashable, CaseIterable, Codable, CodingKeyRepresentable,
    CustomStringConvertible
{
    /// Status 429 with OpenAI's rate-limit error and no `Retry-After` header.
    case rateLimited = "429"
    /// Status 429 with OpenAI's rate-limit error and `Retry-After: <retryAfterSeconds>`.
    case rateLimitedWithRetryAfter = "429-retry-after"
    /// Status 500 with an OpenAI server error.
    case internalServerError = "500"
    /// Status 502 with an OpenAI server error.
    case badGateway = "502"
    /// Status 503 with an OpenAI overload error.
    case serviceUnavailable = "503"
    /// The connection is closed (reset where the platform allows) once the request has
    /// arrived, before anything is written.
    case reset
    /// Status 200 whose body is the first half of the real response's bytes, with a
    /// `content-length` that matches what is written.
    case truncate
    /// Nothing is written; the connection is closed after `stallDuration`.
    case stall

    public var description: String { rawValue }

    /// The kinds, comma-separated, as error messages list them.
    static var knownKinds: String {
        allCases.map(\.rawValue).joined(separator: ", ")
    }

    /// The error response of a fault that answers with an error status; nil for the others.
    var errorReply: (status: Int, body: [UInt8])? {
        switch self {
        case .rateLimited, .rateLimitedWithRetryAfter:
            (429, ErrorBody.rateLimited)
        case .internalServerError:
            (500, ErrorBody.internalServerError)
        case .badGateway:
            (502, ErrorBody.badGateway)
        case .serviceUnavailable:
            (503, ErrorBody.serviceUnavailable)
        case .reset, .truncate, .stall:
            nil
        }
    }
}
