import PgDriftModel
import PgDriftPostgres

/// What the connected role can reach: its search_path, USAGE on each schema, and every relation of the
/// database (whatever `--schema` says, extension members included) with whether the role holds any
/// privilege on it — the test information_schema applies — and which columns it cannot see.
enum AccessQuery {
    /// Read first, before search_path is emptied for the catalog queries.
    static let session = """
        SELECT current_user AS role, pg_catalog.current_schemas(false)::text[] AS search_path
        """

    static let systemSchemas = """
        n.nspname NOT IN ('pg_catalog', 'information_schema') \
        AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'
        """

    static let schemas = """
        SELECT n.nspname AS name, pg_catalog.has_schema_privilege(n.oid, 'USAGE') AS usage
        FROM pg_catalog.pg_namespace n
        WHERE \(systemSchemas)
        ORDER BY n.nspname
        """

    static let relations = """
        SELECT n.nspname AS schema, c.relname AS name, c.relkind AS kind,
               \(CatalogSQL.isExtensionMember(catalog: "pg_catalog.pg_class", oid: "c.oid")) AS extension_member,
               -- A superuser holds every privilege: asked once, not three times per relation (a
               -- privilege check looks the relation up, cold, in a new session: 40 ms at 10,000).
               s.superuser
                 OR pg_catalog.has_any_column_privilege(c.oid, 'SELECT, INSERT, UPDATE, REFERENCES')
                 OR pg_catalog.has_table_privilege(c.oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
                 AS visible,
               CASE WHEN NOT s.superuser AND NOT pg_catalog.has_table_privilege(c.oid, 'SELECT, INSERT, UPDATE, REFERENCES')
                    THEN ARRAY(SELECT a.attname FROM pg_catalog.pg_attribute a
                               WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                                 AND NOT pg_catalog.has_column_privilege(c.oid, a.attnum, 'SELECT, INSERT, UPDATE, REFERENCES')
                               ORDER BY a.attnum)
               END AS hidden_columns
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        CROSS JOIN (SELECT pg_catalog.current_setting('is_superuser') = 'on' AS superuser) s
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND \(systemSchemas)
        ORDER BY n.nspname, c.relname
        """

    static func read(session: QueryResult, schemas: QueryResult, relations: QueryResult) throws -> RoleAccess {
        let row = session.rows[0]
        var access = RoleAccess(role: try row.string("role"), searchPath: try row.stringArray("search_path"))
        for schema in schemas.rows {
            access.schemaUsage[try schema.string("name")] = try schema.bool("usage")
        }
        for relation in relations.rows {
            let kind: RoleAccess.RelationKind
            switch try relation.string("kind") {
            case "p": kind = .partitionedTable
            case "v": kind = .view
            case "m": kind = .materializedView
            case "f": kind = .foreignTable
            case "S": kind = .sequence
            default: kind = .table
            }
            let visible = try relation.bool("visible")
            access.relations[QualifiedName(try relation.string("schema"), try relation.string("name"))] = RoleAccess.Relation(
                kind: kind, isExtensionMember: try relation.bool("extension_member"), isVisible: visible,
                // Without any privilege the whole relation is hidden; its columns need no list.
                hiddenColumns: visible ? try relation.stringArray("hidden_columns") : [])
        }
        return access
    }
}
