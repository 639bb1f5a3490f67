import AsyncHTTPClient
import LanguageModels
import NIOCore
import NIOHTTP1
import Testing

@Suite("Simulator server lifecycle")
struct SimulatorServerLifecycleTests {
    @Test("the server listens on an ephemeral port and names it in its base URL")
    func ephemeralPort() async throws {
        try await SimulatorServer.with(try testConfiguration()) { server in
            #expect(server.port > 0)
            #expect(server.baseURL == "http://127.0.0.1:\(server.port)/v1")
        }
    }

    @Test(
        "waitUntilClosed returns once the server is shut down, and shutting down twice is harmless")
    func waitUntilClosed() async throws {
        let server = try await SimulatorServer.start(try testConfiguration())
        let waiter = Task { try await server.waitUntilClosed() }
        try await server.shutdown()
        try await waiter.value
        try await server.shutdown()
    }

    @Test("waiting for a server that has already shut down returns at once")
    func waitAfterShutdown() async throws {
        // The wait must not need the server's event loops, which have stopped by now.
        let server = try await SimulatorServer.start(try testConfiguration())
        try await server.shutdown()
        try await server.waitUntilClosed()
    }

    @Test("with latency, concurrent answers are delayed on the event loop and all arrive")
    func latency() async throws {
        var configuration = try testConfiguration()
        configuration.latency = .milliseconds(20)
        try await withServerAndClient(configuration) { server, client in
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<16 {
                    group.addTask {
                        try await client.chat(try jsonBytes(chatRequest(index)), to: server).status
                    }
                }
                var statuses: [Int] = []
                for try await status in group { statuses.append(status) }
                return statuses
            }
            #expect(statuses == Array(repeating: 200, count: 16))
            #expect(await server.statistics().chatCompletions == 16)
        }
    }
}
