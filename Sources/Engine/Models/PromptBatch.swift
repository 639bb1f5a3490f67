internal import Basics
public import LanguageModels
public import Recipes

/// Prompts sent through one model as independent calls, for `frontier ask`: each prompt is one
/// user message (after an optional system message), answered through the caching decorator.
public struct PromptBatch: Sendable {
    /// One prompt's outcome, in input order.
    public struct Outcome: Sendable {
        public var index: Int
        public var prompt: String
        public var result: Result<CachedChatModel.Answer, any Error>
    }

    public var prompts: [String]
    public var system: String?
    public var sampleIndex: Int?

    public init(prompts: [String], system: String? = nil, sampleIndex: Int? = nil) {
        self.prompts = prompts
        self.system = system
        self.sampleIndex = sampleIndex
    }

    /// Sends the prompts with at most `concurrency` calls in flight and hands each outcome to
    /// `deliver` in input order. A failure that aborts the build (refused credentials) cancels
    /// the rest and is thrown; other failures are delivered as outcomes.
    public func run(
        through model: CachedChatModel, settings: Recipe.Model, concurrency: Int,
        deliver: (Outcome) -> Void
    ) async throws {
        var pending: [Int: Outcome] = [:]
        var nextToDeliver = 0
        try await withThrowingTaskGroup(of: Outcome.self) { group in
            var nextToStart = 0
            func startNext() {
                guard nextToStart < prompts.count else { return }
                let index = nextToStart
                nextToStart += 1
                let request = settings.request(
                    messages(for: prompts[index]), sampleIndex: sampleIndex)
                group.addTask { [prompts] in
                    do {
                        let answer = try await model.answer(request, stage: "ask")
                        return Outcome(
                            index: index, prompt: prompts[index], result: .success(answer))
                    } catch let error as ModelCallError where error.abortsBuild {
                        throw error
                    } catch {
                        return Outcome(
                            index: index, prompt: prompts[index], result: .failure(error))
                    }
                }
            }
            for _ in 0..<max(1, concurrency) { startNext() }
            while let outcome = try await group.next() {
                pending[outcome.index] = outcome
                while let ready = pending.removeValue(forKey: nextToDeliver) {
                    deliver(ready)
                    nextToDeliver += 1
                }
                startNext()
            }
        }
    }

    private func messages(for prompt: String) -> [ChatMessage] {
        (system.map { [ChatMessage.system($0)] } ?? []) + [.user(prompt)]
    }
}
