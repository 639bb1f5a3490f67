/// A broken invariant: a bug in `frontier`, never a problem with the user's input.
public struct InternalError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String, file: StaticString = #fileID, line: UInt = #line) {
        self.description = "internal error: \(description) (\(file):\(line))"
    }
}
