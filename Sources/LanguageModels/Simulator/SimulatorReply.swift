internal import Basics
internal import Foundation

/// One simulated assistant message before it becomes a completion.
struct SimulatorReply {
    var content: String?
    var toolCalls: [ToolCall]?
    var reasoning: String?
    var finishReason: ChatCompletion.FinishReason

    init(
        content: String?, toolCalls: [ToolCall]? = nil, reasoning: String? = nil,
        finishReason: ChatCompletion.FinishReason = .stop
    ) {
        self.content = content
        self.toolCalls = toolCalls
        self.reasoning = reasoning
        self.finishReason = finishReason
    }

    /// The completion answering `request`: stop sequences and `max_tokens` applied to the
    /// content as a server would, usage estimated from text lengths.
    func completion(for request: ChatRequest, digest: Digest) -> ChatCompletion {
        var content = self.content
        var finish = finishReason
        if var text = content {
            for stop in request.stop ?? [] where !stop.isEmpty {
                if let range = text.range(of: stop) {
                    text = String(text[..<range.lowerBound])
                    finish = .stop
                }
            }
            if let limit = request.maxTokens, TokenEstimate.tokens(text) > limit {
                text = String(text.prefix(max(0, limit) * TokenEstimate.charactersPerToken))
                finish = .length
            }
            content = text
        }
        let message = ChatMessage.assistant(content, toolCalls: toolCalls, reasoning: reasoning)
        let usage = ChatCompletion.Usage(
            promptTokens: TokenEstimate.tokens(request),
            completionTokens: TokenEstimate.tokens(message) - TokenEstimate.framing)
        return ChatCompletion(
            id: "chatcmpl-sim-" + digest.prefix(24), created: 0, model: request.model,
            choices: [.init(index: 0, message: message, finishReason: finish)], usage: usage,
            systemFingerprint: "frontier-simulator-\(Simulator.behaviourVersion)")
    }
}
