import Basics
import Synchronization
import Testing

@testable import LanguageModels

/// A call store in memory that counts what it is asked.
final class MemoryCallStore: CallStore {
    let entries = Mutex<[Digest: CompletedCall]>([:])

    func response(for key: Digest) async throws -> [UInt8]? {
        entries.withLock { $0[key]?.responseBody }
    }

    func record(_ call: CompletedCall) async throws {
        entries.withLock { $0[call.key.digest] = call }
    }

    var count: Int { entries.withLock { $0.count } }
}

/// A model that answers from the simulator, counts its calls, and can be told to fail or to
/// hold its answers until released.
final class CountingModel: ChatModel {
    enum Behaviour: Sendable { case answer, fail, truncate }

    let calls = Mutex(0)
    let behaviour: Behaviour
    let gate: AsyncStream<Void>?
    let entered: AsyncStream<Void>.Continuation?

    init(
        _ behaviour: Behaviour = .answer, gate: AsyncStream<Void>? = nil,
        entered: AsyncStream<Void>.Continuation? = nil
    ) {
        self.behaviour = behaviour
        self.gate = gate
        self.entered = entered
    }

    func complete(_ request: ChatRequest) async throws -> ChatCompletion {
        calls.withLock { $0 += 1 }
        entered?.yield()
        if let gate { for await _ in gate { break } }
        var completion = try Simulator().respond(to: request)
        switch behaviour {
        case .answer: break
        case .fail: throw ModelCallError.rejected(endpoint: "'test'", status: 400, message: "no")
        case .truncate: completion.choices[0].finishReason = .length
        }
        return completion
    }

    var count: Int { calls.withLock { $0 } }
}

@Suite("Caching decorator")
struct CachedChatModelTests {
    static let identity = ModelIdentity(
        model: "peer", endpoint: .object(["simulated": .object([:])]))

    static func request(_ text: String = "what is a lens?") -> ChatRequest {
        ChatRequest(model: "peer", messages: [.user(text)])
    }

    static func cached(
        _ base: any ChatModel, store: any CallStore, options: CachedChatModel.Options = .init()
    ) -> CachedChatModel {
        CachedChatModel(base, identity: identity, endpoint: "sim", store: store, options: options)
    }

    @Test("a second identical call is answered from the store with the same completion")
    func hit() async throws {
        let base = CountingModel()
        let store = MemoryCallStore()
        let model = Self.cached(base, store: store)
        let first = try await model.answer(Self.request())
        let second = try await model.answer(Self.request())
        #expect(first.cached == false)
        #expect(second.cached == true)
        #expect(first.completion == second.completion)
        #expect(base.count == 1)
        #expect(model.statistics.sent == 1 && model.statistics.cached == 1)
    }

    @Test("a new decorator over the same store sends nothing")
    func persistsAcrossInstances() async throws {
        let store = MemoryCallStore()
        _ = try await Self.cached(CountingModel(), store: store).answer(Self.request())
        let base = CountingModel()
        let answer = try await Self.cached(base, store: store).answer(Self.request())
        #expect(answer.cached)
        #expect(base.count == 0)
    }

    @Test("a failed call is not recorded, and the next attempt sends again")
    func failuresNotCached() async throws {
        let store = MemoryCallStore()
        let failing = CountingModel(.fail)
        await #expect(throws: ModelCallError.self) {
            try await Self.cached(failing, store: store).answer(Self.request())
        }
        #expect(store.count == 0)
        let base = CountingModel()
        _ = try await Self.cached(base, store: store).answer(Self.request())
        #expect(base.count == 1)
    }

    @Test(
        "under truncation: fail, an answer cut at max_tokens fails, and fails again from the cache without being re-sent"
    )
    func truncationFails() async throws {
        let store = MemoryCallStore()
        let base = CountingModel(.truncate)
        let model = Self.cached(base, store: store)
        var request = Self.request()
        request.maxTokens = 8
        for _ in 0..<2 {
            await #expect(throws: ModelCallError.truncated(model: "peer", maxTokens: 8)) {
                try await model.answer(request)
            }
        }
        #expect(base.count == 1)
        #expect(store.count == 1)
        #expect(model.statistics.truncated == 2)
        #expect(model.statistics.failed == 2)
    }

    @Test("an answer cut at max_tokens is kept, cached and counted under truncation: keep")
    func truncationKept() async throws {
        let store = MemoryCallStore()
        let model = Self.cached(
            CountingModel(.truncate), store: store, options: .init(truncation: .keep))
        let answer = try await model.answer(Self.request())
        #expect(answer.completion.choices[0].finishReason == .length)
        #expect(store.count == 1)
        #expect(model.statistics.truncated == 1)
    }

    @Test("offline, a miss names the model, the stage and the key, and sends nothing")
    func offlineMiss() async throws {
        let base = CountingModel()
        let model = Self.cached(base, store: MemoryCallStore(), options: .init(offline: true))
        let key = try CallKey(identity: Self.identity, request: Self.request())
        await #expect(
            throws: ModelCallError.offlineMiss(model: "peer", stage: "seed", key: key.digest)
        ) {
            try await model.answer(Self.request(), stage: "seed")
        }
        #expect(base.count == 0)
        let message = "\(ModelCallError.offlineMiss(model: "peer", stage: "seed", key: key.digest))"
        #expect(message.contains("'peer'") && message.contains("'seed'"))
        #expect(message.contains(key.digest.prefix()))
    }

    @Test("offline, a cached call is answered")
    func offlineHit() async throws {
        let store = MemoryCallStore()
        _ = try await Self.cached(CountingModel(), store: store).answer(Self.request())
        let answer = try await Self.cached(
            CountingModel(), store: store, options: .init(offline: true)
        ).answer(Self.request())
        #expect(answer.cached)
    }

    @Test("two concurrent calls with one key send one request")
    func singleFlight() async throws {
        let (gate, open) = AsyncStream<Void>.makeStream()
        let (entered, enter) = AsyncStream<Void>.makeStream()
        let base = CountingModel(gate: gate, entered: enter)
        let model = Self.cached(base, store: MemoryCallStore())
        let key = try CallKey(identity: Self.identity, request: Self.request()).digest
        async let first = model.answer(Self.request())
        for await _ in entered { break }
        async let second = model.answer(Self.request())
        while model.flights.joinerCount(key) == 0 { await Task.yield() }
        open.yield()
        open.finish()
        let answers = try await [first, second]
        #expect(base.count == 1)
        #expect(answers[0].completion == answers[1].completion)
        #expect(model.statistics.joined == 1)
    }
}
