public import Basics

/// One record of a dataset version: where it is, what it derives from, and what it holds.
///
/// Entries are values: a version of a million records is an array of them, and diffing never
/// allocates per record beyond the entries themselves.
public struct RecordEntry: Sendable, Hashable {
    /// The output holding the record: `sft`, `cpt`, `review`, `exam`, or a JSONL file's name.
    public var output: String
    /// The record's stable id, unique within its output.
    public var id: String
    /// The origin the record derives from; several records of one item may exist (`ITEM`,
    /// `ITEM/round-2`). A record whose item leaves one output for another is *moved*.
    public var item: String
    public var discipline: String?
    /// The ZPD bucket the record's item ended in (`zpd`, `too-easy`, …).
    public var bucket: String?
    /// The digest of the record's canonical JSON.
    public var digest: Digest
    /// The task key (hex) of each stage that produced the record; may be empty.
    public var lineage: [String: String]
    /// The digest of the record's lineage, when `lineage` is left empty to be read only for the
    /// records that need it (a version's changed and moved records).
    public var lineageDigest: Digest?

    /// An entry; `item` defaults to `id` up to its first `/`.
    public init(
        output: String, id: String, item: String? = nil, discipline: String? = nil,
        bucket: String? = nil, digest: Digest, lineage: [String: String] = [:],
        lineageDigest: Digest? = nil
    ) {
        self.output = output
        self.id = id
        self.item = item ?? Self.item(ofID: id)
        self.discipline = discipline
        self.bucket = bucket
        self.digest = digest
        self.lineage = lineage
        self.lineageDigest = lineageDigest
    }

    /// The item a record id derives from: the id up to its first `/`, or the whole id.
    public static func item(ofID id: String) -> String {
        guard let slash = id.utf8.firstIndex(of: UInt8(ascii: "/")) else { return id }
        return String(id[..<slash])
    }
}
