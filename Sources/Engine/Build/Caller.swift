import Basics
import LanguageModels
import Recipes

/// One model in one stage: builds its requests (sampling settings from the recipe, a derived
/// seed, the sample index) and sends them through the caching decorator, counting each call in
/// the build's progress.
struct Caller: Sendable {
    let model: CachedChatModel
    let settings: Recipe.Model
    /// The plan stage asking, for progress and messages (`seed`, `escalate`, `calibrate`).
    let stage: String
    let progress: BuildProgress

    /// The request for `messages`, sampled with `seed` as attempt `sampleIndex`.
    func request(
        _ messages: [ChatMessage], seed: Int, sampleIndex: Int?, tools: [ToolDefinition]? = nil
    ) -> ChatRequest {
        var request = settings.request(messages, sampleIndex: sampleIndex, tools: tools)
        // A seed the recipe gives the model shifts every derived seed, so changing it re-samples.
        request.seed = (seed ^ (settings.seed ?? 0)) & 0x7fff_ffff
        return request
    }

    /// Sends `request` (or replays it), returning the answer; a reply cut at `max_tokens` under
    /// `truncation: fail` comes back as `.truncated` rather than thrown, so stages can repair.
    func send(_ request: ChatRequest) async throws -> Reply {
        do {
            let answer = try await model.answer(request, stage: stage)
            progress.recordCall(stage: stage, role: settings.name.value, answer: answer)
            let message = answer.completion.choices.first?.message ?? .assistant("")
            return Reply(message: message, key: answer.key.digest, truncated: false)
        } catch let error as ModelCallError {
            if case .truncated = error {
                let key = try CallKey(identity: model.identity, request: request).digest
                progress.recordCall(stage: stage, role: settings.name.value, truncated: true)
                return Reply(message: .assistant(""), key: key, truncated: true)
            }
            progress.recordFailure(stage: stage, role: settings.name.value)
            throw error
        }
    }

    /// What a call returned.
    struct Reply: Sendable {
        var message: ChatMessage
        var key: Digest
        /// Cut at `max_tokens` under `truncation: fail`: unusable.
        var truncated: Bool

        var text: String { message.content ?? "" }
    }
}
