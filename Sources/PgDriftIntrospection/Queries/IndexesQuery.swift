import PgDriftModel
import PgDriftPostgres

/// Indexes of tables and materialized views that do not back a constraint and are not a partition's
/// copy of its parent's index. Keys come from `IndexKeysQuery`.
enum IndexesQuery {
    static let sql = """
        SELECT i.indexrelid AS oid, i.indrelid AS relid, ic.relname AS name, am.amname AS method,
               i.indisunique AS is_unique, i.indnullsnotdistinct AS nulls_not_distinct,
               i.indnkeyatts AS key_count, ic.reloptions AS options,
               pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS predicate,
               d.description AS comment
        FROM pg_catalog.pg_index i
        JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_catalog.pg_am am ON am.oid = ic.relam
        LEFT JOIN pg_catalog.pg_description d
               ON d.classoid = 'pg_catalog.pg_class'::regclass AND d.objoid = i.indexrelid AND d.objsubid = 0
        WHERE \(CatalogSQL.namespaceFilter("n"))
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con
                          WHERE con.conindid = i.indexrelid AND con.contype IN ('p', 'u', 'x'))
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits inh WHERE inh.inhrelid = i.indexrelid)
        ORDER BY i.indrelid, ic.relname
        """

    /// An index row before its keys are attached.
    struct Entry {
        var oid: UInt32
        var relationOID: UInt32
        var keyCount: Int
        var index: Index
    }

    static func read(_ result: QueryResult) throws -> [Entry] {
        try result.rows.map { row in
            Entry(
                oid: try row.oid("oid"), relationOID: try row.oid("relid"), keyCount: try row.int("key_count"),
                index: Index(
                    name: try row.string("name"), method: try row.string("method"),
                    isUnique: try row.bool("is_unique"), nullsNotDistinct: try row.bool("nulls_not_distinct"),
                    keys: [], predicate: try row.optionalString("predicate"),
                    options: try row.stringArray("options"), comment: try row.optionalString("comment")))
        }
    }
}

/// One row per index column: the key columns (with expression text, non-default operator class and
/// collation, ordering) followed by the INCLUDE columns. Expression text is asked of
/// `pg_get_indexdef` only for expression keys.
enum IndexKeysQuery {
    // Column keys are named on the client from the columns already read: joining pg_attribute hashed
    // all 390,000 attributes of a 10,000-table database (0.26 s) to name 20,000 keys.
    static let sql = """
        SELECT i.indexrelid AS oid, i.indrelid AS relid, k.attnum AS column_number,
               CASE WHEN k.attnum = 0 THEN pg_catalog.pg_get_indexdef(i.indexrelid, k.ord::int, true) END AS expression,
               CASE WHEN NOT opc.opcdefault THEN opcn.nspname END AS opclass_schema,
               CASE WHEN NOT opc.opcdefault THEN opc.opcname END AS opclass_name,
               COALESCE(k.coll, 0) AS collation_oid, k.coll = 'pg_catalog.default'::regcollation AS default_collation,
               colln.nspname AS collation_schema, coll.collname AS collation_name,
               COALESCE(k.option & 1 = 1, false) AS descending, COALESCE(k.option & 2 = 2, false) AS nulls_first,
               -- SET STATISTICS is allowed on expression keys only: looked up for those alone.
               CASE WHEN k.attnum = 0 THEN (SELECT NULLIF(a.attstattarget, -1) FROM pg_catalog.pg_attribute a
                                            WHERE a.attrelid = i.indexrelid AND a.attnum = k.ord) END AS statistics
        FROM pg_catalog.pg_index i
        JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        CROSS JOIN LATERAL unnest(i.indkey::int2[], i.indclass::oid[], i.indoption::int2[], i.indcollation::oid[])
             WITH ORDINALITY AS k(attnum, opclass, option, coll, ord)
        LEFT JOIN pg_catalog.pg_opclass opc ON opc.oid = k.opclass
        LEFT JOIN pg_catalog.pg_namespace opcn ON opcn.oid = opc.opcnamespace
        LEFT JOIN pg_catalog.pg_collation coll ON coll.oid = k.coll
        LEFT JOIN pg_catalog.pg_namespace colln ON colln.oid = coll.collnamespace
        WHERE \(CatalogSQL.namespaceFilter("n"))
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con
                          WHERE con.conindid = i.indexrelid AND con.contype IN ('p', 'u', 'x'))
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits inh WHERE inh.inhrelid = i.indexrelid)
        ORDER BY i.indexrelid, k.ord
        """

    /// One index column, in order; its column name and collation are settled by `RelationAssembler`.
    struct Entry {
        var indexOID: UInt32
        var relationOID: UInt32
        /// 0 for an expression.
        var columnNumber: Int
        var collationOID: UInt32
        var isDefaultCollation: Bool
        var collationName: QualifiedName?
        var key: IndexKey

        /// The key's collation when it is not the one the key would have anyway: a column key's
        /// collation other than the column's, an expression key's other than the default.
        func explicitCollation(columnCollation: UInt32?) -> QualifiedName? {
            guard collationOID != 0 else { return nil }
            if columnNumber > 0 { return collationOID == columnCollation ? nil : collationName }
            return isDefaultCollation ? nil : collationName
        }
    }

    static func read(_ result: QueryResult) throws -> [Entry] {
        try result.rows.map { row in
            let key = IndexKey(
                column: nil, expression: try row.optionalString("expression"),
                operatorClass: try row.qualifiedName(schema: "opclass_schema", name: "opclass_name"),
                collation: nil, descending: try row.bool("descending"), nullsFirst: try row.bool("nulls_first"),
                statisticsTarget: try row.optionalString("statistics").flatMap { Int($0) })
            return Entry(
                indexOID: try row.oid("oid"), relationOID: try row.oid("relid"), columnNumber: try row.int("column_number"),
                collationOID: try row.oid("collation_oid"), isDefaultCollation: try row.bool("default_collation"),
                collationName: try row.qualifiedName(schema: "collation_schema", name: "collation_name"), key: key)
        }
    }
}
