import AsyncHTTPClient
import Basics
import Foundation
import LanguageModels
import NIOCore
import NIOHTTP1
import Testing

@Suite("Simulator server statistics")
struct SimulatorServerStatisticsTests {
    @Test("/stats counts requests by route and status, and never counts itself")
    func counts() async throws {
        try await withServerAndClient(try testConfiguration()) { server, client in
            for index in 0..<3 {
                _ = try await client.chat(try jsonBytes(chatRequest(index)), to: server)
            }
            let embeddings = EmbeddingsRequest(model: "e", input: ["x"])
            for _ in 0..<2 {
                _ = try await client.send(
                    .POST, "/v1/embeddings", to: server, body: try jsonBytes(embeddings))
            }
            _ = try await client.send(.GET, "/v1/models", to: server)
            _ = try await client.send(.GET, "/nowhere", to: server)
            _ = try await client.chat(Array("{".utf8), to: server)
            _ = try await client.send(.GET, "/stats", to: server)

            let reply = try await client.send(.GET, "/stats", to: server)
            #expect(reply.status == 200)
            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(reply.body)) as? [String: Any])
            #expect(json["requests"] as? Int == 8)
            #expect(json["chat_completions"] as? Int == 4)
            #expect(json["embeddings"] as? Int == 2)
            #expect(json["models"] as? Int == 1)
            #expect(json["faults"] as? [String: Int] == [:])
            #expect(json["statuses"] as? [String: Int] == ["200": 6, "400": 1, "404": 1])

            let decoded = try reply.decode(ServerStatistics.self)
            #expect(decoded == (await server.statistics()))
            #expect(decoded.statuses == [200: 6, 400: 1, 404: 1])
        }
    }

    @Test("/stats/log lists each request's route and body SHA-256 in arrival order")
    func log() async throws {
        try await withServerAndClient(try testConfiguration()) { server, client in
            let chats = try (0..<4).map { try jsonBytes(chatRequest($0)) }
            let embeddings = try jsonBytes(EmbeddingsRequest(model: "e", input: ["a", "b"]))
            for body in chats { _ = try await client.chat(body, to: server) }
            _ = try await client.send(.POST, "/v1/embeddings", to: server, body: embeddings)
            _ = try await client.send(.GET, "/v1/models", to: server)

            let reply = try await client.send(.GET, "/stats/log", to: server)
            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(reply.body)) as? [[String: Any]])
            #expect(
                json.map { $0["route"] as? String } == [
                    "chat_completions", "chat_completions", "chat_completions", "chat_completions",
                    "embeddings", "models",
                ])
            #expect(json.allSatisfy { $0["fault"] is NSNull })
            let sent = chats + [embeddings, []]
            #expect(json.map { $0["body_sha256"] as? String } == sent.map { Digest(of: $0).hex })

            let log = try reply.decode([LoggedRequest].self)
            #expect(log == (await server.requestLog()))
            #expect(log.map(\.bodySHA256) == sent.map { Digest(of: $0) })
        }
    }

    @Test("/stats/reset clears the counts, the log and the fault schedule's arrivals")
    func reset() async throws {
        let configuration = try testConfiguration(faults: "500:50%", seed: 3)
        let schedule = configuration.faultSchedule
        try await withServerAndClient(configuration) { server, client in
            let body = try jsonBytes(chatRequest(7))
            let digest = Digest(of: body)
            var statuses: [Int] = []
            for _ in 0..<6 { statuses.append(try await client.chat(body, to: server).status) }
            let reset = try await client.send(.POST, "/stats/reset", to: server)
            #expect(reset.status == 200)
            #expect(await server.statistics() == ServerStatistics())
            #expect(await server.requestLog().isEmpty)

            var again: [Int] = []
            for _ in 0..<6 { again.append(try await client.chat(body, to: server).status) }
            #expect(again == statuses)
            let predicted = (1...6).map {
                schedule.fault(forBody: digest, arrival: $0) == nil ? 200 : 500
            }
            #expect(statuses == predicted)
            let continued = (7...12).map {
                schedule.fault(forBody: digest, arrival: $0) == nil ? 200 : 500
            }
            #expect(continued != predicted, "the seed must tell a restart from a continuation")
            #expect(await server.statistics().requests == 6)

            await server.resetStatistics()
            #expect(await server.statistics().requests == 0)
        }
    }
}
