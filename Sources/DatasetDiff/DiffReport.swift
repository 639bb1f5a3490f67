/// A diff ready to render: the result, its summary, its cause groups and, when the bodies of
/// changed records were read, their field-level changes.
public struct DiffReport: Sendable {
    /// A record's key in a version: its output and id.
    public struct RecordKey: Sendable, Hashable {
        public var output: String
        public var id: String

        public init(output: String, id: String) {
            self.output = output
            self.id = id
        }
    }

    public var result: DatasetDiff.Result
    public var summary: DatasetDiff.Summary
    public var groups: [DatasetDiff.Group]
    /// The field changes of changed records whose bodies were read.
    public var fields: [RecordKey: [FieldChange]]

    /// A report of `result`, grouped by `cause` (one group without).
    public init(
        _ result: DatasetDiff.Result, cause: DatasetDiff.Cause? = nil,
        fields: [RecordKey: [FieldChange]] = [:]
    ) {
        self.init(result, groups: DatasetDiff.groups(result, by: cause), fields: fields)
    }

    /// A report of `result` with groups already made.
    public init(
        _ result: DatasetDiff.Result, groups: [DatasetDiff.Group],
        fields: [RecordKey: [FieldChange]] = [:]
    ) {
        self.result = result
        self.summary = result.summary
        self.groups = groups
        self.fields = fields
    }

    /// The field changes of a changed record, when its bodies were read.
    public func fields(of change: DatasetDiff.Change) -> [FieldChange]? {
        fields[RecordKey(output: change.output, id: change.id)]
    }
}
