import PgDriftModel
import PgDriftPostgres
import PgDriftServer

/// A throwaway copy of a database's schema (`plan --prove`): the catalog built into a fresh database
/// of a throwaway cluster by the same planner as any shadow, as the ordinary migrator role, with the
/// catalog's extensions installed first from this machine's files by the cluster's superuser.
/// Nothing of it runs as a superuser but those extensions' own scripts.
package final class ShadowCopy {
    private let server: TemporaryServer
    private let session: ShadowSession

    /// The copy's PostgreSQL major version (another than the database's when this machine lacks it).
    package let major: Int?

    /// Where the copy is: the migrator, which owns every table of it.
    package var connection: PostgresConnection { session.connection }

    /// Builds `catalog` in a cluster of `major` (the audited database's), or of whatever PostgreSQL this
    /// machine has (`postgresBin` names one).
    package init(_ catalog: Catalog, major: Int?, postgresBin: String?) throws {
        let binaries = try PostgresBinaries.locate(major: major, explicit: postgresBin)
        self.major = binaries.majorVersion
        server = try TemporaryServer(binaries: binaries, superuser: ShadowSession.superuser)
        do {
            session = try ShadowSession(server: server)
            try session.ensureRoles(ShadowDatabase.roles(in: catalog))
            for schema in Set(catalog.extensions.map(\.schema)).sorted() where schema != "public" && schema != "pg_catalog" {
                try session.admin.execute("CREATE SCHEMA IF NOT EXISTS \(SQLQuote.identifier(schema)) AUTHORIZATION \(SQLQuote.identifier(ShadowSession.migrator))")
            }
            for ext in catalog.extensions {
                do {
                    try session.admin.execute("CREATE EXTENSION IF NOT EXISTS \(SQLQuote.identifier(ext.name)) WITH SCHEMA \(SQLQuote.identifier(ext.schema))")
                } catch let error as PostgresError {
                    throw ExpectedSchemaError("the copy needs extension \(ext.name), which this machine cannot install: \(error.message)")
                }
            }
            try ShadowDatabase.build(catalog, into: session.connection, createRoles: false)
        } catch {
            server.stop()
            throw error
        }
    }

    /// A connection to the copy as its superuser (pgdrift's own steps only: never the plan, never data).
    package func adminConnection() -> PostgresConnection { session.admin }

    /// Drops the copy and stops its cluster.
    package func close() {
        session.close()
        server.stop()
    }
}
