#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

extension String {
    /// Whether `needle` occurs in the string, byte for byte: no locale, no Unicode
    /// normalisation. The simulator looks for fixed ASCII markers in every prompt, and on Linux
    /// Foundation's `contains` is many times slower.
    func includes(_ needle: String) -> Bool {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { text in
            needle.withUTF8 { pattern in
                guard !pattern.isEmpty else { return true }
                guard text.count >= pattern.count else { return false }
                let first = pattern[0]
                let rest = pattern.count - 1
                var index = 0
                while index <= text.count - pattern.count {
                    if text[index] == first,
                        rest == 0
                            || memcmp(text.baseAddress! + index + 1, pattern.baseAddress! + 1, rest)
                                == 0
                    {
                        return true
                    }
                    index += 1
                }
                return false
            }
        }
    }
}
