import AnalyticsExample
import ArgumentParser
import Foundation
import PgDrift

/// `pgdrift demo`: pgdrift's whole job on a throwaway PostgreSQL, with nothing to set up.
///
/// Today it builds the seed story's analytics database from its migrations in a throwaway cluster,
/// introspects it, prints what it found and writes the snapshot to `reports/`; the drift check, the
/// fix-up plan and its application join as those commands land.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run pgdrift on a throwaway PostgreSQL built from the example analytics schema.",
        discussion: """
            Needs PostgreSQL's server programs (Debian: apt-get install postgresql-15) but no database:
            it starts its own cluster in a temporary directory and removes it at the end, also on Ctrl-C.
            """)

    @Option(name: .customLong("report-dir"), help: "Where to write the reports.")
    var reportDirectory = "reports"

    func run() throws {
        progress("starting a throwaway PostgreSQL")
        let server = try TemporaryServer()
        ServerCleanup.install(server)
        defer { server.stop() }

        progress("building the analytics database from \(try AnalyticsExample.migrations().count) migrations")
        let admin = try server.connect()
        try admin.execute(try AnalyticsExample.rolesSQL())
        try server.createDatabase("analytics", using: admin)
        let connection = try server.connect(database: "analytics")
        for migration in try AnalyticsExample.migrations() {
            do {
                try connection.execute(migration.sql)
            } catch let error as PostgresError {
                throw CLIError(message: "applying \(migration.name): \(error.message)", code: ExitCode.database)
            }
        }

        progress("introspecting it")
        let (catalog, server_) = try Introspector().catalog(from: connection)
        let counts = catalog.objectCounts
        let summary = ObjectKind.allCases.compactMap { kind in
            counts[kind].flatMap { $0 > 0 ? kind.counted($0) : nil }
        }
        print("analytics database (PostgreSQL \(server_.versionNumber)): " + summary.joined(separator: ", "))
        for table in catalog.tables {
            let parts = [
                ObjectKind.column.counted(table.columns.count), ObjectKind.index.counted(table.indexes.count),
                ObjectKind.policy.counted(table.policies.count),
            ]
            print("  \(table.name)  " + parts.joined(separator: ", ") + (table.rowLevelSecurity ? ", RLS on" : ""))
        }

        try FileManager.default.createDirectory(atPath: reportDirectory, withIntermediateDirectories: true)
        let path = reportDirectory + "/analytics-snapshot.json"
        try OutputFile.write(try Snapshot(catalog: catalog, serverVersion: server_.versionNumber).jsonData(), to: path)
        progress("wrote \(path)")
        progress("stopping the throwaway PostgreSQL")
    }
}

/// Stops the throwaway server when the user presses Ctrl-C.
enum ServerCleanup {
    nonisolated(unsafe) private static var server: TemporaryServer?

    static func install(_ server: TemporaryServer) {
        Self.server = server
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber) { received in
                ServerCleanup.server?.stop()
                _exit(128 + received)
            }
        }
    }
}
