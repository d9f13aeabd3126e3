/// The kinds pgdrift compares by their definition's clauses rather than by a model of their own (issue
/// 22): operators, casts, aggregates, collations, text search, rules, extended statistics, event
/// triggers, publications and the foreign-data kinds. Declared in the order a plan creates them.
public enum DefinedObjectKind: String, CaseIterable, Comparable, Codable, Sendable {
    case collation
    case foreignDataWrapper = "foreign data wrapper"
    case foreignServer = "foreign server"
    case userMapping = "user mapping"
    case `operator`
    case operatorFamily = "operator family"
    case operatorClass = "operator class"
    case cast
    case aggregate
    case textSearchDictionary = "text search dictionary"
    case textSearchConfiguration = "text search configuration"
    case foreignTable = "foreign table"
    case rule
    case statistics = "extended statistics"
    case publication
    case eventTrigger = "event trigger"

    /// Where a plan creates objects of the kind, relative to the modelled kinds they use.
    public enum Stage: Sendable {
        /// Before types and tables: collations, and the wrappers, servers and mappings foreign tables need.
        case beforeTypes
        /// After functions, before tables: what is built from functions and types.
        case afterFunctions
        /// After tables, views and triggers: what is built on relations.
        case afterRelations
    }

    public var stage: Stage {
        switch self {
        case .collation, .foreignDataWrapper, .foreignServer, .userMapping: .beforeTypes
        case .operator, .operatorFamily, .operatorClass, .cast, .aggregate, .textSearchDictionary, .textSearchConfiguration,
            .foreignTable: .afterFunctions
        case .rule, .statistics, .publication, .eventTrigger: .afterRelations
        }
    }

    /// Whether objects of the kind belong to no schema (read only when no `--schema` narrows the reading).
    public var isDatabaseWide: Bool {
        [.foreignDataWrapper, .foreignServer, .userMapping, .cast, .publication, .eventTrigger].contains(self)
    }

    /// The keywords of its DROP and CREATE statements (`OPERATOR CLASS`, `STATISTICS`).
    public var keyword: String {
        switch self {
        case .foreignServer: "SERVER"
        case .statistics: "STATISTICS"
        default: rawValue.uppercased()
        }
    }

    /// The kind as a key of JSON reports: `operator_class`, `extended_statistics`.
    public var key: String { String(rawValue.map { $0 == " " ? "_" : $0 }) }

    /// `operator`, `operators`; `extended statistics` either way.
    public func plural(_ count: Int) -> String {
        if count == 1 || self == .statistics { return rawValue }
        return self == .operatorClass ? rawValue + "es" : rawValue + "s"
    }

    /// Orders kinds as they are declared.
    public static func < (lhs: DefinedObjectKind, rhs: DefinedObjectKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// An object compared by its definition: its identity, and the clauses that define it, each rendered
/// as the SQL a CREATE statement takes (names and literals quoted when it was read). Two objects with the
/// same clauses are the same object; a clause that differs is named in the finding and makes the plan
/// drop and create it again.
public struct DefinedObject: CatalogObject {
    /// Identifies a defined object: its kind and PostgreSQL's identity for it (`pg_identify_object`),
    /// such as `public.~~(anynonarray,text)` or `(text AS public.currency)`.
    public struct Key: Hashable, Comparable, Codable, Sendable {
        public var kind: DefinedObjectKind
        public var identity: String

        public init(kind: DefinedObjectKind, identity: String) {
            self.kind = kind
            self.identity = identity
        }

        public static func < (lhs: Key, rhs: Key) -> Bool { (lhs.kind, lhs.identity) < (rhs.kind, rhs.identity) }
    }

    /// One clause of the definition: its name (`function`, `option host`, `column id`) and its SQL.
    public struct Clause: Hashable, Codable, Sendable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public var kind: DefinedObjectKind
    /// The raw name of its schema; empty for database-wide kinds.
    public var schema: String
    /// The table a rule, extended statistics or publication-free object belongs to, if any.
    public var table: QualifiedName?
    /// PostgreSQL's identity, unique within the kind: what DROP takes (but for user mappings).
    public var identity: String
    /// The name as CREATE takes it, quoted (`public.~~`, `public.my_agg`, `english_stem`).
    public var name: String
    /// The clauses, in the order CREATE takes them.
    public var clauses: [Clause]

    public init(kind: DefinedObjectKind, schema: String, table: QualifiedName? = nil, identity: String, name: String, clauses: [Clause]) {
        self.kind = kind
        self.schema = schema
        self.table = table
        self.identity = identity
        self.name = name
        self.clauses = clauses
    }

    public var key: Key { Key(kind: kind, identity: identity) }

    /// The value of the clause with this name.
    public subscript(clause: String) -> String? { clauses.first { $0.name == clause }?.value }

    /// The clauses whose name starts with `prefix` (`option `, `column `), in order, with the prefix removed.
    public func clauses(named prefix: String) -> [(name: String, value: String)] {
        clauses.filter { $0.name.hasPrefix(prefix) }.map { (String($0.name.dropFirst(prefix.count)), $0.value) }
    }

    /// The names of the clauses that differ from `other`'s (present on one side only, or with another
    /// value), sorted; order is not compared.
    public func differingClauses(from other: DefinedObject) -> [String] {
        let mine = Dictionary(clauses.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        let theirs = Dictionary(other.clauses.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        return Set(mine.keys).union(theirs.keys).filter { mine[$0] != theirs[$0] }.sorted()
    }

    /// `OPTIONS (host 'x', port '5432')` from option names (raw) and values (literals already quoted);
    /// nil for none. The one rendering of an OPTIONS list, for a wrapper's, server's, foreign table's and
    /// column's.
    public static func optionsClause(_ options: [(name: String, value: String)]) -> String? {
        guard !options.isEmpty else { return nil }
        return "OPTIONS (" + options.map { SQLQuote.identifier($0.name) + " " + $0.value }.joined(separator: ", ") + ")"
    }

    /// `operator public.~~(anynonarray,text)`.
    public var description: String { "\(kind.rawValue) \(identity)" }

    /// Where the migrations declared it: the key of `Catalog.sources` (by the name CREATE takes; a rule
    /// also by its table).
    public var sourceID: ObjectID {
        ObjectID(kind: .definedObject, schema: schema, relation: Self.sourceRelation(kind, table: kind == .rule ? table?.name : nil), name: name)
    }

    /// `operator`, `rule on tickets`.
    public static func sourceRelation(_ kind: DefinedObjectKind, table: String?) -> String {
        table.map { "\(kind.rawValue) on \($0)" } ?? kind.rawValue
    }
}
