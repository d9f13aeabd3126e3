import ArgumentParser
import Foundation
import PgDrift

/// `pgdrift`: the root command.
struct PgDriftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pgdrift",
        abstract: "Audit a PostgreSQL database against the schema it is supposed to have.",
        discussion: """
            Exit codes: 0 no drift · 1 drift found · 2 bad input or usage · 3 database error.

            Examples:
              pgdrift demo
              pgdrift check --database postgresql://localhost/app
              pgdrift snapshot --database postgresql://localhost/app --out schema.json
            """,
        version: "0.1.0",
        subcommands: [CheckCommand.self, PlanCommand.self, SnapshotCommand.self, DemoCommand.self]
    )
}

/// Options every command that reads a database shares.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("database"),
        help: "Connection string or URL (anything libpq accepts). Default: DATABASE_URL, else PG* variables.")
    var database: String?

    @Option(name: .customLong("schema"), help: "Only this schema (repeatable).")
    var schemas: [String] = []

    @Option(name: .customLong("exclude-schema"), help: "Leave this schema out (repeatable).")
    var excludedSchemas: [String] = []

    /// The connection string to use: --database, then DATABASE_URL, then libpq's own defaults.
    var connectionString: ConnectionString {
        ConnectionString(database ?? ProcessInfo.processInfo.environment["DATABASE_URL"] ?? "")
    }
}
