import PgDriftModel
import PgDriftPostgres

/// The owner of every schema, table, view, sequence, routine and type the other queries read (extension
/// members left out): one query more, run only when owners are compared (`--with-owners`). Objects the
/// catalog does not hold (an identity sequence, a table's row type) are passed over by the comparison,
/// which only looks at objects present on both sides.
enum OwnersQuery {
    static let sql = """
        SELECT 'schema' AS kind, n.nspname AS schema, '' AS name, NULL::text AS arguments,
               pg_catalog.pg_get_userbyid(n.nspowner)::text AS owner
        FROM pg_catalog.pg_namespace n
        WHERE \(CatalogSQL.namespaceFilter("n"))
          AND NOT \(CatalogSQL.isExtensionMember(catalog: "pg_catalog.pg_namespace", oid: "n.oid"))
        UNION ALL
        SELECT CASE c.relkind WHEN 'S' THEN 'sequence' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materializedView' ELSE 'table' END,
               n.nspname, c.relname, NULL, pg_catalog.pg_get_userbyid(c.relowner)::text
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND \(CatalogSQL.namespaceFilter("n"))
          AND NOT \(CatalogSQL.isExtensionMember(catalog: "pg_catalog.pg_class", oid: "c.oid"))
        UNION ALL
        SELECT CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END, n.nspname, p.proname,
               pg_catalog.pg_get_function_identity_arguments(p.oid), pg_catalog.pg_get_userbyid(p.proowner)::text
        FROM pg_catalog.pg_proc p
        JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
        WHERE p.prokind <> 'a' AND \(CatalogSQL.namespaceFilter("n"))
          AND NOT \(CatalogSQL.isExtensionMember(catalog: "pg_catalog.pg_proc", oid: "p.oid"))
        UNION ALL
        SELECT CASE t.typtype WHEN 'd' THEN 'domain' ELSE 'type' END, n.nspname, t.typname, NULL,
               pg_catalog.pg_get_userbyid(t.typowner)::text
        FROM pg_catalog.pg_type t
        JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        WHERE (t.typtype IN ('e', 'd', 'r')
               OR t.typtype = 'c' AND (SELECT r.relkind FROM pg_catalog.pg_class r WHERE r.oid = t.typrelid) = 'c')
          AND \(CatalogSQL.namespaceFilter("n"))
          AND NOT \(CatalogSQL.isExtensionMember(catalog: "pg_catalog.pg_type", oid: "t.oid"))
        """

    static func read(_ result: QueryResult) throws -> Owners {
        var owners: Owners = [:]
        for row in result.rows {
            guard let kind = PrivilegeTarget.Kind(rawValue: try row.string("kind")) else { continue }
            let target = PrivilegeTarget(
                kind: kind, name: QualifiedName(try row.string("schema"), try row.string("name")),
                arguments: try row.optionalString("arguments"))
            owners[target] = try row.string("owner")
        }
        return owners
    }
}
