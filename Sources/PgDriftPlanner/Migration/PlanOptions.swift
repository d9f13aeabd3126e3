/// What a plan may do and how it runs.
public struct PlanOptions: Sendable, Hashable {
    /// Emit statements that can lose data (DROP TABLE/COLUMN/SEQUENCE/TYPE, type narrowing, enum value
    /// removal). Without it they are written as comments that say why.
    public var allowDestructive: Bool
    /// Avoid long locks: CREATE INDEX CONCURRENTLY, constraints added NOT VALID and validated after the
    /// transaction, NOT NULL through a validated check.
    public var online: Bool
    /// Rename a column when a missing and an extra column of one table pair up unambiguously, instead of
    /// dropping one and adding the other.
    public var renames: Bool
    /// `--with-privileges`: GRANT and REVOKE on every object and ALTER DEFAULT PRIVILEGES, to the
    /// expected grants. Without it only the objects the plan creates get their expected grants.
    public var withPrivileges: Bool
    /// `--with-owners`: ALTER … OWNER TO for every object whose expected owner is known and differs, and
    /// for the objects the plan creates. Without it owners are left alone.
    public var withOwners: Bool
    /// `SET lock_timeout` at the top of the plan: give up rather than queue behind a long transaction.
    public var lockTimeout: String
    /// `SET statement_timeout` at the top of the plan.
    public var statementTimeout: String
    /// The target server's `server_version_num`, when known: from 18 on, NOT NULL constraints are added
    /// by name (`ADD CONSTRAINT name NOT NULL column [NOT VALID]`). Unknown: judged by whether the
    /// database's catalog names them.
    public var serverVersion: Int?

    /// Options; by default nothing destructive, not online, no renames, 5 s lock and 30 min statement timeouts.
    public init(
        allowDestructive: Bool = false, online: Bool = false, renames: Bool = false, withPrivileges: Bool = false,
        withOwners: Bool = false, lockTimeout: String = "5s", statementTimeout: String = "30min"
    ) {
        self.withOwners = withOwners
        self.withPrivileges = withPrivileges
        self.allowDestructive = allowDestructive
        self.online = online
        self.renames = renames
        self.lockTimeout = lockTimeout
        self.statementTimeout = statementTimeout
    }
}
