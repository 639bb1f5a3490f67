import Basics
import Engine
import Foundation
import LanguageModels
import Testing

@testable import Store

@Suite("The call path against serve-sim: faults, refusals, corruption")
struct CallPathReliabilityTests {
    @Test(
        "2,000 calls through 429s, 5xx, resets and truncated bodies all complete, with exactly the requests the seeded schedule predicts"
    )
    func faultSchedule() async throws {
        let spec = "429:10%,429-retry-after:10%,500:4%,502:3%,503:3%,reset:5%,truncate:2%"
        let maxAttempts = 12
        try await ServeSimRig.with({
            $0.faults = try FaultSpec(spec)
            $0.seed = 42
        }) { rig in
            let requests = ServeSimRig.requests(2_000)
            let model = rig.model(
                rig.client(retry: ServeSimRig.quickRetry(maxAttempts: maxAttempts)))
            let answers = try await ServeSimRig.answers(requests, through: model)

            let entries = try await rig.store.callEntries()
            #expect(entries.count == 2_000)
            let schedule = rig.server.configuration.faultSchedule
            let predicted = entries.reduce(0) {
                $0 + schedule.arrivals(untilSuccessForBody: $1.request, maxAttempts: maxAttempts)
            }
            let statistics = await rig.server.statistics()
            #expect(statistics.chatCompletions == predicted)
            #expect(statistics.chatCompletions > 2_000)
            for fault in [
                Fault.rateLimited, .rateLimitedWithRetryAfter, .internalServerError, .reset,
                .truncate,
            ] {
                #expect(statistics.faults[fault, default: 0] > 0, "\(fault)")
            }
            // Every stored response is the well-formed answer, never a truncated body.
            let simulator = Simulator()
            for (index, request) in requests.enumerated() {
                let expected = try simulator.respond(to: request)
                #expect(answers[index] == expected)
                let cached = try #require(
                    try await rig.store.lookup(
                        call: try CallKey(identity: model.identity, request: request).digest))
                let stored = try JSONDecoder().decode(
                    ChatCompletion.self, from: Data(cached.response))
                #expect(stored == expected)
            }
        }
    }

    @Test("an endpoint that always answers 500 gets exactly the configured attempts per call")
    func alwaysFailing() async throws {
        try await ServeSimRig.with({ $0.faults = try FaultSpec("500:100%") }) { rig in
            let model = rig.model(rig.client(retry: ServeSimRig.quickRetry(maxAttempts: 4)))
            for request in ServeSimRig.requests(5) {
                await #expect(throws: ModelCallError.self) { try await model.answer(request) }
            }
            #expect(await rig.server.statistics().chatCompletions == 5 * 4)
            let entries = try await rig.store.callEntries()
            #expect(entries.isEmpty)
        }
    }

    @Test("the last failure of an exhausted call says how many attempts were made and why")
    func exhaustedMessage() async throws {
        try await ServeSimRig.with({ $0.faults = try FaultSpec("503:100%") }) { rig in
            let model = rig.model(rig.client(retry: ServeSimRig.quickRetry(maxAttempts: 3)))
            do {
                _ = try await model.answer(ServeSimRig.requests(1)[0])
                Issue.record("the call succeeded")
            } catch let error as ModelCallError {
                guard case .attemptsExhausted(let endpoint, let attempts, let last) = error else {
                    Issue.record("unexpected \(error)")
                    return
                }
                #expect(endpoint.contains("'sim-http'") && endpoint.contains(rig.server.baseURL))
                #expect(attempts == 3)
                #expect(last.contains("HTTP 503"))
            }
        }
    }

    @Test(
        "refused credentials cost one request however many calls were waiting, and name the endpoint"
    )
    func refusedCredentials() async throws {
        try await ServeSimRig.with({ $0.apiKey = "sk-right" }) { rig in
            let model = rig.model(rig.client(apiKey: "sk-wrong"))
            let requests = ServeSimRig.requests(50)
            let errors = try await withThrowingTaskGroup(of: ModelCallError?.self) { group in
                for request in requests {
                    group.addTask {
                        do {
                            _ = try await model.answer(request)
                            return nil
                        } catch let error as ModelCallError { return error }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(errors.allSatisfy { $0?.abortsBuild == true })
            let message = "\(errors.first!!)"
            #expect(message.contains("'sim-http'") && message.contains("401"))
            #expect(message.contains("Incorrect API key"))
            #expect(await rig.server.statistics().requests == 1)
        }
    }

    @Test("the right key is accepted, and then calls run concurrently")
    func acceptedCredentials() async throws {
        try await ServeSimRig.with({ $0.apiKey = "sk-right" }) { rig in
            let model = rig.model(rig.client(apiKey: "sk-right"))
            _ = try await ServeSimRig.answers(ServeSimRig.requests(100), through: model)
            #expect(await rig.server.statistics().chatCompletions == 100)
        }
    }

    @Test("a stalled response times out and is retried, on the seeded schedule")
    func stalls() async throws {
        // The timeout is far above any real answer's time, even on a loaded machine, so only
        // stalls time out; a stall holds its connection much longer than the timeout.
        try await ServeSimRig.with({
            $0.faults = try FaultSpec("stall:25%")
            $0.stallDuration = .seconds(60)
            $0.seed = 3
        }) { rig in
            let model = rig.model(
                rig.client(retry: ServeSimRig.quickRetry(maxAttempts: 10), timeout: .seconds(10)))
            _ = try await ServeSimRig.answers(ServeSimRig.requests(8), through: model)
            let schedule = rig.server.configuration.faultSchedule
            let predicted = try await rig.store.callEntries().reduce(0) {
                $0 + schedule.arrivals(untilSuccessForBody: $1.request, maxAttempts: 10)
            }
            let statistics = await rig.server.statistics()
            #expect(statistics.chatCompletions == predicted)
            #expect(statistics.faults[.stall, default: 0] > 0)
        }
    }

    @Test(
        "a flipped byte in 100 stored responses makes each a miss that is fetched once more, reported, never a wrong answer"
    )
    func corruption() async throws {
        try await ServeSimRig.with { rig in
            let requests = ServeSimRig.requests(100)
            let first = try await ServeSimRig.answers(requests, through: rig.model(rig.client()))
            let responses = try await rig.store.callEntries().map(\.response)
            try await rig.store.corrupt(responses)

            let report = try await rig.store.verify()
            #expect(report.faults.count == 100)

            let again = try await ServeSimRig.answers(requests, through: rig.model(rig.client()))
            #expect(again == first)
            #expect(await rig.server.statistics().chatCompletions == 200)
            #expect(rig.faults.count == 100)
            #expect(try await rig.store.verify().faults.isEmpty)

            let third = rig.model(rig.client())
            _ = try await ServeSimRig.answers(requests, through: third)
            #expect(third.statistics.cached == 100)
            #expect(await rig.server.statistics().chatCompletions == 200)
        }
    }
}

@Suite("Endpoint limits against serve-sim")
struct EndpointLimitTests {
    @Test("max_concurrency bounds the connections an endpoint sees, however many calls wait")
    func concurrency() async throws {
        try await ServeSimRig.with({ $0.latency = .milliseconds(5) }) { rig in
            let model = rig.model(rig.client(concurrency: 3))
            _ = try await ServeSimRig.answers(ServeSimRig.requests(60), through: model)
            let statistics = await rig.server.statistics()
            #expect(statistics.chatCompletions == 60)
            #expect(statistics.connections <= 3)
        }
    }
}
