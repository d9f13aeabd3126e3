import Foundation
import PgDrift
import PgDriftTestSupport
import Testing

/// Issue 19, tool by tool: the history table found by its name and shape, files matched by the tool's
/// own rule. Alembic, Django, yoyo and sqitch made their tables for real (HistoryFixtures/, by
/// scripts/regenerate-history-fixtures); the others' tables are created here as the tool's own source
/// creates them, for the version named.
@Suite struct MigrationHistoryToolTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("HistoryFixtures").path

    /// A fixture's dump loaded into a fresh database, and its folder of migrations copied (tests edit it).
    static func fixture(_ tool: String) throws -> (database: TestDatabase, folder: String) {
        let dump = try String(contentsOfFile: "\(fixtures)/\(tool)/history.sql", encoding: .utf8)
        let database = try TestDatabase("history_fixture_\(tool)", sql: dump)
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-fixture-\(UUID())").path
        try FileManager.default.copyItem(atPath: "\(fixtures)/\(tool)", toPath: copy)
        return (database, "\(copy)/migrations")
    }

    static func findings(_ folder: String, _ database: TestDatabase) throws -> [String] {
        try Audit(source: .sqlDirectory(folder)).run(against: database.connectionString).findings
            .map { "\($0.kind.rawValue) \($0.path)\($0.object.map { " \($0)" } ?? "")\($0.migration.map { $0.recorded ? "" : " (pending)" } ?? "")" }
    }

    // MARK: Made by the real tools

    @Test(arguments: [
        ("yoyo", "0003.accounts-created-at"), ("alembic", "3c4d5e6f7081"), ("django", "0003_accounts_created_at"),
        ("sqitch", "accounts_created_at"),
    ])
    func aRealToolsHistory(tool: String, version: String) throws {
        let (database, folder) = try Self.fixture(tool)
        let detected = try Introspector.migrationHistory(on: database.connect())
        #expect(detected?.tool.rawValue == tool)
        let schema = tool == "sqitch" ? "sqitch" : "public"
        // Django's own apps (auth, contenttypes) made tables the folder does not: extra, and nothing else.
        #expect(try Self.findings(folder, database).filter { !$0.hasPrefix("extra_table public.auth_") && !$0.hasPrefix("extra_table public.django_content_type") } == [
            "pending_migration \(schema) \(version) (pending)",
            "missing_column public.accounts.created_at (pending)",
        ])
        var audit = Audit(source: .sqlDirectory(folder))
        audit.asApplied = true
        #expect(try audit.run(against: database.connectionString).findings.filter { $0.kind.isAboutAnObject && !($0.table ?? "").hasPrefix("auth_") && $0.table != "django_content_type" } == [])
    }

    /// sqitch records the SHA-1 of each deploy script: an applied script edited since is found.
    @Test func anEditedSqitchScript() throws {
        let (database, folder) = try Self.fixture("sqitch")
        let script = "\(folder)/create_orders.sql"
        try (try String(contentsOfFile: script, encoding: .utf8)).replacingOccurrences(of: "numeric(12,2)", with: "numeric(14,2)")
            .write(toFile: script, atomically: true, encoding: .utf8)
        let findings = try Self.findings(folder, database)
        #expect(findings.contains("modified_migration sqitch create_orders"))
        #expect(findings.contains("column_type_mismatch public.orders.total"))
        let report = try Audit(source: .sqlDirectory(folder)).run(against: database.connectionString)
        #expect(report.findings.first { $0.kind == .columnTypeMismatch }?.migration?.says.hasSuffix("edited after it was applied on \(String(report.findings.first { $0.kind == .modifiedMigration }!.migration!.appliedAt!.prefix(10))): the database has the file as it was") == true)
    }

    // MARK: Made as the tools' sources make them

    struct ToolCase: Sendable, CustomTestStringConvertible {
        var tool: MigrationTool
        /// The three migrations (t1, t2, t3), as the tool names them; a trailing `/` makes a folder.
        var files: [(String, String)]
        /// The history table, as the tool creates it, with t1 and t2 recorded.
        var history: String
        var pendingVersion: String
        var testDescription: String { tool.rawValue }
    }

    static func sql(_ n: Int) -> String { "CREATE TABLE t\(n) (id int);\n" }
    /// The server's own digest of a file's text (an independent implementation of the tool's checksum).
    static func digest(_ function: String, _ n: Int) -> String { "pg_catalog.encode(pg_catalog.\(function)(convert_to(\(SQLQuote.literal(sql(n))), 'UTF8')), 'hex')" }

    static let cases: [ToolCase] = [
        // Liquibase 4.29 (liquibase-standard, StandardChangeLogHistoryService for PostgreSQL).
        ToolCase(tool: .liquibase, files: (1...3).map { ("00\($0)_t\($0).sql", "--liquibase formatted sql\n--changeset me:\($0)\n" + sql($0)) }, history: """
            CREATE TABLE public.databasechangeloglock (id INTEGER NOT NULL, locked BOOLEAN NOT NULL, lockgranted TIMESTAMP WITHOUT TIME ZONE, lockedby VARCHAR(255), CONSTRAINT databasechangeloglock_pkey PRIMARY KEY (id));
            CREATE TABLE public.databasechangelog (id VARCHAR(255) NOT NULL, author VARCHAR(255) NOT NULL, filename VARCHAR(255) NOT NULL, dateexecuted TIMESTAMP WITHOUT TIME ZONE NOT NULL, orderexecuted INTEGER NOT NULL, exectype VARCHAR(10) NOT NULL, md5sum VARCHAR(35), description VARCHAR(255), comments VARCHAR(255), tag VARCHAR(255), liquibase VARCHAR(20), contexts VARCHAR(255), labels VARCHAR(255), deployment_id VARCHAR(10));
            INSERT INTO public.databasechangelog (id, author, filename, dateexecuted, orderexecuted, exectype, md5sum, liquibase) VALUES
              ('1', 'me', 'db/changelog/001_t1.sql', now(), 1, 'EXECUTED', '9:5f2b', '4.29.2'), ('2', 'me', 'db/changelog/002_t2.sql', now(), 2, 'EXECUTED', '9:77aa', '4.29.2');
            """, pendingVersion: "003_t3"),
        // dbmate 2.x: one file, up and down sections.
        ToolCase(tool: .dbmate, files: (1...3).map { ("2024010100000\($0)_t\($0).sql", "-- migrate:up\n" + sql($0) + "\n-- migrate:down\nDROP TABLE t\($0);\n") }, history: """
            CREATE TABLE IF NOT EXISTS public.schema_migrations (version character varying(128) NOT NULL PRIMARY KEY);
            INSERT INTO public.schema_migrations VALUES ('20240101000001'), ('20240101000002');
            """, pendingVersion: "20240101000003"),
        // Rails 7.1 (ActiveRecord::SchemaMigration and InternalMetadata).
        ToolCase(tool: .rails, files: (1...3).map { ("2024010100000\($0)_t\($0).sql", sql($0)) }, history: """
            CREATE TABLE "schema_migrations" ("version" character varying NOT NULL PRIMARY KEY);
            CREATE TABLE "ar_internal_metadata" ("key" character varying NOT NULL PRIMARY KEY, "value" character varying, "created_at" timestamp(6) NOT NULL, "updated_at" timestamp(6) NOT NULL);
            INSERT INTO "schema_migrations" VALUES ('20240101000001'), ('20240101000002');
            """, pendingVersion: "20240101000003"),
        // Ecto 3.11 (Ecto.Migration.SchemaMigration).
        ToolCase(tool: .ecto, files: (1...3).map { ("2024010100000\($0)_t\($0).sql", sql($0)) }, history: """
            CREATE TABLE IF NOT EXISTS "schema_migrations" ("version" bigint, "inserted_at" timestamp(0), PRIMARY KEY ("version"));
            INSERT INTO "schema_migrations" VALUES (20240101000001, now()), (20240101000002, now());
            """, pendingVersion: "20240101000003"),
        // Prisma 5 (schema-engine's migration table), one folder per migration, SHA-256 checksums.
        ToolCase(tool: .prisma, files: (1...3).map { ("2024010100000\($0)_t\($0)/", sql($0)) }, history: """
            CREATE TABLE "_prisma_migrations" ("id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ, "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ, "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0);
            INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES
              ('a', \(digest("sha256", 1)), now(), '20240101000001_t1', 1), ('b', \(digest("sha256", 2)), now(), '20240101000002_t2', 1);
            """, pendingVersion: "20240101000003_t3"),
        // Diesel 2.1 (diesel_migrations), one folder per migration with up.sql and down.sql.
        ToolCase(tool: .diesel, files: (1...3).map { ("2024-01-01-00000\($0)_t\($0)/", sql($0)) }, history: """
            CREATE TABLE IF NOT EXISTS __diesel_schema_migrations (version VARCHAR(50) PRIMARY KEY NOT NULL, run_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP);
            INSERT INTO __diesel_schema_migrations (version) VALUES ('20240101000001'), ('20240101000002');
            """, pendingVersion: "20240101000003"),
        // sqlx 0.7 (sqlx-postgres migrate.rs), SHA-384 checksums.
        ToolCase(tool: .sqlx, files: (1...3).map { ("2024010100000\($0)_t\($0).sql", sql($0)) }, history: """
            CREATE TABLE IF NOT EXISTS _sqlx_migrations (version BIGINT PRIMARY KEY, description TEXT NOT NULL, installed_on TIMESTAMPTZ NOT NULL DEFAULT now(), success BOOLEAN NOT NULL, checksum BYTEA NOT NULL, execution_time BIGINT NOT NULL);
            INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) VALUES
              (20240101000001, 't1', true, pg_catalog.sha384(convert_to(\(SQLQuote.literal(sql(1))), 'UTF8')), 1),
              (20240101000002, 't2', true, pg_catalog.sha384(convert_to(\(SQLQuote.literal(sql(2))), 'UTF8')), 1);
            """, pendingVersion: "20240101000003"),
        // goose v3.20 (Postgres dialect): version 0 is goose's own; 3 applied, then rolled back.
        ToolCase(tool: .goose, files: (1...3).map { ("0000\($0)_t\($0).sql", "-- +goose Up\n" + sql($0) + "-- +goose Down\nDROP TABLE t\($0);\n") }, history: """
            CREATE TABLE goose_db_version (id integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY, version_id bigint NOT NULL, is_applied boolean NOT NULL, tstamp timestamp NOT NULL DEFAULT now());
            INSERT INTO goose_db_version (version_id, is_applied) VALUES (0, true), (1, true), (2, true), (3, true), (3, false);
            """, pendingVersion: "3"),
        // node-pg-migrate 7 (SQL migrations with up and down sections).
        ToolCase(tool: .nodePgMigrate, files: (1...3).map { ("170000000000\($0)_t\($0).sql", "-- Up Migration\n" + sql($0) + "-- Down Migration\nDROP TABLE t\($0);\n") }, history: """
            CREATE TABLE "public"."pgmigrations" (id SERIAL PRIMARY KEY, name varchar(255) NOT NULL, run_on timestamp NOT NULL);
            INSERT INTO "public"."pgmigrations" (name, run_on) VALUES ('1700000000001_t1', now()), ('1700000000002_t2', now());
            """, pendingVersion: "1700000000003_t3"),
        // Knex 3 (migrate/table-creator.js): names keep the .js of the original files.
        ToolCase(tool: .knex, files: (1...3).map { ("2024010100000\($0)_t\($0).sql", sql($0)) }, history: """
            CREATE TABLE "knex_migrations" ("id" serial PRIMARY KEY, "name" varchar(255), "batch" integer, "migration_time" timestamptz);
            CREATE TABLE "knex_migrations_lock" ("index" serial PRIMARY KEY, "is_locked" integer);
            INSERT INTO "knex_migrations" (name, batch, migration_time) VALUES ('20240101000001_t1.js', 1, now()), ('20240101000002_t2.js', 1, now());
            """, pendingVersion: "20240101000003_t3"),
        // Sequelize 6 with umzug's SequelizeStorage.
        ToolCase(tool: .sequelize, files: (1...3).map { ("2024010100000\($0)-t\($0).sql", sql($0)) }, history: """
            CREATE TABLE IF NOT EXISTS "SequelizeMeta" ("name" VARCHAR(255) NOT NULL UNIQUE, PRIMARY KEY ("name"));
            INSERT INTO "SequelizeMeta" VALUES ('20240101000001-t1.js'), ('20240101000002-t2.js');
            """, pendingVersion: "20240101000003-t3"),
    ]

    @Test(arguments: cases)
    func aToolsHistoryTable(_ example: ToolCase) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-tool-\(UUID())").path
        for (name, sql) in example.files {
            if name.hasSuffix("/") {
                try FileManager.default.createDirectory(atPath: "\(root)/\(name)", withIntermediateDirectories: true)
                try sql.write(toFile: "\(root)/\(name)\(example.tool == .prisma ? "migration.sql" : "up.sql")", atomically: true, encoding: .utf8)
                if example.tool == .diesel { try "DROP TABLE t;\n".write(toFile: "\(root)/\(name)down.sql", atomically: true, encoding: .utf8) }
            } else {
                try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
                try sql.write(toFile: "\(root)/\(name)", atomically: true, encoding: .utf8)
            }
        }
        let database = try TestDatabase("history_tool_\(example.tool.rawValue.replacingOccurrences(of: "-", with: "_"))",
                                        sql: Self.sql(1) + Self.sql(2) + example.history)
        #expect(try Introspector.migrationHistory(on: database.connect())?.tool == example.tool)
        #expect(try Self.findings(root, database) == [
            "pending_migration public \(example.pendingVersion) (pending)",
            "missing_table public.t3 (pending)",
        ])
    }
}
