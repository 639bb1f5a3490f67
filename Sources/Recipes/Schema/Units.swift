/// Parsing of the recipe language's units: durations, sizes and percentages.
public enum Units {
    /// Seconds in `250ms`, `10s`, `1.5m`, `2h`; nil when not of that form.
    public static func duration(_ text: String) -> Double? {
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        for (suffix, scale) in units where text.hasSuffix(suffix) {
            guard let number = decimal(text.dropLast(suffix.count)) else { continue }
            return number * scale
        }
        return nil
    }

    /// Bytes in `512MB`, `2GiB`, `64KB`, `100B`: `KB`, `MB`, `GB` are powers of 1000; `KiB`,
    /// `MiB`, `GiB` powers of 1024. Nil when not of that form or too large.
    public static func size(_ text: String) -> Int? {
        let units: [(String, Double)] = [
            ("KiB", 1024), ("MiB", 1_048_576), ("GiB", 1_073_741_824), ("TiB", 1_099_511_627_776),
            ("KB", 1e3), ("MB", 1e6), ("GB", 1e9), ("TB", 1e12), ("B", 1),
        ]
        for (suffix, scale) in units where text.hasSuffix(suffix) {
            guard let number = decimal(text.dropLast(suffix.count).trimmingSpaces()) else {
                return nil
            }
            let bytes = (number * scale).rounded()
            return bytes < 9e18 ? Int(bytes) : nil
        }
        return nil
    }

    /// Percent in `40%` or `12.5%`; nil when not of that form.
    public static func percentage(_ text: String) -> Double? {
        guard text.hasSuffix("%") else { return nil }
        return decimal(text.dropLast().trimmingSpaces())
    }

    /// A non-negative decimal without sign or exponent: `12`, `0.5`.
    static func decimal(_ text: Substring) -> Double? {
        guard !text.isEmpty, text.first != ".", text.last != ".",
            text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            text.filter({ $0 == "." }).count <= 1
        else { return nil }
        return Double(text)
    }

    /// `10s` from 10 seconds, `250ms`, `2m`: the form a user would write.
    public static func describeDuration(_ seconds: Double) -> String {
        if seconds < 1 { return "\(Int((seconds * 1000).rounded()))ms" }
        if seconds.truncatingRemainder(dividingBy: 3600) == 0 { return "\(Int(seconds) / 3600)h" }
        if seconds.truncatingRemainder(dividingBy: 60) == 0 { return "\(Int(seconds) / 60)m" }
        return seconds == seconds.rounded() ? "\(Int(seconds))s" : "\(seconds)s"
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var result = self
        while result.last == " " { result = result.dropLast() }
        while result.first == " " { result = result.dropFirst() }
        return result
    }
}
