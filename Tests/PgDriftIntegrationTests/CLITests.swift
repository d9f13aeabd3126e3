import Foundation
import PgDrift
import PgDriftTestSupport
import Testing

/// The `pgdrift` binary's exit codes and one-line errors.
@Suite struct CLITests {
    static var binary: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("pgdrift").path
    }

    /// Runs the binary in `directory` (default: the temporary folder), through posix_spawn.
    static func run(_ arguments: [String], in directory: String? = nil) throws -> (code: Int32, stdout: String, stderr: String) {
        let result = try ChildProcess.run([binary] + arguments, in: directory ?? FileManager.default.temporaryDirectory.path)
        return (result.code, result.stdout, result.stderr)
    }

    /// PGDRIFT_TRACE=1 prints one line per query (time, rows, first words) on standard error, and only then.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CLITests.binary)))
    func traceShowsEveryQuery() throws {
        let database = try TestDatabase("cli_trace", sql: "CREATE TABLE t (a int DEFAULT 1, b text);")
        TestEnvironment.isolated
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-trace-\(UUID()).json").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let traced = try ChildProcess.run(["env", "PGDRIFT_TRACE=1", Self.binary, "snapshot", "--database", database.connectionString, "--out", output])
        #expect(traced.code == 0, "\(traced.stderr)")
        let lines = traced.stderr.split(separator: "\n").filter { $0.hasPrefix("pgdrift: trace: ") }
        // The 18 catalog queries (a fixed number) and the 3 that set up the transaction; a query read
        // through a cursor is one line, whatever the number of its pages.
        #expect(lines.count == 21, "\(traced.stderr)")
        #expect(lines.contains { $0.contains(" ms 2 rows: SELECT a.attrelid AS relid") })
        #expect(lines.contains { $0.contains(" ms 1 rows: SELECT ad.adrelid AS relid") })
        let quiet = try Self.run(["snapshot", "--database", database.connectionString, "--out", output])
        #expect(quiet.code == 0)
        #expect(!quiet.stderr.contains("trace"))
    }

    /// `plan` of a folder the offline reader reads starts no throwaway server (issue 17); one it defers
    /// on goes through a shadow database, which the trace names.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CLITests.binary)))
    func planOfAFolderReadOfflineStartsNoServer() throws {
        let database = try TestDatabase("cli_plan_offline", sql: "CREATE TABLE t (a int);")
        TestEnvironment.isolated
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-plan-\(UUID()).sql").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let readable = try TruthRegressionTests.folder("CREATE TABLE t (a int, b numeric DEFAULT '0.50');\nCREATE INDEX t_b ON t (b) WHERE b > 0;\n")
        let offline = try ChildProcess.run(["env", "PGDRIFT_TRACE=1", Self.binary, "plan", "--expected", readable, "--database", database.connectionString, "--out", output])
        #expect(offline.code == 0, "\(offline.stderr)")
        #expect(!offline.stderr.contains("throwaway PostgreSQL"), "\(offline.stderr)")
        let plan = try String(contentsOfFile: output, encoding: .utf8)
        #expect(plan.contains("ALTER TABLE public.t ADD COLUMN IF NOT EXISTS b numeric DEFAULT '0.50';"), "\(plan)")
        #expect(plan.contains("CREATE INDEX IF NOT EXISTS t_b ON public.t USING btree (b) WHERE (b > 0);"), "\(plan)")
        // A DO block with EXECUTE is the shadow database's to run.
        let deferred = try TruthRegressionTests.folder("CREATE TABLE t (a int);\nDO $$ BEGIN EXECUTE 'ALTER TABLE t ADD COLUMN c int'; END $$;\n")
        let shadow = try ChildProcess.run(["env", "PGDRIFT_TRACE=1", Self.binary, "plan", "--expected", deferred, "--database", database.connectionString, "--out", output])
        #expect(shadow.code == 0, "\(shadow.stderr)")
        #expect(shadow.stderr.contains("pgdrift: trace: starting a throwaway PostgreSQL in /tmp/pgdrift-")
            || shadow.stderr.contains("pgdrift: trace: starting a throwaway PostgreSQL in /dev/shm/pgdrift-"), "\(shadow.stderr)")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CLITests.binary)))
    func exitCodes() throws {
        let clean = try TestDatabase("cli_clean", sql: "CREATE TABLE t (a int);")
        let drifted = try TestDatabase("cli_drifted", sql: "CREATE TABLE t (a bigint);")
        TestEnvironment.isolated
        let reports = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-cli-\(UUID())").path

        let same = try Self.run(["check", "--expected", clean.connectionString, "--database", clean.connectionString, "--report-dir", reports])
        #expect(same.code == 0, "\(same.stderr)")
        #expect(same.stdout.contains("no drift"))

        let drift = try Self.run(["check", "--expected", clean.connectionString, "--database", drifted.connectionString,
                                  "--format", "json", "--report-dir", reports])
        #expect(drift.code == 1)
        #expect(drift.stdout.contains("\"kind\" : \"column_type_mismatch\""))
        for file in ["drift-report.json", "drift-report.md", "drift-report.xml", "drift-report.sarif"] {
            #expect(FileManager.default.fileExists(atPath: reports + "/" + file), "\(file)")
        }
        let github = try Self.run(["check", "--expected", clean.connectionString, "--database", drifted.connectionString,
                                   "--format", "github", "--report-dir", reports])
        #expect(github.code == 1)
        #expect(github.stdout.hasPrefix("::error title=column_type_mismatch::column t.a is bigint, expected integer"))
        #expect(github.stdout.hasSuffix("\npgdrift: 1 finding: 1 error, 0 warnings, 0 info\n"))

        // Writing to a device writes into it: /dev/null stays a device (an atomic rename would replace it).
        let toDevice = try Self.run(["check", "--expected", clean.connectionString, "--database", clean.connectionString,
                                     "--report-dir", reports, "--output", "/dev/null"])
        #expect(toDevice.code == 0)
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR)

        let usage = try Self.run(["check", "--no-such-option"])
        #expect(usage.code == 2)
        let missing = try Self.run(["check", "--expected", "/nonexistent/folder", "--database", clean.connectionString])
        #expect(missing.code == 2)
        #expect(missing.stderr.split(separator: "\n").count == 1)

        let secret = "pa55-word-x"
        let refused = try Self.run(["snapshot", "--database", "postgresql://u:\(secret)@localhost:1/db"])
        #expect(refused.code == 3)
        #expect(!refused.stderr.contains(secret))
        #expect(refused.stderr.hasPrefix("pgdrift: cannot connect"))
    }

    /// explain: 0 when the name exists in the database, 1 when not, 2 for a malformed NAME, 3 when the
    /// database cannot be reached; text for people, key-sorted JSON for scripts.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CLITests.binary)))
    func explainExitCodes() throws {
        let database = try TestDatabase("cli_explain", sql: "CREATE TABLE creators_hot (creator_id text, videos_count int);")
        let connection = database.connectionString

        let exists = try Self.run(["explain", "creators_hot.videos_count", "--database", connection, "--expected", connection])
        #expect(exists.code == 0, "\(exists.stderr)")
        #expect(exists.stdout.hasPrefix("creators_hot.videos_count: column public.creators_hot.videos_count exists\n"))

        let missing = try Self.run(["explain", "creators_hot.total_videos_count", "--database", connection, "--expected", connection,
                                    "--format", "json"])
        #expect(missing.code == 1, "\(missing.stderr)")
        #expect(missing.stdout.hasPrefix("{\n  \"database\" : {\n    \"connection\" : "))
        #expect(missing.stdout.contains("\"column\" : \"videos_count\""))
        let text = try Self.run(["explain", "creators_hot.total_videos_count", "--database", connection, "--expected", connection])
        #expect(text.code == 1)
        #expect(text.stdout.contains("similar   videos_count in public.creators_hot — shares videos, count"))

        let malformed = try Self.run(["explain", "creators_hot..x", "--database", connection])
        #expect(malformed.code == 2)
        #expect(malformed.stderr == "pgdrift: invalid name 'creators_hot..x': empty name part\n")

        let unreachable = try Self.run(["explain", "creators_hot", "--database", "postgresql://u:secret-pw@localhost:1/db", "--expected", connection])
        #expect(unreachable.code == 3)
        #expect(unreachable.stderr.hasPrefix("pgdrift: cannot connect"))
        #expect(!unreachable.stderr.contains("secret-pw"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CLITests.binary)))
    func sqlErrorsPointAtFileLineAndColumn() throws {
        TestEnvironment.isolated
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-bad-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "CREATE TABLE a (id int);\n".write(to: folder.appendingPathComponent("1_ok.sql"), atomically: true, encoding: .utf8)
        try "-- second\nCREATE TABEL b (id int);\n".write(to: folder.appendingPathComponent("2_bad.sql"), atomically: true, encoding: .utf8)
        let database = try TestDatabase("cli_sql_error")
        let result = try Self.run(["check", "--expected", folder.path, "--database", database.connectionString])
        #expect(result.code == 2)
        #expect(result.stderr == "pgdrift: \(folder.path)/2_bad.sql:2:8: syntax error at or near \"TABEL\"\n")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CLITests.binary)))
    func demoFindsTheSeedsDrift() throws {
        TestEnvironment.isolated
        let reports = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-demo-\(UUID())").path
        let result = try Self.run(["demo", "--report-dir", reports])
        #expect(result.code == 0, "\(result.stderr)")
        for line in [
            "missing_table: table public.creators_cold does not exist",
            "missing_table: table public.hashtags_cold does not exist",
            "missing_column: column creators_hot.total_play_count does not exist",
            "broken_reference: function public.update_aggregations() refers to column creators_hot.total_play_count, which does not exist (line 13 of its body)",
            "11 findings: 10 errors, 1 warning, 0 info",
        ] {
            #expect(result.stdout.contains(line), "\(line)")
        }
        // The fix-up plan, applied, and a second check with no error left (the extra column stays: dropping
        // it would lose data, so the plan leaves it out).
        for line in [
            "CREATE TABLE IF NOT EXISTS public.creators_cold (",
            "ALTER TABLE public.creators_hot ADD COLUMN IF NOT EXISTS total_play_count bigint DEFAULT 0;",
            "-- SKIPPED (destructive: drops column sounds_hot.legacy_rank and its data; rerun with --allow-destructive):",
            "1 finding: 0 errors, 1 warning, 0 info",
        ] {
            #expect(result.stdout.contains(line), "\(line)")
        }
        #expect(result.stdout.contains("similar   videos_count in public.creators_hot, public.hashtags_hot, public.sounds_hot"))
        for step in ["==> is creators_hot.total_videos_count really missing? (pgdrift explain)", "==> planning the fix-up migration", "==> applying it in one transaction", "==> checking again",
                     "==> stopping the throwaway PostgreSQL"] {
            #expect(result.stderr.contains(step), "\(step)")
        }
        #expect(FileManager.default.fileExists(atPath: reports + "/drift-report.json"))
        // The same database told by its Supabase history: 015 is pending, the rest was done by hand.
        #expect(result.stdout.contains("pending migration \(reports)/migrations/015_add_missing_tables_columns.sql\n  warning pending_migration:"))
        #expect(result.stdout.contains("migration: created by \(reports)/migrations/008_indexes.sql, recorded as applied: removed since, outside the migrations"))
        #expect(result.stderr.contains("==> the history lists 001–014: 8 findings wait for the pending 015; against what the history records as applied (--as-applied), 4 remain: the drift made by hand"))

        // docs/examples is this run, regenerated by scripts/regenerate-examples: it must not go stale.
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/examples").path
        for file in ["drift-report.md", "fixup-plan.sql"] {
            let fresh = Self.withoutServerDirectory(try String(contentsOfFile: reports + "/" + file, encoding: .utf8))
            let committed = try String(contentsOfFile: examples + "/" + file, encoding: .utf8)
            #expect(fresh == committed, "docs/examples/\(file) is stale: run scripts/regenerate-examples")
        }
    }

    /// `/tmp/pgdrift-AbC123` (or `/dev/shm/pgdrift-AbC123`) → `/tmp/pgdrift-XXXXXX`, as scripts/regenerate-examples writes it.
    static func withoutServerDirectory(_ text: String) -> String {
        var output = ""
        var rest = Substring(text.replacingOccurrences(of: "/dev/shm/pgdrift-", with: "/tmp/pgdrift-"))
        while let range = rest.range(of: "/tmp/pgdrift-") {
            output += rest[..<range.upperBound]
            rest = rest[range.upperBound...]
            let suffix = rest.prefix(6)
            if suffix.count == 6 && suffix.allSatisfy({ $0.isLetter || $0.isNumber }) {
                output += "XXXXXX"
                rest = rest.dropFirst(6)
            }
        }
        return output + rest
    }

    /// A pgdrift.toml in the working directory sets the defaults (here: which databases, which schemas
    /// to leave out, a severity per kind, the report folder); options on the command line win.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CLITests.binary)))
    func configurationFileInTheWorkingDirectory() throws {
        let expected = try TestDatabase("cli_config_expected", sql: "CREATE TABLE t (a int); CREATE SCHEMA auth; CREATE TABLE auth.users (id int);")
        let actual = try TestDatabase("cli_config_actual", sql: "CREATE TABLE t (a int, b int);")
        TestEnvironment.isolated
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-config-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func write(_ name: String, _ text: String) throws {
            for old in PgDriftConfiguration.fileNames { try? FileManager.default.removeItem(atPath: folder + "/" + old) }
            try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }

        // Without a file: the auth schema and table are missing (errors), t.b is extra (a warning).
        let bare = try Self.run(["check", "--expected", expected.connectionString, "--database", actual.connectionString,
                                 "--report-dir", folder + "/reports"], in: folder)
        #expect(bare.code == 1)
        #expect(bare.stdout.contains("missing_schema") && bare.stdout.contains("warning extra_column"))

        try write("pgdrift.toml", """
            expected = "\(expected.connectionString)"
            database = "\(actual.connectionString)"
            exclude_schemas = ["auth"]
            report_dir = "out"

            [severity]
            extra_column = "off"
            """)
        let configured = try Self.run(["check"], in: folder)
        #expect(configured.code == 0, "\(configured.stderr)")
        #expect(configured.stdout.contains("no drift"))
        #expect(FileManager.default.fileExists(atPath: folder + "/out/drift-report.sarif"))

        // A repeated option replaces the file's list: auth is back, public is left out.
        let replaced = try Self.run(["check", "--exclude-schema", "public"], in: folder)
        #expect(replaced.code == 1)
        #expect(replaced.stdout.contains("missing_table: table auth.users does not exist"))
        #expect(!replaced.stdout.contains("extra_column"))
        // --database wins over the file's database: the expected database against itself.
        let overridden = try Self.run(["check", "--database", expected.connectionString, "--exclude-schema", "none"], in: folder)
        #expect(overridden.code == 0, "\(overridden.stdout)")

        // The same in YAML, with extra columns as infos and strict on; --no-strict turns the file's strict off.
        try write("pgdrift.yml", """
            expected: "\(expected.connectionString)"
            database: "\(actual.connectionString)"
            exclude_schemas: [auth]
            strict: true
            severity:
              extra_column: info
            """)
        let strict = try Self.run(["check", "--report-dir", "out"], in: folder)
        #expect(strict.code == 1)
        #expect(strict.stdout.contains("error extra_column: column t.b is not in the expected schema"))
        let lenient = try Self.run(["check", "--report-dir", "out", "--no-strict"], in: folder)
        #expect(lenient.code == 0)
        #expect(lenient.stdout.contains("info extra_column: column t.b is not in the expected schema"))

        // A bad file stops the command: exit 2, one line naming the file and line.
        try write("pgdrift.toml", "strict = true\n[severity]\nextra_colum = \"off\"\n")
        let bad = try Self.run(["check"], in: folder)
        #expect(bad.code == 2)
        #expect(bad.stderr == "pgdrift: pgdrift.toml:3: unknown finding kind 'extra_colum'\n")
    }
}
