import PgDriftModel
import PgDriftPostgres

/// Row-level security policies with their roles and expressions.
enum PoliciesQuery {
    static let sql = """
        SELECT p.polrelid AS relid, p.polname AS name, p.polcmd AS command, p.polpermissive AS permissive,
               ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid)::text END
                     FROM unnest(p.polroles) AS r(oid) ORDER BY 1) AS roles,
               pg_catalog.pg_get_expr(p.polqual, p.polrelid) AS using_expression,
               pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) AS check_expression,
               d.description AS comment,
               ARRAY(SELECT DISTINCT a.attname FROM pg_catalog.pg_depend dep
                     JOIN pg_catalog.pg_attribute a ON a.attrelid = dep.refobjid AND a.attnum = dep.refobjsubid
                     WHERE dep.classid = 'pg_catalog.pg_policy'::regclass AND dep.objid = p.oid
                       AND dep.refclassid = 'pg_catalog.pg_class'::regclass AND dep.refobjid = p.polrelid
                       AND dep.refobjsubid > 0) AS reads_columns
        FROM pg_catalog.pg_policy p
        JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_description d
               ON d.classoid = 'pg_catalog.pg_policy'::regclass AND d.objoid = p.oid AND d.objsubid = 0
        WHERE \(CatalogSQL.namespaceFilter("n"))
        ORDER BY p.polrelid, p.polname
        """

    static func read(_ result: QueryResult) throws -> [(relationOID: UInt32, policy: Policy)] {
        try result.rows.map { row in
            let command: Policy.Command
            switch try row.string("command") {
            case "r": command = .select
            case "a": command = .insert
            case "w": command = .update
            case "d": command = .delete
            default: command = .all
            }
            let policy = Policy(
                name: try row.string("name"), command: command, isPermissive: try row.bool("permissive"),
                roles: try row.stringArray("roles"), using: try row.optionalString("using_expression"),
                withCheck: try row.optionalString("check_expression"), comment: try row.optionalString("comment"),
                readsColumns: try row.stringArray("reads_columns"))
            return (try row.oid("relid"), policy)
        }
    }
}
