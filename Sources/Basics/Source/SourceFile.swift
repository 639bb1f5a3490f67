/// The text of one source file, with its line starts indexed so diagnostics can quote lines.
public struct SourceFile: Sendable {
    public let path: String
    public let text: String
    private let lineStarts: [String.Index]

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        var starts = [text.startIndex]
        let utf8 = text.utf8
        var index = utf8.startIndex
        while let newline = utf8[index...].firstIndex(of: UInt8(ascii: "\n")) {
            index = utf8.index(after: newline)
            starts.append(index)
        }
        lineStarts = starts
    }

    public var lineCount: Int { lineStarts.count }

    /// The text of 1-based line `number` without its line terminator; nil when out of range.
    public func line(_ number: Int) -> Substring? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        let start = lineStarts[number - 1]
        let utf8 = text.utf8
        var end = number < lineStarts.count ? utf8.index(before: lineStarts[number]) : utf8.endIndex
        if end > start, utf8[utf8.index(before: end)] == UInt8(ascii: "\r") {
            end = utf8.index(before: end)
        }
        return text[start..<end]
    }
}

/// The source files a set of diagnostics may quote, by path.
public struct SourceFiles: Sendable {
    private var files: [String: SourceFile] = [:]

    public init(_ files: [SourceFile] = []) {
        for file in files { add(file) }
    }

    public mutating func add(_ file: SourceFile) {
        files[file.path] = file
    }

    public mutating func merge(_ other: SourceFiles) {
        files.merge(other.files) { _, new in new }
    }

    public subscript(path: String) -> SourceFile? { files[path] }
}
