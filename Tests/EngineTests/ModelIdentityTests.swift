import Basics
import Engine
import LanguageModels
import Recipes
import Testing

@Suite("Model identities in call keys")
struct ModelIdentityTests {
    static func identity(
        endpoint: String, model: String = "{ endpoint: main, model: m1 }"
    )
        throws -> ModelIdentity
    {
        let recipe = try RecipeText.load(
            RecipeText.recipe(endpoint: endpoint, model: model),
            environment: ["KEY_A": "sk-a", "KEY_B": "sk-b"])
        let writer = try #require(recipe.model(named: "writer"))
        let main = try #require(recipe.endpoint(named: "main"))
        return ModelSet.identity(of: writer, on: main)
    }

    static let base = "{ base_url: http://127.0.0.1:8000/v1 }"

    @Test(
        "credentials, timeouts, limits and retries leave the identity alone",
        arguments: [
            "{ base_url: http://127.0.0.1:8000/v1, api_key: \"${env:KEY_A}\" }",
            "{ base_url: http://127.0.0.1:8000/v1, api_key: \"${env:KEY_B}\" }",
            "{ base_url: http://127.0.0.1:8000/v1, timeout: 5s }",
            "{ base_url: http://127.0.0.1:8000/v1, max_concurrency: 3 }",
            "{ base_url: http://127.0.0.1:8000/v1, requests_per_minute: 60 }",
            "{ base_url: http://127.0.0.1:8000/v1, tokens_per_minute: 6000 }",
            "{ base_url: http://127.0.0.1:8000/v1, max_attempts: 2 }",
        ])
    func unkeyedSettings(_ endpoint: String) throws {
        #expect(try Self.identity(endpoint: endpoint) == Self.identity(endpoint: Self.base))
    }

    @Test("the base URL, cache_as, the model string and its revision change the identity")
    func keyedSettings() throws {
        let base = try Self.identity(endpoint: Self.base)
        let variants = [
            try Self.identity(endpoint: "{ base_url: http://127.0.0.1:9000/v1 }"),
            try Self.identity(endpoint: "{ base_url: http://127.0.0.1:8000/v1, cache_as: pool }"),
            try Self.identity(endpoint: Self.base, model: "{ endpoint: main, model: m9 }"),
            try Self.identity(
                endpoint: Self.base, model: "{ endpoint: main, model: m1, revision: r2 }"),
        ]
        for variant in variants { #expect(variant != base) }
        #expect(Set(variants).count == variants.count)
    }

    @Test("two endpoints with one cache_as share an identity")
    func cacheAsShares() throws {
        let first = try Self.identity(
            endpoint: "{ base_url: http://10.0.0.1:8000/v1, cache_as: pool }")
        let second = try Self.identity(
            endpoint: "{ base_url: http://10.0.0.2:8000/v1, cache_as: pool }")
        #expect(first == second)
    }

    @Test("a simulated endpoint's identity carries the simulator's behaviour version")
    func simulatorVersion() throws {
        let identity = try Self.identity(endpoint: "{ simulated: {} }")
        #expect(
            identity.endpoint["simulated"] != nil
                && identity.endpoint["simulator_behaviour"]
                    == .integer(Simulator.behaviourVersion)
        )
        #expect(
            try Self.identity(endpoint: "{ simulated: { latency: 5ms } }") == identity)
        #expect(
            try Self.identity(endpoint: "{ simulated: { malformed_rate: 0.1 } }") != identity)
    }
}
