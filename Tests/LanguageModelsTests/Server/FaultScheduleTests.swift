import Basics
import LanguageModels
import Testing

@Suite("Fault schedule")
struct FaultScheduleTests {
    static let spec =
        "429:10%,429-retry-after:10%,500:4%,502:3%,503:3%,reset:5%,truncate:2%,stall:1%"
    static let digests = (0..<10_000).map { Digest(of: "request body \($0)") }

    @Test("the same spec, seed, body and arrival always give the same fault")
    func deterministic() throws {
        let spec = try FaultSpec(Self.spec)
        let first = FaultSchedule(spec: spec, seed: 42)
        let second = FaultSchedule(spec: spec, seed: 42)
        let other = FaultSchedule(spec: spec, seed: 43)
        let draws = Self.digests.prefix(500).flatMap { digest in
            (1...3).map { first.fault(forBody: digest, arrival: $0) }
        }
        let again = Self.digests.prefix(500).flatMap { digest in
            (1...3).map { second.fault(forBody: digest, arrival: $0) }
        }
        let reseeded = Self.digests.prefix(500).flatMap { digest in
            (1...3).map { other.fault(forBody: digest, arrival: $0) }
        }
        #expect(draws == again)
        #expect(draws != reseeded)
    }

    @Test("each kind's share of 10,000 draws is near its rate")
    func rates() throws {
        let spec = try FaultSpec(Self.spec)
        let schedule = FaultSchedule(spec: spec, seed: 7)
        var counts: [Fault: Int] = [:]
        var unfaulted = 0
        for digest in Self.digests {
            if let fault = schedule.fault(forBody: digest, arrival: 1) {
                counts[fault, default: 0] += 1
            } else {
                unfaulted += 1
            }
        }
        for entry in spec.entries {
            let expected = entry.rate * Double(Self.digests.count)
            let observed = Double(counts[entry.fault, default: 0])
            #expect(abs(observed - expected) < 5 * expected.squareRoot() + 10, "\(entry.fault)")
        }
        #expect(abs(Double(unfaulted) - 6_200) < 300)
    }

    @Test("later arrivals of the same body are drawn afresh")
    func arrivalsDiffer() throws {
        let schedule = FaultSchedule(spec: try FaultSpec("500:50%"), seed: 1)
        let faulted = Self.digests.prefix(2_000).map { digest in
            (1...2).map { schedule.fault(forBody: digest, arrival: $0) != nil }
        }
        let both = faulted.filter { $0 == [true, true] }.count
        #expect((350...650).contains(both))
    }

    @Test("arrivals until success count up to the first unfaulted arrival, capped")
    func arrivalsUntilSuccess() throws {
        let schedule = FaultSchedule(spec: try FaultSpec("429:40%,reset:20%"), seed: 5)
        for digest in Self.digests.prefix(300) {
            let firstSuccess = (1...).first { schedule.fault(forBody: digest, arrival: $0) == nil }!
            #expect(
                schedule.arrivals(untilSuccessForBody: digest, maxAttempts: 4)
                    == min(firstSuccess, 4))
        }
        let none = FaultSchedule(spec: .none, seed: 5)
        let always = FaultSchedule(spec: try FaultSpec("stall:100%"), seed: 5)
        let digest = Digest(of: "body")
        #expect(none.fault(forBody: digest, arrival: 1) == nil)
        #expect(none.arrivals(untilSuccessForBody: digest, maxAttempts: 10) == 1)
        #expect(always.arrivals(untilSuccessForBody: digest, maxAttempts: 10) == 10)
        #expect(always.fault(forBody: digest, arrival: 9) == .stall)
    }
}
