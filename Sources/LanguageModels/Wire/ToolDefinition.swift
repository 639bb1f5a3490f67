public import Basics

/// A function tool offered to the model in a request's `tools`.
public struct ToolDefinition: Sendable, Hashable, Codable {
    /// The function's name, what it does, and its parameters as a JSON Schema.
    public struct Function: Sendable, Hashable, Codable {
        public var name: String
        public var description: String?
        /// A JSON Schema object describing the arguments.
        public var parameters: JSONValue?

        public init(name: String, description: String? = nil, parameters: JSONValue? = nil) {
            self.name = name
            self.description = description
            self.parameters = parameters
        }
    }

    /// Always `function` today.
    public var type: String
    public var function: Function

    public init(name: String, description: String? = nil, parameters: JSONValue? = nil) {
        type = "function"
        function = Function(name: name, description: description, parameters: parameters)
    }

    enum CodingKeys: String, CodingKey { case type, function }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.decodeIfPresent(String.self, forKey: .type) ?? "function"
        function = try container.decode(Function.self, forKey: .function)
    }
}

/// Whether and which tool the model must call: `"none"`, `"auto"`, `"required"`, or one
/// named function (`{"type": "function", "function": {"name": …}}`).
public enum ToolChoice: Sendable, Hashable, Codable {
    case none
    case auto
    case required
    case function(String)

    private struct Named: Codable {
        struct Name: Codable { var name: String }
        var type: String
        var function: Name
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let word = try? container.decode(String.self) {
            switch word {
            case "none": self = .none
            case "auto": self = .auto
            case "required": self = .required
            default:
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "unknown tool_choice '\(word)'")
            }
        } else {
            self = .function(try container.decode(Named.self).function.name)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .none: try container.encode("none")
        case .auto: try container.encode("auto")
        case .required: try container.encode("required")
        case .function(let name):
            try container.encode(Named(type: "function", function: .init(name: name)))
        }
    }
}
