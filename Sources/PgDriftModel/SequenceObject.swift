/// A sequence (named `SequenceObject` so it does not hide Swift's `Sequence`) not owned by an identity column (identity sequences belong to their column).
public struct SequenceObject: CatalogObject {
    /// Schema-qualified raw name of the sequence.
    public var name: QualifiedName
    /// smallint, integer or bigint.
    public var dataType: DataType
    /// START, INCREMENT, MINVALUE, MAXVALUE, CACHE and CYCLE.
    public var options: SequenceOptions
    /// OWNED BY table.column (serial columns own theirs).
    public var ownedBy: SequenceOwner?
    /// COMMENT ON SEQUENCE.
    public var comment: String?
    /// Privileges, filled only when privileges are compared.
    public var grants: [Grant]

    /// The sequence's identity in the catalog: its qualified name.
    public var key: QualifiedName { name }

    /// Creates a sequence from its parts; by default an unowned ascending bigint sequence with PostgreSQL's defaults.
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
    /// The owning table.
    public var table: QualifiedName
    /// Raw name of the owning column.
    public var column: String

    /// Creates an owner from its table and column.
    public init(table: QualifiedName, column: String) {
        self.table = table
        self.column = column
    }
}
