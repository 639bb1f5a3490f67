import Foundation
import TestSupport
import Testing

@Suite("frontier serve-sim")
struct ServeSimCommandTests {
    @Test("prints its base URL first, serves the simulator there, and injects the faults asked for")
    func servesAndFaults() async throws {
        let server = try ChildProcess(
            ["serve-sim", "--port", "0", "--faults", "503:100%"], in: NSTemporaryDirectory())
        defer { server.kill() }
        var lines = server.lines.makeAsyncIterator()
        let baseURL = try #require(await lines.next())
        #expect(baseURL.hasPrefix("http://127.0.0.1:") && baseURL.hasSuffix("/v1"))

        try await TemporaryDirectory.with { directory in
            try directory.write("# A\n\ntext\n", to: "c/a.md")
            try directory.write(
                AskWorkspace.recipe(
                    endpoints: "{ sim: { base_url: \"\(baseURL)\", max_attempts: 2 } }",
                    endpoint: "sim"),
                to: "recipe.yaml")
            let doctor = try await FrontierProcess.run(
                ["doctor", "recipe.yaml"], in: directory.path)
            #expect(doctor.status == 0, "\(doctor.stderr)")
            let ask = try await FrontierProcess.run(
                ["ask", "recipe.yaml", "--model", "peer", "--store", "s.sqlite", "hello"],
                in: directory.path)
            #expect(ask.status == 1)
            #expect(ask.stderr.contains("failed 2 attempts; the last: HTTP 503"))
            #expect(ask.stderr.contains("1 prompt: 0 sent, 0 cached, 1 failed"))
            #expect(ask.stderr.contains("2 HTTP requests, 1 retry\n"))
        }
        server.kill()
        _ = await server.wait()
    }

    @Test("a fault specification that does not parse is a usage error saying why")
    func badFaults() async throws {
        let result = try await FrontierProcess.run(
            ["serve-sim", "--faults", "418:5%"], in: NSTemporaryDirectory())
        #expect(result.status == 64)
        #expect(result.stderr.contains("--faults"))
        #expect(result.stderr.contains("418"))
    }
}
