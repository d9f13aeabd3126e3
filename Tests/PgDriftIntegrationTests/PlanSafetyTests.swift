import Foundation
import PgDrift
import PgDriftTestSupport
import Testing

/// Issue 22 §2–3: a plan's hazards carry the sizes of the tables they touch, `--max-blocking-size`
/// refuses what blocks a big table, `--format json` lists it all, and a plan that no longer fits the
/// database (a stale one) changes nothing under psql, `pgdrift apply` or `PlanApplier`.
@Suite struct PlanSafetyTests {
    static let enabled = FileManager.default.isExecutableFile(atPath: CLITests.binary)

    static let expectedEvents = "CREATE TABLE events (id bigint PRIMARY KEY, kind text NOT NULL); CREATE INDEX events_kind ON events (kind);"
    static let liveEvents = """
        CREATE TABLE events (id int PRIMARY KEY, kind text);
        INSERT INTO events SELECT g, 'k' || g % 7 FROM generate_series(1, 20000) g;
        ANALYZE events;
        """

    /// The size pgdrift should have read, asked of the server here.
    func size(of table: String, in database: TestDatabase) throws -> TableSize {
        let row = try database.connect().query(
            "SELECT pg_total_relation_size(c.oid) AS bytes, c.reltuples::bigint AS rows FROM pg_class c WHERE c.oid = $1::regclass", [table]).rows[0]
        return TableSize(bytes: try row.int64("bytes"), rows: try row.int64("rows"))
    }

    /// The statements between BEGIN and COMMIT, as written.
    func transaction(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let begin = lines.firstIndex(of: "BEGIN;"), let commit = lines.firstIndex(of: "COMMIT;") else { return text }
        return lines[begin...commit].joined(separator: "\n")
    }

    @Test func hazardsNameTheSizeOfATableWithRows() throws {
        let target = try TestDatabase("hazard_target", sql: Self.expectedEvents)
        let database = try TestDatabase("hazard_db", sql: Self.liveEvents)
        let plan = try Audit(source: .database(target.connectionString)).plan(against: database.connectionString)
        let size = try size(of: "public.events", in: database)
        #expect(size.rows == 20000)
        #expect(plan.tableSizes == [QualifiedName("public", "events"): size])
        let text = plan.render()
        let sized = "public.events (\(size.description))"
        #expect(text.contains("\n-- Rewrites 1 table (\(TableSize.bytes(size.bytes)) in all): \(sized).\n"), "\(text)")
        #expect(transaction(text) == """
            BEGIN;

            -- columns
            -- rewrites \(sized) under ACCESS EXCLUSIVE until COMMIT, blocking reads and writes: id becomes bigint, and the indexes are rebuilt
            ALTER TABLE public.events ALTER COLUMN id TYPE bigint;
            -- scans \(sized) under ACCESS EXCLUSIVE until COMMIT, blocking reads and writes
            -- Fails if a row holds NULL.
            ALTER TABLE public.events ALTER COLUMN kind SET NOT NULL;

            -- indexes
            -- scans \(sized) under SHARE until COMMIT, blocking writes: its index is built (--online avoids it)
            CREATE INDEX IF NOT EXISTS events_kind ON public.events USING btree (kind);

            COMMIT;
            """)

        // The JSON plan: each statement with its hazards as data.
        let json = try JSONSerialization.jsonObject(with: Data(plan.json(expected: "e", database: "d").utf8)) as! [String: Any]
        #expect(Set(json.keys) == ["version", "expected", "database", "options", "summary", "fingerprint", "pending", "statements", "proof", "script"])
        let statements = json["statements"] as! [[String: Any]]
        #expect(statements.count == 3)
        let index = statements[2]
        #expect(index["sql"] as? String == "CREATE INDEX IF NOT EXISTS events_kind ON public.events USING btree (kind);")
        #expect(index["phase"] as? String == "indexes")
        #expect(index["in_transaction"] as? Bool == true)
        #expect(index["runs"] as? Bool == true)
        #expect(index["skipped"] is NSNull)
        #expect(index["destructive"] is NSNull)
        let hazards = index["hazards"] as! [[String: Any]]
        #expect(hazards.count == 1)
        #expect(NSDictionary(dictionary: hazards[0]) == NSDictionary(dictionary: [
            "table": "public.events", "schema": "public", "name": "events", "work": "scan", "lock": "SHARE", "blocks": "writes",
            "online_avoids": true, "reason": "its index is built", "table_bytes": size.bytes, "table_rows": 20000,
            "message": "scans \(sized) under SHARE until COMMIT, blocking writes: its index is built (--online avoids it)",
        ]))
        let summary = json["summary"] as! [String: Any]
        #expect(summary["statements"] as? Int == 3)
        #expect(summary["rewrite_bytes"] as? Int64 == size.bytes)
        #expect((summary["rewrites"] as? [[String: Any]])?.map { $0["table"] as? String } == ["public.events"])
        let fingerprint = json["fingerprint"] as! [String: Any]
        #expect((fingerprint["objects"] as? [[String: Any]])?.map { $0["object"] as? String } == ["relation public.events"])
        #expect(json["script"] as? String == text)

        // --online builds the index without blocking writes: only the rewrite and the NOT NULL block.
        let online = try Audit(source: .database(target.connectionString)).plan(against: database.connectionString, options: PlanOptions(online: true))
        #expect(online.blocking(beyond: 0).map(\.hazard.work) == [.rewrite, .scan])
        #expect(online.blocking(beyond: size.bytes).isEmpty)
    }

    @Test(.enabled(if: enabled)) func maxBlockingSizeRefusesAndNamesTheStatement() throws {
        let target = try TestDatabase("blocking_target", sql: "CREATE TABLE events (id int PRIMARY KEY, kind text); CREATE INDEX events_kind ON events (kind);")
        let database = try TestDatabase("blocking_db", sql: Self.liveEvents)
        let size = try size(of: "public.events", in: database)
        let arguments = ["plan", "--expected", target.connectionString, "--database", database.connectionString]
        let refused = try CLITests.run(arguments + ["--max-blocking-size", "64kB"])
        #expect(refused.code == 2)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr == "pgdrift: refusing statement 1 (CREATE INDEX IF NOT EXISTS events_kind ON public.events USING btree (kind);): "
            + "it scans public.events (\(size.description)) under SHARE, beyond --max-blocking-size 64 kB; --online plans it without blocking writes\n")
        // Online, the index is built concurrently: nothing blocks.
        let online = try CLITests.run(arguments + ["--max-blocking-size", "64kB", "--online"])
        #expect(online.code == 0, "\(online.stderr)")
        #expect(online.stdout.contains("CREATE INDEX CONCURRENTLY IF NOT EXISTS events_kind ON public.events USING btree (kind);"))
        // Larger than the table: allowed.
        #expect(try CLITests.run(arguments + ["--max-blocking-size", "1GB"]).code == 0)
        #expect(try CLITests.run(arguments + ["--max-blocking-size", "lots"]).code == 2)
    }

    @Test(.enabled(if: enabled)) func theJSONPlanCarriesTheSQLPlan() throws {
        let target = try TestDatabase("json_plan_target", sql: "CREATE TABLE t (a int, b text NOT NULL DEFAULT ''); CREATE TABLE u (x int);")
        let database = try TestDatabase("json_plan_db", sql: "CREATE TABLE t (a int);")
        let arguments = ["plan", "--expected", target.connectionString, "--database", database.connectionString]
        let sql = try CLITests.run(arguments)
        let json = try CLITests.run(arguments + ["--format", "json"])
        #expect(sql.code == 0 && json.code == 0, "\(json.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        #expect(object["script"] as? String == sql.stdout)
        let statements = object["statements"] as! [[String: Any]]
        #expect(statements.map { $0["sql"] as? String } == [
            "CREATE TABLE IF NOT EXISTS public.u (\n    x integer\n);",
            "ALTER TABLE public.t ADD COLUMN IF NOT EXISTS b text NOT NULL DEFAULT ''::text;",
        ])
        #expect(statements.map { $0["phase"] as? String } == ["tables", "columns"])
        let fingerprint = object["fingerprint"] as! [String: Any]
        #expect((fingerprint["objects"] as! [[String: Any]]).map { $0["object"] as? String } == ["relation public.t", "relation public.u"])
        #expect((fingerprint["objects"] as! [[String: Any]])[1]["digest"] is NSNull)  // u does not exist yet
    }

    @Test(.enabled(if: enabled)) func aStalePlanChangesNothingUnderPsqlOrApply() throws {
        let target = try TestDatabase("stale_target", sql: "CREATE TABLE t (a int, b text NOT NULL DEFAULT ''); CREATE TABLE u (x int); CREATE INDEX u_x ON u (x);")
        let database = try TestDatabase("stale_db", sql: "CREATE TABLE t (a int); CREATE TABLE u (x int);")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-stale-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/fix.sql"
        let planned = try CLITests.run(["plan", "--expected", target.connectionString, "--database", database.connectionString, "--online", "--out", file])
        #expect(planned.code == 0, "\(planned.stderr)")

        // Someone changes a table the plan alters.
        try database.connect().execute("ALTER TABLE t ADD COLUMN c int;")
        let server = try TestServer.server()
        // pg_dump's text, without its `\restrict` key, which changes with every dump.
        let before = SchemaDump(try server.dumpSchema(database: database.name))

        // psql without ON_ERROR_STOP goes on after an error: the guard makes the rest fail, including
        // the CREATE INDEX CONCURRENTLY that runs outside the transaction.
        let psql = try ChildProcess.run([server.binaries.path("psql"), "-X", "-d", database.connectionString, "-f", file])
        #expect(psql.stderr.contains("ERROR:  the schema changed since this plan was written (relation public.t)"), "\(psql.stderr)")
        #expect(SchemaDump(try server.dumpSchema(database: database.name)) == before)

        let applied = try CLITests.run(["apply", file, "--database", database.connectionString])
        #expect(applied.code == 2)
        #expect(applied.stderr.hasSuffix(
            "pgdrift: the schema changed since this plan was written (relation public.t): nothing was changed; run pgdrift plan again\n"),
            "\(applied.stderr)")
        #expect(SchemaDump(try server.dumpSchema(database: database.name)) == before)

        // Through the library as well (`plan --apply` runs the same guard).
        let plan = try Audit(source: .database(target.connectionString)).plan(against: database.connectionString)
        try database.connect().execute("ALTER TABLE u ADD COLUMN y int;")
        #expect(throws: PlanRefusal.self) { try PlanApplier.apply(plan, to: database.connectionString) }

        // Put back as planned; a new table elsewhere is not something the plan depends on.
        try database.connect().execute("ALTER TABLE t DROP COLUMN c; ALTER TABLE u DROP COLUMN y; CREATE TABLE unrelated (z int);")
        let fresh = try CLITests.run(["apply", file, "--database", database.connectionString])
        #expect(fresh.code == 0, "\(fresh.stderr)")
        #expect(fresh.stderr.contains("==> checked again: no error left; 1 warning or note remain:"), "\(fresh.stderr)")
        let check = try CLITests.run(["check", "--expected", target.connectionString, "--database", database.connectionString,
                                      "--ignore", "public.unrelated", "--format", "json"])
        #expect(check.code == 0, "\(check.stdout)")

        // A file pgdrift did not write is refused.
        let other = folder + "/other.sql"
        try Data("CREATE TABLE v (a int);".utf8).write(to: URL(fileURLWithPath: other))
        let refused = try CLITests.run(["apply", other, "--database", database.connectionString])
        #expect(refused.code == 2)
        #expect(refused.stderr.contains("not a pgdrift plan: the file has no pgdrift guard"), "\(refused.stderr)")
    }

    /// Issue 22 §4: `--prove` runs a destructive plan on a copy with the rows, and counts what is lost.
    @Test(.enabled(if: enabled)) func proveCountsWhatADestructivePlanLoses() throws {
        let target = try TestDatabase("prove_target", sql: "CREATE TABLE t (id int PRIMARY KEY, code varchar(3), note text, added int DEFAULT 0); CREATE TABLE u (x int);")
        let database = try TestDatabase("prove_db", sql: """
            CREATE TABLE t (id int PRIMARY KEY, code text, note text, old text);
            INSERT INTO t SELECT g, CASE WHEN g = 7 THEN 'too long' ELSE 'ok' END, 'n', CASE WHEN g % 4 = 0 THEN 'x' END FROM generate_series(1, 40) g;
            CREATE TABLE gone (a int, b text);
            INSERT INTO gone VALUES (1, 'one'), (2, NULL);
            CREATE TABLE u (x int);
            """)
        let server = try TestServer.server()
        let before = SchemaDump(try server.dumpSchema(database: database.name))
        let arguments = ["plan", "--expected", target.connectionString, "--database", database.connectionString, "--prove", "--format", "json"]

        // With --allow-destructive: old's 10 values and gone's 3 are lost, and narrowing code fails on 'too long'.
        let destructive = try CLITests.run(arguments + ["--allow-destructive"])
        #expect(destructive.code == 1, "\(destructive.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(destructive.stdout.utf8)) as! [String: Any]
        let proof = object["proof"] as! [String: Any]
        #expect(proof["loses_data"] as? Bool == true)
        #expect(proof["rows_per_table"] as? Int == 1000)
        let tables = (proof["tables"] as! [[String: Any]]).map {
            "\($0["table"]!): \($0["rows_before"]!) → \($0["rows_after"]!), \($0["values_lost"]!) lost"
        }
        #expect(tables == ["public.gone: 2 → 0, 3 lost", "public.t: 40 → 40, 10 lost"])
        let failed = proof["failed"] as! [[String: Any]]
        #expect(failed.map { $0["error"] as? String } == ["value too long for type character varying(3)"])
        #expect((failed.first?["sql"] as? String)?.hasPrefix("ALTER TABLE public.t ALTER COLUMN code TYPE character varying(3)") == true)
        #expect(destructive.stderr.contains("==> public.t: 40 rows before, 40 after, 10 values lost\n"), "\(destructive.stderr)")

        // Without it the destructive statements are left out: nothing lost, nothing failing, exit 0.
        let safe = try CLITests.run(Array(arguments.dropLast(2)) + ["--prove-rows", "5"])
        #expect(safe.code == 0, "\(safe.stderr)")
        #expect(safe.stdout.contains("-- Proved on a throwaway copy with up to 5 rows of each affected table (--prove): no row or value lost.\n"
            + "--   public.gone: 2 rows before, 2 after, 0 values lost\n--   public.t: 5 rows before, 5 after, 0 values lost\n"), "\(safe.stdout)")

        // The database itself was only read.
        #expect(SchemaDump(try server.dumpSchema(database: database.name)) == before)
        #expect(try database.connect().query("SELECT count(old) AS n FROM t").rows[0].int("n") == 10)
    }
}

/// `pgdrift init` in a project folder (issue 23): the file it writes, that it keeps an existing one, and
/// that `check` then finds the database through the variable it names, password never printed.
@Suite struct InitCommandTests {
    @Test(.enabled(if: PlanSafetyTests.enabled)) func initWritesTheProjectsFileAndCheckUsesIt() throws {
        let database = try TestDatabase("init_project", sql: "CREATE TABLE t (a int);")
        TestEnvironment.isolated
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-init-\(UUID())").path
        try FileManager.default.createDirectory(atPath: root + "/migrations", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data("CREATE TABLE t (a int, b text);\n".utf8).write(to: URL(fileURLWithPath: root + "/migrations/001_init.sql"))
        // A URL with a password-like option, as .env files hold them.
        let url = database.connectionString + " password=not-a-real-secret"
        try Data("APP_NAME=x\nDATABASE_URL=\"\(url)\"\n".utf8).write(to: URL(fileURLWithPath: root + "/.env"))

        let first = try CLITests.run(["init"], in: root)
        #expect(first.code == 0, "\(first.stderr)")
        #expect(first.stdout.isEmpty)
        #expect(first.stderr == "==> wrote pgdrift.toml; expected: migrations; database: $DATABASE_URL (.env)\n")
        let written = try String(contentsOfFile: root + "/pgdrift.toml", encoding: .utf8)
        #expect(written.contains("expected = \"migrations\"   # the migrations, read as SQL\n"))
        #expect(written.contains("database_env = \"DATABASE_URL\"\n"))
        #expect(!written.contains("not-a-real-secret") && !written.contains(database.name))

        let again = try CLITests.run(["init"], in: root)
        #expect(again.code == 2)
        #expect(again.stderr == "pgdrift: pgdrift.toml exists; --force overwrites pgdrift.toml\n")
        #expect(try CLITests.run(["init", "--force"], in: root).code == 0)

        // check takes expected and the database from the file (and .env): column b is missing.
        let check = try CLITests.run(["check", "--history", "none", "--report-dir", root + "/reports"], in: root)
        #expect(check.code == 1, "\(check.stderr)")
        #expect(check.stdout.contains("error missing_column: column t.b does not exist"), "\(check.stdout)")
        #expect(!check.stdout.contains("not-a-real-secret") && !check.stderr.contains("not-a-real-secret"))
    }
}
