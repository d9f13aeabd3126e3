import PgDriftModel
import PgDriftPostgres

/// Installed extensions, except plpgsql, which every database has.
enum ExtensionsQuery {
    static let sql = """
        SELECT e.extname AS name, n.nspname AS schema, e.extversion AS version
        FROM pg_catalog.pg_extension e
        JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
        WHERE e.extname <> 'plpgsql' AND NOT (n.nspname::text = ANY($2::text[]))
          AND cardinality($1::text[]) >= 0
        ORDER BY e.extname
        """

    static func read(_ result: QueryResult) throws -> [Extension] {
        try result.rows.map { row in
            Extension(name: try row.string("name"), schema: try row.string("schema"), version: try row.string("version"))
        }
    }
}
