import ArgumentParser
import Foundation
import PgDrift

/// `check`'s options for a fleet: many databases (`--database` repeated, `--databases FILE`) or the tenant
/// schemas of one (`--tenant-schemas`), audited `--jobs` at a time, optionally one `--shard` of them.
struct FleetOptions: ParsableArguments {
    @Option(name: .customLong("databases"), help: "A file of connection strings, one per line (# starts a comment): audit each of them. Default: pgdrift.toml's databases.")
    var databasesFile: String?

    @Option(name: .customLong("tenant-schemas"), help: "Audit each schema of the database matching this glob (tenant_*) against the expected schema's template schema. Default: pgdrift.toml's tenant_schemas.")
    var tenantSchemas: String?

    @Option(name: .customLong("template-schema"), help: "The expected schema's schema each tenant schema is compared with (default: pgdrift.toml's template_schema, else public).")
    var templateSchema: String?

    @Option(help: "Databases audited at once (default: pgdrift.toml's jobs, else the number of cores, at most 8).")
    var jobs: Int?

    @Flag(name: .customLong("fail-fast"), help: "Stop at the first database that cannot be audited.")
    var failFast = false

    @Option(help: "Audit only the K-th of N slices of the fleet (K/N): for spreading it over CI jobs; join their JSON reports with pgdrift report merge.")
    var shard: Shard?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    /// The fleet's databases (`--database` given more than once, `--databases FILE`, pgdrift.toml's
    /// `databases`), this `--shard`'s slice of them; nil for one database. `verb` names the command's
    /// work in the error an empty slice gives.
    func databases(_ database: DatabaseOptions, verb: String) throws -> [String]? {
        var members = database.databaseArguments
        let file = databasesFile ?? ProjectConfiguration.current.databasesFile
        if let file {
            do { members += try DatabaseList.read(file) } catch let error as FleetError { throw CLIError.input(error.description) }
        }
        guard members.count > 1 || file != nil || (shard != nil && tenantSchemas == nil) else { return nil }
        let selected = shard.map { $0.select(members) } ?? members
        if selected.isEmpty { throw CLIError.input("no database to \(verb): the list is empty" + (shard.map { " in shard \($0)" } ?? "")) }
        return selected
    }

    /// Members audited at once.
    var concurrency: Int {
        jobs ?? ProjectConfiguration.current.jobs ?? max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))
    }
}

extension Shard: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
