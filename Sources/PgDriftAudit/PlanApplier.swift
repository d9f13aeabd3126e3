import PgDriftPlanner
import PgDriftPostgres

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
