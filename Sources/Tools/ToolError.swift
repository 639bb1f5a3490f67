/// A tool that cannot do its work for reasons outside the call (I/O, a missing interpreter):
/// thrown, with a sentence for a person.
public struct ToolError: Error, Sendable, Hashable, CustomStringConvertible {
    public let description: String

    /// An error saying `description`.
    public init(_ description: String) {
        self.description = description
    }
}
