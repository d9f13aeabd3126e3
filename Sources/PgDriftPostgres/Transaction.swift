/// Transactions with the guarantees pgdrift promises.
extension PostgresConnection {
    /// Runs `body` inside one `REPEATABLE READ READ ONLY` transaction — one consistent snapshot that
    /// cannot write — with a statement timeout, and rolls back at the end whatever happens.
    public func readOnlySnapshot<R>(
        statementTimeoutMilliseconds: Int = 60_000, lockTimeoutMilliseconds: Int = 10_000, _ body: () throws -> R
    ) throws -> R {
        try execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        do {
            try query("SELECT set_config('statement_timeout', $1, true), set_config('lock_timeout', $2, true)",
                      [String(statementTimeoutMilliseconds), String(lockTimeoutMilliseconds)])
            let result = try body()
            try execute("ROLLBACK")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Runs `body` in one read-write transaction with a lock timeout; commits only when it returns.
    public func writeTransaction<R>(lockTimeoutMilliseconds: Int = 5_000, _ body: () throws -> R) throws -> R {
        try execute("BEGIN")
        do {
            try query("SELECT set_config('lock_timeout', $1, true)", [String(lockTimeoutMilliseconds)])
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }
}
