import Basics

/// Where a call's randomness comes from: every sampled call of a build carries a `seed` derived
/// from (recipe seed, item, stage, round, attempt), so its answer does not depend on scheduling
/// order or concurrency, and distinct attempts are distinct calls (with distinct cache keys)
/// even when their messages are equal.
public enum SampleSeed {
    /// A seed in `0..<2^31`, which every OpenAI-compatible server accepts.
    public static func derive(
        recipe: Int, item: String, stage: String, round: Int = 0, attempt: Int = 0
    ) -> Int {
        let digest = Digest(
            of: "frontier-sample\u{0}\(recipe)\u{0}\(item)\u{0}\(stage)\u{0}\(round)\u{0}\(attempt)"
        )
        let bytes = digest.bytes
        let value =
            UInt32(bytes[0]) << 24 | UInt32(bytes[1]) << 16 | UInt32(bytes[2]) << 8
            | UInt32(bytes[3])
        return Int(value & 0x7fff_ffff)
    }
}
