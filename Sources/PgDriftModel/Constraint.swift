/// A table constraint: primary key, unique, foreign key, check or exclusion.
public struct Constraint: CatalogObject {
    /// The constraint types PostgreSQL has on tables.
    public enum Kind: String, Hashable, Codable, Sendable {
        case primaryKey = "primary_key", unique, foreignKey = "foreign_key", check, exclusion
    }

    /// Raw constraint name, unique within its table (not quoted).
    public var name: String
    /// Primary key, unique, foreign key, check or exclusion.
    public var kind: Kind
    /// Constrained columns in key order (empty for a check constraint).
    public var columns: [String]
    /// A check constraint's expression (`pg_get_expr`), or an exclusion constraint's whole definition
    /// (`pg_get_constraintdef`).
    public var expression: String?
    /// A foreign key's target and actions.
    public var references: ForeignKeyReference?
    /// DEFERRABLE.
    public var isDeferrable: Bool
    /// INITIALLY DEFERRED (only meaningful when deferrable).
    public var isInitiallyDeferred: Bool
    /// False for a constraint added `NOT VALID` and not yet validated.
    public var isValidated: Bool
    /// CHECK ... NO INHERIT.
    public var isNoInherit: Bool
    /// UNIQUE NULLS NOT DISTINCT (PostgreSQL 15).
    public var nullsNotDistinct: Bool
    /// COMMENT ON CONSTRAINT.
    public var comment: String?
    /// The storage parameters of a primary key's or unique constraint's index (`WITH (fillfactor=70)`).
    public var indexOptions: [String]
    /// False for `NOT ENFORCED` (PostgreSQL 18: a check or foreign key that is declared, not checked).
    public var isEnforced = true
    /// A temporal key (PostgreSQL 18): the last column of a primary key or unique constraint is `WITHOUT
    /// OVERLAPS`, the last of a foreign key and of its references `PERIOD`.
    public var isTemporal = false

    /// The constraint's identity within its table: its name.
    public var key: String { name }

    /// A key's column list in SQL, its last column marked as a temporal key marks it: `id, valid_at
    /// WITHOUT OVERLAPS` in a primary key or unique constraint, `id, PERIOD valid_at` in a foreign key
    /// and its references.
    public func keyColumnsSQL(_ names: [String], quote: (String) -> String) -> String {
        var parts = names.map(quote)
        if isTemporal, let last = parts.indices.last {
            parts[last] = kind == .foreignKey ? "PERIOD \(parts[last])" : "\(parts[last]) WITHOUT OVERLAPS"
        }
        return parts.joined(separator: ", ")
    }

    /// The constraint without its index's storage parameters, which `ALTER INDEX ... SET` changes in place.
    public var withoutSettings: Constraint {
        var constraint = self
        constraint.indexOptions = []
        return constraint
    }

    /// Creates a constraint from its parts; by default immediate, validated and without references or comment.
    public init(
        name: String, kind: Kind, columns: [String] = [], expression: String? = nil,
        references: ForeignKeyReference? = nil, isDeferrable: Bool = false, isInitiallyDeferred: Bool = false,
        isValidated: Bool = true, isNoInherit: Bool = false, nullsNotDistinct: Bool = false, comment: String? = nil,
        indexOptions: [String] = []
    ) {
        self.indexOptions = indexOptions
        self.name = name
        self.kind = kind
        self.columns = columns
        self.expression = expression
        self.references = references
        self.isDeferrable = isDeferrable
        self.isInitiallyDeferred = isInitiallyDeferred
        self.isValidated = isValidated
        self.isNoInherit = isNoInherit
        self.nullsNotDistinct = nullsNotDistinct
        self.comment = comment
    }

    private enum CodingKeys: String, CodingKey {
        case name, kind, columns, expression, references, isDeferrable, isInitiallyDeferred, isValidated, isNoInherit
        case nullsNotDistinct, comment, indexOptions, isEnforced, isTemporal
    }

    /// Reads a snapshot's constraint; one written before `indexOptions` existed has none.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        kind = try container.decode(Kind.self, forKey: .kind)
        columns = try container.decode([String].self, forKey: .columns)
        expression = try container.decodeIfPresent(String.self, forKey: .expression)
        references = try container.decodeIfPresent(ForeignKeyReference.self, forKey: .references)
        isDeferrable = try container.decode(Bool.self, forKey: .isDeferrable)
        isInitiallyDeferred = try container.decode(Bool.self, forKey: .isInitiallyDeferred)
        isValidated = try container.decode(Bool.self, forKey: .isValidated)
        isNoInherit = try container.decode(Bool.self, forKey: .isNoInherit)
        nullsNotDistinct = try container.decode(Bool.self, forKey: .nullsNotDistinct)
        comment = try container.decodeIfPresent(String.self, forKey: .comment)
        indexOptions = try container.decodeIfPresent([String].self, forKey: .indexOptions) ?? []
        isEnforced = try container.decodeIfPresent(Bool.self, forKey: .isEnforced) ?? true
        isTemporal = try container.decodeIfPresent(Bool.self, forKey: .isTemporal) ?? false
    }

    /// Writes it, leaving out `indexOptions` when empty (snapshots stay as they were).
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(kind, forKey: .kind)
        try container.encode(columns, forKey: .columns)
        try container.encodeIfPresent(expression, forKey: .expression)
        try container.encodeIfPresent(references, forKey: .references)
        try container.encode(isDeferrable, forKey: .isDeferrable)
        try container.encode(isInitiallyDeferred, forKey: .isInitiallyDeferred)
        try container.encode(isValidated, forKey: .isValidated)
        try container.encode(isNoInherit, forKey: .isNoInherit)
        try container.encode(nullsNotDistinct, forKey: .nullsNotDistinct)
        try container.encodeIfPresent(comment, forKey: .comment)
        if !indexOptions.isEmpty { try container.encode(indexOptions, forKey: .indexOptions) }
        // PostgreSQL 18's kinds, written only when used: other snapshots stay as they were.
        if !isEnforced { try container.encode(isEnforced, forKey: .isEnforced) }
        if isTemporal { try container.encode(isTemporal, forKey: .isTemporal) }
    }
}

/// The referenced side of a foreign key.
public struct ForeignKeyReference: Hashable, Codable, Sendable {
    /// ON UPDATE / ON DELETE actions.
    public enum Action: String, Hashable, Codable, Sendable {
        case noAction = "no_action", restrict, cascade, setNull = "set_null", setDefault = "set_default"
    }

    /// MATCH SIMPLE (the default), FULL or PARTIAL.
    public enum Match: String, Hashable, Codable, Sendable {
        case simple, full, partial
    }

    /// The referenced table.
    public var table: QualifiedName
    /// Referenced columns, in the same order as the constraint's own columns.
    public var columns: [String]
    /// ON UPDATE action; NO ACTION by default.
    public var onUpdate: Action
    /// ON DELETE action; NO ACTION by default.
    public var onDelete: Action
    /// MATCH type; SIMPLE by default.
    public var match: Match
    /// `ON DELETE SET NULL (a)` / `SET DEFAULT (a)`: the only columns the action sets (PostgreSQL 15);
    /// empty means all of the key's columns.
    public var deleteSetColumns: [String]

    /// Creates a foreign key target from its parts, with PostgreSQL's default actions and match type.
    public init(
        table: QualifiedName, columns: [String], onUpdate: Action = .noAction, onDelete: Action = .noAction,
        match: Match = .simple, deleteSetColumns: [String] = []
    ) {
        self.table = table
        self.columns = columns
        self.onUpdate = onUpdate
        self.onDelete = onDelete
        self.match = match
        self.deleteSetColumns = deleteSetColumns
    }

    private enum CodingKeys: String, CodingKey {
        case table, columns, onUpdate, onDelete, match, deleteSetColumns
    }

    /// Reads a snapshot's foreign key; one written before `deleteSetColumns` existed has none.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        table = try container.decode(QualifiedName.self, forKey: .table)
        columns = try container.decode([String].self, forKey: .columns)
        onUpdate = try container.decode(Action.self, forKey: .onUpdate)
        onDelete = try container.decode(Action.self, forKey: .onDelete)
        match = try container.decode(Match.self, forKey: .match)
        deleteSetColumns = try container.decodeIfPresent([String].self, forKey: .deleteSetColumns) ?? []
    }

    /// Writes it, leaving out `deleteSetColumns` when empty (snapshots stay as they were).
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(table, forKey: .table)
        try container.encode(columns, forKey: .columns)
        try container.encode(onUpdate, forKey: .onUpdate)
        try container.encode(onDelete, forKey: .onDelete)
        try container.encode(match, forKey: .match)
        if !deleteSetColumns.isEmpty { try container.encode(deleteSetColumns, forKey: .deleteSetColumns) }
    }
}
