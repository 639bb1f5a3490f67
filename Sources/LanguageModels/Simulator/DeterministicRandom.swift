internal import Basics

/// A random stream that is a pure function of a digest and a label: the simulator's only source
/// of chance, so that every choice is a function of the request.
///
/// SplitMix64 seeded from SHA-256(digest, label); uniform doubles and bounded integers are
/// derived here rather than by the standard library, so that outputs cannot change with the
/// toolchain's sampling algorithms.
struct DeterministicRandom: RandomNumberGenerator {
    private var generator: SplitMix64

    init(_ digest: Digest, _ label: String) {
        let seed = Digest(of: digest.bytes + Array(label.utf8))
        generator = SplitMix64(seed: seed.bytes.prefix(8).reduce(0) { $0 << 8 | UInt64($1) })
    }

    init(_ text: String, _ label: String) {
        self.init(Digest(of: text), label)
    }

    mutating func next() -> UInt64 {
        generator.next()
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// Uniform in `0..<bound`; 0 when `bound` is not positive.
    mutating func below(_ bound: Int) -> Int {
        generator.below(bound)
    }

    /// True with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// One element of a non-empty array.
    mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[below(elements.count)]
    }
}
