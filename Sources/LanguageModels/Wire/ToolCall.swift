internal import Basics

/// A call of a function tool by an assistant message.
public struct ToolCall: Sendable, Hashable, Codable {
    /// The function called and its arguments.
    public struct Function: Sendable, Hashable, Codable {
        public var name: String
        /// The arguments as a JSON text, exactly as the model wrote it (it may not parse).
        public var arguments: String

        public init(name: String, arguments: String) {
            self.name = name
            self.arguments = arguments
        }

        enum CodingKeys: String, CodingKey { case name, arguments }

        /// Some servers send `arguments` as an object rather than a JSON string; it is kept as
        /// its canonical JSON text.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            if let text = try? container.decode(String.self, forKey: .arguments) {
                arguments = text
            } else if let value = try container.decodeIfPresent(JSONValue.self, forKey: .arguments)
            {
                arguments = try value.canonicalString()
            } else {
                arguments = "{}"
            }
        }
    }

    /// The call's id, which the `tool` message answering it repeats.
    public var id: String
    /// Always `function` today.
    public var type: String
    public var function: Function

    public init(id: String, name: String, arguments: String) {
        self.id = id
        self.type = "function"
        self.function = Function(name: name, arguments: arguments)
    }

    enum CodingKeys: String, CodingKey { case id, type, function }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id) ?? ""
        type = try container.decodeIfPresent(String.self, forKey: .type) ?? "function"
        function = try container.decode(Function.self, forKey: .function)
    }
}
