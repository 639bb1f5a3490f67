import AsyncHTTPClient
import Basics
import Foundation
import LanguageModels
import NIOCore
import NIOHTTP1
import Testing

@Suite("Simulator server routes")
struct SimulatorServerRouteTests {
    @Test("a chat completion decodes with the wire types and equals the simulator's own answer")
    func chatRoundTrip() async throws {
        let simulatorConfiguration = SimulatorConfiguration(malformedRate: 0.2)
        let configuration = try testConfiguration(simulator: simulatorConfiguration)
        try await withServerAndClient(configuration) { server, client in
            for index in 0..<5 {
                let request = chatRequest(index)
                let reply = try await client.chat(try jsonBytes(request), to: server)
                #expect(reply.status == 200)
                #expect(reply.headers.first(name: "content-type") == "application/json")
                let completion = try reply.decode(ChatCompletion.self)
                let expected = try Simulator(simulatorConfiguration).respond(to: request)
                #expect(completion == expected)
            }
        }
    }

    @Test("embeddings decode with the wire types and equal the simulator's own vectors")
    func embeddingsRoundTrip() async throws {
        try await withServerAndClient(try testConfiguration()) { server, client in
            let request = EmbeddingsRequest(
                model: "sim-embed", input: ["first text", "a second, longer text"], dimensions: 64)
            let reply = try await client.send(
                .POST, "/v1/embeddings", to: server, body: try jsonBytes(request))
            #expect(reply.status == 200)
            let response = try reply.decode(EmbeddingsResponse.self)
            #expect(response == Simulator().embeddings(for: request))
            #expect(response.data.map(\.embedding.count) == [64, 64])
        }
    }

    @Test("models lists the configured profiles, as the simulator does")
    func modelsRoundTrip() async throws {
        let simulatorConfiguration = SimulatorConfiguration(profiles: [
            "sim-peer": SimulatorProfile(ability: 0.5, toolBonus: 1),
            "sim-expert": SimulatorProfile(ability: 1.5, toolBonus: 2),
        ])
        let configuration = try testConfiguration(simulator: simulatorConfiguration)
        try await withServerAndClient(configuration) { server, client in
            let reply = try await client.send(.GET, "/v1/models", to: server)
            #expect(reply.status == 200)
            let list = try reply.decode(ModelList.self)
            #expect(list == Simulator(simulatorConfiguration).models())
            #expect(list.data.map(\.id) == ["sim-expert", "sim-peer"])
        }
    }

    @Test(
        "a body that is not a chat request gets 400 with an OpenAI error",
        arguments: ["{not json", #"{"model": "m"}"#, "[]", ""])
    func badBody(body: String) async throws {
        try await withServerAndClient(try testConfiguration()) { server, client in
            let reply = try await client.chat(Array(body.utf8), to: server)
            #expect(reply.status == 400)
            let error = try reply.decode(OpenAIErrorBody.self).error
            #expect(error.type == "invalid_request_error")
            #expect(error.message.contains("could not parse the JSON body"))
        }
    }

    @Test("an unknown route gets 404 with an OpenAI error, and so does a known path's wrong method")
    func unknownRoute() async throws {
        try await withServerAndClient(try testConfiguration()) { server, client in
            let unknown = try await client.send(.GET, "/v1/completions/nothing", to: server)
            #expect(unknown.status == 404)
            #expect(try unknown.decode(OpenAIErrorBody.self).error.code == "unknown_url")
            let wrongMethod = try await client.send(.GET, "/v1/chat/completions", to: server)
            #expect(wrongMethod.status == 404)
            #expect(await server.statistics().requests == 2)
        }
    }

    @Test("a body over the size limit gets 413, is not counted, and the connection stays usable")
    func bodyTooLarge() async throws {
        let configuration = try testConfiguration(maxBodyBytes: 1024)
        try await withServerAndClient(configuration) { server, client in
            let large = try jsonBytes(
                ChatRequest(model: "m", messages: [.user(String(repeating: "x", count: 4096))]))
            let refused = try await client.chat(large, to: server)
            #expect(refused.status == 413)
            #expect(try refused.decode(OpenAIErrorBody.self).error.code == "request_too_large")
            let accepted = try await client.chat(try jsonBytes(chatRequest(1)), to: server)
            #expect(accepted.status == 200)
            let statistics = await server.statistics()
            #expect(statistics.requests == 1)
            #expect(statistics.statuses == [413: 1, 200: 1])
        }
    }

    @Test("with an API key set, a missing or wrong key gets 401 and the right one 200")
    func apiKey() async throws {
        let configuration = try testConfiguration(apiKey: "sk-sim")
        try await withServerAndClient(configuration) { server, client in
            let body = try jsonBytes(chatRequest(1))
            let expected =
                #"{"error":{"message":"Incorrect API key provided","#
                + #""type":"invalid_request_error","code":"invalid_api_key"}}"#
            let missing = try await client.chat(body, to: server)
            #expect(missing.status == 401)
            #expect(String(decoding: missing.body, as: UTF8.self) == expected)
            let wrong = try await client.chat(
                body, to: server, headers: [("Authorization", "Bearer sk-other")])
            #expect(wrong.status == 401)
            #expect(wrong.body == missing.body)
            let models = try await client.send(.GET, "/v1/models", to: server)
            #expect(models.status == 401)
            let right = try await client.chat(
                body, to: server, headers: [("Authorization", "Bearer sk-sim")])
            #expect(right.status == 200)
            #expect(throws: Never.self) { try right.decode(ChatCompletion.self) }
            let statistics = try await client.send(.GET, "/stats", to: server)
            #expect(statistics.status == 200)
        }
    }

    @Test("sequential requests through the client's pool share one kept-alive connection")
    func keepAlive() async throws {
        try await withServerAndClient(try testConfiguration()) { server, client in
            for index in 0..<50 {
                let reply = try await client.chat(try jsonBytes(chatRequest(index)), to: server)
                #expect(reply.status == 200)
            }
            let statistics = await server.statistics()
            #expect(statistics.chatCompletions == 50)
            #expect(statistics.connections == 1)
        }
    }

    @Test("a client asking to close gets connection: close and the next request reconnects")
    func connectionClose() async throws {
        try await withServerAndClient(try testConfiguration()) { server, client in
            for index in 0..<3 {
                let reply = try await client.chat(
                    try jsonBytes(chatRequest(index)), to: server,
                    headers: [("Connection", "close")])
                #expect(reply.status == 200)
                #expect(reply.headers.first(name: "connection") == "close")
            }
            #expect(await server.statistics().connections == 3)
        }
    }
}
