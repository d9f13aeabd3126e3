import Foundation
import PgDrift
import PgDriftTestSupport
import Testing

/// `pgdrift plan` from the command line: where the plan goes, and what --apply promises.
@Suite struct PlanCLITests {
    static let enabled = FileManager.default.isExecutableFile(atPath: CLITests.binary)

    func folder() throws -> String {
        TestEnvironment.isolated
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-plan-\(UUID())").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test(.enabled(if: enabled)) func writesThePlanToStandardOutputOrAFile() throws {
        let target = try TestDatabase("plan_cli_target", sql: "CREATE TABLE t (a int, b text NOT NULL DEFAULT '');")
        let database = try TestDatabase("plan_cli_db", sql: "CREATE TABLE t (a int);")
        let out = try CLITests.run(["plan", "--expected", target.connectionString, "--database", database.connectionString])
        #expect(out.code == 0, "\(out.stderr)")
        #expect(out.stdout.contains("ALTER TABLE public.t ADD COLUMN IF NOT EXISTS b text DEFAULT ''::text NOT NULL;")
            || out.stdout.contains("ALTER TABLE public.t ADD COLUMN IF NOT EXISTS b text NOT NULL DEFAULT ''::text;"), "\(out.stdout)")
        #expect(out.stdout.contains("SET lock_timeout = '5s';"))
        #expect(out.stdout.contains("BEGIN;") && out.stdout.contains("COMMIT;"))
        #expect(!out.stdout.contains("password"))

        let directory = try folder()
        let file = directory + "/fix.sql"
        let written = try CLITests.run(["plan", "--expected", target.connectionString, "--database", database.connectionString, "--out", file])
        #expect(written.code == 0)
        #expect(written.stdout.isEmpty)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == out.stdout)
    }

    @Test(.enabled(if: enabled)) func namesTheFileInTheMigrationFoldersScheme() throws {
        let target = try TestDatabase("plan_dir_target", sql: "CREATE TABLE t (a int); CREATE TABLE u (b int);")
        let database = try TestDatabase("plan_dir_db", sql: "CREATE TABLE t (a int);")
        let directory = try folder()
        for name in ["001_init.sql", "002_more.sql"] { try Data("SELECT 1;".utf8).write(to: URL(fileURLWithPath: directory + "/" + name)) }
        let run = try CLITests.run(["plan", "--expected", target.connectionString, "--database", database.connectionString,
                                    "--migrations-dir", directory])
        #expect(run.code == 0, "\(run.stderr)")
        let written = try String(contentsOfFile: directory + "/003_pgdrift_fixup.sql", encoding: .utf8)
        #expect(written.contains("CREATE TABLE IF NOT EXISTS public.u ("))

        // Nothing to do: no file.
        let clean = try CLITests.run(["plan", "--expected", target.connectionString, "--database", target.connectionString,
                                      "--migrations-dir", directory])
        #expect(clean.code == 0)
        #expect(!FileManager.default.fileExists(atPath: directory + "/004_pgdrift_fixup.sql"))

        let both = try CLITests.run(["plan", "--out", "x.sql", "--migrations-dir", directory])
        #expect(both.code == 2)
    }

    @Test(.enabled(if: enabled)) func applyLeavesTheDatabaseCleanOrSaysWhatIsLeft() throws {
        let target = try TestDatabase("plan_apply_target", sql: "CREATE TABLE t (a int, c text); CREATE INDEX t_c ON t (c);")
        let database = try TestDatabase("plan_apply_db", sql: "CREATE TABLE t (a bigint, old text); INSERT INTO t VALUES (1, 'x');")

        // Without --allow-destructive, bigint → integer (narrowing) is left out: an error is left, exit 1.
        let safe = try CLITests.run(["plan", "--expected", target.connectionString, "--database", database.connectionString, "--apply"])
        #expect(safe.code == 1, "\(safe.stderr)")
        #expect(safe.stdout.contains("-- SKIPPED (destructive: bigint → integer may not keep every value"))
        #expect(safe.stdout.contains("-- SKIPPED (destructive: drops column t.old and its data"))
        #expect(safe.stderr.contains("column t.a is bigint, expected integer"), "\(safe.stderr)")

        let full = try CLITests.run(["plan", "--expected", target.connectionString, "--database", database.connectionString,
                                     "--apply", "--allow-destructive"])
        #expect(full.code == 0, "\(full.stderr)")
        #expect(full.stderr.contains("checked again: the database matches the expected schema"))

        let check = try CLITests.run(["check", "--expected", target.connectionString, "--database", database.connectionString,
                                      "--report-dir", try folder()])
        #expect(check.code == 0, "\(check.stdout)")
    }

    @Test(.enabled(if: enabled)) func aFailedApplyIsADatabaseErrorAndChangesNothing() throws {
        let target = try TestDatabase("plan_fail_target", sql: "CREATE TABLE t (a int NOT NULL); CREATE TABLE u (b int);")
        let database = try TestDatabase("plan_fail_db", sql: "CREATE TABLE t (a int); INSERT INTO t VALUES (NULL);")
        let run = try CLITests.run(["plan", "--expected", target.connectionString, "--database", database.connectionString, "--apply"])
        #expect(run.code == 3)
        #expect(run.stderr.contains("rolled back, nothing applied"), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count <= 2, "\(run.stderr)")
        #expect(try database.catalog().tables[QualifiedName("public", "u")] == nil)
    }
}

/// `snapshot --format sql` writes the plan from an empty database; psql-free: applied through libpq.
@Suite struct SnapshotSQLTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CLITests.binary)))
    func theSQLSnapshotRebuildsTheDatabase() throws {
        let original = try TestDatabase("snapshot_sql_source", sql: IntrospectionTests.everyKind)
        let run = try CLITests.run(["snapshot", "--database", original.connectionString, "--format", "sql"])
        #expect(run.code == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("-- pgdrift snapshot: the schema of "))
        let rebuilt = try TestDatabase("snapshot_sql_rebuilt", sql: run.stdout)
        let differences = catalogDifferences(try original.catalog(), try rebuilt.catalog())
        #expect(differences.isEmpty, "\(differences)")
    }
}
