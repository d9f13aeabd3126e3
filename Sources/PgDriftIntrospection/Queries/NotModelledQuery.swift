import PgDriftPostgres

/// Objects of the kinds pgdrift does not compare (issue 22: the rest are `DefinedObjectsQuery`'s): one query over their catalogs, so that a
/// check can say what it did not look at instead of calling it "no drift". Only what users created
/// (oids from 16384, `FirstNormalObjectId`), not an extension's members; kinds without a schema are read
/// only when no `--schema` narrows the reading; what PostgreSQL made as part of another object (deptype
/// `i`: a range type's casts to its multirange) is that object's. Names are `pg_identify_object`'s identities, such as
/// `public.~~(anynonarray,text)` for an operator.
enum NotModelledQuery {
    /// Each kind's catalog, oid and namespace (NULL: database-wide), and the condition that picks its rows.
    static let kinds: [(kind: String, catalog: String, namespace: String?, condition: String)] = [
        ("base type", "pg_type", "typnamespace",
         "typtype = 'b' AND typsubscript <> 'pg_catalog.array_subscript_handler'::pg_catalog.regproc"),
        ("conversion", "pg_conversion", "connamespace", "true"),
        ("text search parser", "pg_ts_parser", "prsnamespace", "true"),
        ("text search template", "pg_ts_template", "tmplnamespace", "true"),
        ("access method", "pg_am", nil, "true"),
        ("language", "pg_language", nil, "true"),
        ("transform", "pg_transform", nil, "true"),
    ]

    static let sql: String = {
        var parts = kinds.map { kind in
            let scope = kind.namespace.map { column in
                "EXISTS (SELECT 1 FROM pg_catalog.pg_namespace n WHERE n.oid = o.\(column) AND \(CatalogSQL.namespaceFilter("n")))"
            } ?? "cardinality($1::text[]) = 0"
            return """
                SELECT '\(kind.kind)' AS kind, 'pg_catalog.\(kind.catalog)'::pg_catalog.regclass AS classid, o.oid AS objid
                FROM pg_catalog.\(kind.catalog) o
                WHERE o.oid >= 16384 AND \(kind.condition) AND \(scope)
                """
        }
        // Subscriptions of this database (only names: the connection string is not readable, nor wanted).
        parts.append("""
            SELECT 'subscription', 'pg_catalog.pg_subscription'::pg_catalog.regclass, o.oid
            FROM pg_catalog.pg_subscription o
            WHERE o.subdbid = (SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database())
              AND cardinality($1::text[]) = 0
            """)
        return """
            SELECT u.kind, (pg_catalog.pg_identify_object(u.classid, u.objid, 0)).identity AS name
            FROM (\(parts.joined(separator: "\nUNION ALL\n"))) u
            WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend ext WHERE ext.classid = u.classid AND ext.objid = u.objid
                              AND ext.deptype IN ('e', 'i'))
            ORDER BY 1, 2
            """
    }()

    /// Kind → the identities of its objects, sorted.
    static func read(_ result: QueryResult) throws -> [String: [String]] {
        var found: [String: [String]] = [:]
        for row in result.rows { found[try row.string("kind"), default: []].append(try row.string("name")) }
        return found
    }
}
