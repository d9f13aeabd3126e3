import PgDriftPostgres

/// SQL fragments shared by the catalog queries. Every query binds the same parameters:
/// `$1` schemas to include (empty: all), `$2` schemas to exclude, and, where grants are read,
/// `$3` whether to read them.
enum CatalogSQL {
    /// Keeps user schemas that pass the include/exclude filters; `alias` is a pg_namespace row.
    static func namespaceFilter(_ alias: String) -> String {
        """
        \(alias).nspname NOT IN ('pg_catalog', 'information_schema') \
        AND \(alias).nspname NOT LIKE 'pg\\_toast%' AND \(alias).nspname NOT LIKE 'pg\\_temp\\_%' \
        AND (cardinality($1::text[]) = 0 OR \(alias).nspname::text = ANY($1::text[])) \
        AND NOT (\(alias).nspname::text = ANY($2::text[]))
        """
    }

    /// True when the object (class `catalog`, oid `oid`) belongs to an extension. An IN list the server
    /// hashes once per query: EXISTS was planned as a probe of pg_depend per row (25 ms of the relations
    /// query at 10,000 tables). objid is never NULL, so NOT of it is the plain negation.
    static func isExtensionMember(catalog: String, oid: String) -> String {
        """
        (\(oid) IN (SELECT ext.objid FROM pg_catalog.pg_depend ext WHERE ext.classid = '\(catalog)'::regclass \
        AND ext.deptype = 'e'))
        """
    }

    /// The effective privileges of an ACL other than the owner's own, as
    /// `grantee␟PRIVILEGE␟is_grantable` (unit-separator delimited), only when `$3` asks for them. A NULL
    /// ACL is the owner's default (`acldefault(kind, owner)`: EXECUTE to PUBLIC for a function, USAGE
    /// for a type), so a never-touched object equals one whose ACL was reset, and a REVOKE from PUBLIC shows.
    static func grants(acl: String, owner: String, kind: String) -> String {
        """
        CASE WHEN $3::boolean THEN ARRAY(SELECT CASE WHEN g.grantee = 0 THEN 'PUBLIC' \
        ELSE pg_catalog.pg_get_userbyid(g.grantee)::text END || chr(31) || g.privilege_type || chr(31) \
        || g.is_grantable::text FROM pg_catalog.aclexplode(COALESCE(\(acl), pg_catalog.acldefault(\(kind), \(owner)))) g \
        WHERE g.grantee <> \(owner) ORDER BY 1) END
        """
    }

    /// A column's privileges (`attacl`; NULL means none) in the encoding of `grants`, only when `$3`
    /// asks for them; no subquery runs for the columns that have none (nearly all).
    static func columnGrants(attribute: String, owner: String) -> String {
        """
        CASE WHEN $3::boolean AND \(attribute).attacl IS NOT NULL THEN ARRAY(SELECT CASE WHEN g.grantee = 0 THEN 'PUBLIC' \
        ELSE pg_catalog.pg_get_userbyid(g.grantee)::text END || chr(31) || g.privilege_type || chr(31) \
        || g.is_grantable::text FROM pg_catalog.aclexplode(\(attribute).attacl) g WHERE g.grantee <> \(owner) ORDER BY 1) END
        """
    }

    /// The type columns every type-bearing query returns, for `typeAlias` (pg_type of the value),
    /// `typmod` and `dims` (declared array dimensions). Needs the joins from `typeJoins`.
    static func typeColumns(typmod: String, dims: String) -> String {
        """
        CASE WHEN vt.typelem <> 0 AND vt.typsubscript = 'pg_catalog.array_subscript_handler'::regproc \
        THEN GREATEST(\(dims), 1) ELSE 0 END AS type_array_dims, \
        btn.nspname AS type_schema, bt.typname AS type_name, \
        pg_catalog.format_type(bt.oid, \(typmod)) AS type_formatted, \
        pg_catalog.format_type(bt.oid, NULL) AS type_unmodified
        """
    }

    /// Joins the element (base) type `bt` and its schema `btn` for the value type `vt`.
    static let typeJoins = """
        JOIN pg_catalog.pg_type bt ON bt.oid = CASE WHEN vt.typelem <> 0 \
        AND vt.typsubscript = 'pg_catalog.array_subscript_handler'::regproc THEN vt.typelem ELSE vt.oid END \
        JOIN pg_catalog.pg_namespace btn ON btn.oid = bt.typnamespace
        """
}

/// Rows handed one at a time to the closure it is given (`PostgresConnection.forEachRow`).
typealias RowSource = ((Row) throws -> Void) throws -> Void
