import Foundation
import PgDrift

/// What every command resolves the same way from its options and pgdrift.toml, in one place: the
/// expected source, the database, and the audit `check`, `plan` and `apply` run.
enum CommandSetup {
    /// The expected source: the option, else pgdrift.toml's `expected`, else the built-in model. A bad
    /// one is bad input (exit 2).
    static func expectedSource(_ option: String?) throws -> ExpectedSource {
        do { return try ExpectedSource.parse(option ?? ProjectConfiguration.current.expected ?? "builtin") } catch let error as ExpectedSchemaError {
            throw CLIError.input(error.description)
        }
    }

    /// The database: `--database`, then pgdrift.toml's `database` or `database_env` (it names this
    /// project's database, where DATABASE_URL is often an application's), then DATABASE_URL, then
    /// libpq's defaults.
    static func connectionString(_ option: String?) -> ConnectionString {
        let environment = ProcessInfo.processInfo.environment
        return ConnectionString(
            option
                ?? ProjectConfiguration.current.databaseURL(environment: environment, directory: FileManager.default.currentDirectoryPath)
                ?? environment["DATABASE_URL"] ?? "")
    }

    /// The audit of `expected` with the schemas, ignore globs, severities and SQL reading the options
    /// and pgdrift.toml give (each option replacing the file's setting).
    static func audit(expected: String?, database: DatabaseOptions, ignore: [String], reading: ReadingOptions) throws -> Audit {
        let config = ProjectConfiguration.current
        var audit = Audit(source: try expectedSource(expected), builtin: BuiltinModel.catalog)
        audit.schemas = database.schemas
        audit.excludedSchemas = database.excludedSchemas
        audit.ignore = ignore.isEmpty ? config.ignore : ignore
        audit.severities = config.severities
        reading.configure(&audit, config)
        return audit
    }
}
