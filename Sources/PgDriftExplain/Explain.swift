import PgDriftIntrospection
import PgDriftModel
import PgDriftPostgres

/// What `explain` reads from the database: its whole model, the role's access, and the views that
/// depend on the object asked about — one `REPEATABLE READ READ ONLY` snapshot, a fixed number of
/// queries.
public struct DatabaseReading: Sendable {
    /// The database's model, every user schema, read in the same snapshot as the rest.
    public var catalog: Catalog
    /// What the connected role can reach, and every relation the database holds.
    public var access: RoleAccess
    /// The connection, password redacted.
    public var connection: String
    /// Views and materialized views that depend on the object (pg_depend), when it exists.
    public var dependentViews: [ObjectRef]
    /// The migration tool's history, when asked for (the expected side is a folder of migrations).
    public var history: MigrationHistory?
    /// `server_version_num` of the database (a shadow database runs the same major where it can).
    public var serverVersion = 0

    /// Creates a reading from its parts.
    public init(catalog: Catalog, access: RoleAccess, connection: String, dependentViews: [ObjectRef] = []) {
        self.catalog = catalog
        self.access = access
        self.connection = connection
        self.dependentViews = dependentViews
    }
}

/// `pgdrift explain` as a library: "is this table or column really missing, and if so why?"
///
/// ```swift
/// let name = try ObjectName.parse("creators_hot.total_videos_count")
/// let reading = try Explain.read(name, from: "postgresql://localhost/app")
/// let explanation = Explain.explain(name, database: reading, expected: expectedCatalog, expectedSource: "builtin")
/// ```
public enum Explain {
    /// Reads what explaining `name` needs from the database behind `connectionString`.
    /// `history`: also read the migration tool's history (`.some(nil)`: whichever tool's is there).
    public static func read(
        _ name: ObjectName, from connectionString: String, statementTimeoutMilliseconds: Int = 60_000,
        history: MigrationTool?? = nil
    ) throws -> DatabaseReading {
        var recorded: MigrationHistory?
        let connection = try PostgresConnection(connectionString)
        defer { connection.close() }
        let introspector = Introspector(options: IntrospectionOptions(statementTimeoutMilliseconds: statementTimeoutMilliseconds))
        let (inspection, views) = try introspector.inspect(from: connection) { connection, inspection in
            if let only = history { recorded = try Introspector.migrationHistory(on: connection, only: only) }
            let index = RelationIndex(inspection.catalog, access: inspection.access)
            let target = Explainer.target(of: name, in: index).ref
            guard let (entry, _) = Explainer.locate(target, in: index, searchPath: inspection.access.searchPath) else { return [ObjectRef]() }
            return try DependentViewsQuery.read(connection, table: entry.name, column: target.column)
        }
        var reading = DatabaseReading(
            catalog: inspection.catalog, access: inspection.access, connection: connection.connectionString.description, dependentViews: views)
        reading.history = recorded
        reading.serverVersion = connection.serverVersion
        return reading
    }

    /// The explanation of `name` from what was read, against the expected schema (nil: none was given).
    public static func explain(_ name: ObjectName, database: DatabaseReading, expected: Catalog?, expectedSource: String) -> Explanation {
        Explainer(reading: database, expected: expected, expectedSource: expectedSource).explain(name)
    }
}

/// Views and materialized views whose query uses a relation, or one of its columns, per pg_depend.
enum DependentViewsQuery {
    static let sql = """
        SELECT DISTINCT vn.nspname AS schema, v.relname AS name, v.relkind AS kind
        FROM pg_catalog.pg_depend d
        JOIN pg_catalog.pg_rewrite r ON d.classid = 'pg_catalog.pg_rewrite'::regclass AND r.oid = d.objid
        JOIN pg_catalog.pg_class v ON v.oid = r.ev_class
        JOIN pg_catalog.pg_namespace vn ON vn.oid = v.relnamespace
        JOIN pg_catalog.pg_class t ON d.refclassid = 'pg_catalog.pg_class'::regclass AND t.oid = d.refobjid
        JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace
        LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid AND d.refobjsubid > 0
        WHERE tn.nspname = $1 AND t.relname = $2 AND v.oid <> t.oid AND ($3::text IS NULL OR a.attname = $3)
        ORDER BY 1, 2
        """

    static func read(_ connection: PostgresConnection, table: QualifiedName, column: String?) throws -> [ObjectRef] {
        try connection.query(sql, [table.schema, table.name, column]).rows.map { row in
            ObjectRef(
                schema: try row.string("schema"), table: try row.string("name"),
                relationKind: try row.string("kind") == "m" ? "materialized view" : "view")
        }
    }
}
