/// A job pg_cron runs (`cron.job`): state an extension keeps in the database, not schema. `check`
/// reports the database's jobs as information, and compares them with the jobs the migrations schedule
/// only when asked (`--with-extension-state`).
public struct ScheduledJob: Hashable, Codable, Sendable, Comparable {
    /// `jobname`; nil for a job scheduled without one.
    public var name: String?
    /// The cron expression (`0 3 * * *`) or interval (`30 seconds`).
    public var schedule: String
    /// The SQL it runs.
    public var command: String

    public init(name: String?, schedule: String, command: String) {
        self.name = name
        self.schedule = schedule
        self.command = command
    }

    /// `nightly-vacuum (0 3 * * *): vacuum analyze public.documents`.
    public var description: String { "\(name ?? "unnamed") (\(schedule)): \(command)" }

    public static func < (a: ScheduledJob, b: ScheduledJob) -> Bool {
        (a.name ?? "\u{10FFFF}", a.schedule, a.command) < (b.name ?? "\u{10FFFF}", b.schedule, b.command)
    }
}
