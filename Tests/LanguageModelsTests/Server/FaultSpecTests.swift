import LanguageModels
import Testing

@Suite("Fault spec")
struct FaultSpecTests {
    static let full =
        "429:10%,429-retry-after:10%,500:4%,502:3%,503:3%,reset:5%,truncate:2%,stall:1%"

    @Test(
        "texts parse to the kinds and rates they name",
        arguments: [
            ("429:10%", [FaultSpec.Entry(fault: .rateLimited, rate: 0.1)]),
            ("429:0.1", [FaultSpec.Entry(fault: .rateLimited, rate: 0.1)]),
            (
                " reset:5% , stall : 0.01 ",
                [FaultSpec.Entry(fault: .reset, rate: 0.05), .init(fault: .stall, rate: 0.01)]
            ),
            ("truncate:100%", [FaultSpec.Entry(fault: .truncate, rate: 1)]),
            ("503:1", [FaultSpec.Entry(fault: .serviceUnavailable, rate: 1)]),
            ("502:0%", [FaultSpec.Entry(fault: .badGateway, rate: 0)]),
            ("", []),
            ("none", []),
        ])
    func parses(text: String, entries: [FaultSpec.Entry]) throws {
        #expect(try FaultSpec(text).entries == entries)
    }

    @Test("the full example parses to every kind in order, adding up to 38%")
    func fullExample() throws {
        let spec = try FaultSpec(Self.full)
        #expect(spec.entries.map(\.fault) == Fault.allCases)
        #expect(spec.entries.map(\.rate) == [0.1, 0.1, 0.04, 0.03, 0.03, 0.05, 0.02, 0.01])
        #expect(abs(spec.totalRate - 0.38) < 1e-12)
        #expect(spec.rate(of: .rateLimitedWithRetryAfter) == 0.1)
        #expect(spec.description == Self.full)
    }

    @Test(
        "bad texts are rejected with a message saying what was found and what was expected",
        arguments: [
            (
                "404:10%",
                "unknown fault kind '404'; expected one of 429, 429-retry-after, 500, 502, 503, "
                    + "reset, truncate, stall"
            ),
            ("429", "fault entry '429' is not of the form 'kind:rate' (for example '429:10%')"),
            (":5%", "fault entry ':5%' is not of the form 'kind:rate' (for example '429:10%')"),
            (
                "429:ten",
                "bad rate 'ten' for fault '429'; expected a percentage such as '10%' or a "
                    + "fraction such as '0.1', between 0 and 100%"
            ),
            (
                "429:10",
                "bad rate '10' for fault '429'; expected a percentage such as '10%' or a "
                    + "fraction such as '0.1', between 0 and 100%"
            ),
            (
                "500:150%",
                "bad rate '150%' for fault '500'; expected a percentage such as '10%' or a "
                    + "fraction such as '0.1', between 0 and 100%"
            ),
            (
                "reset:-1%",
                "bad rate '-1%' for fault 'reset'; expected a percentage such as '10%' or a "
                    + "fraction such as '0.1', between 0 and 100%"
            ),
            ("429:1%,429:2%", "fault '429' is given more than once"),
            ("429:75%,500:0.5", "fault rates add up to 125%; expected at most 100%"),
            (
                "429:10%,,500:1%",
                "fault entry '' is not of the form 'kind:rate' (for example '429:10%')"
            ),
        ])
    func rejects(text: String, message: String) {
        let error = #expect(throws: FaultSpec.ParseError.self) { try FaultSpec(text) }
        #expect(error?.description == message)
    }

    @Test(
        "description parses back to an equal spec",
        arguments: [
            "none", "429:10%", "stall:0.123456789", "reset:12.5%,truncate:0.001%",
            "500:33.333%,502:0.0000001",
        ])
    func roundTrips(text: String) throws {
        let spec = try FaultSpec(text)
        #expect(try FaultSpec(spec.description) == spec)
    }

    @Test("rates that are not round percentages still round-trip exactly")
    func oddRatesRoundTrip() throws {
        let spec = try FaultSpec(entries: [
            .init(fault: .rateLimited, rate: 1.0 / 3), .init(fault: .reset, rate: 0.07),
            .init(fault: .stall, rate: 1e-9),
        ])
        #expect(try FaultSpec(spec.description) == spec)
        #expect(spec.description.hasPrefix("429:"))
    }

    @Test("entries given in code are checked as text is")
    func entriesChecked() {
        #expect(throws: FaultSpec.ParseError.duplicateKind(.reset)) {
            try FaultSpec(entries: [
                .init(fault: .reset, rate: 0.1), .init(fault: .reset, rate: 0.1),
            ])
        }
        #expect(throws: FaultSpec.ParseError.self) {
            try FaultSpec(entries: [.init(fault: .stall, rate: 1.5)])
        }
    }
}
