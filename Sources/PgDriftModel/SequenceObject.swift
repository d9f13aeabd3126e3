/// A sequence (named `SequenceObject` so it does not hide Swift's `Sequence`) not owned by an identity column (identity sequences belong to their column).
public struct SequenceObject: CatalogObject {
    public var name: QualifiedName
    /// smallint, integer or bigint.
    public var dataType: DataType
    public var options: SequenceOptions
    /// OWNED BY table.column (serial columns own theirs).
    public var ownedBy: SequenceOwner?
    public var comment: String?
    public var grants: [Grant]

    public var key: QualifiedName { name }

    public init(
        name: QualifiedName, dataType: DataType = .bigint,
        options: SequenceOptions = .ascending(max: Int64.max), ownedBy: SequenceOwner? = nil,
        comment: String? = nil, grants: [Grant] = []
    ) {
        self.name = name
        self.dataType = dataType
        self.options = options
        self.ownedBy = ownedBy
        self.comment = comment
        self.grants = grants
    }
}

/// The column a sequence belongs to.
public struct SequenceOwner: Hashable, Codable, Sendable {
    public var table: QualifiedName
    public var column: String

    public init(table: QualifiedName, column: String) {
        self.table = table
        self.column = column
    }
}
