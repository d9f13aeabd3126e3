import PgDriftModel
import PgDriftPostgres

/// Reads a database's whole schema into a `Catalog`.
///
/// The cost is a fixed number of catalog queries whatever the schema's size — one per object kind,
/// never one per table — all inside one `REPEATABLE READ READ ONLY` transaction, with `search_path`
/// emptied so that the server's canonical text qualifies every user object the same way.
public struct Introspector {
    /// The server and session the model was read from.
    public struct ServerInfo: Hashable, Codable, Sendable {
        /// `server_version_num`, such as 150018.
        public var versionNumber: Int
        /// `current_database()`.
        public var database: String
        /// `current_user`: the role whose view of the catalog was read.
        public var user: String
    }

    /// Which schemas to read, whether to read grants, and the timeouts.
    public var options: IntrospectionOptions

    /// An introspector with these options (by default every user schema, no grants, 60 s / 10 s timeouts).
    public init(options: IntrospectionOptions = IntrospectionOptions()) {
        self.options = options
    }

    /// Reads the schema through `connection`, which is left open and unchanged.
    public func catalog(from connection: PostgresConnection) throws -> (catalog: Catalog, server: ServerInfo) {
        try connection.readOnlySnapshot(
            statementTimeoutMilliseconds: options.statementTimeoutMilliseconds, lockTimeoutMilliseconds: options.lockTimeoutMilliseconds
        ) {
            // search_path '' makes the server qualify every name it prints; work_mem lets the big catalog
            // queries sort in memory (the default 4MB spilled the columns of 4,000 tables to disk); no
            // parallel workers: a worker starts with cold catalog caches, and deparsing 10,000 checks
            // took 1.1 s with one worker against 0.36 s without (measured); no JIT: at 10,000 tables the
            // relations query's estimate passed jit_above_cost and compiling took 130 of its 310 ms;
            // the big reads go through cursors (`forEachRow`), planned for all their rows, not the first.
            try connection.query(
                "SELECT set_config('search_path', '', true), set_config('work_mem', '64MB', true), "
                    + "set_config('max_parallel_workers_per_gather', '0', true), set_config('jit', 'off', true), "
                    + "set_config('cursor_tuple_fraction', '1', true), "
                    + Self.pinnedOutputSettings)
            let info = try connection.query(
                "SELECT current_setting('server_version_num') AS version, current_database() AS db, current_user AS usr"
            ).rows[0]
            let server = ServerInfo(
                versionNumber: try info.int("version"), database: try info.string("db"), user: try info.string("usr"))
            return (try readCatalog(connection), server)
        }
    }

    /// The settings the server's text of constants depends on (a timestamptz default is printed in the
    /// session's TimeZone, a date in its DateStyle, an interval in its IntervalStyle, a float with
    /// extra_float_digits, money with lc_monetary, bytea with bytea_output), pinned for the
    /// transaction, so the catalog reads the same whatever the caller's session had set.
    /// Select-list items, to go in the transaction's first query.
    public static var pinnedOutputSettings: String { OutputSettings.setConfigItems }

    /// The objects of kinds pgdrift does not compare, in the whole database (a shadow database records
    /// what its extensions' stand-ins made with it).
    package static func notModelled(on connection: PostgresConnection) throws -> [String: [String]] {
        try NotModelledQuery.read(connection.query(NotModelledQuery.sql, ["{}", "{}"]))
    }

    /// The operators, casts, collations, ... of the whole database, by key (a shadow database records what
    /// its extensions' stand-ins made with it).
    package static func definedObjectKeys(on connection: PostgresConnection) throws -> Set<DefinedObject.Key> {
        Set(try DefinedObjectRows.read(connection.query(DefinedObjectsQuery.sql, ["{}", "{}"])).map(\.key))
    }

    /// The major versions whose catalogs pgdrift reads.
    public static let supportedMajors = 15...18

    /// Refuses a server older than 15, whose catalogs differ in ways pgdrift does not read, in one line.
    static func requireSupported(_ connection: PostgresConnection) throws {
        if let refusal = refusal(ofServerVersion: connection.serverVersion) { throw refusal }
    }

    /// The error for a `server_version_num` pgdrift does not read (nil: it reads it).
    public static func refusal(ofServerVersion version: Int) -> PostgresError? {
        guard version < supportedMajors.lowerBound * 10000 else { return nil }
        let text = version >= 100000 ? "\(version / 10000).\(version % 10000)" : "\(version / 10000).\(version / 100 % 100).\(version % 100)"
        return PostgresError(
            kind: .unsupportedServer,
            message: "PostgreSQL \(text) is not supported: pgdrift reads PostgreSQL \(supportedMajors.lowerBound) to \(supportedMajors.upperBound)")
    }

    func readCatalog(_ connection: PostgresConnection) throws -> Catalog {
        try Self.requireSupported(connection)
        let filter = [PostgresArray.literal(options.schemas), PostgresArray.literal(options.excludedSchemas)]
        let withGrants = filter + [options.includePrivileges ? "true" : "false"]
        func run(_ sql: String, _ parameters: [String?]) throws -> QueryResult {
            try connection.query(sql, parameters)
        }

        var catalog = Catalog()
        catalog.schemas = ObjectSet(try SchemasQuery.read(run(SchemasQuery.sql, withGrants)))
        catalog.extensions = ObjectSet(try ExtensionsQuery.read(run(ExtensionsQuery.sql, filter)))
        // pg_cron's jobs: state, not schema, reported as information (two queries, only with pg_cron).
        if catalog.extensions.contains("pg_cron") { catalog.scheduledJobs = try ScheduledJobsQuery.read(on: connection) }
        let (enums, ranges) = try EnumsQuery.read(run(EnumsQuery.sql, withGrants))
        catalog.enums = ObjectSet(enums)
        catalog.rangeTypes = ObjectSet(ranges)
        catalog.domains = ObjectSet(try DomainsQuery.read(run(DomainsQuery.sql, withGrants)))
        // One query more, and only when privileges are read.
        if options.includePrivileges {
            catalog.defaultPrivileges = ObjectSet(try DefaultPrivilegesQuery.read(run(DefaultPrivilegesQuery.sql, filter)))
        }
        // One query more, and only when owners are read.
        if options.includeOwners { catalog.owners = try OwnersQuery.read(run(OwnersQuery.sql, filter)) }
        catalog.sequences = ObjectSet(try SequencesQuery.read(run(SequencesQuery.sql, withGrants)))
        catalog.functions = ObjectSet(try FunctionsQuery.read(run(FunctionsQuery.sql, withGrants)))

        var assembler = RelationAssembler(relations: try RelationsQuery.read(run(RelationsQuery.sql, withGrants)))
        // The two biggest results are read row by row (see `PostgresConnection.forEachRow`).
        let sizes = assembler.attributeCounts
        var columns = try ColumnsQuery.read({ try connection.forEachRow(ColumnsQuery.sql(serverVersion: connection.serverVersion), withGrants, $0) }, sizes: sizes)
        let typeKeys = ColumnTypesQuery.keys(columns)
        try ColumnTypesQuery.complete(
            &columns, keys: typeKeys, result: run(ColumnTypesQuery.sql, ColumnTypesQuery.parameters(typeKeys)))
        let defaultsParameters = DefaultsQuery.parameters(filter: filter, columns: columns)
        try DefaultsQuery.complete(&columns) { try connection.forEachRow(DefaultsQuery.sql, defaultsParameters, $0) }
        assembler.attach(columns: columns)
        var constraints = try ConstraintsQuery.read(run(ConstraintsQuery.sql(serverVersion: connection.serverVersion), filter))
        let checks = CheckExpressionsQuery.groups(constraints, names: { try assembler.names($0, of: $1) })
        try CheckExpressionsQuery.complete(
            &constraints, expressionOf: checks.expressionOf,
            result: run(CheckExpressionsQuery.sql, CheckExpressionsQuery.parameters(checks.representatives)))
        try assembler.attach(constraints: constraints)
        try assembler.attach(
            indexes: try IndexesQuery.read(run(IndexesQuery.sql, filter)),
            keys: try IndexKeysQuery.read(run(IndexKeysQuery.sql, filter)))
        assembler.attach(policies: try PoliciesQuery.read(run(PoliciesQuery.sql, filter)))
        assembler.attach(triggers: try TriggersQuery.read(run(TriggersQuery.sql, filter)))
        assembler.finish(into: &catalog)
        catalog.definedObjects = ObjectSet(try DefinedObjectRows.read(run(DefinedObjectsQuery.sql, filter)))
        // What is there that pgdrift does not compare: said, not silently passed over.
        catalog.notModelled = try NotModelledQuery.read(run(NotModelledQuery.sql, filter))
        return catalog
    }
}
