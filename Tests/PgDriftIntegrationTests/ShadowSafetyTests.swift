import Foundation
import PgDrift
import PgDriftTestSupport
import Testing

/// Reading migrations never runs what they tell the machine to do: statements that need a superuser
/// are refused (exit 2, one line naming the file and line) before anything runs, the shadow database
/// runs the rest as an ordinary role, and `--shadow-superuser` alone restores a superuser.
@Suite struct ShadowSafetyTests {
    /// A folder the server's OS user may write to, where a migration's shell command would leave a file.
    static func sandbox() throws -> String {
        TestEnvironment.isolated
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-safety-\(UUID())").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        chmod(path, 0o777)
        return path
    }

    /// A migrations folder with one file, `001.sql`.
    static func folder(_ sql: String) throws -> String {
        TestEnvironment.isolated
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-migrations-\(UUID())").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try sql.write(toFile: path + "/001.sql", atomically: true, encoding: .utf8)
        return path
    }

    static func load(_ folder: String, shadow: Bool, superuser: Bool = false, timeout: String? = nil) throws -> Catalog {
        let loader = ExpectedSchemaLoader(builtin: { Catalog() })
        defer { loader.close() }
        loader.shadowOnly = shadow
        loader.shadowSuperuser = superuser
        if let timeout { loader.shadowTimeout = timeout }
        return try loader.load(.sqlDirectory(folder))
    }

    static func refusal(_ folder: String, shadow: Bool) -> String? {
        do {
            _ = try load(folder, shadow: shadow)
            return nil
        } catch {
            return "\(error)"
        }
    }

    static let advice = "needs superuser; pgdrift does not run it (use --shadow-superuser to allow, only for migrations you trust)"

    /// `COPY … TO PROGRAM` as a statement and inside a DO block: refused by reading, offline and with
    /// --shadow alike, and the command never runs.
    @Test(arguments: [false, true])
    func copyToProgramIsRefusedBeforeAnythingRuns(shadow: Bool) throws {
        let sandbox = try Self.sandbox()
        let plain = try Self.folder("CREATE TABLE t (id int);\nCOPY (SELECT 1) TO PROGRAM 'touch \(sandbox)/plain';\n")
        #expect(Self.refusal(plain, shadow: shadow) == "\(plain)/001.sql:2:1: COPY … PROGRAM \(Self.advice)")
        let inBlock = try Self.folder("""
            CREATE TABLE t (id int);
            DO $$
            BEGIN
              RAISE NOTICE 'about to';
              COPY (SELECT 1) TO PROGRAM 'touch \(sandbox)/block';
            END $$;
            """)
        #expect(Self.refusal(inBlock, shadow: shadow) == "\(inBlock)/001.sql:5:1: COPY … PROGRAM \(Self.advice)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox) == [])
    }

    /// SQL built at run time (EXECUTE in a function the migration calls) cannot be refused by reading:
    /// the shadow database's ordinary role is refused by the server, and the command never runs.
    @Test func copyToProgramThroughExecuteIsRefusedByTheServer() throws {
        let sandbox = try Self.sandbox()
        let folder = try Self.folder("""
            CREATE TABLE t (id int);
            CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
              EXECUTE 'COPY (SELECT 1) TO PROGRAM ''touch \(sandbox)/execute''';
            END $$;
            SELECT f();
            """)
        #expect(Self.refusal(folder, shadow: true) == "\(folder)/001.sql:6:1: must be superuser or have privileges of the pg_execute_server_program role to COPY to or from an external program: \(Self.advice)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox) == [])
    }

    /// `--shadow-superuser` runs what the migrations say, shell commands included. The command reads the
    /// rows it is sent (`cat`): one that exits without reading (`touch`) races the server's write and
    /// fails now and then with "could not close pipe to external command: Broken pipe".
    @Test func shadowSuperuserRunsTheCommand() throws {
        let sandbox = try Self.sandbox()
        let folder = try Self.folder("CREATE TABLE t (id int);\nCOPY (SELECT 1) TO PROGRAM 'cat > \(sandbox)/ran';\n")
        let catalog = try Self.load(folder, shadow: true, superuser: true)
        #expect(catalog.tables.map(\.name.description) == ["public.t"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox) == ["ran"])
    }

    /// The other things only a superuser may do: load C code, change the server's settings, write the
    /// server's files, read them, use an untrusted language.
    @Test(arguments: [
        ("CREATE FUNCTION f() RETURNS int LANGUAGE c AS 'libc.so.6', 'getpid';", "CREATE FUNCTION … LANGUAGE c"),
        ("ALTER SYSTEM SET work_mem = '1GB';", "ALTER SYSTEM"),
        ("COPY (SELECT 1) TO '/tmp/pgdrift-never-written';", "COPY … to or from a server file"),
        ("CREATE TABLE t AS SELECT pg_read_file('/etc/passwd') AS secret;", "pg_read_file()"),
        ("LOAD 'auto_explain';", "LOAD"),
    ])
    func superuserStatementsAreRefused(sql: String, what: String) throws {
        let folder = try Self.folder("CREATE TABLE x (id int);\n\(sql)\n")
        for shadow in [false, true] {
            #expect(Self.refusal(folder, shadow: shadow) == "\(folder)/001.sql:2:1: \(what) \(Self.advice)")
        }
    }

    /// What a database owner may do still reads: roles the migrations create and name, trusted
    /// extensions (created by the ordinary role), extensions only a superuser may create (a set-up step,
    /// from this machine's files), objects handed to other roles, and BEGIN/COMMIT inside a file.
    @Test func ordinaryMigrationsStillRead() throws {
        let folder = try Self.folder("""
            CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
            CREATE EXTENSION IF NOT EXISTS citext;
            CREATE ROLE app_user;
            CREATE SCHEMA app AUTHORIZATION app_user;
            CREATE TABLE app.t (id int PRIMARY KEY, email citext);
            ALTER TABLE app.t OWNER TO postgres;
            GRANT SELECT ON app.t TO app_user, authenticated;
            BEGIN;
            CREATE TABLE public.u (id int);
            COMMIT;
            SET ROLE app_user;
            CREATE TABLE public.v (id int);
            RESET ROLE;
            """)
        let catalog = try Self.load(folder, shadow: true)
        #expect(catalog.tables.map(\.name.description) == ["app.t", "public.u", "public.v"])
        #expect(catalog.extensions.map(\.name) == ["citext", "pg_stat_statements"])
    }

    /// `--shadow-timeout` bounds every statement, so a migration that hangs cannot hold the check.
    @Test func shadowTimeoutStopsAHangingMigration() throws {
        let folder = try Self.folder("CREATE TABLE t (id int);\nSELECT pg_sleep(60);\n")
        do {
            _ = try Self.load(folder, shadow: true, timeout: "200ms")
            Issue.record("the migration was expected to time out")
        } catch {
            #expect("\(error)" == "\(folder)/001.sql:2:1: the statement ran longer than the shadow database allows (--shadow-timeout)")
        }
    }

    /// The throwaway server preloads nothing, archives nothing, and listens on a socket only its owner
    /// can reach.
    @Test func theThrowawayServerIsLockedDown() throws {
        let server = try TestServer.server()
        let connection = try server.connect()
        var settings: [String: String] = [:]
        for name in ["listen_addresses", "shared_preload_libraries", "local_preload_libraries", "session_preload_libraries",
                     "archive_mode", "archive_command", "unix_socket_permissions", "TimeZone"] {
            settings[name] = try connection.query("SELECT current_setting($1)", [name]).rows.first?[0] ?? nil
        }
        #expect(settings == [
            "listen_addresses": "", "shared_preload_libraries": "", "local_preload_libraries": "", "session_preload_libraries": "",
            "archive_mode": "off", "archive_command": "(disabled)", "unix_socket_permissions": "0700", "TimeZone": "UTC",
        ])
        var status = stat()
        #expect(stat(server.directory, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o700)
    }

    /// A caller whose own server is elsewhere (PGPORT, PGHOST, PGOPTIONS, ...) still gets working
    /// throwaway servers: they take nothing from the PG* environment.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CLITests.binary)))
    func throwawayServersIgnoreTheCallersEnvironment() throws {
        let database = try TestDatabase("safety_env", sql: "CREATE TABLE t (id int);")
        let folder = try Self.folder("CREATE TABLE t (id int);\n")
        TestEnvironment.isolated
        let reports = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-env-\(UUID())").path
        let environment = [
            "PGPORT=6543", "PGHOST=/nonexistent", "PGUSER=nobody", "PGDATABASE=nowhere",
            "PGOPTIONS=-c default_transaction_read_only=on", "PGTZ=America/New_York", "PGDATESTYLE=SQL, DMY",
            "PGDATA=/nonexistent", "PGAPPNAME=elsewhere", "PGCONNECT_TIMEOUT=1",
        ]
        for shadow in [["--shadow"], []] {
            let result = try ChildProcess.run(
                ["env"] + environment + [CLITests.binary, "check", "--expected", folder, "--database", database.connectionString,
                                         "--report-dir", reports] + shadow)
            #expect(result.code == 0, "\(result.stderr)")
            #expect(result.stdout.contains("no drift"), "\(result.stdout)")
        }
        let demo = try ChildProcess.run(["env"] + environment + [CLITests.binary, "check", "--expected", "builtin",
                                                                  "--database", database.connectionString, "--report-dir", reports])
        #expect(demo.code == 1, "\(demo.stderr)")
        #expect(demo.stdout.contains("missing_table"), "\(demo.stdout)")
    }
}
