public import Basics
internal import Foundation

extension DiagnosticID {
    public static let invalidEnvironmentReference: Self = "invalid-environment-reference"
}

extension ShapeValidator {
    /// Whether the whole text is one `${env:NAME}` or `${env:NAME:-default}` reference.
    static func isEnvironmentReference(_ text: String) -> Bool {
        guard text.hasPrefix("${env:"), text.hasSuffix("}") else { return false }
        let inner = text.dropFirst(6).dropLast()
        let name = inner.range(of: ":-").map { inner[..<$0.lowerBound] } ?? inner
        return !inner.contains("}") && name.allSatisfy(isNameCharacter)
    }

    static func isNameCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "_")
    }

    /// `text` with every `${env:NAME}` replaced; nil after reporting an unset variable or a
    /// malformed reference at its own column.
    mutating func substitute(_ text: String, node: YAMLNode) -> String? {
        guard text.contains("${env:") else { return text }
        var result = ""
        var rest = Substring(text)
        var failed = false
        while let start = rest.range(of: "${env:") {
            result += rest[..<start.lowerBound]
            let offset = text.unicodeScalars.distance(
                from: text.startIndex, to: start.lowerBound)
            let after = rest[start.upperBound...]
            guard let close = after.firstIndex(of: "}") else {
                reportReference(
                    .invalidEnvironmentReference, "'${env:' is not closed by '}'", node: node,
                    offset: offset, length: text.unicodeScalars.count - offset)
                return nil
            }
            let inner = String(after[..<close])
            let length = 7 + inner.unicodeScalars.count
            // `${env:NAME:-default}` falls back to `default` when NAME is unset.
            let split = inner.range(of: ":-")
            let name = split.map { String(inner[..<$0.lowerBound]) } ?? inner
            let fallback = split.map { String(inner[$0.upperBound...]) }
            if name.isEmpty || !name.allSatisfy(Self.isNameCharacter) {
                reportReference(
                    .invalidEnvironmentReference,
                    "'${env:\(inner)}' is not a valid environment reference; names are letters, "
                        + "digits and '_'", node: node, offset: offset, length: length)
                failed = true
            } else if let value = environment[name] ?? fallback {
                result += value
            } else {
                reportReference(
                    .undefinedEnvironmentVariable, "environment variable '\(name)' is not set",
                    node: node, offset: offset, length: length)
                failed = true
            }
            rest = after[after.index(after: close)...]
        }
        result += rest
        return failed ? nil : result
    }

    /// Reports at the reference itself when its column is known: in a one-line plain or
    /// single-quoted scalar (where `''` stands for one quote). Double-quoted scalars may hold
    /// escapes whose source width is unknown here, so those report at the whole scalar.
    private mutating func reportReference(
        _ id: DiagnosticID, _ message: String, node: YAMLNode, offset: Int, length: Int
    ) {
        var range = node.range
        if let scalar = node.scalar, range.start.line == range.end.line,
            scalar.style == .plain || scalar.style == .singleQuoted
        {
            var column = range.start.column + offset
            if scalar.style == .singleQuoted {
                let quotes = scalar.text.unicodeScalars.prefix(offset).filter { $0 == "'" }.count
                column += 1 + quotes
            }
            range.start.column = column
            range.end = range.start
            range.end.column += length
        }
        diagnostics.append(.error(id, message, at: range))
    }
}
