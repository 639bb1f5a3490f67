import Basics
import Engine
import Foundation
import LanguageModels
import Store

/// `store`: the store's share of a missed call without HTTP: 20,000 distinct calls, each a
/// lookup that misses and then a record of realistic request and response bodies, 128 at once
/// (as the full path keeps them), on a fresh SQLite store; then the same 20,000 looked up by a
/// fresh connection. Wall time and the process's CPU time per call.
struct StoreScenario: Scenario {
    let name = "store"
    let summary = "20,000 call lookups and records on SQLite without HTTP (the store's share)"
    var calls = 20_000
    var width = 128

    func run() async throws -> [Figure] {
        let directory = NSTemporaryDirectory() + "frontier-bench-store-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/store.sqlite"
        let records = try Self.records(calls)
        let store = try SQLiteStore(path: path)
        let (missSeconds, missCPU) = try await Self.timed {
            try await Bounded.forEach(count: records.count, width: width) { index in
                let record = records[index]
                guard try await store.response(forCall: record.key) == nil else {
                    throw BenchError("call \(index) was found before it was recorded")
                }
                try await store.record(record)
            }
        }
        let fresh = try SQLiteStore(path: path, mode: .existing)
        let (hitSeconds, hitCPU) = try await Self.timed {
            try await Bounded.forEach(count: records.count, width: width) { index in
                guard try await fresh.response(forCall: records[index].key) != nil else {
                    throw BenchError("call \(index) was not found after it was recorded")
                }
            }
        }
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return [
            figure("lookup (miss) + record", missSeconds, missCPU),
            figure("lookup (hit), fresh connection", hitSeconds, hitCPU),
            Figure(scenario: name, measure: "database file", value: ByteCount.describe(bytes)),
        ]
    }

    private func figure(_ measure: String, _ seconds: Double, _ cpu: Double) -> Figure {
        Figure(
            scenario: name, measure: "\(measure), \(calls) calls at \(width)",
            value: String(
                format: "%.0f calls/s, %.1f µs CPU a call", Double(calls) / seconds,
                cpu / Double(calls) * 1e6))
    }

    /// Distinct records shaped like the calls of `calls-miss`: their real key JSON, request
    /// body and a simulator answer as the response.
    static func records(_ count: Int) throws -> [CallRecord] {
        let simulator = Simulator()
        let identity = ModelIdentity(
            model: "bench-peer", endpoint: .object(["base_url": .string("http://bench/v1")]))
        return try CallsScenario.requests(count).map { request in
            let key = try CallKey(identity: identity, request: request)
            let response = try simulator.respond(to: request).wireValue.canonicalBytes()
            return CallRecord(
                keyJSON: key.json, request: Array(try JSONEncoder().encode(request)),
                response: response, model: "bench-peer", endpoint: "bench", tokensIn: 20,
                tokensOut: 40, latency: .milliseconds(1))
        }
    }

    /// Wall and CPU seconds (user and system, whole process) of `body`.
    static func timed(_ body: () async throws -> Void) async throws -> (Double, Double) {
        func cpu() -> Double {
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
                + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        }
        let startCPU = cpu()
        let start = ContinuousClock.now
        try await body()
        return ((ContinuousClock.now - start) / .seconds(1), cpu() - startCPU)
    }
}
