import Foundation
import PgDriftModel

/// What `pgdrift init` finds in a project folder: where its migrations are, which tool runs them, and
/// which environment variable holds its database URL; and the commented `pgdrift.toml` it writes.
public struct ProjectLayout: Hashable, Sendable {
    /// The expected schema to write (`expected = …`): a folder or file pgdrift reads as SQL; nil when
    /// the project's migrations are not SQL (Rails, Alembic) and no SQL schema file was found.
    public var expected: String?
    /// The migrations folder, whether or not pgdrift can read it.
    public var migrations: String?
    /// The migration tool, when the layout says.
    public var tool: MigrationTool?
    /// Why `expected` is missing or is not the migrations folder, for the file's comments.
    public var note: String?
    /// The environment variable that holds the database URL (`DATABASE_URL`), and where it was found.
    public var databaseVariable: String?
    public var databaseFoundIn: String?

    public init(
        expected: String? = nil, migrations: String? = nil, tool: MigrationTool? = nil, note: String? = nil,
        databaseVariable: String? = nil, databaseFoundIn: String? = nil
    ) {
        self.expected = expected
        self.migrations = migrations
        self.tool = tool
        self.note = note
        self.databaseVariable = databaseVariable
        self.databaseFoundIn = databaseFoundIn
    }

    /// Supabase's own schemas, left out of a Supabase project's checks.
    public static let supabaseSchemas = [
        "auth", "storage", "realtime", "_realtime", "vault", "extensions", "graphql", "graphql_public", "pgsodium",
        "pgsodium_masks", "pgbouncer", "net", "cron", "supabase_functions", "supabase_migrations", "_analytics",
    ]

    /// Variables that commonly hold a project's database URL, most specific first.
    public static let databaseVariables = ["DATABASE_URL", "SUPABASE_DB_URL", "POSTGRES_URL", "POSTGRES_PRISMA_URL", "DIRECT_URL", "PG_URL"]

    /// Looks at `directory` (nothing is run; files are only listed, and `.env` files read for the names
    /// of their variables).
    public static func detect(in directory: String, environment: [String: String]) -> ProjectLayout {
        var layout = ProjectLayout()
        func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: directory + "/" + path) }
        func files(_ path: String) -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: directory + "/" + path)) ?? [] }
        func hasSQL(_ path: String) -> Bool { files(path).contains { $0.hasSuffix(".sql") } }

        if exists("supabase/migrations") {
            layout.migrations = "supabase/migrations"
            layout.tool = .supabase
        } else if exists("prisma/migrations") {
            layout.migrations = "prisma/migrations"
            layout.tool = .prisma
        } else if exists("db/migration"), hasSQL("db/migration") {
            layout.migrations = "db/migration"
            layout.tool = .flyway
        } else if exists("db/migrate") {
            layout.migrations = "db/migrate"
            layout.tool = .rails
            if exists("db/structure.sql") {
                layout.expected = "db/structure.sql"
                layout.note = "Rails migrations are Ruby: the expected schema is db/structure.sql (rails db:schema:dump with config.active_record.schema_format = :sql)."
            } else {
                layout.note = "Rails migrations are Ruby, which pgdrift does not read: set expected to db/structure.sql (schema_format = :sql), a snapshot, or a database migrated from them."
            }
        } else if let versions = ["alembic/versions", "migrations/versions", "versions"].first(where: exists) {
            layout.migrations = versions
            layout.tool = .alembic
            layout.note = "Alembic migrations are Python, which pgdrift does not read: set expected to a database upgraded with them (alembic upgrade head), or a snapshot of one."
        } else if exists("db/migrations"), hasSQL("db/migrations") {
            layout.migrations = "db/migrations"
            layout.tool = .dbmate
        } else if exists("migrations"), hasSQL("migrations") {
            layout.migrations = "migrations"
            let names = files("migrations")
            if names.contains(where: { $0.hasSuffix(".up.sql") }) { layout.tool = .golangMigrate }
        } else if exists("sql"), hasSQL("sql") {
            layout.migrations = "sql"
        }
        if layout.expected == nil, layout.note == nil { layout.expected = layout.migrations }

        for name in databaseVariables {
            if environment[name] != nil {
                (layout.databaseVariable, layout.databaseFoundIn) = (name, "the environment")
                break
            }
            let file = DotEnv.fileNames.first { file in
                guard let text = try? String(contentsOfFile: directory + "/" + file, encoding: .utf8) else { return false }
                return DotEnv.variables(in: text)[name] != nil
            }
            if let file {
                (layout.databaseVariable, layout.databaseFoundIn) = (name, file)
                break
            }
        }
        return layout
    }

    /// The commented `pgdrift.toml` for this layout. It names the database's variable, never its value.
    public var configurationFile: String {
        var lines = [
            "# pgdrift.toml: the settings pgdrift check, plan, explain and snapshot use in this folder.",
            "# Options on the command line win. Reference: pgdrift check --help, and the README's \"Configuration\".",
            "",
        ]
        if let note { lines += ["# " + note] }
        if let expected {
            lines.append("expected = \(Self.quoted(expected))" + (expected == migrations ? "   # the migrations, read as SQL" : ""))
        } else {
            lines.append("# expected = \"db/structure.sql\"")
        }
        lines.append("")
        if let databaseVariable {
            lines.append("# The database to check: the URL in $\(databaseVariable) (found in \(databaseFoundIn ?? "the environment")),")
            lines.append("# read when pgdrift runs, from the environment or from .env.local / .env here. The URL is not written here.")
            lines.append("database_env = \(Self.quoted(databaseVariable))")
        } else {
            lines.append("# The database to check: name the environment variable that holds its URL (read from the environment,")
            lines.append("# or from .env.local / .env here), or pass --database. Without either, DATABASE_URL, then libpq's PG* variables.")
            lines.append("# database_env = \"DATABASE_URL\"")
        }
        lines.append("")
        if let tool {
            lines.append("history = \(Self.quoted(tool.rawValue))" + "   # the migration tool whose history table tells applied from pending")
        } else {
            lines.append("# history = \"auto\"   # the migration tool whose history table to read: auto, none, or a tool")
        }
        lines.append("# as_applied = false   # compare with what the history records as applied: pending migrations are then not drift")
        lines.append("")
        if tool == .supabase {
            lines.append("# Supabase's own schemas: the platform manages them, the migrations do not.")
            lines.append("exclude_schemas = [" + Self.supabaseSchemas.map(Self.quoted).joined(separator: ", ") + "]")
        } else {
            lines.append("# exclude_schemas = [\"audit\"]   # schemas left out")
        }
        lines += [
            "# ignore = [\"public.tmp_*\"]   # objects left out, as schema.name globs",
            "# with_privileges = false   # compare and plan grants",
            "# with_owners = false   # compare and plan owners",
            "# strict = false   # make every finding an error",
            "# report_dir = \"reports\"   # where check writes drift-report.{json,md,xml,sarif}",
            "",
            "# [severity]   # a level per finding kind: \"error\", \"warning\", \"info\" or \"off\"",
            "# extra_column = \"warning\"",
            "",
        ]
        return lines.joined(separator: "\n")
    }

    /// A TOML basic string.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
