/// What to read from a database.
public struct IntrospectionOptions: Sendable, Hashable {
    /// Schemas to read; empty reads every user schema.
    public var schemas: [String]
    /// Schemas to leave out.
    public var excludedSchemas: [String]
    /// Whether to read grants (for the opt-in privilege comparison).
    public var includePrivileges: Bool
    /// Whether to read owners (for the opt-in owner comparison).
    public var includeOwners: Bool
    /// The statement timeout of the snapshot transaction, in milliseconds.
    public var statementTimeoutMilliseconds: Int
    /// How long to wait for a lock (some catalog functions lock the relation they describe, so a
    /// session holding ACCESS EXCLUSIVE on a table would otherwise stall the read until it commits).
    public var lockTimeoutMilliseconds: Int

    /// Creates options; by default every user schema, no grants, a 60 s statement timeout and a 10 s lock timeout.
    public init(
        schemas: [String] = [], excludedSchemas: [String] = [], includePrivileges: Bool = false, includeOwners: Bool = false,
        statementTimeoutMilliseconds: Int = 60_000, lockTimeoutMilliseconds: Int = 10_000
    ) {
        self.includeOwners = includeOwners
        self.lockTimeoutMilliseconds = lockTimeoutMilliseconds
        self.schemas = schemas
        self.excludedSchemas = excludedSchemas
        self.includePrivileges = includePrivileges
        self.statementTimeoutMilliseconds = statementTimeoutMilliseconds
    }
}
