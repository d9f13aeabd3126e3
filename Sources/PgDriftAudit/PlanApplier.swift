import Foundation
import PgDriftPlanner
import PgDriftPostgres
import PgDriftSQL

/// Runs a plan against a database: the plan's settings, its guard (nothing runs once what it was
/// planned from changed), the new enum values (each on its own), then its transactional statements in
/// one transaction (all or nothing), then the statements that must run outside one, each on its own.
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
        try runGuard(plan.guardStatements, on: connection)
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

    /// Runs a plan file written by `pgdrift plan` (`pgdrift apply FILE`) statement by statement, as psql
    /// with ON_ERROR_STOP would: its guard first, its own BEGIN and COMMIT; the first failure stops it
    /// and rolls back the open transaction. A file without pgdrift's guard is refused: nothing would
    /// stop it on a database that changed since.
    /// Returns false when the file has nothing to run (a plan of a database that already matched).
    @discardableResult
    public static func applyFile(_ text: String, on connection: PostgresConnection) throws -> Bool {
        let script: ParsedScript
        do {
            script = try ParsedScript(text)
        } catch let error as SQLSyntaxError {
            throw PlanRefusal.notAPlan("the file is not valid SQL (line \(error.line), column \(error.column): \(error.message))")
        }
        let statements = script.statements.map { String(decoding: script.bytes[$0.offset..<($0.offset + $0.length)], as: UTF8.self) }
        guard let first = script.statements.firstIndex(where: isGuard) else {
            // A plan with nothing to run has no guard: its settings and an empty transaction at most.
            if script.statements.allSatisfy({ $0.tag == "VariableSetStmt" || $0.tag == "TransactionStmt" }) { return false }
            throw PlanRefusal.notAPlan("the file has no pgdrift guard: write it with pgdrift plan (a plan with nothing to do has none)")
        }
        // Only the plan's settings come before the guard: nothing may change before it runs.
        if let early = script.statements[..<first].firstIndex(where: { $0.tag != "VariableSetStmt" }) {
            throw PlanRefusal.notAPlan("a statement comes before the guard: \(statements[early].prefix(60))")
        }
        for (number, statement) in statements.enumerated() {
            do {
                try connection.execute(statement)
            } catch let error as PostgresError {
                if connection.inTransaction { try? connection.execute("ROLLBACK") }
                if PlanGuard.isStale(error) { throw PlanRefusal.stale(error.message) }
                throw error.applying(statement, number: number + 1, of: statements.count,
                                     note: "the statements of its transaction were rolled back; those before it stay")
            }
        }
        return true
    }

    /// Whether a statement of a plan file is the guard `PlanFingerprint.guardStatements` writes: the DO
    /// block that records what changed and makes the session read-only.
    private static func isGuard(_ statement: ParsedScript.Statement) -> Bool {
        guard statement.tag == "DoStmt", let body = DoBlockSQL.languageAndBody(statement.node).body else { return false }
        return body.contains(PlanFingerprint.changedSetting) && body.contains("default_transaction_read_only")
    }

    /// The guard's statements; its refusal becomes `PlanRefusal.stale`.
    private static func runGuard(_ statements: [String], on connection: PostgresConnection) throws {
        for statement in statements {
            do {
                try connection.execute(statement)
            } catch let error as PostgresError where PlanGuard.isStale(error) {
                throw PlanRefusal.stale(error.message)
            }
        }
    }

    /// Runs `statements` in order; a failure names the statement, its number among them, and `note`.
    private static func run(_ statements: [PlannedStatement], on connection: PostgresConnection, note: String) throws {
        for (number, statement) in statements.enumerated() {
            do {
                try connection.execute(statement.sql)
            } catch let error as PostgresError {
                throw error.applying(statement.sql, number: number + 1, of: statements.count, note: note)
            }
        }
    }
}

/// A plan pgdrift will not run (exit 2): it no longer fits the database, or it was not written by pgdrift.
public enum PlanRefusal: Error, Sendable, CustomStringConvertible {
    /// The guard found that an object the plan depends on changed since it was written.
    case stale(String)
    /// The file is not a plan pgdrift wrote.
    case notAPlan(String)
    /// A statement would block a table larger than `--max-blocking-size`.
    case tooLarge(String)

    public var description: String {
        switch self {
        case .stale(let message): "\(message): nothing was changed; run pgdrift plan again"
        case .notAPlan(let message): "not a pgdrift plan: \(message)"
        case .tooLarge(let message): message
        }
    }
}

extension PostgresError {
    /// The server's message, prefixed with which statement of the plan failed.
    func applying(_ sql: String, number: Int, of count: Int, note: String) -> PostgresError {
        var copy = self
        let firstLine = sql.split(separator: "\n").first { !$0.hasPrefix("--") }.map(String.init) ?? sql
        copy.message = "statement \(number) of \(count) (\(firstLine.prefix(80))) failed (\(note)): \(message)"
        return copy
    }
}
