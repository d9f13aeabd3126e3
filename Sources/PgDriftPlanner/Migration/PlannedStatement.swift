/// One statement of a plan, with what a reviewer should know about it.
public struct PlannedStatement: Hashable, Sendable {
    /// Where it runs in the plan's order.
    public var phase: PlanPhase
    /// The SQL, ending with a semicolon.
    public var sql: String
    /// What a reviewer should know, one sentence each (written as comments above the statement).
    public var hazards: [String]
    /// The locks it takes on existing tables, and whether it rewrites or scans them, as data (written as
    /// comments with each table's size, and listed in `plan --format json`).
    public var tableHazards: [TableHazard]
    /// Why the statement can lose data, when it can.
    public var destructive: String?
    /// Set when the statement is left out of the plan (written as a comment): destructive without
    /// `--allow-destructive`, or beyond what pgdrift can do safely by itself.
    public var skipped: Skip?

    /// Why a statement is not run.
    public enum Skip: Hashable, Sendable {
        /// It can lose data; `--allow-destructive` runs it.
        case destructive
        /// A person must decide (for instance a partition key change).
        case manual(String)
    }

    /// A statement as the planner emits it.
    public init(
        phase: PlanPhase, sql: String, hazards: [String] = [], tableHazards: [TableHazard] = [], destructive: String? = nil, skipped: Skip? = nil
    ) {
        self.phase = phase
        self.tableHazards = tableHazards
        self.sql = sql
        self.hazards = hazards
        self.destructive = destructive
        self.skipped = skipped
    }

    /// Whether the statement runs when the plan is applied.
    public var runs: Bool { skipped == nil }
}
