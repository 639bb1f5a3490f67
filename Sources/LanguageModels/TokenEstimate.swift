internal import Basics

/// Token counts estimated from text length: about four characters (UTF-8 bytes) a token.
enum TokenEstimate {
    static let charactersPerToken = 4
    /// Tokens a message's role and separators take.
    static let framing = 4

    static func tokens(_ text: String) -> Int {
        let bytes = text.utf8.count
        return bytes == 0 ? 0 : (bytes + charactersPerToken - 1) / charactersPerToken
    }

    /// A message's tokens, with its framing.
    static func tokens(_ message: ChatMessage) -> Int {
        var count = tokens(message.content ?? "") + tokens(message.reasoningContent ?? "")
        for call in message.toolCalls ?? [] {
            count += tokens(call.function.name) + tokens(call.function.arguments)
        }
        return count + framing
    }

    /// A request's prompt tokens: its messages and its tool schemas.
    static func tokens(_ request: ChatRequest) -> Int {
        var count = request.messages.reduce(0) { $0 + tokens($1) }
        for tool in request.tools ?? [] {
            let schema = (try? tool.function.parameters?.canonicalString()) ?? nil
            count +=
                tokens(tool.function.name) + tokens(tool.function.description ?? "")
                + tokens(schema ?? "")
        }
        return count
    }

    /// What a request may spend, for token-rate limits: its prompt and its completion bound
    /// (`max_tokens`, else a typical answer's length).
    static func budget(of request: ChatRequest) -> Int {
        tokens(request) + (request.maxTokens ?? 1024)
    }
}
