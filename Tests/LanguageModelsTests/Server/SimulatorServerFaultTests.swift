import AsyncHTTPClient
import Basics
import Foundation
import LanguageModels
import NIOCore
import NIOHTTP1
import Testing

@Suite("Simulator server faults")
struct SimulatorServerFaultTests {
    @Test("429 carries OpenAI's rate-limit error and no Retry-After")
    func rateLimited() async throws {
        try await withServerAndClient(try testConfiguration(faults: "429:100%")) {
            server, client in
            let reply = try await client.chat(try jsonBytes(chatRequest(1)), to: server)
            #expect(reply.status == 429)
            #expect(reply.headers["retry-after"].isEmpty)
            #expect(try reply.decode(OpenAIErrorBody.self).error.code == "rate_limit_exceeded")
            #expect(await server.statistics().faults == [.rateLimited: 1])
            let statistics = try await client.send(.GET, "/stats", to: server)
            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(statistics.body)) as? [String: Any])
            #expect(json["faults"] as? [String: Int] == ["429": 1])
            #expect(json["statuses"] as? [String: Int] == ["429": 1])
            let log = try await client.send(.GET, "/stats/log", to: server)
            let entries = try #require(
                try JSONSerialization.jsonObject(with: Data(log.body)) as? [[String: Any]])
            #expect(entries.map { $0["fault"] as? String } == ["429"])
        }
    }

    @Test("429-retry-after sends Retry-After with the configured seconds")
    func rateLimitedWithRetryAfter() async throws {
        let configuration = try testConfiguration(
            faults: "429-retry-after:100%", retryAfterSeconds: 7)
        try await withServerAndClient(configuration) { server, client in
            let reply = try await client.chat(try jsonBytes(chatRequest(1)), to: server)
            #expect(reply.status == 429)
            #expect(reply.headers["retry-after"] == ["7"])
            #expect(try reply.decode(OpenAIErrorBody.self).error.code == "rate_limit_exceeded")
        }
    }

    @Test(
        "5xx faults answer that status with a server error",
        arguments: [
            (Fault.internalServerError, 500), (.badGateway, 502), (.serviceUnavailable, 503),
        ])
    func serverErrors(fault: Fault, status: Int) async throws {
        try await withServerAndClient(try testConfiguration(faults: "\(fault):100%")) {
            server, client in
            let reply = try await client.chat(try jsonBytes(chatRequest(1)), to: server)
            #expect(reply.status == status)
            #expect(try reply.decode(OpenAIErrorBody.self).error.type == "server_error")
            let statistics = await server.statistics()
            #expect(statistics.faults == [fault: 1])
            #expect(statistics.statuses == [status: 1])
        }
    }

    @Test("reset closes the connection without a response, so the client sees an error")
    func reset() async throws {
        try await withServerAndClient(try testConfiguration(faults: "reset:100%")) {
            server, client in
            await #expect(throws: (any Error).self) {
                _ = try await client.chat(try jsonBytes(chatRequest(1)), to: server)
            }
            let statistics = await server.statistics()
            #expect(statistics.requests == 1)
            #expect(statistics.faults == [.reset: 1])
            #expect(statistics.statuses.isEmpty)
        }
    }

    @Test("truncate answers 200 with half the real body, which then fails to decode")
    func truncate() async throws {
        let body = try jsonBytes(chatRequest(1))
        let full = try await withServerAndClient(try testConfiguration()) { server, client in
            try await client.chat(body, to: server).body
        }
        try await withServerAndClient(try testConfiguration(faults: "truncate:100%")) {
            server, client in
            let reply = try await client.chat(body, to: server)
            #expect(reply.status == 200)
            #expect(reply.headers.first(name: "content-length") == String(reply.body.count))
            #expect(reply.body == Array(full.prefix(full.count / 2)))
            #expect(throws: DecodingError.self) { try reply.decode(ChatCompletion.self) }
            #expect(await server.statistics().faults == [.truncate: 1])
        }
    }

    @Test("stall writes nothing, so a client with a short timeout times out")
    func stallTimesOut() async throws {
        try await withServerAndClient(try testConfiguration(faults: "stall:100%")) {
            server, client in
            let error = await #expect(throws: HTTPClientError.self) {
                _ = try await client.chat(
                    try jsonBytes(chatRequest(1)), to: server, timeout: .seconds(2))
            }
            #expect(error == .deadlineExceeded || error == .readTimeout)
            let statistics = await server.statistics()
            #expect(statistics.faults == [.stall: 1])
            #expect(statistics.statuses.isEmpty)
        }
    }

    @Test("stall closes the connection after the stall duration, without a response")
    func stallCloses() async throws {
        let configuration = try testConfiguration(
            faults: "stall:100%", stallDuration: .milliseconds(50))
        try await withServerAndClient(configuration) { server, client in
            let error = await #expect(throws: HTTPClientError.self) {
                _ = try await client.chat(try jsonBytes(chatRequest(1)), to: server)
            }
            #expect(error == .remoteConnectionClosed)
        }
    }

    @Test("models requests are never faulted")
    func modelsNotFaulted() async throws {
        try await withServerAndClient(try testConfiguration(faults: "500:100%")) {
            server, client in
            let reply = try await client.send(.GET, "/v1/models", to: server)
            #expect(reply.status == 200)
            #expect(await server.statistics().faults.isEmpty)
        }
    }

    @Test("a client retrying every fault sends exactly the requests the schedule predicts")
    func predictedArrivals() async throws {
        let configuration = try testConfiguration(
            faults: "429:20%,429-retry-after:5%,500:10%,503:5%,reset:10%,truncate:10%", seed: 11)
        let schedule = configuration.faultSchedule
        let maxAttempts = 6
        let bodies = try (0..<20).map { try jsonBytes(chatRequest($0)) }
        try await withServerAndClient(configuration) { server, client in
            for body in bodies {
                var attempts = 0
                var succeeded = false
                while attempts < maxAttempts, !succeeded {
                    attempts += 1
                    guard let reply = try? await client.chat(body, to: server) else { continue }
                    succeeded =
                        reply.status == 200 && (try? reply.decode(ChatCompletion.self)) != nil
                }
                let predicted = schedule.arrivals(
                    untilSuccessForBody: Digest(of: body), maxAttempts: maxAttempts)
                #expect(attempts == predicted)
            }
            let predicted = bodies.reduce(0) {
                $0
                    + schedule.arrivals(
                        untilSuccessForBody: Digest(of: $1), maxAttempts: maxAttempts)
            }
            #expect(predicted > bodies.count, "the seed must fault some requests")
            #expect(await server.statistics().requests == predicted)
            let log = await server.requestLog()
            var arrivals: [Digest: Int] = [:]
            for entry in log {
                let arrival = arrivals[entry.bodySHA256, default: 0] + 1
                arrivals[entry.bodySHA256] = arrival
                #expect(entry.fault == schedule.fault(forBody: entry.bodySHA256, arrival: arrival))
            }
        }
    }
}
