import Foundation
import PgDriftExpected
import PgDriftModel
import PgDriftPlanner
import PgDriftPostgres

/// `plan --prove`: runs a plan on a throwaway copy of the database's schema, loaded with a bounded
/// sample of each affected table's rows, and counts what survives. The database itself is only read
/// (the sample, in the plan's read-only snapshot).
public enum PlanProver {
    /// The sampled rows of each table, as one JSON array each; nil for a table the role cannot read.
    public struct Sample: Sendable {
        public var rows: [QualifiedName: String?]
        public var limit: Int
    }

    /// Reads at most `limit` rows of each of `tables`: one query for the privileges, one for the rows.
    public static func sample(_ tables: [QualifiedName], limit: Int, on connection: PostgresConnection) throws -> Sample {
        guard !tables.isEmpty else { return Sample(rows: [:], limit: limit) }
        let privileges = try connection.query("""
            SELECT w.schema, w.name, pg_catalog.has_table_privilege(pg_catalog.format('%I.%I', w.schema, w.name), 'SELECT') AS readable
            FROM unnest($1::text[], $2::text[]) AS w(schema, name)
            """, [PostgresArray.literal(tables.map(\.schema)), PostgresArray.literal(tables.map(\.name))])
        var rows: [QualifiedName: String?] = [:]
        var readable: [QualifiedName] = []
        for row in privileges.rows {
            let name = QualifiedName(try row.string("schema"), try row.string("name"))
            if try row.string("readable") == "t" { readable.append(name) } else { rows[name] = .some(nil) }
        }
        guard !readable.isEmpty else { return Sample(rows: rows, limit: limit) }
        // The alias names the whole row; a column of that name would shadow it, hence the unlikely name.
        let parts = readable.enumerated().map { index, table in
            "SELECT \(index) AS n, (SELECT coalesce(pg_catalog.json_agg(pgdrift_sample_row), '[]'::json) "
                + "FROM (SELECT * FROM \(SQLQuote.qualified(table)) LIMIT \(limit)) AS pgdrift_sample_row)::text AS rows"
        }
        for row in try connection.query(parts.joined(separator: "\nUNION ALL\n")).rows {
            rows[readable[try row.int("n")]] = .some(try row.string("rows"))
        }
        return Sample(rows: rows, limit: limit)
    }

    /// Builds `catalog` (the database's) in a throwaway cluster, loads the sample, runs `plan` there
    /// statement by statement (a failure rolls back that statement alone) and compares.
    public static func prove(
        _ plan: MigrationPlan, on catalog: Catalog, sample: Sample, major: Int?, postgresBin: String?
    ) throws -> PlanProof {
        let copy = try ShadowCopy(catalog, major: major, postgresBin: postgresBin)
        defer { copy.close() }
        let connection = copy.connection
        var notes: [String] = []
        if let major, let copyMajor = copy.major, copyMajor != major {
            notes.append("The copy runs PostgreSQL \(copyMajor), the database PostgreSQL \(major) (no PostgreSQL \(major) programs here; --postgres-bin DIR names them).")
        }
        // The sample cannot hold every row a foreign key points at: the copy has none.
        let foreignKeys = try connection.query("""
            SELECT pg_catalog.format('ALTER TABLE %s DROP CONSTRAINT %I', k.conrelid::pg_catalog.regclass, k.conname) AS drop
            FROM pg_catalog.pg_constraint k WHERE k.contype = 'f'
            """).rows.map { try $0.string("drop") }
        for statement in foreignKeys { try connection.execute(statement) }
        if !foreignKeys.isEmpty { notes.append("Foreign keys are not checked on the sample (it cannot hold every row they point at).") }

        var before: [QualifiedName: ColumnCounts] = [:]
        var results: [QualifiedName: PlanProof.TableResult] = [:]
        for (table, json) in sample.rows.sorted(by: { $0.key < $1.key }) {
            guard let json else {
                results[table] = PlanProof.TableResult(table: table, rowsBefore: nil, rowsAfter: nil, valuesLost: 0, note: "no SELECT privilege")
                continue
            }
            try load(json, into: table, on: connection)
            before[table] = try ColumnCounts.read(table, on: connection)
        }

        let failures = try run(plan, on: connection)

        for (table, counts) in before {
            let after = try ColumnCounts.read(table, on: connection)
            var lost = 0
            for (number, column) in counts.columns {
                let kept = after?.columns[number]?.nonNull ?? 0
                lost += max(0, column.nonNull - kept)
            }
            results[table] = PlanProof.TableResult(table: table, rowsBefore: counts.rows, rowsAfter: after?.rows ?? 0, valuesLost: lost)
        }
        if failures.contains(where: { $0.error.hasPrefix("foreign key") }) {
            notes.append("A foreign key added by the plan may fail on the sample alone: its referenced rows were not all copied.")
        }
        return PlanProof(rowsPerTable: sample.limit, tables: results.values.sorted { $0.table < $1.table }, failures: failures, notes: notes)
    }

    /// Inserts the sampled rows, user triggers off (no code of the database runs on them), identity
    /// values kept, generated columns computed.
    private static func load(_ json: String, into table: QualifiedName, on connection: PostgresConnection) throws {
        let name = SQLQuote.qualified(table)
        let columns = try connection.query("""
            SELECT a.attname FROM pg_catalog.pg_attribute a
            WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum
            """, [name]).rows.map { SQLQuote.identifier(try $0.string("attname")) }.joined(separator: ", ")
        try connection.execute("ALTER TABLE \(name) DISABLE TRIGGER USER")
        _ = try connection.query("INSERT INTO \(name) (\(columns)) OVERRIDING SYSTEM VALUE SELECT \(columns) FROM pg_catalog.json_populate_recordset(NULL::\(name), $1::json)", [json])
        try connection.execute("ALTER TABLE \(name) ENABLE TRIGGER USER")
    }

    /// The plan's statements as `PlanApplier` runs them, minus the guard (the copy is not the database
    /// it fingerprinted); each failure is recorded and rolled back alone.
    private static func run(_ plan: MigrationPlan, on connection: PostgresConnection) throws -> [PlanProof.Failure] {
        var failures: [PlanProof.Failure] = []
        let numbers = Dictionary(plan.statements.enumerated().map { ($0.element, $0.offset + 1) }, uniquingKeysWith: { first, _ in first })
        for setting in plan.settings { try connection.execute(setting) }
        func attempt(_ statement: PlannedStatement, savepoint: Bool) throws {
            do {
                if savepoint { try connection.execute("SAVEPOINT pgdrift_proof") }
                try connection.execute(statement.sql)
                if savepoint { try connection.execute("RELEASE SAVEPOINT pgdrift_proof") }
            } catch let error as PostgresError where error.kind == .query {
                if savepoint { try connection.execute("ROLLBACK TO SAVEPOINT pgdrift_proof") } else if connection.inTransaction { try connection.execute("ROLLBACK") }
                failures.append(PlanProof.Failure(number: numbers[statement] ?? 0, sql: statement.sql, error: error.message))
            }
        }
        for statement in plan.beforeTransaction { try attempt(statement, savepoint: false) }
        try connection.execute("BEGIN")
        for statement in plan.transactional { try attempt(statement, savepoint: true) }
        try connection.execute("COMMIT")
        for statement in plan.afterCommit { try attempt(statement, savepoint: false) }
        return failures
    }
}

/// A table's rows and the non-null values of each column, by column number (which a rename or a type
/// change keeps, and a drop ends).
struct ColumnCounts {
    var rows: Int
    var columns: [Int: (name: String, nonNull: Int)]

    /// Nil when the table is gone. Generated columns are left out: the plan computes them again.
    static func read(_ table: QualifiedName, on connection: PostgresConnection) throws -> ColumnCounts? {
        let name = SQLQuote.qualified(table)
        let exists = try connection.query("SELECT pg_catalog.to_regclass($1) IS NOT NULL AS present", [name]).rows[0]
        guard try exists.string("present") == "t" else { return nil }
        let attributes = try connection.query("""
            SELECT a.attnum, a.attname FROM pg_catalog.pg_attribute a
            WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum
            """, [name]).rows.map { (try $0.int("attnum"), try $0.string("attname")) }
        let counts = (["count(*) AS n"] + attributes.map { "count(\(SQLQuote.identifier($0.1))) AS c\($0.0)" }).joined(separator: ", ")
        let row = try connection.query("SELECT \(counts) FROM \(name)").rows[0]
        var columns: [Int: (name: String, nonNull: Int)] = [:]
        for (number, column) in attributes { columns[number] = (column, try row.int("c\(number)")) }
        return ColumnCounts(rows: try row.int("n"), columns: columns)
    }
}
