import PgDriftModel
import PgDriftPlanner
import PgDriftPostgres
import PgDriftReports

/// `pgdrift plan` as one call: plan, refuse what would block a table larger than the limit, hand the
/// plan to be written, prove it on a copy, apply it, and check again.
public struct PlanRun {
    public var audit: Audit
    public var options: PlanOptions
    /// `--max-blocking-size`, in bytes.
    public var maxBlockingBytes: Int64?
    /// `--prove-rows` when `--prove` is given.
    public var proveRows: Int?
    /// `--apply`.
    public var apply: Bool

    public init(audit: Audit, options: PlanOptions, maxBlockingBytes: Int64? = nil, proveRows: Int? = nil, apply: Bool = false) {
        self.audit = audit
        self.options = options
        self.maxBlockingBytes = maxBlockingBytes
        self.proveRows = proveRows
        self.apply = apply
    }

    /// What happened.
    public struct Outcome: Sendable {
        public var plan: MigrationPlan
        /// Whether the proof found lost data (without `--allow-destructive`) or a failing statement:
        /// then nothing was applied.
        public var proofFailed: Bool
        /// The statements applied (`--apply`), nil when nothing was.
        public var applied: Int?
        /// The check after `--apply`.
        public var recheck: DriftReport?
    }

    /// Runs it against `connectionString`. `write` gets the plan as soon as it is made and checked
    /// against the limit (before anything is applied); `progress` gets one line per step.
    public func run(
        against connectionString: String, write: (MigrationPlan) throws -> Void, progress: (String) -> Void
    ) throws -> Outcome {
        let (plan, expected) = try audit.planWithExpected(against: connectionString, options: options, proveRows: proveRows)
        if let maxBlockingBytes { try Self.refuseBlocking(plan, beyond: maxBlockingBytes) }
        try write(plan)
        var outcome = Outcome(plan: plan, proofFailed: false)
        if let proof = plan.proof {
            for line in proof.lines { progress(line.trimmingCharacters(in: .whitespaces)) }
            outcome.proofFailed = (proof.losesData && !options.allowDestructive) || !proof.failures.isEmpty
            if outcome.proofFailed {
                if apply { progress("not applied: the proof found lost data or a failing statement") }
                return outcome
            }
        }
        guard apply else { return outcome }
        if plan.isEmpty {
            progress("nothing to apply")
        } else {
            // (The message's count leaves out new enum values, committed just before the transaction.)
            progress("applying \(plan.transactional.count + plan.afterCommit.count) statements in one transaction")
            try PlanApplier.apply(plan, to: connectionString)
            outcome.applied = plan.runningCount
        }
        // Checked against the expected catalog the plan was made from (not read again).
        outcome.recheck = try audit.run(against: connectionString, expected: expected)
        return outcome
    }

    /// `--max-blocking-size`: one line naming the first statement beyond it, and what would avoid it.
    static func refuseBlocking(_ plan: MigrationPlan, beyond limit: Int64) throws {
        let beyond = plan.blocking(beyond: limit)
        guard let (number, statement, hazard) = beyond.first else { return }
        let line = statement.sql.split(separator: "\n").first.map(String.init) ?? statement.sql
        let way = hazard.onlineAvoids && !plan.options.online
            ? "--online plans it without blocking writes"
            : "no online form exists: split it by hand, or raise --max-blocking-size"
        let others = Set(beyond.map(\.number)).count - 1
        throw PlanRefusal.tooLarge(
            "refusing statement \(number) (\(line.prefix(80))): it \(hazard.summary(size: plan.tableSizes[hazard.table])), "
            + "beyond --max-blocking-size \(TableSize.bytes(limit))\(others > 0 ? " (\(others) more statement\(others == 1 ? "" : "s") too)" : ""); \(way)")
    }
}
