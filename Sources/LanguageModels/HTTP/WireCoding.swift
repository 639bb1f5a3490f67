internal import Foundation

/// The JSON coders of the wire: one configuration, made once.
enum WireCoding {
    static let decoder = JSONDecoder()

    /// `value` as compact JSON with sorted keys, so equal requests are equal bytes.
    static func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }
}

/// A 2xx response that is not the answer asked for.
struct UnreadableResponse: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }

    /// A short account of a decoding error: what was wrong, and where.
    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as UnreadableResponse: return error.description
        case DecodingError.dataCorrupted(let context):
            return "not valid JSON" + at(context)
        case DecodingError.keyNotFound(let key, let context):
            return "no '\(key.stringValue)'" + at(context)
        case DecodingError.typeMismatch(_, let context),
            DecodingError.valueNotFound(_, let context):
            return context.debugDescription + at(context)
        default: return String(describing: error)
        }
    }

    private static func at(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
        return path.isEmpty ? "" : " at \(path.joined(separator: "."))"
    }
}

/// The message in an error body: OpenAI's `{"error": {"message": …}}`, vLLM's and Ollama's
/// `{"error": "…"}` or `{"message": …}`, else the body's first line.
enum ServerMessage {
    static func extract(from body: [UInt8]) -> String {
        if let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] {
            if let error = object["error"] as? [String: Any], let message = error["message"] {
                return "\(message)"
            }
            if let error = object["error"] as? String { return error }
            if let message = object["message"] as? String { return message }
            if let detail = object["detail"] as? String { return detail }
        }
        let text = String(decoding: body.prefix(300), as: UTF8.self)
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return line.isEmpty ? "(no message)" : line
    }
}
