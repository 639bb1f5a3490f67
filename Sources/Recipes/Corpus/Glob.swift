import Foundation

/// A path pattern: `*` and `?` within a path component, `[abc]` and `[a-z]` classes, and `**`
/// for any number of directories. Matches files only; hidden files only when named explicitly.
public struct Glob: Sendable, Hashable {
    public let pattern: String
    private let components: [Substring]

    public init(_ pattern: String) {
        self.pattern = pattern
        components = pattern.split(separator: "/", omittingEmptySubsequences: true)
    }

    /// The files under `base` that match, as paths `base`-joined and sorted.
    public func files(in base: String) -> [String] {
        let isAbsolute = pattern.hasPrefix("/")
        var literal: [Substring] = []
        for component in components {
            guard !Self.hasWildcard(component) else { break }
            literal.append(component)
        }
        let rest = Array(components.dropFirst(literal.count))
        let prefix = isAbsolute ? "/" : (base == "." ? "" : base + "/")
        var root = prefix + literal.joined(separator: "/")
        // With no literal components, the root is the base itself, without a trailing slash
        // (else matches would read `base//name`).
        if literal.isEmpty, root.count > 1, root.hasSuffix("/") { root.removeLast() }
        var results: [String] = []
        if rest.isEmpty {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                results.append(root)
            }
        } else {
            walk(root.isEmpty ? "." : root, display: root, rest[...], into: &results)
        }
        return results.sorted()
    }

    private func walk(
        _ directory: String, display: String, _ rest: ArraySlice<Substring>,
        into results: inout [String]
    ) {
        guard let first = rest.first else { return }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let remaining = rest.dropFirst()
        if first == "**" {
            walk(directory, display: display, remaining, into: &results)
            for name in names where !name.hasPrefix(".") {
                let path = directory + "/" + name
                if isDirectory(path) {
                    walk(path, display: join(display, name), rest, into: &results)
                }
            }
            return
        }
        for name in names where Self.matches(name[...], first) {
            if name.hasPrefix("."), !first.hasPrefix(".") { continue }
            let path = directory + "/" + name
            let shown = join(display, name)
            if remaining.isEmpty {
                if !isDirectory(path) { results.append(shown) }
            } else if isDirectory(path) {
                walk(path, display: shown, remaining, into: &results)
            }
        }
    }

    private func join(_ display: String, _ name: String) -> String {
        display.isEmpty ? name : display + "/" + name
    }

    private func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }

    static func hasWildcard(_ component: Substring) -> Bool {
        component.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }

    /// Whether `name` matches one pattern component (no `/` in either).
    static func matches(_ name: Substring, _ pattern: Substring) -> Bool {
        let name = Array(name.unicodeScalars)
        let pattern = Array(pattern.unicodeScalars)
        var n = 0
        var p = 0
        var star: (p: Int, n: Int)? = nil
        while n < name.count {
            if p < pattern.count {
                switch pattern[p] {
                case "*":
                    star = (p, n)
                    p += 1
                    continue
                case "?":
                    p += 1
                    n += 1
                    continue
                case "[":
                    if let (matched, next) = matchClass(pattern, from: p, name[n]) {
                        if matched {
                            p = next
                            n += 1
                            continue
                        }
                    } else if name[n] == "[" {
                        p += 1
                        n += 1
                        continue
                    }
                default:
                    if pattern[p] == name[n] {
                        p += 1
                        n += 1
                        continue
                    }
                }
            }
            guard let last = star else { return false }
            star = (last.p, last.n + 1)
            p = last.p + 1
            n = last.n + 1
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }

    /// Whether `scalar` is in the class starting at `start` (`[abc]`, `[a-z]`, `[!x]`), and the
    /// index after the class; nil when the class is not closed.
    private static func matchClass(
        _ pattern: [Unicode.Scalar], from start: Int, _ scalar: Unicode.Scalar
    ) -> (Bool, Int)? {
        var index = start + 1
        var negate = false
        if index < pattern.count, pattern[index] == "!" || pattern[index] == "^" {
            negate = true
            index += 1
        }
        var matched = false
        var first = true
        while index < pattern.count, pattern[index] != "]" || first {
            first = false
            if index + 2 < pattern.count, pattern[index + 1] == "-", pattern[index + 2] != "]" {
                if pattern[index] <= scalar && scalar <= pattern[index + 2] { matched = true }
                index += 3
            } else {
                if pattern[index] == scalar { matched = true }
                index += 1
            }
        }
        guard index < pattern.count else { return nil }
        return (matched != negate, index + 1)
    }
}
