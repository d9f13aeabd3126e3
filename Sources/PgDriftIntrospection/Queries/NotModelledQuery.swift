import PgDriftPostgres

/// Objects of the kinds pgdrift does not compare yet (issue 22): one query over their catalogs, so that a
/// check can say what it did not look at instead of calling it "no drift". Only what users created
/// (oids from 16384, `FirstNormalObjectId`), not an extension's members; kinds without a schema are read
/// only when no `--schema` narrows the reading; what PostgreSQL made as part of another object (deptype
/// `i`: a range type's casts to its multirange) is that object's. Names are `pg_identify_object`'s identities, such as
/// `public.~~(anynonarray,text)` for an operator.
enum NotModelledQuery {
    /// Each kind's catalog, oid and namespace (NULL: database-wide), and the condition that picks its rows.
    static let kinds: [(kind: String, catalog: String, namespace: String?, condition: String)] = [
        ("aggregate", "pg_proc", "pronamespace", "prokind = 'a'"),
        ("base type", "pg_type", "typnamespace",
         "typtype = 'b' AND typsubscript <> 'pg_catalog.array_subscript_handler'::pg_catalog.regproc"),
        ("collation", "pg_collation", "collnamespace", "true"),
        ("conversion", "pg_conversion", "connamespace", "true"),
        ("extended statistics", "pg_statistic_ext", "stxnamespace", "true"),
        ("foreign table", "pg_class", "relnamespace", "relkind = 'f'"),
        ("operator", "pg_operator", "oprnamespace", "true"),
        ("operator class", "pg_opclass", "opcnamespace", "true"),
        ("operator family", "pg_opfamily", "opfnamespace", "true"),
        ("text search configuration", "pg_ts_config", "cfgnamespace", "true"),
        ("text search dictionary", "pg_ts_dict", "dictnamespace", "true"),
        ("text search parser", "pg_ts_parser", "prsnamespace", "true"),
        ("text search template", "pg_ts_template", "tmplnamespace", "true"),
        ("access method", "pg_am", nil, "true"),
        ("cast", "pg_cast", nil, "true"),
        ("event trigger", "pg_event_trigger", nil, "true"),
        ("foreign data wrapper", "pg_foreign_data_wrapper", nil, "true"),
        ("foreign server", "pg_foreign_server", nil, "true"),
        ("language", "pg_language", nil, "true"),
        ("publication", "pg_publication", nil, "true"),
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
        // Rules other than a view's own _RETURN, in the schema of their table.
        parts.append("""
            SELECT 'rule', 'pg_catalog.pg_rewrite'::pg_catalog.regclass, o.oid
            FROM pg_catalog.pg_rewrite o JOIN pg_catalog.pg_class c ON c.oid = o.ev_class
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE o.oid >= 16384 AND o.rulename <> '_RETURN' AND \(CatalogSQL.namespaceFilter("n"))
            """)
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
