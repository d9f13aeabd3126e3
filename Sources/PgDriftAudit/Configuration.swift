import Foundation
import PgDriftDiff
import PgDriftExpected
import PgDriftIntrospection
import PgDriftModel
import PgDriftPlanner
import PgDriftPostgres
import PgDriftReports
import PgDriftSQL

/// Settings from `pgdrift.toml` (or `pgdrift.yml` / `pgdrift.yaml`) in the working directory. Every field
/// is optional: what the file leaves out keeps its default, and command-line options override the file.
///
/// ```toml
/// expected = "supabase/migrations"
/// exclude_schemas = ["auth", "storage"]
/// [severity]
/// extra_column = "off"
/// ```
public struct PgDriftConfiguration: Hashable, Sendable {
    /// The file the settings came from, as named in messages (nil when there is none).
    public var file: String?
    /// `expected`: the expected source as `--expected` takes it (`builtin`, SQL folder or file, snapshot, URL).
    public var expected: String?
    /// `database`: the connection string used when the command line gives none (before `DATABASE_URL`).
    public var database: String?
    /// `database_env`: the environment variable that holds the connection string (read from the
    /// environment, else from the working directory's `.env.local` or `.env`), so that no URL, and no
    /// password, is written in the file. `pgdrift init` writes this.
    public var databaseEnvironmentVariable: String?
    /// `schemas`: the file's form of `--schema`, the only schemas compared; empty compares every user schema.
    public var schemas: [String] = []
    /// `exclude_schemas`: schemas left out, the file's form of `--exclude-schema`.
    public var excludeSchemas: [String] = []
    /// `ignore`: globs on `schema.name` whose findings are left out, such as `public.tmp_*`.
    public var ignore: [String] = []
    /// `strict`: make every finding an error; nil when the file does not say.
    public var strict: Bool?
    /// `with_privileges`: compare grants; nil when the file does not say.
    public var withPrivileges: Bool?
    /// `with_owners`: compare owners; nil when the file does not say.
    public var withOwners: Bool?
    /// `with_extension_state`: compare pg_cron's jobs with the migrations'; nil when the file does not say.
    public var withExtensionState: Bool?
    /// `report_dir`: the folder `check` writes its report files to; nil when the file does not say.
    public var reportDirectory: String?
    /// `shadow_superuser`: run migrations in the shadow database as a superuser; nil when the file does not say.
    public var shadowSuperuser: Bool?
    /// `shadow_timeout`: statement_timeout of each migration statement in the shadow database.
    public var shadowTimeout: String?
    /// `search_path`: the schemas the migrations expect on their search_path from the start.
    public var searchPath: [String]?
    /// `history`: the migration tool whose history to read (`auto`, `none`, `supabase` …); nil when the file does not say.
    public var history: HistorySetting?
    /// `as_applied`: compare with what the recorded migrations produce; nil when the file does not say.
    public var asApplied: Bool?
    /// `[severity]`: a level per finding kind, replacing the kind's default; `.off` drops the kind.
    public var severities: [FindingKind: SeverityOverride] = [:]
    /// A fleet: a file of connection strings (`--databases`), one per line.
    public var databasesFile: String?
    /// A fleet of tenant schemas (`--tenant-schemas`), and the expected schema's template (`--template-schema`).
    public var tenantSchemas: String?
    public var templateSchema: String?
    /// Members audited at once (`--jobs`).
    public var jobs: Int?

    /// An empty configuration: every setting left to the command line and the defaults.
    public init() {}

    /// The names looked for, in this order; the first that exists is read.
    public static let fileNames = ["pgdrift.toml", "pgdrift.yml", "pgdrift.yaml"]

    /// Reads the configuration file in `directory`, or returns the empty configuration when there is none.
    public static func load(fromDirectory directory: String) throws(ConfigurationError) -> PgDriftConfiguration {
        for name in fileNames {
            let path = directory + "/" + name
            guard FileManager.default.fileExists(atPath: path) else { continue }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ConfigurationError(file: name, line: nil, message: "cannot read the file")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw ConfigurationError(file: name, line: nil, message: "not UTF-8 text")
            }
            return try PgDriftConfiguration(parsing: text, file: name)
        }
        return PgDriftConfiguration()
    }

    /// Parses a configuration file's text; `file` names it in errors, and its extension picks TOML or YAML.
    public init(parsing text: String, file: String) throws(ConfigurationError) {
        let isYAML = file.hasSuffix(".yml") || file.hasSuffix(".yaml")
        let entries = isYAML ? try YAMLSubset.read(text, file: file) : try TOMLSubset.read(text, file: file)
        self.init()
        self.file = file
        for entry in entries { try apply(entry) }
    }

    private mutating func apply(_ entry: ConfigurationEntry) throws(ConfigurationError) {
        let file = self.file ?? ""
        let fail = { (message: String) in ConfigurationError(file: file, line: entry.line, message: message) }
        switch entry.key {
        case "expected": expected = try entry.string(fail)
        case "database": database = try entry.string(fail)
        case "database_env": databaseEnvironmentVariable = try entry.string(fail)
        case "report_dir": reportDirectory = try entry.string(fail)
        case "schemas": schemas = try entry.list(fail)
        case "exclude_schemas": excludeSchemas = try entry.list(fail)
        case "ignore": ignore = try entry.list(fail)
        case "strict": strict = try entry.bool(fail)
        case "with_privileges": withPrivileges = try entry.bool(fail)
        case "with_owners": withOwners = try entry.bool(fail)
        case "with_extension_state": withExtensionState = try entry.bool(fail)
        case "shadow_superuser": shadowSuperuser = try entry.bool(fail)
        case "shadow_timeout": shadowTimeout = try entry.string(fail)
        case "search_path": searchPath = try entry.list(fail)
        case "history":
            let name = try entry.string(fail)
            guard let setting = HistorySetting(name) else { throw fail("unknown migration tool '\(name)' (one of \(HistorySetting.names))") }
            history = setting
        case "as_applied": asApplied = try entry.bool(fail)
        case "databases": databasesFile = try entry.string(fail)
        case "tenant_schemas": tenantSchemas = try entry.string(fail)
        case "template_schema": templateSchema = try entry.string(fail)
        case "jobs":
            guard let count = Int(try entry.string(fail)), count > 0 else { throw fail("'jobs' must be a positive number") }
            jobs = count
        case "severity":
            guard case .table(let rows) = entry.value else { throw fail("'severity' must be a table of finding kind = level") }
            for row in rows {
                let rowFail = { (message: String) in ConfigurationError(file: file, line: row.line, message: message) }
                guard let kind = FindingKind(rawValue: row.key) else { throw rowFail("unknown finding kind '\(row.key)'") }
                let level = try row.string(rowFail)
                guard let override = SeverityOverride(rawValue: level) else {
                    throw rowFail("severity of \(row.key) must be error, warning, info or off, not '\(level)'")
                }
                severities[kind] = override
            }
        default:
            throw fail("unknown key '\(entry.key)' (known: \(Self.keys.joined(separator: ", ")))")
        }
    }

    /// The connection string the file gives: `database`, else the value of `database_env` in the
    /// environment or the `.env` files of `directory`. Never printed.
    public func databaseURL(environment: [String: String], directory: String) -> String? {
        if let database { return database }
        guard let name = databaseEnvironmentVariable else { return nil }
        return environment[name] ?? DotEnv.value(of: name, in: directory)
    }

    static let keys = ["expected", "database", "database_env", "schemas", "exclude_schemas", "ignore", "strict", "with_privileges", "report_dir", "severity",
                       "databases", "tenant_schemas", "template_schema", "jobs"]
}

/// A configuration file that cannot be used: one line, `pgdrift.toml:LINE: message`.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    /// The file's name as messages show it, such as `pgdrift.toml`.
    public var file: String
    /// 1-based; nil when the problem is the whole file.
    public var line: Int?
    /// What is wrong, in one line.
    public var message: String

    /// Creates an error from its parts.
    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`, or `file: message` when the problem is the whole file.
    public var description: String { line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)" }
}

/// One `key = value` of a configuration file, whatever its syntax, with the line it is on.
struct ConfigurationEntry: Hashable, Sendable {
    enum Value: Hashable, Sendable {
        case string(String)
        case bool(Bool)
        case list([String])
        case table([ConfigurationEntry])
    }

    var key: String
    var value: Value
    var line: Int

    func string(_ fail: (String) -> ConfigurationError) throws(ConfigurationError) -> String {
        guard case .string(let text) = value else { throw fail("'\(key)' must be a string") }
        return text
    }

    func list(_ fail: (String) -> ConfigurationError) throws(ConfigurationError) -> [String] {
        guard case .list(let items) = value else { throw fail("'\(key)' must be a list of strings") }
        return items
    }

    func bool(_ fail: (String) -> ConfigurationError) throws(ConfigurationError) -> Bool {
        guard case .bool(let flag) = value else { throw fail("'\(key)' must be true or false") }
        return flag
    }
}
