import PgDriftModel
import PgDriftPostgres

/// How big the tables a plan touches are: `pg_total_relation_size` (with indexes and TOAST; a
/// partitioned table's partitions summed) and the row estimate `reltuples`, in one query for all of
/// them, in the caller's snapshot. The names are parameters, never spliced into the SQL.
package enum TableSizesQuery {
    package static let sql = """
        SELECT w.schema, w.name,
               CASE WHEN c.relkind = 'p'
                 THEN (SELECT coalesce(sum(pg_catalog.pg_total_relation_size(t.relid)), 0)::bigint
                         FROM pg_catalog.pg_partition_tree(c.oid) t WHERE t.isleaf)
                 ELSE pg_catalog.pg_total_relation_size(c.oid) END AS bytes,
               CASE WHEN c.relkind = 'p'
                 THEN (SELECT CASE WHEN bool_or(k.reltuples < 0) THEN NULL ELSE coalesce(sum(k.reltuples), 0)::bigint END
                         FROM pg_catalog.pg_partition_tree(c.oid) t JOIN pg_catalog.pg_class k ON k.oid = t.relid WHERE t.isleaf)
                 WHEN c.reltuples < 0 THEN NULL
                 ELSE c.reltuples::bigint END AS rows
        FROM unnest($1::text[], $2::text[]) AS w(schema, name)
        JOIN pg_catalog.pg_namespace n ON n.nspname = w.schema
        JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = w.name AND c.relkind IN ('r', 'p', 'm')
        """

    /// The sizes of `tables` that exist; one round trip, none when there is no table.
    package static func read(_ tables: [QualifiedName], on connection: PostgresConnection) throws -> [QualifiedName: TableSize] {
        guard !tables.isEmpty else { return [:] }
        let result = try connection.query(sql, [PostgresArray.literal(tables.map(\.schema)), PostgresArray.literal(tables.map(\.name))])
        var sizes: [QualifiedName: TableSize] = [:]
        for row in result.rows {
            let rows = try row.optionalString("rows").flatMap { Int64($0) }
            sizes[QualifiedName(try row.string("schema"), try row.string("name"))] = TableSize(bytes: try row.int64("bytes"), rows: rows)
        }
        return sizes
    }
}
