/// A table constraint: primary key, unique, foreign key, check or exclusion.
public struct Constraint: CatalogObject {
    /// The constraint types PostgreSQL has on tables.
    public enum Kind: String, Hashable, Codable, Sendable {
        case primaryKey = "primary_key", unique, foreignKey = "foreign_key", check, exclusion
    }

    public var name: String
    public var kind: Kind
    /// Constrained columns in key order (empty for a check constraint).
    public var columns: [String]
    /// A check constraint's expression (`pg_get_expr`), or an exclusion constraint's whole definition
    /// (`pg_get_constraintdef`).
    public var expression: String?
    /// A foreign key's target and actions.
    public var references: ForeignKeyReference?
    public var isDeferrable: Bool
    public var isInitiallyDeferred: Bool
    /// False for a constraint added `NOT VALID` and not yet validated.
    public var isValidated: Bool
    /// CHECK ... NO INHERIT.
    public var isNoInherit: Bool
    /// UNIQUE NULLS NOT DISTINCT (PostgreSQL 15).
    public var nullsNotDistinct: Bool
    public var comment: String?

    public var key: String { name }

    public init(
        name: String, kind: Kind, columns: [String] = [], expression: String? = nil,
        references: ForeignKeyReference? = nil, isDeferrable: Bool = false, isInitiallyDeferred: Bool = false,
        isValidated: Bool = true, isNoInherit: Bool = false, nullsNotDistinct: Bool = false, comment: String? = nil
    ) {
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

    public var table: QualifiedName
    public var columns: [String]
    public var onUpdate: Action
    public var onDelete: Action
    public var match: Match

    public init(
        table: QualifiedName, columns: [String], onUpdate: Action = .noAction, onDelete: Action = .noAction,
        match: Match = .simple
    ) {
        self.table = table
        self.columns = columns
        self.onUpdate = onUpdate
        self.onDelete = onDelete
        self.match = match
    }
}
