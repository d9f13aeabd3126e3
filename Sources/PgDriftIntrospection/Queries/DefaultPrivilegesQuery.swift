import PgDriftModel
import PgDriftPostgres

/// `ALTER DEFAULT PRIVILEGES` entries (`pg_default_acl`): per role, schema (none: every schema) and
/// object type, the privileges other than the role's own. Entries of one schema pass the schema filter;
/// entries of every schema are always read. Run only when privileges are compared.
enum DefaultPrivilegesQuery {
    static let sql = """
        SELECT pg_catalog.pg_get_userbyid(da.defaclrole)::text AS role, n.nspname AS schema, da.defaclobjtype AS object_type,
               ARRAY(SELECT CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(g.grantee)::text END
                            || chr(31) || g.privilege_type || chr(31) || g.is_grantable::text
                     FROM pg_catalog.aclexplode(da.defaclacl) g WHERE g.grantee <> da.defaclrole ORDER BY 1) AS grants
        FROM pg_catalog.pg_default_acl da
        LEFT JOIN pg_catalog.pg_namespace n ON n.oid = da.defaclnamespace
        WHERE da.defaclnamespace = 0 OR (\(CatalogSQL.namespaceFilter("n")))
        ORDER BY 1, 2 NULLS FIRST, 3
        """

    static func read(_ result: QueryResult) throws -> [DefaultPrivileges] {
        try result.rows.compactMap { row in
            guard let type = DefaultPrivileges.ObjectType(code: try row.string("object_type")) else { return nil }
            return DefaultPrivileges(
                role: try row.string("role"), schema: try row.optionalString("schema"), objectType: type, grants: try row.grants())
        }
    }
}
