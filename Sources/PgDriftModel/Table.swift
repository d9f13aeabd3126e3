/// A table: ordinary or partitioned, logged or unlogged, with everything that hangs off it.
public struct Table: CatalogObject {
    /// relkind `r` (ordinary) or `p` (partitioned).
    public enum Kind: String, Hashable, Codable, Sendable {
        case ordinary, partitioned
    }

    /// Schema-qualified raw name of the table.
    public var name: QualifiedName
    /// Whether the table is ordinary or partitioned.
    public var kind: Kind
    /// CREATE UNLOGGED TABLE.
    public var isUnlogged: Bool
    /// A partitioned table's key (`pg_get_partkeydef`), such as `RANGE (created_at)`.
    public var partitionKey: String?
    /// The parent of a partition.
    public var partitionOf: QualifiedName?
    /// A partition's bound (`pg_get_expr(relpartbound)`), such as `FOR VALUES FROM ('2024-01-01') TO (...)`.
    public var partitionBound: String?
    /// Parents of a table created with INHERITS.
    public var inherits: [QualifiedName]
    /// Columns in their physical order. Columns a partition or child inherits are left out: they are its
    /// parent's.
    public var columns: [Column]
    /// Primary key, unique, check, foreign key and exclusion constraints, keyed by constraint name.
    public var constraints: ObjectSet<Constraint>
    /// Indexes on the table, keyed by index name.
    public var indexes: ObjectSet<Index>
    /// ENABLE ROW LEVEL SECURITY.
    public var rowLevelSecurity: Bool
    /// FORCE ROW LEVEL SECURITY.
    public var forceRowLevelSecurity: Bool
    /// Row-level security policies, keyed by policy name.
    public var policies: ObjectSet<Policy>
    /// Triggers, keyed by trigger name.
    public var triggers: ObjectSet<Trigger>
    /// Storage parameters such as `fillfactor=70`; the TOAST table's ones prefixed `toast.`, as
    /// `WITH (toast.autovacuum_enabled=false)` sets them.
    public var options: [String]
    /// `REPLICA IDENTITY` other than DEFAULT; nil for DEFAULT.
    public var replicaIdentity: ReplicaIdentity?
    /// `ALTER TABLE ... CLUSTER ON i`: the index (or key) that `CLUSTER` uses by default; nil for none.
    public var clusterOn: String?
    /// `CREATE TABLE ... USING am`: a table access method other than `heap`; nil for heap (and for a
    /// partitioned table that names none).
    public var accessMethod: String?
    /// COMMENT ON TABLE.
    public var comment: String?
    /// Privileges, filled only when privileges are compared.
    public var grants: [Grant]

    /// The table's identity in the catalog: its qualified name.
    public var key: QualifiedName { name }

    /// Creates a table from its parts; by default an ordinary, logged table with nothing on it.
    public init(
        name: QualifiedName, kind: Kind = .ordinary, isUnlogged: Bool = false, partitionKey: String? = nil,
        partitionOf: QualifiedName? = nil, partitionBound: String? = nil, inherits: [QualifiedName] = [],
        columns: [Column] = [], constraints: ObjectSet<Constraint> = [], indexes: ObjectSet<Index> = [],
        rowLevelSecurity: Bool = false, forceRowLevelSecurity: Bool = false, policies: ObjectSet<Policy> = [],
        triggers: ObjectSet<Trigger> = [], options: [String] = [], comment: String? = nil, grants: [Grant] = [],
        replicaIdentity: ReplicaIdentity? = nil, clusterOn: String? = nil, accessMethod: String? = nil
    ) {
        self.replicaIdentity = replicaIdentity
        self.clusterOn = clusterOn
        self.accessMethod = accessMethod
        self.name = name
        self.kind = kind
        self.isUnlogged = isUnlogged
        self.partitionKey = partitionKey
        self.partitionOf = partitionOf
        self.partitionBound = partitionBound
        self.inherits = inherits
        self.columns = columns
        self.constraints = constraints
        self.indexes = indexes
        self.rowLevelSecurity = rowLevelSecurity
        self.forceRowLevelSecurity = forceRowLevelSecurity
        self.policies = policies
        self.triggers = triggers
        self.options = options
        self.comment = comment
        self.grants = grants
    }

    /// The column with this name.
    public func column(named name: String) -> Column? { columns.first { $0.name == name } }

    /// The primary key constraint, if any.
    public var primaryKey: Constraint? { constraints.first { $0.kind == .primaryKey } }
}

/// `ALTER TABLE ... REPLICA IDENTITY FULL | NOTHING | USING INDEX i` (DEFAULT is no value).
public enum ReplicaIdentity: Hashable, Sendable, Codable, CustomStringConvertible {
    case full
    case nothing
    /// USING INDEX: a unique index (or a key's index) of the table, by name.
    case index(String)

    /// `FULL`, `NOTHING`, `USING INDEX name` (the name quoted where SQL needs it).
    public var description: String {
        switch self {
        case .full: return "FULL"
        case .nothing: return "NOTHING"
        case .index(let name): return "USING INDEX \(SQLQuote.identifier(name))"
        }
    }

    /// The index it names, if any.
    public var indexName: String? {
        if case .index(let name) = self { return name }
        return nil
    }

    private enum CodingKeys: String, CodingKey { case mode, index }

    /// `{"mode": "full"}`, `{"mode": "nothing"}` or `{"mode": "index", "index": name}`.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .mode) {
        case "full": self = .full
        case "nothing": self = .nothing
        case "index": self = .index(try container.decode(String.self, forKey: .index))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .mode, in: container, debugDescription: "unknown replica identity \(other)")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .full: try container.encode("full", forKey: .mode)
        case .nothing: try container.encode("nothing", forKey: .mode)
        case .index(let name):
            try container.encode("index", forKey: .mode)
            try container.encode(name, forKey: .index)
        }
    }
}
