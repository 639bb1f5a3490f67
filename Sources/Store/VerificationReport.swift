internal import Basics

/// What ``StoreMaintenance/verify()`` checked and every fault it found.
public struct VerificationReport: Sendable, Hashable {
    /// Blobs re-hashed.
    public let blobs: Int
    /// Calls checked.
    public let calls: Int
    /// Tasks checked.
    public let tasks: Int
    /// Versions checked.
    public let versions: Int
    /// Every fault found, in a stable order.
    public let faults: [StoreFault]

    /// A report.
    public init(blobs: Int, calls: Int, tasks: Int, versions: Int, faults: [StoreFault]) {
        self.blobs = blobs
        self.calls = calls
        self.tasks = tasks
        self.versions = versions
        self.faults = faults
    }

    /// Whether no fault was found.
    public var isClean: Bool { faults.isEmpty }
}

extension VerificationReport {
    /// Faults in the order every store reports them: corrupt blobs, then missing blobs (each by
    /// digest), then the rest in the order found.
    static func faults(
        corrupt: [Digest: [BlobReference]], missing: [Digest: [BlobReference]],
        other: [StoreFault]
    ) -> [StoreFault] {
        let corruptFaults = corrupt.keys.sorted().map { digest in
            StoreFault.corruptBlob(digest, referencedBy: corrupt[digest]!)
        }
        let missingFaults = missing.keys.sorted().map { digest in
            StoreFault.missingBlob(digest, referencedBy: missing[digest]!)
        }
        return corruptFaults + missingFaults + other
    }
}
