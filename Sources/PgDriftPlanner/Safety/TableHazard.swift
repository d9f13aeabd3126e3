import PgDriftModel

/// A lock PostgreSQL takes on a table, from the weakest a plan takes to the strongest.
public enum TableLock: String, Hashable, Sendable, CaseIterable {
    case shareUpdateExclusive = "SHARE UPDATE EXCLUSIVE"
    case share = "SHARE"
    case shareRowExclusive = "SHARE ROW EXCLUSIVE"
    case accessExclusive = "ACCESS EXCLUSIVE"

    /// Whether other sessions' INSERT, UPDATE and DELETE wait while it is held.
    public var blocksWrites: Bool { self != .shareUpdateExclusive }
    /// Whether other sessions' SELECT waits too.
    public var blocksReads: Bool { self == .accessExclusive }

    /// What waits while it is held, for JSON: `reads and writes`, `writes`, `nothing`.
    public var blocks: String { blocksReads ? "reads and writes" : blocksWrites ? "writes" : "nothing" }
}

/// What a statement does to a table that already exists (and may hold rows), as data: the lock it
/// takes, and whether it rewrites or reads every row while holding it. A table the plan creates has no
/// hazard (it is empty).
public struct TableHazard: Hashable, Sendable {
    /// The work done under the lock.
    public enum Work: String, Hashable, Sendable {
        /// Every row is written again (and the indexes rebuilt): time and disk in the table's size.
        case rewrite
        /// Every row is read (to check a constraint, or to build an index): time in the table's size.
        case scan
        /// Only the lock: brief, but held until COMMIT inside the plan's transaction.
        case lock
    }

    public var table: QualifiedName
    public var work: Work
    public var lock: TableLock
    /// `--online` plans the change without this hazard (CREATE INDEX CONCURRENTLY; NOT VALID, then
    /// VALIDATE after the transaction).
    public var onlineAvoids: Bool
    /// Why it happens, when that helps: `every row gets an identity value`.
    public var reason: String?

    public init(table: QualifiedName, work: Work, lock: TableLock, onlineAvoids: Bool = false, reason: String? = nil) {
        self.table = table
        self.work = work
        self.lock = lock
        self.onlineAvoids = onlineAvoids
        self.reason = reason
    }

    /// Rewrites the table under ACCESS EXCLUSIVE.
    public static func rewrite(_ table: QualifiedName, because reason: String? = nil) -> TableHazard {
        TableHazard(table: table, work: .rewrite, lock: .accessExclusive, reason: reason)
    }

    /// Reads every row under `lock`.
    public static func scan(_ table: QualifiedName, _ lock: TableLock, onlineAvoids: Bool = false, because reason: String? = nil) -> TableHazard {
        TableHazard(table: table, work: .scan, lock: lock, onlineAvoids: onlineAvoids, reason: reason)
    }

    /// Only the lock.
    public static func lock(_ table: QualifiedName, _ lock: TableLock = .accessExclusive, onlineAvoids: Bool = false, because reason: String? = nil) -> TableHazard {
        TableHazard(table: table, work: .lock, lock: lock, onlineAvoids: onlineAvoids, reason: reason)
    }

    /// Whether other sessions wait on it for a time that grows with the table: a rewrite or a scan
    /// under a lock that blocks writes.
    public var blocksForTableSize: Bool { work != .lock && lock.blocksWrites }

    /// One line for the plan's comments: `rewrites public.events (41 GB, ~300M rows) under ACCESS
    /// EXCLUSIVE until COMMIT`. `inTransaction`: the lock lasts until COMMIT rather than the statement.
    public func sentence(size: TableSize?, inTransaction: Bool, online: Bool) -> String {
        var line = summary(size: size)
        line += lock.blocksWrites
            ? (inTransaction ? " until COMMIT" : " until it finishes") + (lock.blocksReads ? ", blocking reads and writes" : ", blocking writes")
            : ", which lets reads and writes go on"
        if let reason { line += ": " + reason }
        if onlineAvoids && !online { line += " (--online avoids it)" }
        return line
    }

    /// `rewrites public.events (41 GB, ~300M rows) under ACCESS EXCLUSIVE`.
    public func summary(size: TableSize?) -> String {
        let verb = switch work {
        case .rewrite: "rewrites"
        case .scan: "scans"
        case .lock: "locks"
        }
        return "\(verb) \(table)" + (size.map { " (\($0.description))" } ?? "") + " under \(lock.rawValue)"
    }
}
