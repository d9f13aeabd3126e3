import Foundation
import PgDrift
import Testing

/// `pgdrift init`'s reading of a project folder, and the pgdrift.toml it writes (issue 23).
@Suite struct ProjectLayoutTests {
    /// A folder holding `files` (path → contents).
    func project(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-layout-\(UUID())").path
        for (path, contents) in files {
            let file = URL(fileURLWithPath: root + "/" + path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: file)
        }
        return root
    }

    @Test func aSupabaseProjectWithItsURLInDotEnv() throws {
        let root = try project([
            "supabase/migrations/20240101000000_init.sql": "CREATE TABLE t (a int);",
            ".env": "# local\nexport DATABASE_URL=\"postgresql://postgres:s3cret@localhost:54322/postgres\"\nOTHER=1\n",
        ])
        let layout = ProjectLayout.detect(in: root, environment: [:])
        #expect(layout == ProjectLayout(
            expected: "supabase/migrations", migrations: "supabase/migrations", tool: .supabase, note: nil,
            databaseVariable: "DATABASE_URL", databaseFoundIn: ".env"))
        let file = layout.configurationFile
        #expect(!file.contains("s3cret") && !file.contains("postgresql://"))
        #expect(file == """
            # pgdrift.toml: the settings pgdrift check, plan, explain and snapshot use in this folder.
            # Options on the command line win. Reference: pgdrift check --help, and the README's "Configuration".

            expected = "supabase/migrations"   # the migrations, read as SQL

            # The database to check: the URL in $DATABASE_URL (found in .env),
            # read when pgdrift runs, from the environment or from .env.local / .env here. The URL is not written here.
            database_env = "DATABASE_URL"

            history = "supabase"   # the migration tool whose history table tells applied from pending
            # as_applied = false   # compare with what the history records as applied: pending migrations are then not drift

            # Supabase's own schemas: the platform manages them, the migrations do not.
            exclude_schemas = ["auth", "storage", "realtime", "_realtime", "vault", "extensions", "graphql", "graphql_public", "pgsodium", "pgsodium_masks", "pgbouncer", "net", "cron", "supabase_functions", "supabase_migrations", "_analytics"]
            # ignore = ["public.tmp_*"]   # objects left out, as schema.name globs
            # with_privileges = false   # compare and plan grants
            # with_owners = false   # compare and plan owners
            # strict = false   # make every finding an error
            # report_dir = "reports"   # where check writes drift-report.{json,md,xml,sarif}

            # [severity]   # a level per finding kind: "error", "warning", "info" or "off"
            # extra_column = "warning"

            """)
        // What init writes reads back, and its database comes from .env.
        let configuration = try PgDriftConfiguration(parsing: file, file: "pgdrift.toml")
        #expect(configuration.expected == "supabase/migrations")
        #expect(configuration.history == HistorySetting("supabase"))
        #expect(configuration.excludeSchemas.count == ProjectLayout.supabaseSchemas.count)
        #expect(configuration.databaseURL(environment: [:], directory: root) == "postgresql://postgres:s3cret@localhost:54322/postgres")
        #expect(configuration.databaseURL(environment: ["DATABASE_URL": "dbname=x"], directory: root) == "dbname=x")
    }

    @Test func otherLayouts() throws {
        let prisma = ProjectLayout.detect(in: try project(["prisma/migrations/20240101_init/migration.sql": "SELECT 1;"]), environment: ["POSTGRES_URL": "x"])
        #expect((prisma.expected, prisma.tool, prisma.databaseVariable, prisma.databaseFoundIn) == ("prisma/migrations", .prisma, "POSTGRES_URL", "the environment"))
        let flyway = ProjectLayout.detect(in: try project(["db/migration/V1__init.sql": "SELECT 1;"]), environment: [:])
        #expect((flyway.expected, flyway.tool, flyway.databaseVariable) == ("db/migration", .flyway, nil))
        let rails = ProjectLayout.detect(in: try project(["db/migrate/20240101_create.rb": "class X; end"]), environment: [:])
        #expect(rails.expected == nil && rails.tool == .rails && rails.migrations == "db/migrate")
        #expect(rails.configurationFile.contains("# expected = \"db/structure.sql\"\n"))
        let railsSQL = ProjectLayout.detect(in: try project(["db/migrate/1_x.rb": "", "db/structure.sql": "CREATE TABLE t (a int);"]), environment: [:])
        #expect(railsSQL.expected == "db/structure.sql")
        let alembic = ProjectLayout.detect(in: try project(["alembic/versions/abc_init.py": "", "alembic.ini": ""]), environment: [:])
        #expect(alembic.expected == nil && alembic.tool == .alembic && alembic.note?.hasPrefix("Alembic migrations are Python") == true)
        let golang = ProjectLayout.detect(in: try project(["migrations/1_init.up.sql": "", "migrations/1_init.down.sql": ""]), environment: [:])
        #expect((golang.expected, golang.tool) == ("migrations", .golangMigrate))
        let plain = ProjectLayout.detect(in: try project(["sql/001.sql": "SELECT 1;"]), environment: [:])
        #expect((plain.expected, plain.tool) == ("sql", nil))
        let nothing = ProjectLayout.detect(in: try project(["README.md": ""]), environment: [:])
        #expect(nothing == ProjectLayout())
        #expect(nothing.configurationFile.contains("# database_env = \"DATABASE_URL\"\n"))
    }

    @Test func dotEnvFiles() {
        #expect(DotEnv.variables(in: """
            # comment
            A=1
            export B = "two words"
            C='single' # trailing
            D=plain # comment
            bad line
            E=
            """) == ["A": "1", "B": "two words", "C": "single", "D": "plain", "E": ""])
    }
}
