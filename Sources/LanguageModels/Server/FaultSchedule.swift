public import Basics

/// Which fault, if any, the simulator server injects into each arrival of a request body: a
/// pure function of the spec, the seed, the body's SHA-256 and how many times that exact body
/// has arrived, so that tests can predict exactly what the server does.
///
/// For arrival `n` of a body with digest `d`, a uniform number in [0, 1) is drawn from the
/// first 8 bytes of SHA-256(seed ‖ d ‖ n) (both integers as 8 big-endian bytes); the fault is
/// the first entry of the spec whose cumulative rate exceeds it, or none.
public struct FaultSchedule: Sendable, Hashable {
    public let spec: FaultSpec
    public let seed: UInt64

    public init(spec: FaultSpec, seed: UInt64) {
        self.spec = spec
        self.seed = seed
    }

    /// The fault for arrival number `arrival` (1 for the first) of the body with `digest`.
    public func fault(forBody digest: Digest, arrival: Int) -> Fault? {
        guard !spec.entries.isEmpty else { return nil }
        let draw = uniform(digest, arrival)
        var cumulative = 0.0
        for entry in spec.entries {
            cumulative += entry.rate
            if draw < cumulative { return entry.fault }
        }
        return nil
    }

    /// How many requests a client that retries every fault sends for the body with `digest`:
    /// the arrivals up to and including the first unfaulted one, at most `maxAttempts`.
    public func arrivals(untilSuccessForBody digest: Digest, maxAttempts: Int) -> Int {
        guard maxAttempts > 0 else { return 0 }
        var arrival = 1
        while arrival < maxAttempts, fault(forBody: digest, arrival: arrival) != nil {
            arrival += 1
        }
        return arrival
    }

    /// Uniform in [0, 1), from SHA-256 of the seed, the digest and the arrival.
    private func uniform(_ digest: Digest, _ arrival: Int) -> Double {
        var bytes = [UInt8]()
        bytes.reserveCapacity(48)
        Self.append(seed, to: &bytes)
        bytes.append(contentsOf: digest.bytes)
        Self.append(UInt64(truncatingIfNeeded: arrival), to: &bytes)
        let hash = Digest(of: bytes).bytes
        let value = hash.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return Double(value >> 11) * 0x1p-53
    }

    private static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        for shift in stride(from: 56, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
        }
    }
}
