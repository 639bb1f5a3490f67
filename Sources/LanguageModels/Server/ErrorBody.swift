/// The JSON bodies of OpenAI-style errors: `{"error":{"message":…,"type":…,"code":…}}`.
///
/// Written by hand, in that key order, so that fixed bodies are built once and byte-stable.
enum ErrorBody {
    /// The body for `message`, `type` and `code` (null when nil).
    static func json(message: String, type: String, code: String?) -> [UInt8] {
        var text = #"{"error":{"message":"#
        text += quoted(message)
        text += #","type":"#
        text += quoted(type)
        text += #","code":"#
        text += code.map(quoted) ?? "null"
        text += "}}"
        return Array(text.utf8)
    }

    static let invalidAPIKey = json(
        message: "Incorrect API key provided", type: "invalid_request_error",
        code: "invalid_api_key")

    static let rateLimited = json(
        message: "Rate limit reached for requests (simulated)", type: "requests",
        code: "rate_limit_exceeded")

    static let internalServerError = json(
        message: "The server had an error while processing your request (simulated)",
        type: "server_error", code: nil)

    static let badGateway = json(
        message: "Bad gateway (simulated)", type: "server_error", code: nil)

    static let serviceUnavailable = json(
        message: "The engine is currently overloaded, please try again later (simulated)",
        type: "server_error", code: nil)

    static let tooLarge = json(
        message: "The request body is too large", type: "invalid_request_error",
        code: "request_too_large")

    /// A JSON string literal for `text`.
    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
