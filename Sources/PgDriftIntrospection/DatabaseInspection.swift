import PgDriftModel
import PgDriftPostgres

/// A database's schema and what the connected role can reach of it, read from one snapshot.
public struct DatabaseInspection: Sendable {
    /// The schema, as every role sees it in pg_catalog.
    public var catalog: Catalog
    /// The server version, database and role the snapshot was read with.
    public var server: Introspector.ServerInfo
    /// What the connected role may use: schemas, tables and columns it lacks privileges on.
    public var access: RoleAccess
}

extension Introspector {
    /// Reads the schema (as `catalog(from:)` does) and the role's access, in one `REPEATABLE READ READ
    /// ONLY` transaction: three more catalog queries, whatever the schema's size. `also` runs last, in
    /// the same snapshot, with search_path empty, given what was read (for a command's own queries).
    /// `access: false` leaves the role's access out (`plan` has no use for it; it costs a privilege check
    /// per relation and column).
    public func inspect<Extra>(
        from connection: PostgresConnection, access readingAccess: Bool = true,
        also: (PostgresConnection, DatabaseInspection) throws -> Extra
    ) throws -> (inspection: DatabaseInspection, extra: Extra) {
        try connection.readOnlySnapshot(
            statementTimeoutMilliseconds: options.statementTimeoutMilliseconds, lockTimeoutMilliseconds: options.lockTimeoutMilliseconds
        ) {
            // The session's search_path is the role's; read it before emptying it.
            let session = try connection.query(AccessQuery.session)
            try connection.query("SELECT set_config('search_path', '', true), " + Self.pinnedOutputSettings)
            let info = try connection.query(
                "SELECT current_setting('server_version_num') AS version, current_database() AS db, current_user AS usr"
            ).rows[0]
            let server = ServerInfo(
                versionNumber: try info.int("version"), database: try info.string("db"), user: try info.string("usr"))
            let catalog = try readCatalog(connection)
            let access = readingAccess
                ? try AccessQuery.read(
                    session: session, schemas: try connection.query(AccessQuery.schemas),
                    relations: try connection.query(AccessQuery.relations))
                : RoleAccess(role: server.user)
            let inspection = DatabaseInspection(catalog: catalog, server: server, access: access)
            return (inspection, try also(connection, inspection))
        }
    }

    /// The schema and the role's access, in one snapshot.
    public func inspect(from connection: PostgresConnection) throws -> DatabaseInspection {
        try inspect(from: connection, also: { _, _ in () }).inspection
    }
}
