/// What the connected role can reach in a database, and every relation the database holds — also those
/// the model leaves out (schemas outside `--schema`, objects of extensions) — so that a name can be told
/// missing from merely unmodelled or hidden.
///
/// Read from pg_catalog, which lists every object to every role whatever its privileges: a name absent
/// from it is absent from the database. information_schema, by contrast, hides what the role has no
/// privilege on; `isVisible` and `hiddenColumns` say what it hides.
public struct RoleAccess: Hashable, Sendable, Codable {
    /// The kinds of relation a query can name.
    public enum RelationKind: String, Hashable, Sendable, Codable {
        case table, partitionedTable = "partitioned table", view, materializedView = "materialized view"
        case foreignTable = "foreign table", sequence

        /// Whether it is a view or materialized view (its columns are its query's output).
        public var isView: Bool { self == .view || self == .materializedView }
    }

    /// One relation and the role's access to it.
    public struct Relation: Hashable, Sendable, Codable {
        /// What kind of relation it is.
        public var kind: RelationKind
        /// Created by an extension (such objects are not part of the model).
        public var isExtensionMember: Bool
        /// The role holds some privilege on it or on one of its columns (information_schema shows it).
        public var isVisible: Bool
        /// Columns the role holds no privilege on although it can see the relation through privileges on
        /// other columns (information_schema.columns leaves them out).
        public var hiddenColumns: [String]

        /// Creates a relation entry; by default visible, not an extension's, with no hidden columns.
        public init(kind: RelationKind, isExtensionMember: Bool = false, isVisible: Bool = true, hiddenColumns: [String] = []) {
            self.kind = kind
            self.isExtensionMember = isExtensionMember
            self.isVisible = isVisible
            self.hiddenColumns = hiddenColumns
        }
    }

    /// The connected role (`current_user`).
    public var role: String
    /// The schemas an unqualified name is looked up in, in order (`current_schemas(false)` of the
    /// session, before pgdrift empties search_path for its own queries).
    public var searchPath: [String]
    /// Every schema but the system's, and whether the role has USAGE on it.
    public var schemaUsage: [String: Bool]
    /// Every table, view, materialized view, foreign table and sequence outside the system schemas.
    public var relations: [QualifiedName: Relation]

    /// Creates access from its parts; the search path defaults to `public` alone.
    public init(
        role: String, searchPath: [String] = ["public"], schemaUsage: [String: Bool] = [:],
        relations: [QualifiedName: Relation] = [:]
    ) {
        self.role = role
        self.searchPath = searchPath
        self.schemaUsage = schemaUsage
        self.relations = relations
    }

    /// Access as the owner of everything has it: every relation of `catalog` visible, USAGE on every
    /// schema. For diffs of catalogs that did not come from a live database.
    public static func owner(of catalog: Catalog, role: String = "owner") -> RoleAccess {
        var relations: [QualifiedName: Relation] = [:]
        for table in catalog.tables { relations[table.name] = Relation(kind: table.kind == .partitioned ? .partitionedTable : .table) }
        for view in catalog.views { relations[view.name] = Relation(kind: view.isMaterialized ? .materializedView : .view) }
        return RoleAccess(
            role: role, schemaUsage: Dictionary(uniqueKeysWithValues: catalog.schemas.map { ($0.name, true) }),
            relations: relations)
    }

    /// Whether the role can use objects in `schema` (unknown schemas count as usable).
    public func canUse(schema: String) -> Bool { schemaUsage[schema] ?? true }

    /// Whether the role can see this relation at all: USAGE on its schema and a privilege on it.
    public func canSee(_ name: QualifiedName) -> Bool {
        canUse(schema: name.schema) && (relations[name]?.isVisible ?? true)
    }

    /// Whether the role can see this column of a relation it can see.
    public func canSee(column: String, of name: QualifiedName) -> Bool {
        canSee(name) && !(relations[name]?.hiddenColumns.contains(column) ?? false)
    }
}
