internal import Basics
public import LanguageModels
public import Recipes
public import Store

/// The recipe's models, ready to call: one client per endpoint (so an endpoint's limits hold
/// across the models it serves), each model behind the caching decorator.
public struct ModelSet: Sendable {
    /// Cached models by role name.
    public let models: [String: CachedChatModel]
    /// HTTP clients by endpoint name; simulated endpoints have none.
    public let clients: [String: OpenAIClient]
    /// What serves embeddings for each model role, with the identity its vectors are cached
    /// under.
    public let embedders: [String: (model: any EmbeddingModel, identity: ModelIdentity)]

    /// Models for every model of `recipe` whose endpoint is usable.
    ///
    /// With `forecast`, nothing is sent: every endpoint is served by the simulator as a
    /// stand-in, and each miss is counted as a call a build would send (see
    /// ``CachedChatModel/Options/forecast``).
    public init(
        recipe: Recipe, session: HTTPSession, store: any CallCache, offline: Bool = false,
        budget: SendBudget? = nil, forecast: Bool = false
    ) {
        var bases: [String: any ChatModel] = [:]
        var clients: [String: OpenAIClient] = [:]
        for endpoint in recipe.endpoints {
            let name = endpoint.name.value
            switch endpoint.kind {
            case .simulated(let settings):
                bases[name] = Simulator(
                    SimulatorConfiguration(
                        malformedRate: settings.malformedRate,
                        latency: forecast ? .zero : .seconds(settings.latency)))
            case .http(.some, _) where forecast:
                bases[name] = Simulator()
            case .http(let baseURL?, let apiKey):
                let client = OpenAIClient(
                    EndpointConfiguration(
                        name: name, baseURL: baseURL.value, apiKey: apiKey,
                        timeout: .seconds(endpoint.timeout),
                        retry: RetryPolicy(maxAttempts: endpoint.maxAttempts),
                        limits: EndpointLimits(
                            maxConcurrency: endpoint.maxConcurrency,
                            requestsPerMinute: endpoint.requestsPerMinute,
                            tokensPerMinute: endpoint.tokensPerMinute)),
                    session: session)
                clients[name] = client
                bases[name] = client
            case .http(nil, _):
                continue
            }
        }
        let callStore = StoreCallStore(store)
        var models: [String: CachedChatModel] = [:]
        var embedders: [String: (model: any EmbeddingModel, identity: ModelIdentity)] = [:]
        for model in recipe.models {
            guard let endpoint = recipe.endpoint(named: model.endpoint.value),
                let base = bases[endpoint.name.value]
            else { continue }
            if let embedder = base as? any EmbeddingModel {
                embedders[model.name.value] = (embedder, Self.identity(of: model, on: endpoint))
            }
            models[model.name.value] = CachedChatModel(
                base,
                identity: Self.identity(of: model, on: endpoint),
                endpoint: endpoint.name.value, store: callStore,
                options: .init(
                    offline: offline, truncation: model.truncationFails ? .fail : .keep,
                    budget: budget, price: model.price.map { ($0.input, $0.output) },
                    forecast: forecast))
        }
        self.models = models
        self.clients = clients
        self.embedders = embedders
    }

    /// What identifies `model` in call keys. A simulated endpoint adds the simulator's behaviour
    /// version, so a simulator that answers differently misses the old entries.
    public static func identity(
        of model: Recipe.Model, on endpoint: Recipe.Endpoint
    )
        -> ModelIdentity
    {
        var endpointIdentity = endpoint.identity
        if case .simulated = endpoint.kind, case .object(let fields) = endpointIdentity {
            var extended = fields
            extended["simulator_behaviour"] = .integer(Simulator.behaviourVersion)
            endpointIdentity = .object(extended)
        }
        return ModelIdentity(
            model: model.model.value, revision: model.revision, endpoint: endpointIdentity)
    }
}
