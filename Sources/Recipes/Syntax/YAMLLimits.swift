/// Bounds that keep hostile or accidental input from exhausting time or memory.
public struct YAMLLimits: Sendable, Hashable {
    /// Largest file read at all, in bytes; checked before reading.
    public var maxFileBytes: Int
    /// Deepest nesting of mappings and lists.
    public var maxDepth: Int
    /// Longest single scalar, in bytes.
    public var maxScalarBytes: Int
    /// Most nodes in a document counting every alias as a full copy of what it names: stops
    /// "billion laughs" documents whose aliases multiply a few lines into billions of nodes.
    public var maxExpandedNodes: Int

    public init(
        maxFileBytes: Int = 8 << 20, maxDepth: Int = 64, maxScalarBytes: Int = 1 << 20,
        maxExpandedNodes: Int = 1_000_000
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxDepth = maxDepth
        self.maxScalarBytes = maxScalarBytes
        self.maxExpandedNodes = maxExpandedNodes
    }

    public static let `default` = YAMLLimits()
}
