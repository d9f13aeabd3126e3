import PgDriftIntrospection
import PgDriftModel
import PgDriftPlanner
import PgDriftPostgres
import PgDriftServer

/// Builds a model into a real, empty database and reads it back: the server's own answer to "what
/// does this schema look like in canonical form". Spelling differences in the expected model (`int4`,
/// `DEFAULT 'x'` without its cast, unqualified names) disappear, so the diff compares meaning.
package enum ShadowDatabase {
    /// Creates `catalog` in the empty database behind `connection`, by the plan that takes that database
    /// to `catalog`: the one DDL renderer, which the plan corpus proves (a foreign key that leans on a
    /// unique index comes after the index). With `createRoles`, roles its policies name are created in the
    /// cluster when missing (a shadow cluster is throwaway; the connection must then be a superuser's).
    package static func build(_ catalog: Catalog, into connection: PostgresConnection, createRoles: Bool = true) throws {
        if createRoles { for role in roles(in: catalog) { try createRole(role, on: connection) } }
        let empty = try Introspector().catalog(from: connection).catalog
        var options = PlanOptions()
        options.serverVersion = connection.serverVersion
        let plan = MigrationPlanner.plan(expected: catalog, actual: empty, options: options)
        try connection.execute("SET check_function_bodies = off")
        let statements = plan.beforeTransaction + plan.transactional + plan.afterCommit
        // A model written by hand says nothing of which view reads which: its views are retried.
        var index = statements.startIndex
        while index < statements.endIndex {
            let phase = statements[index].phase
            let end = statements[index...].firstIndex { $0.phase != phase } ?? statements.endIndex
            let sql = statements[index..<end].map(\.sql)
            if phase == .views {
                try executeRetryingDependencies(sql, on: connection)
            } else {
                for statement in sql { try connection.execute(statement) }
            }
            index = end
        }
    }

    /// The canonical form of `catalog`: built in a fresh database of `server` by the same ordinary role
    /// that runs migrations, introspected, with the expected model's source locations kept.
    package static func canonicalize(
        _ catalog: Catalog, on server: TemporaryServer, options: IntrospectionOptions = IntrospectionOptions(),
        statementTimeout: String? = nil
    ) throws -> Catalog {
        let session = try ShadowSession(server: server, statementTimeout: statementTimeout)
        defer { session.close() }
        try session.ensureRoles(roles(in: catalog))
        try build(catalog, into: session.connection, createRoles: false)
        var canonical = try Introspector(options: options).catalog(from: session.connection).catalog
        canonical.sources = catalog.sources
        // The shadow made every object the migrator's: the owners are the model's own, if it names any.
        canonical.owners = catalog.owners
        return canonical
    }

    /// Creates a NOLOGIN role in the (throwaway) cluster unless it exists; roles are cluster-wide.
    static func createRole(_ role: String, on connection: PostgresConnection) throws {
        try connection.execute("""
            DO $pgdrift$ BEGIN CREATE ROLE \(SQLQuote.identifier(role)) NOLOGIN;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $pgdrift$
            """)
    }

    /// Roles named by policies, other than PUBLIC.
    static func roles(in catalog: Catalog) -> [String] {
        Set(catalog.tables.flatMap { $0.policies.flatMap(\.roles) }).subtracting(["public"]).sorted()
    }

    /// Views may select from views created later in name order: run what succeeds, then retry the rest
    /// while each round makes progress.
    private static func executeRetryingDependencies(_ statements: [String], on connection: PostgresConnection) throws {
        var pending = statements
        while !pending.isEmpty {
            var failed: [(String, Error)] = []
            for statement in pending {
                do { try connection.execute(statement) } catch { failed.append((statement, error)) }
            }
            if failed.count == pending.count { throw failed[0].1 }
            pending = failed.map(\.0)
        }
    }
}
