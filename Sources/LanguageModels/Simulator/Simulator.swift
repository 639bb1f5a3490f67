internal import Basics

/// The built-in simulator: a deterministic model of the ZPD that answers every stage's prompts
/// without a network (PIPELINE.md, "The simulator").
///
/// Every choice is a function of the canonical request (its model, messages, tools, sampling
/// parameters, `seed` and `sampleIndex`), never of time or call order, so the cache semantics
/// hold: the same request gives a byte-identical completion. Each simulated model has an
/// ability per discipline and a tool bonus (`SimulatorProfile`); each item a difficulty that
/// grows with its escalation level (`SimulatedItem`, recovered from the question text); a solve
/// succeeds with the logistic probability of ability minus difficulty.
///
/// `StageRecognizer` tells which stage a request is for. Agent turns (tools offered natively or
/// by the `<tool_call>` tag protocol) call tools as planned by `AgentPlan`, then answer.
public struct Simulator: ChatModel, EmbeddingModel {
    /// Bumped whenever a change makes the simulator answer some request differently, so that
    /// endpoint identities (and with them cache keys) can include it.
    public static let behaviourVersion = 3

    public var configuration: SimulatorConfiguration

    public init(_ configuration: SimulatorConfiguration = SimulatorConfiguration()) {
        self.configuration = configuration
    }

    public func complete(_ request: ChatRequest) async throws -> ChatCompletion {
        if configuration.latency > .zero { try await Task.sleep(for: configuration.latency) }
        return try respond(to: request)
    }

    public func embed(_ request: EmbeddingsRequest) async throws -> EmbeddingsResponse {
        if configuration.latency > .zero { try await Task.sleep(for: configuration.latency) }
        return embeddings(for: request)
    }

    /// The models configured with a profile, for `GET /v1/models`; every other name is served
    /// too, with its derived profile.
    public func models() -> ModelList {
        ModelList(
            data: configuration.profiles.keys.sorted().map {
                .init(id: $0, created: 0, ownedBy: "frontier-simulator")
            })
    }

    /// The true probability that `model` answers `question` correctly, with or without tools:
    /// the ground truth the ZPD filter is measured against.
    public func trueSolveProbability(model: String, question: String, withTools: Bool) -> Double {
        world.solveProbability(
            model: model, item: SimulatedItem(question: question), withTools: withTools)
    }

    /// The difficulty of `question` on the ability scale.
    public func difficulty(ofQuestion question: String) -> Double {
        world.difficulty(of: SimulatedItem(question: question))
    }

    /// The completion for `request`, computed synchronously.
    public func respond(to request: ChatRequest) throws -> ChatCompletion {
        let digest = try Self.digest(of: request)
        let root = Self.root(of: request)
        let call = SimulatedCall(
            request: request, digest: digest,
            root: root.messages.count == request.messages.count
                ? digest : try Self.digest(of: root),
            session: AgentSession(request),
            malformed: Malformer(rate: configuration.malformedRate).variant(for: digest),
            profile: configuration.profile(of: request.model))
        let task = StageRecognizer.task(of: request, toolsOffered: call.session != nil)
        return reply(to: task, call).completion(for: request, digest: call.digest)
    }

    /// One vector per input, from hashed word features.
    public func embeddings(for request: EmbeddingsRequest) -> EmbeddingsResponse {
        let dimensions = request.dimensions ?? configuration.embeddingDimensions
        let data = request.input.enumerated().map { index, text in
            EmbeddingsResponse.Embedding(
                index: index, embedding: TextEmbedding.vector(for: text, dimensions: dimensions))
        }
        let tokens = request.input.reduce(0) { $0 + TokenEstimate.tokens($1) }
        return EmbeddingsResponse(
            data: data, model: request.model, usage: .init(promptTokens: tokens))
    }

    var world: WorldModel { WorldModel(configuration: configuration) }

    /// What the simulator's choices are drawn from: the canonical JSON of
    /// `{"request": <wire form>, "sample_index": n}`. The sample index counts only when the
    /// request has no `seed`: it never goes over the wire, so a seeded request (as every one
    /// the engine sends) gets the same answer in process as from `frontier serve-sim`.
    static func digest(of request: ChatRequest) throws -> Digest {
        var identity: [String: JSONValue] = ["request": request.keyValue]
        if request.seed == nil, let sampleIndex = request.sampleIndex {
            identity["sample_index"] = .integer(sampleIndex)
        }
        return Digest(of: try JSONValue.object(identity).canonicalBytes())
    }

    /// The request as it was before the agent's first turn: the root of its trajectory.
    static func root(of request: ChatRequest) -> ChatRequest {
        var root = request
        if let first = request.messages.firstIndex(where: { $0.role == .assistant }) {
            root.messages = Array(request.messages[..<first])
        }
        return root
    }
}
