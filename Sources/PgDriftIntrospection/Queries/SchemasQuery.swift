import PgDriftModel
import PgDriftPostgres

/// Schemas (namespaces) with comments and privileges.
enum SchemasQuery {
    static let sql = """
        SELECT n.nspname AS name, d.description AS comment,
               \(CatalogSQL.grants(acl: "n.nspacl", owner: "n.nspowner", kind: "'n'")) AS grants
        FROM pg_catalog.pg_namespace n
        LEFT JOIN pg_catalog.pg_description d
               ON d.classoid = 'pg_catalog.pg_namespace'::regclass AND d.objoid = n.oid AND d.objsubid = 0
        WHERE \(CatalogSQL.namespaceFilter("n"))
          AND NOT \(CatalogSQL.isExtensionMember(catalog: "pg_catalog.pg_namespace", oid: "n.oid"))
        ORDER BY n.nspname
        """

    static func read(_ result: QueryResult) throws -> [Namespace] {
        try result.rows.map { row in
            Namespace(name: try row.string("name"), comment: try row.optionalString("comment"), grants: try row.grants())
        }
    }
}
