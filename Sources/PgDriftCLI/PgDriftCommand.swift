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
              pgdrift explain creators_hot.total_videos_count --database postgresql://localhost/app
              pgdrift plan --database postgresql://localhost/app --migrations-dir migrations/
              pgdrift snapshot --database postgresql://localhost/app --out schema.json
              pgdrift init --swift --database postgresql://localhost/app --output app-schema

            Shell completions: pgdrift --generate-completion-script bash|zsh|fish
            """,
        version: "0.1.0 (reads SQL with \(SQLGrammar.name)'s parser)",
        subcommands: [
            CheckCommand.self, PlanCommand.self, ApplyCommand.self, ExplainCommand.self, SnapshotCommand.self, InitCommand.self, DemoCommand.self,
            ReportCommand.self,
        ]
    )
}

/// Options every command that reads a database shares. Each falls back to the project's configuration file
/// when not given; a repeated option given on the command line replaces the file's whole list.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("database"),
        help: "Connection string or URL (anything libpq accepts). Default: pgdrift.toml's database, else DATABASE_URL, else PG* variables. check takes it more than once: a fleet.")
    var databaseArguments: [String] = []

    /// The one `--database` given, if any (`check` alone takes several: `FleetOptions`).
    var databaseArgument: String? { databaseArguments.last }

    /// Refuses a second `--database` where only `check` audits a fleet.
    func requireOne(_ command: String) throws {
        if databaseArguments.count > 1 { throw CLIError.input("\(command) takes one --database; only check audits several") }
    }

    @Option(name: .customLong("schema"), help: "Only this schema (repeatable; replaces pgdrift.toml's schemas).")
    var schemaArguments: [String] = []

    @Option(name: .customLong("exclude-schema"), help: "Leave this schema out (repeatable; replaces pgdrift.toml's exclude_schemas).")
    var excludedSchemaArguments: [String] = []

    var schemas: [String] { schemaArguments.isEmpty ? ProjectConfiguration.current.schemas : schemaArguments }

    var excludedSchemas: [String] {
        excludedSchemaArguments.isEmpty ? ProjectConfiguration.current.excludeSchemas : excludedSchemaArguments
    }

    /// The connection string to use (`CommandSetup.connectionString`).
    var connectionString: ConnectionString { CommandSetup.connectionString(databaseArgument) }
}
