public import Basics

/// One record of a version as the store keeps it: where it is, what it derives from, the digest
/// of its body (a blob) and the digest of its lineage (kept once in the store, however many
/// records and versions share it; see ``VersionHistory/lineages(_:)``).
public struct VersionRow: Sendable, Hashable {
    /// The output holding the record.
    public var output: String
    /// The record's stable id.
    public var id: String
    /// The item (or `chunk:ID`) it derives from.
    public var item: String
    public var discipline: String?
    /// The item's ZPD bucket; nil for chunk records.
    public var bucket: String?
    /// The digest of the record's body.
    public var digest: Digest
    /// The digest of the record's lineage.
    public var lineage: Digest

    /// A row.
    public init(
        output: String, id: String, item: String, discipline: String?, bucket: String?,
        digest: Digest, lineage: Digest
    ) {
        self.output = output
        self.id = id
        self.item = item
        self.discipline = discipline
        self.bucket = bucket
        self.digest = digest
        self.lineage = lineage
    }
}
