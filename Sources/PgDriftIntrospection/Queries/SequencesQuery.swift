import PgDriftModel
import PgDriftPostgres

/// Sequences other than identity columns' (which belong to their column), with their owning column.
enum SequencesQuery {
    static let sql = """
        SELECT n.nspname AS schema, c.relname AS name, pg_catalog.format_type(s.seqtypid, NULL) AS data_type,
               s.seqstart AS seq_start, s.seqincrement AS seq_increment, s.seqmin AS seq_min,
               s.seqmax AS seq_max, s.seqcache AS seq_cache, s.seqcycle AS seq_cycle,
               tn.nspname AS owner_schema, tc.relname AS owner_table, ta.attname AS owner_column,
               d.description AS comment,
               \(CatalogSQL.grants(acl: "c.relacl", owner: "c.relowner", kind: "'s'")) AS grants
        FROM pg_catalog.pg_sequence s
        JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_depend dep ON dep.classid = 'pg_catalog.pg_class'::regclass AND dep.objid = c.oid
               AND dep.refclassid = 'pg_catalog.pg_class'::regclass AND dep.deptype IN ('a', 'i')
        LEFT JOIN pg_catalog.pg_class tc ON tc.oid = dep.refobjid
        LEFT JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace
        LEFT JOIN pg_catalog.pg_attribute ta ON ta.attrelid = dep.refobjid AND ta.attnum = dep.refobjsubid
        LEFT JOIN pg_catalog.pg_description d
               ON d.classoid = 'pg_catalog.pg_class'::regclass AND d.objoid = c.oid AND d.objsubid = 0
        WHERE (dep.deptype IS NULL OR dep.deptype = 'a')
          AND \(CatalogSQL.namespaceFilter("n"))
          AND NOT \(CatalogSQL.isExtensionMember(catalog: "pg_catalog.pg_class", oid: "c.oid"))
        ORDER BY n.nspname, c.relname
        """

    static func read(_ result: QueryResult) throws -> [SequenceObject] {
        try result.rows.map { row in
            var owner: SequenceOwner?
            if let table = try row.qualifiedName(schema: "owner_schema", name: "owner_table"),
                let column = try row.optionalString("owner_column")
            {
                owner = SequenceOwner(table: table, column: column)
            }
            return SequenceObject(
                name: QualifiedName(try row.string("schema"), try row.string("name")),
                dataType: DataType(try row.string("data_type")),
                options: SequenceOptions(
                    start: try row.int64("seq_start"), increment: try row.int64("seq_increment"),
                    minValue: try row.int64("seq_min"), maxValue: try row.int64("seq_max"),
                    cache: try row.int64("seq_cache"), cycle: try row.bool("seq_cycle")),
                ownedBy: owner, comment: try row.optionalString("comment"), grants: try row.grants())
        }
    }
}
