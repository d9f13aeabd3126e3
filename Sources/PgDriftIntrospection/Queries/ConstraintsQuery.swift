import PgDriftModel
import PgDriftPostgres

/// Primary key, unique, foreign key, check and exclusion constraints declared on tables (not the
/// copies a partition or child inherits).
enum ConstraintsQuery {
    /// The query for a server of this `server_version_num`: PostgreSQL 18 adds `conenforced` and `conperiod`.
    static func sql(serverVersion: Int) -> String {
        sql.replacingOccurrences(
            of: "true AS enforced, false AS period,",
            with: serverVersion >= 180000 ? "con.conenforced AS enforced, con.conperiod AS period," : "true AS enforced, false AS period,")
    }

    static let sql = """
        SELECT con.oid, con.conrelid AS relid, con.conname AS name, con.contype AS kind,
               con.condeferrable AS deferrable, con.condeferred AS deferred,
               con.convalidated AS validated, con.connoinherit AS no_inherit,
               true AS enforced, false AS period,
               -- Attribute numbers, named on the client from the columns already read: two correlated
               -- subqueries per constraint cost 1 s of server time at 10,000 tables.
               -- (For a check, the columns its expression names.)
               con.conkey AS column_numbers,
               -- A check's stored tree: deparsed by `CheckExpressionsQuery`, once per distinct tree.
               CASE WHEN con.contype = 'x' THEN pg_catalog.pg_get_constraintdef(con.oid) END AS definition,
               CASE WHEN con.contype = 'c' THEN con.conbin END AS check_tree,
               con.confrelid AS ref_relid, fn.nspname AS ref_schema, fc.relname AS ref_table, con.confkey AS ref_numbers,
               -- A referenced table outside the schemas read has no columns on the client: named here.
               CASE WHEN con.contype = 'f' AND NOT (\(CatalogSQL.namespaceFilter("fn"))) THEN ARRAY(
                   SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                   JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
                   ORDER BY k.ord) END AS ref_columns,
               con.confupdtype AS on_update, con.confdeltype AS on_delete, con.confmatchtype AS match,
               con.confdelsetcols AS delete_set_numbers,
               COALESCE(i.indnullsnotdistinct, false) AS nulls_not_distinct, ic.reloptions AS index_options,
               d.description AS comment
        FROM pg_catalog.pg_constraint con
        JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
        LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
        LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = con.conindid AND con.contype IN ('p', 'u')
        LEFT JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
        LEFT JOIN pg_catalog.pg_description d
               ON d.classoid = 'pg_catalog.pg_constraint'::regclass AND d.objoid = con.oid AND d.objsubid = 0
        WHERE con.contype IN ('p', 'u', 'f', 'c', 'x') AND con.conislocal
          AND \(CatalogSQL.namespaceFilter("n"))
        ORDER BY con.conrelid, con.conname
        """

    /// A constraint whose columns are still attribute numbers (named by `RelationAssembler`), and a
    /// check whose expression is still its stored tree (deparsed by `CheckExpressionsQuery`).
    struct Entry {
        var oid: UInt32
        var relationOID: UInt32
        /// A check's `conbin` (nil once its expression is set, and for other kinds).
        var checkTree: String?
        /// The attribute numbers a check's expression names.
        var checkNumbers: [Int] = []
        var columnNumbers: [Int]
        var referencedOID: UInt32
        /// The referenced columns' numbers, or their names when the query gave them.
        var referencedNumbers: [Int]
        /// `ON DELETE SET NULL (cols)`: numbers of the constraint's own columns.
        var deleteSetNumbers: [Int]
        var constraint: Constraint
    }

    static func read(_ result: QueryResult) throws -> [Entry] {
        try result.rows.map { row in
            let kind: Constraint.Kind
            switch try row.string("kind") {
            case "p": kind = .primaryKey
            case "u": kind = .unique
            case "f": kind = .foreignKey
            case "c": kind = .check
            default: kind = .exclusion
            }
            // A NOT ENFORCED constraint is never validated: NOT VALID means nothing for it.
            let enforced = try row.bool("enforced")
            let validated = try row.bool("validated") || !enforced
            let noInherit = try row.bool("no_inherit")
            var references: ForeignKeyReference?
            if kind == .foreignKey, let table = try row.qualifiedName(schema: "ref_schema", name: "ref_table") {
                references = ForeignKeyReference(
                    table: table, columns: try row.stringArray("ref_columns"),
                    onUpdate: action(try row.string("on_update")), onDelete: action(try row.string("on_delete")),
                    match: match(try row.string("match")))
            }
            let expression = try row.optionalString("definition")
            var constraint = Constraint(
                name: try row.string("name"), kind: kind, columns: [],
                expression: expression, references: references,
                isDeferrable: try row.bool("deferrable"), isInitiallyDeferred: try row.bool("deferred"),
                isValidated: validated,
                // connoinherit is also set on keys, which are never inherited; it means something only for checks.
                isNoInherit: kind == .check && noInherit,
                nullsNotDistinct: try row.bool("nulls_not_distinct"), comment: try row.optionalString("comment"),
                indexOptions: try row.stringArray("index_options"))
            constraint.isEnforced = enforced
            constraint.isTemporal = try row.bool("period")
            return Entry(
                oid: try row.oid("oid"), relationOID: try row.oid("relid"),
                checkTree: kind == .check ? try row.string("check_tree") : nil,
                checkNumbers: kind == .check ? try row.attributeNumbers("column_numbers") : [],
                columnNumbers: kind == .check ? [] : try row.attributeNumbers("column_numbers"),
                referencedOID: try row.oid("ref_relid"),
                referencedNumbers: references?.columns.isEmpty == true ? try row.attributeNumbers("ref_numbers") : [],
                deleteSetNumbers: kind == .foreignKey && row["delete_set_numbers"] != nil ? try row.attributeNumbers("delete_set_numbers") : [],
                constraint: constraint)
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
