/// What a tool call gives back to the model.
public struct ToolResult: Sendable, Hashable, Codable {
    /// The text the model reads.
    public var text: String
    /// Whether the call failed (bad arguments, an unknown id, a program that failed, crashed or
    /// timed out); `text` says how.
    public var isError: Bool
    /// Whether `text` is shorter than what the tool produced (output over the cap).
    public var truncated: Bool

    /// A result saying `text`.
    public init(text: String, isError: Bool = false, truncated: Bool = false) {
        self.text = text
        self.isError = isError
        self.truncated = truncated
    }

    /// A failed call, explained by `message`.
    public static func error(_ message: String) -> ToolResult {
        ToolResult(text: message, isError: true)
    }

    enum CodingKeys: String, CodingKey {
        case text
        case isError = "is_error"
        case truncated
    }
}
