import PgDriftModel
import PgDriftPostgres

/// Primary key, unique, foreign key, check and exclusion constraints declared on tables (not the
/// copies a partition or child inherits).
enum ConstraintsQuery {
    static let sql = """
        SELECT con.conrelid AS relid, con.conname AS name, con.contype AS kind,
               con.condeferrable AS deferrable, con.condeferred AS deferred,
               con.convalidated AS validated, con.connoinherit AS no_inherit,
               ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                     JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
                     ORDER BY k.ord) AS columns,
               CASE con.contype WHEN 'c' THEN pg_catalog.pg_get_expr(con.conbin, con.conrelid)
                                WHEN 'x' THEN pg_catalog.pg_get_constraintdef(con.oid) END AS expression,
               fn.nspname AS ref_schema, fc.relname AS ref_table,
               ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                     JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
                     ORDER BY k.ord) AS ref_columns,
               con.confupdtype AS on_update, con.confdeltype AS on_delete, con.confmatchtype AS match,
               COALESCE(i.indnullsnotdistinct, false) AS nulls_not_distinct,
               d.description AS comment
        FROM pg_catalog.pg_constraint con
        JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
        LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
        LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = con.conindid AND con.contype IN ('p', 'u')
        LEFT JOIN pg_catalog.pg_description d
               ON d.classoid = 'pg_catalog.pg_constraint'::regclass AND d.objoid = con.oid AND d.objsubid = 0
        WHERE con.contype IN ('p', 'u', 'f', 'c', 'x') AND con.conislocal
          AND \(CatalogSQL.namespaceFilter("n"))
        ORDER BY con.conrelid, con.conname
        """

    static func read(_ result: QueryResult) throws -> [(relationOID: UInt32, constraint: Constraint)] {
        try result.rows.map { row in
            let kind: Constraint.Kind
            switch try row.string("kind") {
            case "p": kind = .primaryKey
            case "u": kind = .unique
            case "f": kind = .foreignKey
            case "c": kind = .check
            default: kind = .exclusion
            }
            var references: ForeignKeyReference?
            if kind == .foreignKey, let table = try row.qualifiedName(schema: "ref_schema", name: "ref_table") {
                references = ForeignKeyReference(
                    table: table, columns: try row.stringArray("ref_columns"),
                    onUpdate: action(try row.string("on_update")), onDelete: action(try row.string("on_delete")),
                    match: match(try row.string("match")))
            }
            let constraint = Constraint(
                name: try row.string("name"), kind: kind,
                columns: kind == .check ? [] : try row.stringArray("columns"),
                expression: try row.optionalString("expression"), references: references,
                isDeferrable: try row.bool("deferrable"), isInitiallyDeferred: try row.bool("deferred"),
                isValidated: try row.bool("validated"),
                // connoinherit is also set on keys, which are never inherited; it means something only for checks.
                isNoInherit: try kind == .check && row.bool("no_inherit"),
                nullsNotDistinct: try row.bool("nulls_not_distinct"), comment: try row.optionalString("comment"))
            return (try row.oid("relid"), constraint)
        }
    }

    private static func action(_ code: String) -> ForeignKeyReference.Action {
        switch code {
        case "r": return .restrict
        case "c": return .cascade
        case "n": return .setNull
        case "d": return .setDefault
        default: return .noAction
        }
    }

    private static func match(_ code: String) -> ForeignKeyReference.Match {
        switch code {
        case "f": return .full
        case "p": return .partial
        default: return .simple
        }
    }
}
