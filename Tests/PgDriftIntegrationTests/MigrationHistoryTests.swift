import Foundation
import PgDrift
import PgDriftTestSupport
import Testing

/// Issue 19, first step: the migration tool's history read from the audited database, files matched to
/// it by the tool's naming rule. The history tables are made as the tools make them (Supabase CLI's
/// `supabase_migrations.schema_migrations`; golang-migrate's `schema_migrations (version bigint, dirty boolean)`).
@Suite struct MigrationHistoryTests {
    static let files = [
        ("20240101000001_creators.sql", "CREATE TABLE creators_hot (id bigint PRIMARY KEY);\n"),
        ("20240101000002_hashtags.sql", "CREATE TABLE hashtags_hot (id bigint PRIMARY KEY);\n"),
        ("20240101000003_cold.sql", "CREATE TABLE creators_cold (id bigint PRIMARY KEY);\n"),
    ]

    static func folder(_ files: [(String, String)]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-history-\(UUID())").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, sql) in files { try sql.write(toFile: "\(path)/\(name)", atomically: true, encoding: .utf8) }
        return path
    }

    static func check(_ folder: String, against database: TestDatabase) throws -> [String] {
        try Audit(source: .sqlDirectory(folder)).run(against: database.connectionString).findings
            .map { "\($0.kind.rawValue) \($0.path)\($0.object.map { " \($0)" } ?? ""): \($0.message)" }.sorted()
    }

    @Test func supabaseHistoryTellsPendingFromDrift() throws {
        let folder = try Self.folder(Self.files)
        let database = try TestDatabase("history_supabase", sql: Self.files.prefix(2).map(\.1).joined() + """
            CREATE SCHEMA IF NOT EXISTS supabase_migrations;
            CREATE TABLE IF NOT EXISTS supabase_migrations.schema_migrations (version text NOT NULL PRIMARY KEY);
            ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS statements text[];
            ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS name text;
            INSERT INTO supabase_migrations.schema_migrations (version, name) VALUES
              ('20240101000001', 'creators'), ('20240101000002', 'hashtags'), ('20240101000009', 'lost');

            """)
        #expect(try Self.check(folder, against: database) == [
            "missing_migration_file supabase_migrations 20240101000009: supabase_migrations.schema_migrations lists version 20240101000009 (lost) and no file has it",
            "missing_table public.creators_cold: table public.creators_cold does not exist",
            "pending_migration supabase_migrations 20240101000003: \(folder)/20240101000003_cold.sql is not in supabase_migrations.schema_migrations's history: not applied yet",
        ])
    }

    /// A plan, even with --allow-destructive, never drops the tool's history table.
    @Test func aPlanLeavesTheHistoryTableAlone() throws {
        let folder = try Self.folder(Self.files)
        let database = try TestDatabase("history_plan", sql: Self.files.map(\.1).joined() + """
            CREATE SCHEMA supabase_migrations;
            CREATE TABLE supabase_migrations.schema_migrations (version text NOT NULL PRIMARY KEY, statements text[], name text);

            """)
        let plan = try Audit(source: .sqlDirectory(folder)).plan(against: database.connectionString, options: PlanOptions(allowDestructive: true))
        #expect(plan.statements.map(\.sql) == [])
    }

    @Test func golangMigrateKeepsTheLatestVersionOnly() throws {
        let files = [("1_a.up.sql", "CREATE TABLE a (id int);\n"), ("1_a.down.sql", "DROP TABLE a;\n"),
                     ("2_b.up.sql", "CREATE TABLE b (id int);\n"), ("3_c.up.sql", "CREATE TABLE c (id int);\n")]
        let folder = try Self.folder(files)
        let database = try TestDatabase("history_golang_migrate", sql: """
            CREATE TABLE a (id int);
            CREATE TABLE b (id int);
            CREATE TABLE IF NOT EXISTS schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL);
            INSERT INTO schema_migrations VALUES (2, true);

            """)
        let findings = try MigrationHistoryFindingsProbe.findings(folder: folder, database: database)
        #expect(findings == [
            "failed_migration 2: \(folder)/2_b.up.sql is marked dirty by golang-migrate: it failed halfway",
            "pending_migration 3: \(folder)/3_c.up.sql is not applied yet (golang-migrate is at version 2)",
        ])
    }
}

/// The history findings alone (golang-migrate's down files are not read as migrations by the history;
/// the folder reader's own handling of them is another matter).
enum MigrationHistoryFindingsProbe {
    static func findings(folder: String, database: TestDatabase) throws -> [String] {
        let connection = try database.connect()
        defer { connection.close() }
        guard let history = try Introspector.migrationHistory(on: connection) else { return ["no history"] }
        let files = try ExpectedSchemaLoader.migrationFiles(in: folder)
        return MigrationHistoryFindings.findings(files: files, history: history)
            .map { "\($0.kind.rawValue) \($0.object ?? ""): \($0.message)" }.sorted()
    }
}
