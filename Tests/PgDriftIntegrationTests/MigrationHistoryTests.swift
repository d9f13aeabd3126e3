import AnalyticsExample
import Foundation
import PgDrift
import PgDriftTestSupport
import Testing

/// Issue 19: the migration tool's history, read from the audited database, tells "never applied" from
/// "drifted after applying". The seed's scenario both ways, each finding kind, --as-applied, plan and
/// explain. History tables are made as the tools make them (see MigrationHistoryToolTests for each tool).
@Suite struct MigrationHistoryTests {
    static let files = [
        ("20240101000001_creators.sql", "CREATE TABLE creators_hot (id bigint PRIMARY KEY);\n"),
        ("20240101000002_hashtags.sql", "CREATE TABLE hashtags_hot (id bigint PRIMARY KEY);\n"),
        ("20240101000003_cold.sql", "CREATE TABLE creators_cold (id bigint PRIMARY KEY);\n"),
    ]

    /// The Supabase CLI's table (supabase/cli pkg/migration/history.go, v1.200+: version, statements, name).
    static func supabaseHistory(_ rows: [(String, String)]) -> String {
        """
        CREATE SCHEMA IF NOT EXISTS supabase_migrations;
        CREATE TABLE IF NOT EXISTS supabase_migrations.schema_migrations (version text NOT NULL PRIMARY KEY);
        ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS statements text[];
        ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS name text;
        \(rows.isEmpty ? "" : "INSERT INTO supabase_migrations.schema_migrations (version, name) VALUES " + rows.map { "('\($0.0)', '\($0.1)')" }.joined(separator: ", ") + ";")

        """
    }

    static func folder(_ files: [(String, String)]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-history-\(UUID())").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, sql) in files { try sql.write(toFile: "\(path)/\(name)", atomically: true, encoding: .utf8) }
        return path
    }

    /// Each finding as one line: kind, path, object, message, and what the history says.
    static func lines(_ report: DriftReport) -> [String] {
        report.findings.map { finding in
            "\(finding.kind.rawValue) \(finding.path)\(finding.object.map { " \($0)" } ?? ""): \(finding.message)"
                + (finding.migration.map { finding.kind.isAboutAnObject ? " [\($0.says)]" : "" } ?? "")
        }.sorted()
    }

    static func check(_ folder: String, against database: TestDatabase, asApplied: Bool = false, history: HistorySetting = .detect) throws -> [String] {
        var audit = Audit(source: .sqlDirectory(folder))
        audit.asApplied = asApplied
        audit.history = history
        return lines(try audit.run(against: database.connectionString))
    }

    // MARK: The seed's scenario, both ways

    /// The analytics database with 001–014 applied and recorded: 015 is pending, not drift; the objects it
    /// creates say so, and the text report puts them under it.
    @Test func theSeedScenarioWith015Pending() throws {
        let database = try AnalyticsExampleTests.build("history_seed_pending", through: "015")
        let names = try AnalyticsExample.migrations().map(\.name).filter { $0 < "015" }
        try database.connect().execute(Self.supabaseHistory(names.map { (String($0.prefix(3)), String($0.dropFirst(4).dropLast(4))) }))
        let folder = AnalyticsExample.directory.path
        let report = try Audit(source: .sqlDirectory(folder)).run(against: database.connectionString)
        let fifteen = "\(folder)/015_add_missing_tables_columns.sql"
        let pending = "created by \(fifteen), which the history does not list: not applied yet"
        let waiting = "refers to what \(fifteen) creates, which the history does not list: not applied yet"
        #expect(Self.lines(report).filter { $0.contains("015") } == [
            "broken_reference public.creators_cold ingest_videos(p_payload jsonb): function public.ingest_videos(p_payload jsonb) refers to table public.creators_cold, which does not exist (line 70 of its body) [\(waiting)]",
            "broken_reference public.creators_hot.total_play_count update_aggregation_quick(): function public.update_aggregation_quick() refers to column creators_hot.total_play_count, which does not exist (line 7 of its body) [\(waiting)]",
            "broken_reference public.creators_hot.total_play_count update_aggregations(): function public.update_aggregations() refers to column creators_hot.total_play_count, which does not exist (line 13 of its body) [\(waiting)]",
            "broken_reference public.hashtags_cold ingest_videos(p_payload jsonb): function public.ingest_videos(p_payload jsonb) refers to table public.hashtags_cold, which does not exist (line 174 of its body) [\(waiting)]",
            "missing_column public.creators_hot.total_play_count: column creators_hot.total_play_count does not exist [\(pending)]",
            "missing_table public.creators_cold: table public.creators_cold does not exist [\(pending)]",
            "missing_table public.hashtags_cold: table public.hashtags_cold does not exist [\(pending)]",
            "pending_migration supabase_migrations 015: \(fifteen) is not in supabase_migrations.schema_migrations's history: not applied yet",
        ])
        let migration = try #require(report.findings.first { $0.kind == .missingTable }?.migration)
        #expect(migration == MigrationReference(file: fifteen, version: "015", recorded: false, appliedAt: nil, says: pending))
        #expect(report.groups.first?.name == "pending migration \(fifteen)")
        #expect(report.groups.first?.findings.count == 8)
        #expect(report.groups.dropFirst().map(\.name) == [])
        // The history table itself is the tool's: never an extra table.
        #expect(!report.findings.contains { $0.schema == "supabase_migrations" && $0.kind != .pendingMigration })
        let json = try JSONReport.render(report)
        #expect(json.contains("""
                  "migration" : {
                    "applied_at" : null,
                    "file" : "\(fifteen)",
                    "recorded" : false,
                    "says" : "\(pending)",
                    "version" : "015"
                  },
            """))

        // --as-applied: the expected schema is 001–014; what 015 creates is pending, not drift.
        let asApplied = try Self.check(folder, against: database, asApplied: true)
        #expect(asApplied.filter { $0.hasPrefix("missing_") } == [])
        // What waits for 015 is not hand drift: a warning, not an error.
        var applied = Audit(source: .sqlDirectory(folder))
        applied.asApplied = true
        let appliedReport = try applied.run(against: database.connectionString)
        #expect(appliedReport.findings.filter { $0.kind == .brokenReference }.map(\.severity) == [.warning, .warning, .warning, .warning])
        #expect(!appliedReport.hasErrors)
        #expect(asApplied.contains("pending_migration supabase_migrations 015: \(fifteen) is not in supabase_migrations.schema_migrations's history: not applied yet"))
    }

    /// The same with 015 recorded and a table dropped by hand: drift, and said to be.
    @Test func theSeedScenarioWith015AppliedAndATableDroppedByHand() throws {
        let database = try AnalyticsExampleTests.build("history_seed_dropped")
        let names = try AnalyticsExample.migrations().map(\.name)
        try database.connect().execute(Self.supabaseHistory(names.map { (String($0.prefix(3)), String($0.dropFirst(4).dropLast(4))) })
            + "DROP TABLE public.hashtags_cold;\n")
        let folder = AnalyticsExample.directory.path
        let fifteen = "\(folder)/015_add_missing_tables_columns.sql"
        for asApplied in [false, true] {
            #expect(try Self.check(folder, against: database, asApplied: asApplied).filter { !$0.hasPrefix("broken_reference") } == [
                "missing_table public.hashtags_cold: table public.hashtags_cold does not exist [created by \(fifteen), recorded as applied: removed since, outside the migrations]",
            ])
        }
    }

    // MARK: Each finding kind

    @Test func supabaseHistoryTellsPendingFromDrift() throws {
        let folder = try Self.folder(Self.files)
        let database = try TestDatabase("history_supabase", sql: Self.files.prefix(2).map(\.1).joined()
            + Self.supabaseHistory([("20240101000001", "creators"), ("20240101000002", "hashtags"), ("20240101000009", "lost")]))
        #expect(try Self.check(folder, against: database) == [
            "missing_migration_file supabase_migrations 20240101000009: supabase_migrations.schema_migrations lists version 20240101000009 (lost) and no file has it",
            "missing_table public.creators_cold: table public.creators_cold does not exist [created by \(folder)/20240101000003_cold.sql, which the history does not list: not applied yet]",
            "pending_migration supabase_migrations 20240101000003: \(folder)/20240101000003_cold.sql is not in supabase_migrations.schema_migrations's history: not applied yet",
        ])
    }

    /// Supabase keeps the statements it ran: a file edited since differs from them.
    @Test func aSupabaseFileEditedAfterApplying() throws {
        let folder = try Self.folder([("20240101000001_creators.sql", "-- creators\nCREATE TABLE creators_hot (id bigint PRIMARY KEY, name text);\n")])
        let database = try TestDatabase("history_supabase_edited", sql: "CREATE TABLE creators_hot (id bigint PRIMARY KEY);\n"
            + Self.supabaseHistory([]) + """
            INSERT INTO supabase_migrations.schema_migrations (version, name, statements)
            VALUES ('20240101000001', 'creators', ARRAY['CREATE TABLE creators_hot (id bigint PRIMARY KEY)']);

            """)
        #expect(try Self.check(folder, against: database) == [
            "missing_column public.creators_hot.name: column creators_hot.name does not exist [created by \(folder)/20240101000001_creators.sql, edited after it was applied: the database has the file as it was]",
            "modified_migration supabase_migrations 20240101000001: \(folder)/20240101000001_creators.sql changed after it was applied: its statements differ from those supabase_migrations.schema_migrations recorded",
        ])
    }

    /// Flyway's failed row, with its CRC32 checksum (flyway 10.x createMetaDataTable.sql for PostgreSQL).
    @Test func flywayFailedAndEditedMigrations() throws {
        let files = [("V1__accounts.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY);\n"),
                     ("V2__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);\n"),
                     ("V3__items.sql", "CREATE TABLE items (id bigint PRIMARY KEY);\n")]
        let folder = try Self.folder(files)
        // 1 applied with the checksum Flyway gave the file as it was (before `-- edited` was added),
        // 2 applied as is, 3 failed.
        let original = MigrationChecksum.flywayCRC32(Array("CREATE TABLE accounts (id bigint PRIMARY KEY);\n".utf8))
        try "-- edited\nCREATE TABLE accounts (id bigint PRIMARY KEY);\n".write(toFile: "\(folder)/V1__accounts.sql", atomically: true, encoding: .utf8)
        let second = MigrationChecksum.flywayCRC32(Array(files[1].1.utf8))
        let database = try TestDatabase("history_flyway", sql: files.prefix(2).map(\.1).joined() + """
            CREATE TABLE "public"."flyway_schema_history" (
                "installed_rank" INT NOT NULL, "version" VARCHAR(50), "description" VARCHAR(200) NOT NULL, "type" VARCHAR(20) NOT NULL,
                "script" VARCHAR(1000) NOT NULL, "checksum" INTEGER, "installed_by" VARCHAR(100) NOT NULL,
                "installed_on" TIMESTAMP NOT NULL DEFAULT now(), "execution_time" INTEGER NOT NULL, "success" BOOLEAN NOT NULL);
            ALTER TABLE "public"."flyway_schema_history" ADD CONSTRAINT "flyway_schema_history_pk" PRIMARY KEY ("installed_rank");
            CREATE INDEX "flyway_schema_history_s_idx" ON "public"."flyway_schema_history" ("success");
            INSERT INTO flyway_schema_history VALUES
              (1, '1', 'accounts', 'SQL', 'V1__accounts.sql', \(original), 'me', '2026-03-02 10:00:00', 5, true),
              (2, '2', 'orders', 'SQL', 'V2__orders.sql', \(second), 'me', '2026-03-02 10:00:01', 5, true),
              (3, '3', 'items', 'SQL', 'V3__items.sql', 0, 'me', '2026-03-02 10:00:02', 5, false);

            """)
        #expect(try Self.check(folder, against: database) == [
            "failed_migration public 3: \(folder)/V3__items.sql is recorded as failed in public.flyway_schema_history",
            "missing_table public.items: table public.items does not exist [created by \(folder)/V3__items.sql, which the history records as failed]",
            "modified_migration public 1: \(folder)/V1__accounts.sql changed after it was applied on 2026-03-02: its checksum differs from the one public.flyway_schema_history recorded",
        ])
    }

    @Test func golangMigrateKeepsTheLatestVersionOnly() throws {
        let files = [("1_a.up.sql", "CREATE TABLE a (id int);\n"), ("1_a.down.sql", "DROP TABLE a;\n"),
                     ("2_b.up.sql", "CREATE TABLE b (id int);\n"), ("3_c.up.sql", "CREATE TABLE c (id int);\n")]
        let folder = try Self.folder(files)
        // golang-migrate v4 database/postgres: CREATE TABLE IF NOT EXISTS schema_migrations (version bigint not null primary key, dirty boolean not null)
        let database = try TestDatabase("history_golang_migrate", sql: """
            CREATE TABLE a (id int);
            CREATE TABLE b (id int);
            CREATE TABLE IF NOT EXISTS schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL);
            INSERT INTO schema_migrations VALUES (2, true);

            """)
        #expect(try Self.check(folder, against: database) == [
            "failed_migration public 2: \(folder)/2_b.up.sql is marked dirty by golang-migrate: it failed halfway",
            "missing_table public.c: table public.c does not exist [created by \(folder)/3_c.up.sql, which the history does not list: not applied yet]",
            "pending_migration public 3: \(folder)/3_c.up.sql is not applied yet (golang-migrate is at version 2)",
        ])
        // --as-applied: 1 only (2 is dirty): b is then an extra table.
        #expect(try Self.check(folder, against: database, asApplied: true) == [
            "extra_table public.b: table public.b is not in the expected schema",
            "failed_migration public 2: \(folder)/2_b.up.sql is marked dirty by golang-migrate: it failed halfway",
            "pending_migration public 3: \(folder)/3_c.up.sql is not applied yet (golang-migrate is at version 2)",
        ])
    }

    // MARK: Settings and bad input

    @Test func historyNoneComparesTheFolderAlone() throws {
        let folder = try Self.folder(Self.files)
        let database = try TestDatabase("history_none", sql: Self.files.prefix(2).map(\.1).joined() + Self.supabaseHistory([("20240101000001", "creators")]))
        #expect(try Self.check(folder, against: database, history: .off) == [
            "extra_table supabase_migrations.schema_migrations: table supabase_migrations.schema_migrations is not in the expected schema",
            "missing_table public.creators_cold: table public.creators_cold does not exist",
        ])
        // Naming a tool whose table is not there: nothing applied yet.
        #expect(try Self.check(folder, against: database, history: .tool(.dbmate)).filter { $0.hasPrefix("pending") }.count == 3)
        // Naming a tool whose naming rule no file follows: bad input.
        #expect {
            try Self.check(folder, against: database, history: .tool(.flyway))
        } throws: { error in
            "\(error)" == "no file in '\(folder)' is named as flyway names its migrations: is --history flyway the right tool? (--history none compares without the history)"
        }
    }

    @Test func aHistoryThatDoesNotFitTheFolderIsBadInput() throws {
        let folder = try Self.folder(Self.files)
        let database = try TestDatabase("history_misfit", sql: Self.supabaseHistory([("1", "init"), ("2", "users")]))
        #expect {
            try Self.check(folder, against: database)
        } throws: { error in
            "\(error)" == "supabase_migrations.schema_migrations (supabase) lists 1, 2 and no file in '\(folder)' matches any of them under "
                + "supabase's naming rule: is it the folder this database was migrated from? (--history none compares without the history; --history TOOL names the tool)"
        }
        #expect(throws: ExpectedSchemaError.self) { try Self.check(folder, against: try TestDatabase("history_absent"), asApplied: true) }
    }

    // MARK: plan and explain

    /// A plan leaves pending migrations to the tool, and never drops the tool's table.
    @Test func aPlanListsPendingMigrationsAndLeavesTheHistoryTableAlone() throws {
        let folder = try Self.folder(Self.files)
        let database = try TestDatabase("history_plan", sql: Self.files.prefix(2).map(\.1).joined()
            + "CREATE TABLE hand_made (id int);\n"
            + Self.supabaseHistory([("20240101000001", "creators"), ("20240101000002", "hashtags")]))
        let plan = try Audit(source: .sqlDirectory(folder)).plan(against: database.connectionString, options: PlanOptions(allowDestructive: true))
        #expect(plan.statements.map(\.sql) == ["DROP TABLE IF EXISTS public.hand_made;"])
        #expect(plan.pending == PendingMigrations(files: ["\(folder)/20240101000003_cold.sql"], table: "supabase_migrations.schema_migrations", command: "supabase db push"))
        #expect(plan.render().hasPrefix("""
            -- 1 pending migration, not in supabase_migrations.schema_migrations's history and not re-implemented here: apply it with supabase db push after this plan.
            --   \(folder)/20240101000003_cold.sql
            -- Fingerprint \(plan.fingerprint?.digest ?? "none") of the 1 object it was planned from: the guard below refuses to run once one of them changed.
            -- 1 statement.
            """))
        #expect(plan.fingerprint?.dependencies == [PlanDependency(.relation, QualifiedName("public", "hand_made"))])
    }

    // MARK: The command line

    @Test func theCommandLineReadsTheHistory() throws {
        let folder = try Self.folder(Self.files)
        let database = try TestDatabase("history_cli", sql: Self.files.prefix(2).map(\.1).joined()
            + Self.supabaseHistory([("20240101000001", "creators"), ("20240101000002", "hashtags")]))
        let url = database.connectionString
        let unknown = try CLITests.run(["check", "--expected", folder, "--database", url, "--history", "rake"])
        #expect(unknown.code == 2)
        #expect(unknown.stderr.hasPrefix("pgdrift: unknown migration tool 'rake' for --history (one of auto, none, supabase, flyway, "))
        #expect(unknown.stderr.split(separator: "\n").count == 2)
        let check = try CLITests.run(["check", "--expected", folder, "--database", url, "--format", "github"])
        #expect(check.code == 1)
        #expect(check.stdout.contains("migration: created by \(folder)/20240101000003_cold.sql, which the history does not list: not applied yet"))
        // --as-applied: only the pending file, a warning: exit 0.
        let applied = try CLITests.run(["check", "--expected", folder, "--database", url, "--as-applied"])
        #expect(applied.code == 0)
        #expect(applied.stdout.contains("pending migration \(folder)/20240101000003_cold.sql\n  warning pending_migration:"))
        let explain = try CLITests.run(["explain", "creators_cold", "--expected", folder, "--database", url])
        #expect(explain.code == 1)
        #expect(explain.stdout.contains("\(folder)/20240101000003_cold.sql:1\n            created by \(folder)/20240101000003_cold.sql, which the history does not list: not applied yet\n"))
        #expect(explain.stdout.contains("\n            - \(folder)/20240101000003_cold.sql creates it, and the history does not list that file: not applied yet, pending rather than drift; apply it with supabase db push\n"))
        let explainJSON = try CLITests.run(["explain", "creators_cold", "--expected", folder, "--database", url, "--format", "json"])
        #expect(explainJSON.stdout.contains("\"kind\" : \"pending_migration\""))
        // A folder that has nothing to do with the database's history: bad input, one line.
        let other = try Self.folder([("V1__x.sql", "CREATE TABLE x (id int);\n")])
        let misfit = try CLITests.run(["check", "--expected", other, "--database", url])
        #expect(misfit.code == 2)
        #expect(misfit.stderr == "pgdrift: the database keeps supabase's history (supabase_migrations.schema_migrations), and no file in '\(other)' is named as "
            + "supabase names its migrations: is it the folder this database was migrated from? (--history none compares without the history; --history TOOL names the tool)\n")
        let explainHot = try CLITests.run(["explain", "creators_hot", "--expected", folder, "--database", url])
        #expect(explainHot.stdout.contains("\(folder)/20240101000001_creators.sql:1\n            declared by \(folder)/20240101000001_creators.sql, recorded as applied\n"))
    }
}
