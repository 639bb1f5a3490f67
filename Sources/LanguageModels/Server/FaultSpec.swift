/// Which faults the simulator server injects and how often, as `serve-sim --faults` writes it:
/// `429:10%,429-retry-after:10%,500:4%,502:3%,503:3%,reset:5%,truncate:2%,stall:1%`.
///
/// Rates are percentages (`10%`) or fractions (`0.1`); each kind appears at most once and the
/// rates add up to at most 100%. `description` writes a text that parses back to an equal
/// value; `none` is written `none`.
public struct FaultSpec: Sendable, Hashable, CustomStringConvertible {
    /// One kind of fault and the share of faultable requests that get it.
    public struct Entry: Sendable, Hashable {
        public var fault: Fault
        /// A fraction in 0...1.
        public var rate: Double

        public init(fault: Fault, rate: Double) {
            self.fault = fault
            self.rate = rate
        }
    }

    /// Why a fault spec was rejected.
    public enum ParseError: Error, Hashable, CustomStringConvertible {
        /// An entry that is not `kind:rate`.
        case malformedEntry(String)
        /// A kind that is not one of `Fault`'s.
        case unknownKind(String)
        /// A rate that is not a number, or not between 0 and 100%.
        case badRate(kind: String, rate: String)
        /// A kind given twice.
        case duplicateKind(Fault)
        /// Rates that add up to more than 100%; the total as a fraction.
        case totalOverOne(Double)

        public var description: String {
            switch self {
            case .malformedEntry(let entry):
                "fault entry '\(entry)' is not of the form 'kind:rate' (for example '429:10%')"
            case .unknownKind(let kind):
                "unknown fault kind '\(kind)'; expected one of \(Fault.knownKinds)"
            case .badRate(let kind, let rate):
                "bad rate '\(rate)' for fault '\(kind)'; expected a percentage such as '10%' "
                    + "or a fraction such as '0.1', between 0 and 100%"
            case .duplicateKind(let fault):
                "fault '\(fault)' is given more than once"
            case .totalOverOne(let total):
                "fault rates add up to \(FaultSpec.format(rate: total)); expected at most 100%"
            }
        }
    }

    /// The entries in the order given; the schedule walks their cumulative rates in it.
    public let entries: [Entry]

    /// No faults.
    public static let none = FaultSpec(validated: [])

    /// The spec of `entries`, checked as parsing checks a text.
    public init(entries: [Entry]) throws(ParseError) {
        var seen = Set<Fault>()
        var total = 0.0
        for entry in entries {
            guard entry.rate.isFinite, (0...1).contains(entry.rate) else {
                throw .badRate(kind: entry.fault.rawValue, rate: String(entry.rate))
            }
            guard seen.insert(entry.fault).inserted else { throw .duplicateKind(entry.fault) }
            total += entry.rate
        }
        guard total <= 1 + 1e-9 else { throw .totalOverOne(total) }
        self.entries = entries
    }

    /// Parses `text`: comma-separated `kind:rate` entries; empty or `none` for no faults.
    public init(_ text: String) throws(ParseError) {
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty, trimmed != "none" else {
            self = .none
            return
        }
        var entries: [Entry] = []
        for item in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
            let entry = String(item).trimmingSpaces
            guard let colon = entry.lastIndex(of: ":") else { throw .malformedEntry(entry) }
            let kind = String(entry[..<colon]).trimmingSpaces
            let rateText = String(entry[entry.index(after: colon)...]).trimmingSpaces
            guard !kind.isEmpty else { throw .malformedEntry(entry) }
            guard let fault = Fault(rawValue: kind) else { throw .unknownKind(kind) }
            guard let rate = Self.parse(rate: rateText) else {
                throw .badRate(kind: kind, rate: rateText)
            }
            entries.append(Entry(fault: fault, rate: rate))
        }
        try self.init(entries: entries)
    }

    private init(validated entries: [Entry]) {
        self.entries = entries
    }

    /// The rate of `fault`; 0 when it is not listed.
    public func rate(of fault: Fault) -> Double {
        entries.first { $0.fault == fault }?.rate ?? 0
    }

    /// The share of faultable requests that get some fault.
    public var totalRate: Double {
        entries.reduce(0) { $0 + $1.rate }
    }

    public var description: String {
        guard !entries.isEmpty else { return "none" }
        return entries.map { "\($0.fault.rawValue):\(Self.format(rate: $0.rate))" }
            .joined(separator: ",")
    }

    /// `10%` or `0.1` as a fraction in 0...1; nil for anything else.
    static func parse(rate text: String) -> Double? {
        let isPercent = text.hasSuffix("%")
        guard let number = Double(isPercent ? String(text.dropLast()) : text), number.isFinite
        else { return nil }
        let rate = isPercent ? number / 100 : number
        return (0...1).contains(rate) ? rate : nil
    }

    /// The shortest percentage that parses back to exactly `rate`, else the fraction.
    static func format(rate: Double) -> String {
        var scale = 1.0
        for _ in 0...12 {
            let percent = (rate * 100 * scale).rounded() / scale
            if percent / 100 == rate {
                var text = String(percent)
                if text.hasSuffix(".0") { text.removeLast(2) }
                return text + "%"
            }
            scale *= 10
        }
        return String(rate)
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    fileprivate var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }),
            let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[first...last])
    }
}
