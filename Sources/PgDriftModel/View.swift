/// A view or materialized view.
public struct View: CatalogObject {
    /// Schema-qualified raw name of the view.
    public var name: QualifiedName
    /// CREATE MATERIALIZED VIEW rather than CREATE VIEW.
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
    /// COMMENT ON VIEW or MATERIALIZED VIEW.
    public var comment: String?
    /// Privileges, filled only when privileges are compared.
    public var grants: [Grant]
    /// The tables and views its query reads (`pg_depend` through its rewrite rule), sorted. The planner
    /// uses them to create views in order and to rebuild a view around a change to what it reads.
    public var dependsOn: [QualifiedName]

    /// The view's identity in the catalog: its qualified name.
    public var key: QualifiedName { name }

    /// Creates a view from its parts (`dependsOn` is sorted); by default a plain view with nothing on it.
    public init(
        name: QualifiedName, isMaterialized: Bool = false, definition: String, options: [String] = [],
        columns: [ViewColumn] = [], indexes: ObjectSet<Index> = [], triggers: ObjectSet<Trigger> = [],
        comment: String? = nil, grants: [Grant] = [], dependsOn: [QualifiedName] = []
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
        self.dependsOn = dependsOn.sorted()
    }
}

extension View {
    private enum CodingKeys: String, CodingKey {
        case name, isMaterialized, definition, options, columns, indexes, triggers, comment, grants, dependsOn
    }

    /// Snapshots written before `dependsOn` existed decode with no dependencies.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decode(QualifiedName.self, forKey: .name),
            isMaterialized: try container.decode(Bool.self, forKey: .isMaterialized),
            definition: try container.decode(String.self, forKey: .definition),
            options: try container.decode([String].self, forKey: .options),
            columns: try container.decode([ViewColumn].self, forKey: .columns),
            indexes: try container.decode(ObjectSet<Index>.self, forKey: .indexes),
            triggers: try container.decode(ObjectSet<Trigger>.self, forKey: .triggers),
            comment: try container.decodeIfPresent(String.self, forKey: .comment),
            grants: try container.decode([Grant].self, forKey: .grants),
            dependsOn: try container.decodeIfPresent([QualifiedName].self, forKey: .dependsOn) ?? [])
    }
}

/// One output column of a view.
public struct ViewColumn: Hashable, Codable, Sendable {
    /// Raw column name (not quoted).
    public var name: String
    /// The column's type as the view's query produces it.
    public var type: DataType
    /// COMMENT ON COLUMN.
    public var comment: String?

    /// Creates a view column from its parts.
    public init(name: String, type: DataType, comment: String? = nil) {
        self.name = name
        self.type = type
        self.comment = comment
    }
}
