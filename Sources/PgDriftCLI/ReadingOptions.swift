import ArgumentParser
import PgDrift

/// How SQL migrations are read: offline when possible, else in a shadow database, where they run as an
/// ordinary role unless trusted (check, plan and explain share these).
struct ReadingOptions: ParsableArguments {
    @Flag(help: "Read SQL migrations by applying them to a throwaway database, even when they can be read offline.")
    var shadow = false

    @Flag(name: .customLong("shadow-superuser"), help: ArgumentHelp(
        "Run migrations in the throwaway database as a superuser (default: pgdrift.toml's shadow_superuser, else no).",
        discussion: "Only for migrations you trust: a superuser's SQL can run programs on this machine (COPY ... PROGRAM), read and write the server's files, load C code and change the server's settings. Without it, pgdrift refuses such statements (exit 2) and runs the others as an ordinary role."))
    var shadowSuperuser = false

    @Option(name: .customLong("shadow-timeout"), help: "statement_timeout of each migration statement in the throwaway database (default: pgdrift.toml's shadow_timeout, else 5min).")
    var shadowTimeout: String?

    @Option(name: .customLong("search-path"), help: "The search_path the migrations expect from the start, such as 'app,public' (default: pgdrift.toml's search_path, else PostgreSQL's).")
    var searchPath: String?

    @Option(name: .customLong("history"), help: ArgumentHelp(
        "The migration tool whose history table to read, for a folder of migrations: auto, none or a tool (default: pgdrift.toml's history, else auto).",
        discussion: "Tools: \(MigrationTool.allCases.map(\.rawValue).joined(separator: ", ")). auto finds the table by its name and shape.",
        valueName: "tool"))
    var history: String?

    @Option(name: .customLong("postgres-bin"), help: ArgumentHelp(
        "Where the PostgreSQL programs for the throwaway (shadow) database are (default: PGDRIFT_POSTGRES_BIN, else those of the audited database's major version, else any).",
        valueName: "dir"))
    var postgresBin: String?

    @Flag(name: .customLong("as-applied"), inversion: .prefixedNo, help: "Compare with what the migrations the history records produce: pending ones are then pending, not drift (default: pgdrift.toml's as_applied, else no).")
    var asApplied: Bool?

    /// An unknown tool is bad input: one line, exit 2.
    func validate() throws {
        if let history, HistorySetting(history) == nil {
            throw ValidationError("unknown migration tool '\(history)' for --history (one of \(HistorySetting.names))")
        }
    }

    /// Puts these (and pgdrift.toml's) settings on an audit.
    func configure(_ audit: inout Audit, _ config: PgDriftConfiguration) {
        audit.history = history.flatMap(HistorySetting.init) ?? config.history ?? .detect
        audit.postgresBin = postgresBin
        audit.asApplied = asApplied ?? config.asApplied ?? false
        audit.shadow = shadow
        audit.shadowSuperuser = shadowSuperuser || (config.shadowSuperuser ?? false)
        audit.shadowTimeout = shadowTimeout ?? config.shadowTimeout ?? audit.shadowTimeout
        audit.searchPath = searchPath.map(Self.schemas) ?? config.searchPath
    }

    /// Puts them on a loader.
    func configure(_ loader: ExpectedSchemaLoader, _ config: PgDriftConfiguration) {
        var audit = Audit(source: .builtin)
        configure(&audit, config)
        loader.shadowOnly = audit.shadow
        loader.shadowSuperuser = audit.shadowSuperuser
        loader.shadowTimeout = audit.shadowTimeout
        loader.searchPath = audit.searchPath
        loader.postgresBin = audit.postgresBin
    }

    /// `app, public` → ["app", "public"].
    static func schemas(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

