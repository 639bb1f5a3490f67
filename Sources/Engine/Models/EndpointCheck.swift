internal import Basics
public import LanguageModels
public import Recipes

/// What `frontier doctor` found at one endpoint.
public struct EndpointReport: Sendable {
    public enum Status: Sendable {
        /// The built-in simulator: always there, serves any model name.
        case simulated
        /// The endpoint answered `GET /models` with these model ids.
        case reachable(served: [String], milliseconds: Int)
        /// The endpoint could not be reached or refused: why.
        case failed(String)
    }

    public var name: String
    /// The base URL, or nil for the simulator.
    public var baseURL: String?
    public var status: Status
    /// The recipe's models on this endpoint: role name, model string, and whether the endpoint
    /// lists it (nil when it cannot tell).
    public var models: [(role: String, model: String, listed: Bool?)]

    public var isHealthy: Bool {
        if case .failed = status { return false }
        return true
    }
}

/// Checks every endpoint of a recipe: pings each HTTP endpoint's `GET /models` (with a short
/// timeout and two attempts) and matches the recipe's model names against what it serves.
public enum EndpointCheck {
    public static func run(
        _ recipe: Recipe, session: HTTPSession, timeout: Duration = .seconds(10)
    ) async -> [EndpointReport] {
        await withTaskGroup(of: (Int, EndpointReport).self) { group in
            for (index, endpoint) in recipe.endpoints.enumerated() {
                group.addTask {
                    (index, await check(endpoint, in: recipe, session: session, timeout: timeout))
                }
            }
            var reports: [(Int, EndpointReport)] = []
            for await report in group { reports.append(report) }
            return reports.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    private static func check(
        _ endpoint: Recipe.Endpoint, in recipe: Recipe, session: HTTPSession, timeout: Duration
    ) async -> EndpointReport {
        let name = endpoint.name.value
        let models = recipe.models.filter { $0.endpoint.value == name }
        switch endpoint.kind {
        case .simulated:
            return EndpointReport(
                name: name, baseURL: nil, status: .simulated,
                models: models.map { ($0.name.value, $0.model.value, true) })
        case .http(nil, _):
            return EndpointReport(
                name: name, baseURL: nil, status: .failed("no usable base_url"),
                models: models.map { ($0.name.value, $0.model.value, nil) })
        case .http(let baseURL?, let apiKey):
            let client = OpenAIClient(
                EndpointConfiguration(
                    name: name, baseURL: baseURL.value, apiKey: apiKey, timeout: timeout,
                    retry: RetryPolicy(maxAttempts: 2, baseDelay: 0.2)),
                session: session)
            let clock = ContinuousClock()
            let start = clock.now
            do {
                let list = try await client.models()
                let elapsed = clock.now - start
                let served = list.data.map(\.id)
                return EndpointReport(
                    name: name, baseURL: baseURL.value,
                    status: .reachable(
                        served: served,
                        milliseconds: Int(elapsed / .milliseconds(1))),
                    models: models.map {
                        ($0.name.value, $0.model.value, served.contains($0.model.value))
                    })
            } catch {
                return EndpointReport(
                    name: name, baseURL: baseURL.value, status: .failed("\(error)"),
                    models: models.map { ($0.name.value, $0.model.value, nil) })
            }
        }
    }
}
