import PgDriftModel

/// The migration that takes the database to the expected schema: ordered statements, the ones left out
/// and why, rendered as one SQL file that runs in a single transaction (except what PostgreSQL refuses
/// to run in one).
public struct MigrationPlan: Hashable, Sendable {
    /// The options the plan was made with (its settings come from them).
    public var options: PlanOptions
    /// Every statement in order, skipped ones included.
    public var statements: [PlannedStatement]

    /// Migrations the tool's history does not list yet: the plan leaves them to the tool (issue 19).
    public var pending: PendingMigrations?

    /// The objects the plan was computed from (set by the planner); a change to one makes it stale.
    public var dependencies: [PlanDependency] = []
    /// Their state when the plan was made, read from the database: the plan then starts with a guard
    /// that refuses to run once they changed. Nil for a plan not read from a database.
    public var fingerprint: PlanFingerprint?
    /// The size of every table a statement rewrites, scans or locks, read with the catalog. Empty for a
    /// plan not read from a database.
    public var tableSizes: [QualifiedName: TableSize] = [:]
    /// What running it on a throwaway copy with a sample of the rows showed (`plan --prove`).
    public var proof: PlanProof?

    /// A plan of these statements, in this order.
    public init(options: PlanOptions, statements: [PlannedStatement]) {
        self.options = options
        self.statements = statements
    }

    /// The statements that run before the transaction, each on its own (new enum values).
    public var beforeTransaction: [PlannedStatement] { statements.filter { $0.runs && $0.phase == .beforeTransaction } }
    /// The statements that run, in the transaction.
    public var transactional: [PlannedStatement] { statements.filter { $0.runs && $0.phase.runsInTransaction } }
    /// The statements that run after COMMIT, each on its own.
    public var afterCommit: [PlannedStatement] { statements.filter { $0.runs && $0.phase == .afterCommit } }
    /// Statements left out: destructive ones without `--allow-destructive`, and manual ones.
    public var skipped: [PlannedStatement] { statements.filter { !$0.runs } }

    /// How many statements run, in and outside the transaction.
    public var runningCount: Int { beforeTransaction.count + transactional.count + afterCommit.count }

    /// Nothing to run (there may still be skipped statements).
    public var isEmpty: Bool { statements.allSatisfy { !$0.runs } }

    /// Its statements, phases and whether each runs, as one text: two plans with equal texts do the same
    /// (a fleet's members that share a plan).
    public var statementsKey: String {
        statements.map { "\($0.phase.rawValue)\u{1F}\($0.runs)\u{1F}\($0.sql)" }.joined(separator: "\u{1E}")
    }

    /// The session settings the plan runs with.
    public var settings: [String] {
        [
            "SET lock_timeout = \(SQLQuote.literal(options.lockTimeout));",
            "SET statement_timeout = \(SQLQuote.literal(options.statementTimeout));",
            // Function bodies may name tables the plan creates later.
            "SET check_function_bodies = off;",
        ]
    }

    /// The statements that run first, before anything changes: the guard (when the plan has a fingerprint).
    public var guardStatements: [String] { isEmpty ? [] : fingerprint?.guardStatements ?? [] }

    /// The tables that running statements rewrite, and those they scan under a lock that blocks
    /// writes, each once, in order.
    public var blockingTables: (rewritten: [QualifiedName], scanned: [QualifiedName]) {
        let running = statements.filter(\.runs).flatMap(\.tableHazards)
        let rewritten = Set(running.filter { $0.work == .rewrite }.map(\.table))
        let scanned = Set(running.filter { $0.work == .scan && $0.lock.blocksWrites }.map(\.table)).subtracting(rewritten)
        return (rewritten.sorted(), scanned.sorted())
    }

    /// The plan as a SQL file. `header` lines become comments at the top.
    public func render(header: [String] = []) -> String {
        var lines = header.map { "-- " + $0 }
        if let pending, !pending.files.isEmpty {
            lines.append("-- \(pending.files.count) pending migration\(pending.files.count == 1 ? "" : "s"), not in \(pending.table)'s history and "
                + "not re-implemented here: apply \(pending.files.count == 1 ? "it" : "them") with \(pending.command) after this plan.")
            lines += pending.files.map { "--   \($0)" }
        }
        if let fingerprint, !guardStatements.isEmpty {
            lines.append("-- Fingerprint \(fingerprint.digest) of the \(fingerprint.digests.count) object\(fingerprint.digests.count == 1 ? "" : "s") "
                + "it was planned from: the guard below refuses to run once one of them changed.")
        }
        if let proof { lines += proof.lines.map { "-- " + $0 } }
        let runCount = runningCount
        lines.append("-- \(runCount) statement\(runCount == 1 ? "" : "s")"
            + (skipped.isEmpty ? "" : ", \(skipped.count) left out (see the comments marked SKIPPED)") + ".")
        if isEmpty && skipped.isEmpty {
            lines.append(pending?.files.isEmpty == false
                ? "-- Besides the pending migrations, the database matches what the history says was applied: nothing to do."
                : "-- The database already matches the expected schema: nothing to do.")
            return lines.joined(separator: "\n") + "\n"
        }
        lines += blockingSummary
        lines.append("-- Each ALTER TABLE holds an ACCESS EXCLUSIVE lock on its table until COMMIT; lock_timeout makes the plan")
        lines.append("-- give up rather than queue behind a long transaction. Statements that rewrite or scan a table say so.")
        lines.append("")
        lines += settings
        let guardStatements = guardStatements
        if !guardStatements.isEmpty {
            lines += ["", "-- The guard: stops here, changing nothing, if an object the plan depends on changed since it was written."]
            lines += guardStatements
        }
        let before = section(.beforeTransaction, [
            "PostgreSQL refuses to use an enum value added in the same",
            "transaction, so new values are committed first (each alone; IF NOT EXISTS makes a rerun skip them).",
        ])
        if !before.isEmpty { lines += before + [""] }
        lines.append("BEGIN;")
        var phase: PlanPhase?
        for statement in statements where statement.phase.runsInTransaction {
            if statement.phase != phase {
                lines.append("")
                lines.append("-- \(statement.phase.title)")
                phase = statement.phase
            }
            lines += render(statement)
        }
        lines.append("")
        lines.append("COMMIT;")
        lines += section(.afterCommit, [
            "CREATE INDEX CONCURRENTLY cannot run in a transaction block,",
            "and validating after COMMIT keeps the validation's scan out of the transaction's locks.",
        ])
        return lines.joined(separator: "\n") + "\n"
    }

    /// The statements of a phase that runs outside the transaction, under a heading that says why
    /// (`why` continues `-- title: `); nothing when the phase has none.
    private func section(_ phase: PlanPhase, _ why: [String]) -> [String] {
        let members = statements.filter { $0.phase == phase }
        guard !members.isEmpty else { return [] }
        var lines = ["", "-- \(phase.title): \(why[0])"] + why.dropFirst().map { "-- " + $0 }
        for statement in members { lines += render(statement) }
        return lines
    }

    /// The running statements that rewrite or scan, under a lock that blocks writes, a table larger than
    /// `bytes` (`--max-blocking-size`), with their number in the plan and the hazard.
    public func blocking(beyond bytes: Int64) -> [(number: Int, statement: PlannedStatement, hazard: TableHazard)] {
        statements.enumerated().flatMap { offset, statement in
            statement.runs
                ? statement.tableHazards.filter { $0.blocksForTableSize && (tableSizes[$0.table]?.bytes ?? 0) > bytes }
                    .map { (offset + 1, statement, $0) }
                : []
        }
    }

    /// The summary at the top: what the plan rewrites and what it scans while blocking writes, with sizes.
    var blockingSummary: [String] {
        let (rewritten, scanned) = blockingTables
        var lines: [String] = []
        for (verb, tables, how) in [("Rewrites", rewritten, ""), ("Scans", scanned, " while blocking writes")] where !tables.isEmpty {
            let sizes = tables.compactMap { tableSizes[$0] }
            let total = sizes.count == tables.count ? " (\(TableSize.bytes(sizes.map(\.bytes).reduce(0, +))) in all)" : ""
            // The largest first; a long list names five and counts the rest (each statement names its own).
            let largest = tables.sorted { (tableSizes[$0]?.bytes ?? 0, $1) > (tableSizes[$1]?.bytes ?? 0, $0) }
            let names = largest.prefix(5).map { table in tableSizes[table].map { "\(table) (\($0.description))" } ?? table.description }
            let more = tables.count > 5 ? " and \(tables.count - 5) more" : ""
            lines.append("-- \(verb) \(tables.count) table\(tables.count == 1 ? "" : "s")\(how)\(total): \(names.joined(separator: ", "))\(more).")
        }
        return lines
    }

    /// What a statement does to tables, one line per table, with their sizes when known.
    public func hazardLines(_ statement: PlannedStatement) -> [String] {
        statement.tableHazards.map {
            $0.sentence(size: tableSizes[$0.table], inTransaction: statement.phase.runsInTransaction, online: options.online)
        } + statement.hazards
    }

    /// A statement with its comments; a skipped one entirely commented out.
    func render(_ statement: PlannedStatement) -> [String] {
        var lines = hazardLines(statement).map { "-- " + $0 }
        switch statement.skipped {
        case nil:
            lines += statement.sql.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        case .destructive:
            lines.append("-- SKIPPED (destructive: \(statement.destructive ?? "can lose data"); rerun with --allow-destructive):")
            lines += statement.sql.split(separator: "\n", omittingEmptySubsequences: false).map { "-- " + $0 }
        case .manual(let reason):
            lines.append("-- SKIPPED (needs a person: \(reason)):")
            lines += statement.sql.split(separator: "\n", omittingEmptySubsequences: false).map { "-- " + $0 }
        }
        return lines
    }
}

/// The migrations a plan leaves to the migration tool: the files its history does not list yet.
public struct PendingMigrations: Hashable, Sendable {
    /// The files, in the order they run.
    public var files: [String]
    /// The history table, `supabase_migrations.schema_migrations`.
    public var table: String
    /// How the tool runs them: `supabase db push`.
    public var command: String

    public init(files: [String], table: String, command: String) {
        self.files = files
        self.table = table
        self.command = command
    }
}
