public import Basics
public import Foundation

/// A dataset version: what a successful build produced, kept so versions can be diffed.
public struct VersionRecord: Sendable, Hashable {
    /// The version's identifier.
    public let id: String
    /// The digest of the recipe the version was built from.
    public let recipe: Digest
    /// The digest of the version's manifest blob.
    public let manifest: Digest
    /// When the version was built.
    public let created: Date
    /// A name the user gave the version, if any.
    public let tag: String?

    /// A version record.
    public init(id: String, recipe: Digest, manifest: Digest, created: Date, tag: String? = nil) {
        self.id = id
        self.recipe = recipe
        self.manifest = manifest
        self.created = created
        self.tag = tag
    }

    /// The same version with tag `name`.
    func tagged(_ name: String?) -> VersionRecord {
        VersionRecord(id: id, recipe: recipe, manifest: manifest, created: created, tag: name)
    }
}
