import Foundation
import PgDrift
import Testing

/// Issue 19 without a database: each tool's naming rule, the checksums the tools record (expected values
/// computed independently, with Python's zlib and hashlib), down sections, sqitch plans and the ledger.
@Suite struct MigrationHistoryUnitTests {
    @Test func eachToolsNamingRule() {
        let cases: [(MigrationTool, String, String?)] = [
            (.supabase, "supabase/migrations/20240101120000_init.sql", "20240101120000"),
            (.dbmate, "db/migrations/20240101120000_create_users.sql", "20240101120000"),
            (.golangMigrate, "m/000042_add_email.up.sql", "42"),
            (.goose, "m/00007_add_email.sql", "7"),
            (.sqlx, "m/20240101120000_users.up.sql", "20240101120000"),
            (.flyway, "sql/V1_2__add_email.sql", "1.2"),
            (.flyway, "sql/V2.0__x.sql", "2"),
            (.flyway, "sql/R__views.sql", nil),
            (.diesel, "migrations/2024-01-01-120000_create_users/up.sql", "20240101120000"),
            (.prisma, "prisma/migrations/20240101120000_init/migration.sql", "20240101120000_init"),
            (.alembic, "versions/ae1027a6acf0_add_users.sql", "ae1027a6acf0"),
            (.yoyo, "m/0001.create-accounts.sql", "0001.create-accounts"),
            (.nodePgMigrate, "m/1700000000000_create-users.sql", "1700000000000_create-users"),
        ]
        #expect(cases.map { $0.0.key(ofFile: $0.1) } == cases.map(\.2))
        let rows: [(MigrationTool, String, String)] = [
            (.golangMigrate, "42", "42"), (.flyway, "1.2.0", "1.2"), (.knex, "20240101_users.js", "20240101_users"),
            (.sequelize, "20240101-users.js", "20240101-users"), (.liquibase, "db/changelog/001-init.sql", "001-init"),
            (.diesel, "20240101120000", "20240101120000"),
        ]
        #expect(rows.map { $0.0.key(of: MigrationHistory.Entry(version: $0.1)) } == rows.map(\.2))
    }

    @Test func flywaysChecksumIsCRC32OverLines() {
        // zlib.crc32 of the lines joined without their breaks, as a signed 32-bit number.
        #expect(MigrationChecksum.flywayCRC32(Array("CREATE TABLE a (id int);\r\n-- note\nCREATE TABLE b (id int);\n".utf8)) == 573_336_087)
        #expect(MigrationChecksum.flywayCRC32([0xEF, 0xBB, 0xBF] + Array("CREATE TABLE a (id int);\n".utf8)) == -623_083_431)
    }

    @Test func checksumsTellAnEditedFile() {
        let file = Array("CREATE TABLE c (id int);\n".utf8)
        let edited = Array("CREATE TABLE c (id bigint);\n".utf8)
        let sqlx = MigrationHistory.Entry(
            version: "3", checksum: "3da4e6a67cc96672222acf52988a761c93b8d3f7b8bf1701f9ebb37d8c2a98b1eb5f89a1563982453e043727e20ae7c1")
        let prisma = MigrationHistory.Entry(version: "3_c", checksum: "287c713ffe4eb4330954df3b71df956ed9fbe5ccbb4a0b50963a9a0af7584118")
        let flyway = MigrationHistory.Entry(version: "3", checksum: String(MigrationChecksum.flywayCRC32(file)))
        let supabase = MigrationHistory.Entry(version: "3", statements: ["create table c (id int)"])
        let liquibase = MigrationHistory.Entry(version: "3", checksum: "9:0123")
        let results = [(sqlx, MigrationTool.sqlx), (prisma, .prisma), (flyway, .flyway), (supabase, .supabase), (liquibase, .liquibase)].map {
            [MigrationChecksum.modified(file, entry: $0.0, tool: $0.1), MigrationChecksum.modified(edited, entry: $0.0, tool: $0.1)]
        }
        #expect(results == [[false, true], [false, true], [false, true], [false, true], [nil, nil]])
        // Prisma takes the file with Windows line endings too.
        #expect(MigrationChecksum.modified(Array("CREATE TABLE c (id int);\r\n".utf8), entry: prisma, tool: .prisma) == false)
    }

    @Test func downSectionsAreNotTheMigration() {
        let dbmate = "-- migrate:up\nCREATE TABLE a (id int);\n\n-- migrate:down\nDROP TABLE a;\n"
        #expect(MigrationSections.upOnly(dbmate) == "-- migrate:up\nCREATE TABLE a (id int);\n\n               \n             \n")
        let goose = "-- +goose Up\nCREATE TABLE a (id int);\n-- +goose Down\nDROP TABLE a;"
        #expect(MigrationSections.upOnly(goose) == "-- +goose Up\nCREATE TABLE a (id int);\n              \n             ")
        let nodePg = "-- Up Migration\nCREATE TABLE a (id int);\n-- Down Migration\nDROP TABLE a;\n"
        #expect(MigrationSections.upOnly(nodePg).contains("DROP") == false)
        // A marker inside a string or a function body is text, not a marker.
        let quoted = "CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$ SELECT '-- migrate:down' $$;\n-- not a marker\n"
        #expect(MigrationSections.upOnly(quoted) == quoted)
        // A long file is scanned only when it says "down" somewhere.
        #expect([MigrationSections.containsDown("x -- +goose DoWn"), MigrationSections.containsDown("up only"), MigrationSections.containsDown("dow")]
            == [true, false, false])
        let long = String(repeating: "CREATE TABLE t (id int);\n", count: 400)
        #expect(MigrationSections.upOnly(long + "-- migrate:down\nDROP TABLE t;\n").contains("DROP") == false)
        #expect(MigrationSections.upOnly(long) == long)
    }

    @Test func rollbackFilesAndFoldersOfMigrations() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-layout-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        for name in ["1_a.up.sql", "1_a.down.sql", "V2__b.sql", "U2__b.sql", "3_c.undo.sql"] {
            try FileManager.default.createDirectory(atPath: "\(root)/flat", withIntermediateDirectories: true)
            try "SELECT 1;".write(toFile: "\(root)/flat/\(name)", atomically: true, encoding: .utf8)
        }
        for name in ["20240102_b", "20240101_a"] {
            try FileManager.default.createDirectory(atPath: "\(root)/prisma/\(name)", withIntermediateDirectories: true)
            try "SELECT 1;".write(toFile: "\(root)/prisma/\(name)/migration.sql", atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(atPath: "\(root)/sqitch/deploy", withIntermediateDirectories: true)
        try "%project=p\n\nzeta 2024-01-01T00:00:00Z me <me@x> # first\n@v1 2024-01-01T00:00:00Z me <me@x>\nalpha [zeta] 2024-01-02T00:00:00Z me <me@x>\n"
            .write(toFile: "\(root)/sqitch/sqitch.plan", atomically: true, encoding: .utf8)
        for name in ["alpha.sql", "zeta.sql"] { try "SELECT 1;".write(toFile: "\(root)/sqitch/deploy/\(name)", atomically: true, encoding: .utf8) }
        #expect(try ExpectedSchemaLoader.migrationFiles(in: "\(root)/flat").map { ($0 as NSString).lastPathComponent } == ["1_a.up.sql", "V2__b.sql"])
        #expect(try ExpectedSchemaLoader.migrationFiles(in: "\(root)/prisma") == ["\(root)/prisma/20240101_a/migration.sql", "\(root)/prisma/20240102_b/migration.sql"])
        #expect(try ExpectedSchemaLoader.migrationFiles(in: "\(root)/sqitch/deploy") == ["\(root)/sqitch/deploy/zeta.sql", "\(root)/sqitch/deploy/alpha.sql"])
    }

    @Test func rowsThatCoverEarlierFiles() {
        let files = ["m/1_a.up.sql", "m/2_b.up.sql", "m/3_c.up.sql"]
        let golang = MigrationLedger(
            files: files, history: MigrationHistory(tool: .golangMigrate, table: QualifiedName("public", "schema_migrations"),
                                                    entries: [MigrationHistory.Entry(version: "2", coversEarlier: true)]), read: { _ in nil })
        #expect(golang.files.map(\.applied) == [true, true, false])
        let alembicFiles = ["v/ffff00000001_a.sql", "v/aaaa00000002_b.sql", "v/cccc00000003_c.sql"]
        let alembic = MigrationLedger(
            files: alembicFiles, history: MigrationHistory(tool: .alembic, table: QualifiedName("public", "alembic_version"),
                                                           entries: [MigrationHistory.Entry(version: "aaaa00000002", coversEarlier: true)]), read: { _ in nil })
        #expect(alembic.files.map(\.applied) == [true, true, false])
        #expect(alembic.appliedFiles == Array(alembicFiles.prefix(2)))
        let django = MigrationLedger(
            files: ["shop/0001_initial.sql", "shop/0002_orders.sql"],
            history: MigrationHistory(tool: .django, table: QualifiedName("public", "django_migrations"), entries: [
                MigrationHistory.Entry(version: "0001_initial", name: "contenttypes"), MigrationHistory.Entry(version: "0002_remove_content_type_name", name: "contenttypes"),
                MigrationHistory.Entry(version: "0001_initial", name: "auth"), MigrationHistory.Entry(version: "0001_initial", name: "billing"),
                MigrationHistory.Entry(version: "0002_other", name: "billing"), MigrationHistory.Entry(version: "0001_initial", name: "shop"),
            ]), read: { _ in nil })
        #expect(django.history.entries.map { $0.name ?? "" } == ["shop"])
        #expect(django.files.map(\.pending) == [false, true])
        #expect(django.rowsWithoutFile == [])
    }

    @Test func historySettingsByName() {
        #expect(HistorySetting("none") == .off)
        #expect(HistorySetting("auto") == .detect)
        #expect(HistorySetting("golang-migrate") == .tool(.golangMigrate))
        #expect(HistorySetting("Flyway") == .tool(.flyway))
        #expect(HistorySetting("rake") == nil)
    }
}
