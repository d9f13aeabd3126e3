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
    /// The tables and views its query reads (`pg_depend` through its rewrite rule), sorted. The planner
    /// uses them to create views in order and to rebuild a view around a change to what it reads.
    public var dependsOn: [QualifiedName]

    public var key: QualifiedName { name }

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
    public var name: String
    public var type: DataType
    public var comment: String?

    public init(name: String, type: DataType, comment: String? = nil) {
        self.name = name
        self.type = type
        self.comment = comment
    }
}
