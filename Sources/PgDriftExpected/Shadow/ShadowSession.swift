import Foundation
import PgDriftIntrospection
import PgDriftModel
import PgDriftPostgres
import PgDriftServer
import PgDriftSQL

/// One shadow database, in which migrations run as an ordinary role.
///
/// The role (`pgdrift_migrator`) owns the database and holds no superuser and none of the roles that
/// stand in for one, so a migration can neither run programs nor touch the server's files. It bypasses
/// row-level security, as the superuser that migrations are written for does (seed rows in a table with
/// FORCE ROW LEVEL SECURITY). pgdrift's own
/// set-up steps run as the superuser: the roles the migrations name (each an ordinary NOLOGIN role the
/// migrator is a member of, so `OWNER TO` works), and extensions only a superuser may create, from this
/// machine's extension files. On PostgreSQL 16 and later the migrator also holds CREATEROLE (which there
/// grants nothing its holder lacks); on 15, CREATEROLE could grant `pg_execute_server_program`, so
/// `CREATE ROLE` runs as a set-up step instead.
final class ShadowSession {
    /// The ordinary role migrations run as.
    static let migrator = "pgdrift_migrator"
    /// The shadow cluster's superuser: not `postgres`, so a migration's `OWNER TO postgres` names an
    /// ordinary role.
    static let superuser = "pgdrift_admin"

    /// The owners a shadow database read back that the migrations named (`OWNER TO`, `AUTHORIZATION`):
    /// what the migrator or the superuser owns is owned by whoever runs the migrations, which the
    /// migrations do not say, so it is not compared.
    static func ownersTheMigrationsNamed(_ owners: Owners) -> Owners {
        owners.filter { $0.value != migrator && $0.value != superuser }
    }

    let server: TemporaryServer
    let name: String
    /// The superuser, in the shadow database: set-up steps only.
    let admin: PostgresConnection
    /// Where migrations run: the migrator, or the superuser with `--shadow-superuser`.
    let connection: PostgresConnection
    let trustsMigrations: Bool
    private var roles: Set<String> = []
    /// The members of the extensions this machine lacks, from the audited database, for stand-ins.
    var standInSources: [String: ExtensionMembers] = [:]
    /// Extensions to treat as missing here even when their files are installed (tests).
    var unavailableExtensions: Set<String> = []
    /// What the stand-ins made so far.
    var standIns = StandInRecord()

    /// Creates the database. `trustsMigrations` runs them as the superuser (`--shadow-superuser`);
    /// `statementTimeout` bounds each statement (`--shadow-timeout`); `searchPath` is the one the
    /// migrations expect from outside (`--search-path`).
    init(server: TemporaryServer, trustsMigrations: Bool = false, statementTimeout: String? = nil, searchPath: [String]? = nil) throws {
        self.server = server
        self.trustsMigrations = trustsMigrations
        let cluster = try server.connect()
        defer { cluster.close() }
        try Self.createMigrator(on: cluster)
        name = "shadow_\(UInt32.random(in: 0...UInt32.max))"
        try cluster.execute("""
            CREATE DATABASE \(SQLQuote.identifier(name)) OWNER \(SQLQuote.identifier(Self.migrator)) TEMPLATE template0 \
            ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'
            """)
        admin = try server.connect(database: name)
        connection = try server.connect(database: name, user: trustsMigrations ? nil : Self.migrator)
        connection.discardNotices()
        admin.discardNotices()
        var settings = ["SET check_function_bodies = off"]
        if let statementTimeout { settings.append("SET statement_timeout = \(SQLQuote.literal(statementTimeout))") }
        if let searchPath { settings.append("SET search_path = " + searchPath.map(SQLQuote.identifier).joined(separator: ", ")) }
        do { try connection.execute(settings.joined(separator: "; ")) } catch let error as PostgresError {
            throw ExpectedSchemaError("--shadow-timeout or --search-path: \(error.message)")
        }
    }

    /// Drops the database.
    func close() {
        connection.close()
        admin.close()
        if let cluster = try? server.connect() {
            try? cluster.execute("DROP DATABASE IF EXISTS \(SQLQuote.identifier(name)) WITH (FORCE)")
            cluster.close()
        }
    }

    /// The migrator role, once per cluster (several sessions may race to create it).
    private static func createMigrator(on cluster: PostgresConnection) throws {
        let createRole = cluster.serverVersion >= 160000 ? "CREATEROLE" : "NOCREATEROLE"
        try cluster.execute("""
            DO $pgdrift$ BEGIN
              CREATE ROLE \(SQLQuote.identifier(migrator)) LOGIN NOSUPERUSER NOCREATEDB \(createRole) NOREPLICATION BYPASSRLS;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $pgdrift$
            """)
        if cluster.serverVersion >= 160000 {
            // Roles it creates are ones it may then own objects as (OWNER TO), as a superuser could.
            try cluster.execute("ALTER ROLE \(SQLQuote.identifier(migrator)) SET createrole_self_grant = 'set, inherit'")
        }
    }

    /// Makes sure each role exists (an ordinary NOLOGIN role when pgdrift creates it) and that the
    /// migrator may act as it. A superuser role, a reserved `pg_` role and the migrator itself are never
    /// granted to the migrator.
    func ensureRoles(_ names: [String]) throws {
        for role in names where !roles.contains(role) {
            roles.insert(role)
            guard !role.hasPrefix("pg_"), role != Self.migrator, role != server.superuser else { continue }
            try ShadowDatabase.createRole(role, on: admin)
            guard try isOrdinaryRole(role) else { continue }
            try admin.execute("""
                DO $pgdrift$ BEGIN GRANT \(SQLQuote.identifier(role)) TO \(SQLQuote.identifier(Self.migrator)) WITH ADMIN OPTION;
                EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $pgdrift$
                """)
        }
    }

    /// Whether `role` exists and is neither a superuser, a reserved `pg_` role nor the migrator.
    func isOrdinaryRole(_ role: String) throws -> Bool {
        guard !role.hasPrefix("pg_"), role != Self.migrator else { return false }
        let superuser = try admin.query("SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = $1", [role])
        return superuser.rows.first?[0] == "f"
    }

    /// Whether the extension is installed and owned by a superuser (pgdrift's set-up made it), so that
    /// only a superuser may alter, comment on or drop it.
    func extensionOwnedBySuperuser(_ name: String) throws -> Bool {
        let result = try admin.query("""
            SELECT r.rolsuper FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_roles r ON r.oid = e.extowner WHERE e.extname = $1
            """, [name])
        return result.rows.first?[0] == "t"
    }

    /// Whether `CREATE EXTENSION name` needs a superuser here (neither trusted nor harmless).
    func extensionNeedsSuperuser(_ name: String) throws -> Bool {
        let result = try admin.query(
            "SELECT coalesce(bool_and(superuser AND NOT trusted), false) FROM pg_catalog.pg_available_extension_versions WHERE name = $1",
            [name])
        return result.rows.first?[0] == "t"
    }
}
