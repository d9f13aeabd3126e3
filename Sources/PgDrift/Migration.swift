import Foundation

extension Audit {
    /// The migration that takes the database to the expected schema.
    public func plan(against connectionString: String, options: PlanOptions = PlanOptions()) throws -> MigrationPlan {
        try planWithExpected(against: connectionString, options: options).plan
    }

    /// The migration, and the expected catalog it was planned from (so `plan --apply` checks the result
    /// against it without reading the expected schema a second time).
    public func planWithExpected(
        against connectionString: String, options: PlanOptions = PlanOptions()
    ) throws -> (plan: MigrationPlan, expected: Catalog) {
        // Grants are always read for a plan: the objects it creates get their expected grants, flag or
        // not (`PlanOptions.withPrivileges` decides whether existing objects' grants are planned).
        var reading = self
        reading.diffOptions.comparePrivileges = true
        // SQL is read offline when the reader can, as `check` reads it: the planner works from the diff's
        // delta (and the catalog aligned with the database's), so it changes what the diff reports and
        // nothing that only reads differently.
        var phases = PhaseTrace()
        let loading = reading.loadExpected(reading.introspectionOptions)
        let sides = try reading.sides(against: connectionString, forPlan: true) {
            let loaded = try loading.wait()
            for note in loaded.notes { onNote?(note) }
            return loaded.catalog
        }
        phases.mark("both sides read")
        let expected = sides.expected
        let actual = sides.database.catalog.removing(matching: ignore)
        let plan = MigrationPlanner.plan(expected: expected.removing(matching: ignore), actual: actual, options: options, constants: sides.constants)
        phases.mark("planned")
        return (plan, expected)
    }
}

/// Runs a plan against a database: the plan's settings, the new enum values (each on its own), then its
/// transactional statements in one transaction (all or nothing), then the statements that must run
/// outside one, each on its own.
public enum PlanApplier {
    /// Applies `plan`; on failure nothing of the transaction is kept and the error names the statement.
    public static func apply(_ plan: MigrationPlan, to connectionString: String) throws {
        let connection = try PostgresConnection(connectionString)
        defer { connection.close() }
        try apply(plan, on: connection)
    }

    /// Applies `plan` on an open connection (which it leaves open).
    public static func apply(_ plan: MigrationPlan, on connection: PostgresConnection) throws {
        for setting in plan.settings { try connection.execute(setting) }
        try run(plan.beforeTransaction, on: connection, note: "before the transaction; nothing else was applied")
        try connection.execute("BEGIN")
        do {
            try run(plan.transactional, on: connection, note: "rolled back, nothing applied")
        } catch {
            try? connection.execute("ROLLBACK")
            throw error
        }
        try connection.execute("COMMIT")
        try run(plan.afterCommit, on: connection, note: "the transaction was committed; this statement runs after it")
    }

    /// Runs `statements` in order; a failure names the statement, its number among them, and `note`.
    private static func run(_ statements: [PlannedStatement], on connection: PostgresConnection, note: String) throws {
        for (number, statement) in statements.enumerated() {
            do {
                try connection.execute(statement.sql)
            } catch let error as PostgresError {
                throw error.applying(statement, number: number + 1, of: statements.count, note: note)
            }
        }
    }
}

extension PostgresError {
    /// The server's message, prefixed with which statement of the plan failed.
    func applying(_ statement: PlannedStatement, number: Int, of count: Int, note: String) -> PostgresError {
        var copy = self
        let firstLine = statement.sql.split(separator: "\n").first.map(String.init) ?? statement.sql
        copy.message = "statement \(number) of \(count) (\(firstLine.prefix(80))) failed (\(note)): \(message)"
        return copy
    }
}

/// `PGDRIFT_TRACE=1`: how long each phase of a run took, on standard error.
struct PhaseTrace {
    private var last = DispatchTime.now().uptimeNanoseconds

    mutating func mark(_ phase: String) {
        guard Trace.enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        Trace.note("\(String(format: "%8.1f", Double(now - last) / 1e6)) ms phase: \(phase)")
        last = now
    }
}
