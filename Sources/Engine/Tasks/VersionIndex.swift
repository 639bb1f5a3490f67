public import Basics
import Foundation
import Store

/// One record of a version: where it is, what it is (the digest of its canonical JSON, which is
/// also its body's key in the store), and where it came from.
public struct VersionRecordEntry: Sendable, Hashable, Codable {
    public var output: String
    /// The record's stable `id`.
    public var id: String
    /// The item (or `chunk:ID`) it derives from; records of one item share it across outputs.
    public var item: String
    public var discipline: String?
    /// The item's ZPD bucket; nil for chunk records.
    public var bucket: String?
    public var digest: Digest
    /// The key of the task of each stage that produced it, by plan node.
    public var lineage: [String: Digest]

    /// An entry.
    public init(
        output: String, id: String, item: String, discipline: String?, bucket: String?,
        digest: Digest, lineage: [String: Digest]
    ) {
        self.output = output
        self.id = id
        self.item = item
        self.discipline = discipline
        self.bucket = bucket
        self.digest = digest
        self.lineage = lineage
    }

    /// The stages whose tasks make up a record's lineage, in pipeline order.
    public static let lineageStages = [
        "seed", "escalate", "calibrate", "dedup", "exam.seed", "exam.escalate", "exam.admit",
    ]
}

/// The records of a build, as a version keeps them.
enum VersionIndex {
    /// A record as emit made it, with its origin.
    struct Made: Sendable {
        var record: JSONValue
        var item: String
        var discipline: String?
        var bucket: String?
    }

    static var stages: [String] { VersionRecordEntry.lineageStages }

    /// Stores every record's body and returns the entries, by output then id.
    static func store(
        _ made: [String: [Made]], tasks: [TaskVisit], in store: any ContentStore
    ) async throws -> [VersionRecordEntry] {
        var lineage: [String: [String: Digest]] = [:]
        var shared: [String: Digest] = [:]
        for visit in tasks where stages.contains(visit.task.node) {
            if visit.task.item.isEmpty {
                shared[visit.task.node] = visit.task.key
            } else {
                lineage[visit.task.item, default: [:]][visit.task.node] = visit.task.key
            }
        }
        var entries: [VersionRecordEntry] = []
        for (output, records) in made.sorted(by: { $0.key < $1.key }) {
            for made in records {
                let bytes = try made.record.canonicalBytes()
                // Most records of a rebuild are stored already: a read, not a write.
                var digest = Digest(of: bytes)
                if try await !store.has(digest) { digest = try await store.put(bytes) }
                var stages = lineage[made.item] ?? [:]
                if output != "exam", made.bucket != nil, !made.item.hasPrefix("chunk:") {
                    stages.merge(shared) { own, _ in own }
                }
                entries.append(
                    VersionRecordEntry(
                        output: output, id: made.record["id"]?.stringValue ?? "",
                        item: made.item, discipline: made.discipline, bucket: made.bucket,
                        digest: digest, lineage: stages))
            }
        }
        return entries.sorted { ($0.output, $0.id) < ($1.output, $1.id) }
    }

    /// The bytes of `output` as the build wrote it: its records' bodies, sorted by id, one per
    /// line. Throws when a body is missing from the store.
    static func file(
        _ output: String, rows: [VersionRow], from store: any ContentStore
    ) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for entry in rows.filter({ $0.output == output }).sorted(by: { $0.id < $1.id }) {
            guard let body = try await store.get(entry.digest) else {
                throw BuildError(
                    "record '\(entry.id)' of \(output) is missing from the store "
                        + "(blob \(entry.digest.prefix(12)))")
            }
            bytes += body
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }
}
