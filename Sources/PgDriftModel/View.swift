/// A view or materialized view.
public struct View: CatalogObject {
    public var name: QualifiedName
    public var isMaterialized: Bool
    /// The query in the server's canonical text (`pg_get_viewdef`).
    public var definition: String
    /// Options such as `security_invoker=true`, `security_barrier=true`, `check_option=local`.
    public var options: [String]
    /// Output columns and their types, in order (what `explain` reports as a view column).
    public var columns: [ViewColumn]
    /// Indexes of a materialized view.
    public var indexes: ObjectSet<Index>
    /// INSTEAD OF triggers and others.
    public var triggers: ObjectSet<Trigger>
    public var comment: String?
    public var grants: [Grant]

    public var key: QualifiedName { name }

    public init(
        name: QualifiedName, isMaterialized: Bool = false, definition: String, options: [String] = [],
        columns: [ViewColumn] = [], indexes: ObjectSet<Index> = [], triggers: ObjectSet<Trigger> = [],
        comment: String? = nil, grants: [Grant] = []
    ) {
        self.name = name
        self.isMaterialized = isMaterialized
        self.definition = definition
        self.options = options
        self.columns = columns
        self.indexes = indexes
        self.triggers = triggers
        self.comment = comment
        self.grants = grants
    }
}

/// One output column of a view.
public struct ViewColumn: Hashable, Codable, Sendable {
    public var name: String
    public var type: DataType
    public var comment: String?

    public init(name: String, type: DataType, comment: String? = nil) {
        self.name = name
        self.type = type
        self.comment = comment
    }
}
