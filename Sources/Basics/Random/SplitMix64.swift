/// SplitMix64 (Steele, Lea and Flood, 2014): a small, fast generator whose whole output is a
/// function of its seed, for choices that must replay exactly (the simulator, generated
/// benchmark corpora, test schedules that print their seed).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `0..<bound`, by multiplication rather than the standard library's sampling,
    /// so that outputs cannot change with the toolchain; 0 when `bound` is not above 1.
    public mutating func below(_ bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }
}
