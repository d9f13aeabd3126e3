import Foundation
import PgDrift
import PgDriftTestSupport
import Testing

/// Hostile names, bad input, failing databases: nothing injected, nothing leaked, nothing hung.
@Suite struct ReliabilityTests {
    /// Quoting written independently of `SQLQuote`, so the test does not trust what it tests.
    static func quoted(_ name: String) -> String { "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"" }
    static func literal(_ text: String) -> String { "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'" }

    static let hostileNames = [
        "x\"; DROP TABLE canary; --", "Mixed Case", "select", "with space", "ünïcødé ✓", "quote'single",
        String(repeating: "n", count: 63), "Total_Play_Count", "back\\slash", "$1", "semi;colon", "\"", "order",
    ]

    @Test("hostile names round-trip through diff, plan, apply and re-check", arguments: 0..<4)
    func hostileNamesRoundTrip(round: Int) throws {
        var random = SeededGenerator(seed: UInt64(round) &+ 7)
        var names = Self.hostileNames.shuffled(using: &random)
        func next() -> String {
            if names.isEmpty { names = Self.hostileNames.shuffled(using: &random) }
            return names.removeLast() + (round > 1 ? String(round) : "")
        }
        let schema = String(next().prefix(40))
        let table = next(), column = next(), other = next(), index = String(next().prefix(50)) + "i"
        let enumName = next(), value = next(), policy = next(), view = next(), check = String(next().prefix(50)) + "c"
        let target = """
            CREATE SCHEMA \(Self.quoted(schema));
            CREATE TYPE \(Self.quoted(schema)).\(Self.quoted(enumName)) AS ENUM (\(Self.literal(value)), 'plain');
            CREATE TABLE \(Self.quoted(schema)).\(Self.quoted(table)) (
                \(Self.quoted(column)) integer PRIMARY KEY,
                \(Self.quoted(other)) \(Self.quoted(schema)).\(Self.quoted(enumName)) DEFAULT \(Self.literal(value)),
                CONSTRAINT \(Self.quoted(check)) CHECK (\(Self.quoted(column)) > 0));
            CREATE INDEX \(Self.quoted(index)) ON \(Self.quoted(schema)).\(Self.quoted(table)) (\(Self.quoted(other)));
            ALTER TABLE \(Self.quoted(schema)).\(Self.quoted(table)) ENABLE ROW LEVEL SECURITY;
            CREATE POLICY \(Self.quoted(policy)) ON \(Self.quoted(schema)).\(Self.quoted(table)) USING (\(Self.quoted(column)) <> 0);
            CREATE VIEW \(Self.quoted(schema)).\(Self.quoted(view)) AS SELECT \(Self.quoted(column)) FROM \(Self.quoted(schema)).\(Self.quoted(table));
            COMMENT ON TABLE \(Self.quoted(schema)).\(Self.quoted(table)) IS \(Self.literal(next()));
            CREATE TABLE canary (id int);
            """
        let expected = try TestDatabase("hostile_\(round)_expected", sql: target)
        let database = try TestDatabase("hostile_\(round)_db", sql: "CREATE TABLE canary (id int);")
        let wanted = try expected.catalog()
        let findings = SchemaDiff.findings(expected: wanted, actual: try database.catalog())
        #expect(findings.contains { $0.kind == .missingSchema && $0.schema == schema }, "\(findings.map(\.message))")

        let plan = MigrationPlanner.plan(expected: wanted, actual: try database.catalog(), options: PlanOptions(allowDestructive: true))
        try PlanApplier.apply(plan, to: database.connectionString)
        let after = try database.catalog()
        #expect(SchemaDiff.findings(expected: wanted, actual: after).isEmpty, "\(plan.render())")
        #expect(after.tables[QualifiedName("public", "canary")] != nil, "something was injected:\n\(plan.render())")
        #expect(after.tables[QualifiedName(schema, table)]?.column(named: column) != nil)
        #expect(MigrationPlanner.plan(expected: wanted, actual: after).isEmpty)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CLITests.binary)))
    func badInputIsExitTwoAndOneLine() throws {
        TestEnvironment.isolated
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-bad-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder + "/empty", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/binary", withIntermediateDirectories: true)
        try Data([0xFF, 0xFE, 0x00, 0x01, 0x80]).write(to: URL(fileURLWithPath: folder + "/binary/001.sql"))
        try Data("{\"format\":\"pgdrift-snapshot\",\"version\":9}".utf8).write(to: URL(fileURLWithPath: folder + "/v9.json"))
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: folder + "/broken.json"))
        let database = try TestDatabase("bad_input", sql: "CREATE TABLE t (a int);")
        let cases: [([String], String)] = [
            (["check", "--expected", folder + "/missing"], "does not exist"),
            (["check", "--expected", folder + "/empty"], "holds no .sql files"),
            (["check", "--expected", folder + "/binary"], "as UTF-8 text"),
            (["check", "--expected", folder + "/v9.json"], "unsupported snapshot version 9"),
            (["check", "--expected", folder + "/broken.json"], "not a JSON object"),
            (["plan", "--expected", folder + "/v9.json"], "unsupported snapshot version 9"),
            (["check", "--no-such-option"], "Unknown option"),
        ]
        for (arguments, message) in cases {
            let run = try CLITests.run(arguments + ["--database", database.connectionString], in: folder)
            #expect(run.code == 2, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count <= 2, "\(arguments): \(run.stderr)")
            #expect(!run.stderr.contains("Fatal error") && !run.stderr.contains("Stack"), "\(run.stderr)")
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CLITests.binary)))
    func databaseTroubleIsExitThreeAndOneLine() throws {
        let server = try TestServer.server()
        let unknown = server.connectionString(database: "no_such_database")
        let nowhere = "host=/nonexistent/socket/dir user=postgres dbname=x password=hunter2"
        for connection in [unknown, nowhere] {
            for command in ["check", "plan", "snapshot"] {
                let reports = command == "check" ? ["--report-dir", FileManager.default.temporaryDirectory.path + "/pgdrift-r"] : []
                let run = try CLITests.run([command, "--database", connection] + reports)
                #expect(run.code == 3, "\(command): \(run.stderr)")
                #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
                #expect(!run.stderr.contains("hunter2") && !run.stdout.contains("hunter2"))
            }
        }
    }

    @Test func introspectionGivesUpOnALockedTableInsteadOfWaiting() throws {
        let database = try TestDatabase("locked_read", sql: "CREATE TABLE t (id int PRIMARY KEY); CREATE VIEW v AS SELECT id FROM t;")
        let holder = try database.connect()
        try holder.execute("BEGIN; LOCK TABLE t IN ACCESS EXCLUSIVE MODE;")
        defer { try? holder.execute("ROLLBACK") }
        var options = IntrospectionOptions()
        options.lockTimeoutMilliseconds = 200
        do {
            _ = try database.catalog(options)
            Issue.record("introspection read through an ACCESS EXCLUSIVE lock; the lock timeout is untested")
        } catch let error as PostgresError {
            #expect(error.isTimeout, "\(error)")
            #expect(error.description.contains("another session holds a lock"))
        }
    }

    /// A throwaway server leaves nothing behind once stopped (its directory used to stay, empty, now and
    /// then: the socket's files were unlinked under the removal).
    @Test func aStoppedServerLeavesNoDirectory() throws {
        for _ in 0..<3 {
            let server = try TemporaryServer()
            let connection = try server.connect()
            try connection.execute("SELECT 1")
            connection.close()
            server.stop()
            #expect(!FileManager.default.fileExists(atPath: server.directory), "\(server.directory)")
        }
    }

    @Test func aServerStoppedDuringIntrospectionIsAnErrorNotAHang() async throws {
        let server = try TemporaryServer()
        defer { server.stop() }
        let admin = try server.connect()
        try server.createDatabase("victim", using: admin)
        admin.close()
        let setup = try server.connect(database: "victim")
        try setup.execute("CREATE TABLE t (id int PRIMARY KEY); CREATE VIEW v AS SELECT id FROM t;")
        try setup.execute("BEGIN; LOCK TABLE t IN ACCESS EXCLUSIVE MODE;")
        let connectionString = server.connectionString(database: "victim")
        // The read blocks on the lock; stopping the server ends it.
        let reading = Task.detached { () -> String in
            do {
                _ = try Introspector().catalog(from: try PostgresConnection(connectionString))
                return "no error"
            } catch let error as PostgresError {
                return error.description
            } catch {
                return "\(error)"
            }
        }
        try await Task.sleep(nanoseconds: 1_000_000_000)
        server.stop()
        let outcome = await reading.value
        #expect(outcome != "no error")
        #expect(!outcome.contains("\n"), "\(outcome)")
    }

    @Test func readOnlyDatabasesAndReadOnlyRolesCanBeChecked() throws {
        let database = try TestDatabase("read_only", sql: """
            CREATE TABLE t (id int PRIMARY KEY, note text); CREATE VIEW v AS SELECT id FROM t;
            CREATE INDEX t_note ON t (note); ALTER TABLE t ENABLE ROW LEVEL SECURITY; CREATE POLICY p ON t USING (true);
            """)
        let full = try database.catalog()
        try TestDatabase.executeInCluster("""
            DO $$ BEGIN CREATE ROLE pgdrift_select_only LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
            GRANT CONNECT ON DATABASE \(database.name) TO pgdrift_select_only;
            """)
        try database.connect().execute("GRANT USAGE ON SCHEMA public TO pgdrift_select_only; GRANT SELECT ON ALL TABLES IN SCHEMA public TO pgdrift_select_only;")
        try TestDatabase.executeInCluster("ALTER DATABASE \(database.name) SET default_transaction_read_only = on;")

        // A database whose transactions are read-only by default: introspection never writes.
        let audit = Audit(expected: full)
        #expect(try audit.run(against: database.connectionString).findings.isEmpty)
        // A role with CONNECT, USAGE and SELECT only sees the same schema.
        let reader = database.connectionString.replacingOccurrences(of: "user='postgres'", with: "user='pgdrift_select_only'")
        #expect(reader != database.connectionString)
        let report = try audit.run(against: reader)
        #expect(report.findings.isEmpty, "\(report.findings.map(\.message))")
    }
}

/// A wrong password, given every way libpq takes one: exit 3, the server's message, never the password.
@Suite struct WrongPasswordTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CLITests.binary)))
    func aWrongPasswordIsExitThreeAndNeverShown() throws {
        let server = try TemporaryServer()
        defer { server.stop() }
        // This cluster asks one role for a password (the shared test cluster trusts everyone).
        let hba = server.directory + "/data/pg_hba.conf"
        let original = try String(contentsOfFile: hba, encoding: .utf8)
        try ("local all pgdrift_pw scram-sha-256\n" + original).write(toFile: hba, atomically: false, encoding: .utf8)
        let admin = try server.connect()
        try admin.execute("CREATE ROLE pgdrift_pw LOGIN PASSWORD 'the-right-one'; SELECT pg_reload_conf();")
        admin.close()

        let secret = "Wr0ng-s3cret-\(UUID().uuidString.prefix(8))"
        let keyValue = "host=\(server.directory) user=pgdrift_pw dbname=postgres password=\(secret)"
        let url = "postgresql://pgdrift_pw:\(secret)@/postgres?host=\(server.directory)"
        let runs = [
            try CLITests.run(["snapshot", "--database", keyValue]),
            try CLITests.run(["plan", "--database", url]),
            try CLITests.run(["check", "--database", keyValue, "--report-dir", FileManager.default.temporaryDirectory.path + "/pgdrift-pw"]),
        ]
        for run in runs {
            #expect(run.code == 3, "\(run.stderr)")
            #expect(run.stderr.contains("password authentication failed"), "\(run.stderr)")
            #expect(!run.stderr.contains(secret) && !run.stdout.contains(secret))
            #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        }
        // PGPASSWORD, through the environment.
        let environment = try ChildProcess.run(["/usr/bin/env", "PGPASSWORD=\(secret)", CLITests.binary, "snapshot",
                                                "--database", "host=\(server.directory) user=pgdrift_pw dbname=postgres"])
        #expect(environment.code == 3, "\(environment.stderr)")
        #expect(environment.stderr.contains("password authentication failed"))
        #expect(!environment.stderr.contains(secret) && !environment.stdout.contains(secret))
    }
}
