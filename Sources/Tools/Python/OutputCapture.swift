/// The first bytes of a process's output, up to a limit, and how many there were in all.
struct OutputCapture: Sendable {
    /// Bytes kept at most.
    let limit: Int
    /// The bytes kept: the first `limit`.
    private(set) var kept: [UInt8] = []
    /// Bytes seen in all, kept or not.
    private(set) var total = 0

    init(limit: Int) {
        self.limit = max(0, limit)
    }

    /// Whether some output was dropped.
    var truncated: Bool { total > kept.count }

    /// Counts `bytes`, keeping what fits under the limit.
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        total += bytes.count
        let room = limit - kept.count
        if room > 0 { kept.append(contentsOf: bytes.prefix(room)) }
    }

    /// The kept bytes as text; a character cut in two at the limit is dropped, and any other
    /// invalid UTF-8 becomes U+FFFD.
    var text: String {
        var end = kept.count
        if truncated {
            // Back up over continuation bytes to the start of the last character; drop it if
            // its bytes do not all fit.
            var start = end
            while start > 0, start > end - 4, kept[start - 1] & 0xC0 == 0x80 { start -= 1 }
            if start > 0 {
                let lead = kept[start - 1]
                let length =
                    lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
                if end - (start - 1) < length { end = start - 1 }
            }
        }
        return String(decoding: kept[..<end], as: UTF8.self)
    }
}
