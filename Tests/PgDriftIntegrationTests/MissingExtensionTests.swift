import Foundation
import PgDrift
import PgDriftTestSupport
import Testing

/// Migrations that create extensions this machine does not have (issue 18): the offline reader takes the
/// extension's types, functions, operators and operator classes from the audited database, which has
/// it. Here the machine does have these contrib extensions, so each test says which to treat as missing
/// (`Audit.unavailableExtensions`) and the same migrations read with the local files are the oracle.
@Suite struct MissingExtensionTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let extensions: Set<String>
        let sql: String
        var testDescription: String { extensions.sorted().joined(separator: ", ") }
    }

    static let cases = [
        Case(extensions: ["hstore"], sql: """
            CREATE EXTENSION hstore;
            CREATE TABLE t (id int PRIMARY KEY, attributes hstore NOT NULL DEFAULT ''::hstore, history hstore[]);
            CREATE INDEX t_attributes ON t USING gist (attributes);
            CREATE INDEX t_attributes_gin ON t USING gin (attributes);

            """),
        Case(extensions: ["pg_trgm"], sql: """
            CREATE EXTENSION pg_trgm;
            CREATE TABLE people (id int PRIMARY KEY, name text NOT NULL);
            CREATE INDEX people_name_trgm ON people USING gin (name gin_trgm_ops);
            CREATE INDEX people_name_gist ON people USING gist (name gist_trgm_ops);

            """),
        Case(extensions: ["citext", "ltree"], sql: """
            CREATE SCHEMA extensions;
            CREATE EXTENSION citext WITH SCHEMA extensions;
            CREATE EXTENSION ltree;
            CREATE TABLE accounts (id int PRIMARY KEY, email extensions.citext UNIQUE, path ltree);
            CREATE INDEX accounts_path ON accounts USING gist (path);
            CREATE INDEX accounts_path_btree ON accounts (path);

            """),
    ]

    static func check(_ folder: String, against database: TestDatabase, unavailable: Set<String>, shadow: Bool = false)
        throws -> (findings: [String], notes: [String])
    {
        var audit = Audit(source: .sqlDirectory(folder))
        audit.unavailableExtensions = unavailable
        audit.shadow = shadow
        var notes: [String] = []
        audit.onNote = { notes.append($0) }
        let findings = try audit.run(against: database.connectionString).findings
        return (findings.map { "\($0.kind.rawValue) \($0.path): \($0.message)" }.sorted(), notes)
    }

    @Test(arguments: cases) func readOfflineFromTheDatabase(_ example: Case) throws {
        let label = "missing_ext_" + example.extensions.sorted().joined(separator: "_")
        let database = try TestDatabase(label, sql: example.sql)
        let folder = try TruthRegressionTests.folder(example.sql)
        let (findings, notes) = try Self.check(folder, against: database, unavailable: example.extensions)
        #expect(findings == [])
        let versions = try database.connect().query(
            "SELECT string_agg(extname || ' ' || extversion, ', ' ORDER BY extname) FROM pg_extension WHERE extname <> 'plpgsql'"
        ).rows[0][0] ?? ""
        #expect(notes == ["extensions this machine does not have, taken from the database: \(versions)"])
        // The same migrations with the machine's own extension files (offline or through the shadow
        // database) agree: nothing to report either.
        #expect(try Self.check(folder, against: database, unavailable: []).findings == [])
        // Drift is still found: an index dropped by hand.
        let drifted = try TestDatabase(label + "_drift", sql: example.sql)
        let index = try drifted.connect().query(
            "SELECT indexrelid::regclass::text FROM pg_index JOIN pg_class c ON c.oid = indrelid WHERE c.relnamespace = 'public'::regnamespace AND NOT indisprimary AND NOT indisunique ORDER BY 1 LIMIT 1"
        ).rows[0][0] ?? ""
        try drifted.connect().execute("DROP INDEX \(index)")
        let found = try Self.check(folder, against: drifted, unavailable: example.extensions).findings
        #expect(found.count == 1 && found[0].hasPrefix("missing_index "), "\(found)")
    }

    @Test func theExtensionItselfIsComparedByPresenceSchemaAndVersion() throws {
        let database = try TestDatabase("missing_ext_version", sql: "CREATE EXTENSION hstore;\nCREATE TABLE t (h hstore);\n")
        let installed = try database.connect().query("SELECT extversion FROM pg_extension WHERE extname = 'hstore'").rows[0][0] ?? ""
        let folder = try TruthRegressionTests.folder("CREATE EXTENSION hstore VERSION '1.0';\nCREATE TABLE t (h hstore);\n")
        #expect(try Self.check(folder, against: database, unavailable: ["hstore"]).findings
            == ["extension_mismatch public: extension hstore is at version \(installed), expected 1.0"])
    }

    /// Through the shadow database (`--shadow`, or a statement the offline reader leaves to it), the
    /// extension is stood in for: the same migrations run, and the result is the same.
    @Test(arguments: cases) func stoodInForInTheShadowDatabase(_ example: Case) throws {
        let label = "standin_" + example.extensions.sorted().joined(separator: "_")
        let database = try TestDatabase(label, sql: example.sql)
        let folder = try TruthRegressionTests.folder(example.sql)
        let (findings, notes) = try Self.check(folder, against: database, unavailable: example.extensions, shadow: true)
        #expect(findings == [])
        #expect(notes.filter { $0.hasPrefix("extensions this machine does not have") }.count == 1, "\(notes)")
        // A statement only the shadow database reads, after the extension: read there, with stand-ins.
        let ranged = try TruthRegressionTests.folder(example.sql + "CREATE TYPE span AS RANGE (subtype = int);\n")
        let spanned = try TestDatabase(label + "_range", sql: example.sql + "CREATE TYPE span AS RANGE (subtype = int);\n")
        let read = try Self.check(ranged, against: spanned, unavailable: example.extensions)
        #expect(read.findings == [])
        #expect(read.notes.contains { $0.contains("through a shadow database") }, "\(read.notes)")
        // Drift is still found.
        let drifted = try TestDatabase(label + "_drift", sql: example.sql)
        let index = try drifted.connect().query(
            "SELECT indexrelid::regclass::text FROM pg_index JOIN pg_class c ON c.oid = indrelid WHERE c.relnamespace = 'public'::regnamespace AND NOT indisprimary AND NOT indisunique ORDER BY 1 LIMIT 1"
        ).rows[0][0] ?? ""
        try drifted.connect().execute("DROP INDEX \(index)")
        let found = try Self.check(folder, against: drifted, unavailable: example.extensions, shadow: true).findings
        #expect(found.count == 1 && found[0].hasPrefix("missing_index "), "\(found)")
    }

    /// Functions of the extension that a migration calls at the top level (`SELECT cron.schedule(...)`)
    /// return NULL in the shadow database, and the migration goes on.
    @Test func aCallOfAStandInFunctionRuns() throws {
        let sql = """
            CREATE EXTENSION hstore;
            CREATE TABLE t (h hstore);
            SELECT hstore('a', 'b');
            CREATE VIEW v AS SELECT h -> 'a' AS a FROM t;

            """
        let database = try TestDatabase("standin_call", sql: sql)
        let folder = try TruthRegressionTests.folder(sql)
        #expect(try Self.check(folder, against: database, unavailable: ["hstore"], shadow: true).findings == [])
    }

    /// ALTER EXTENSION … UPDATE TO and COMMENT ON EXTENSION of a stood-in extension: the version the
    /// expected schema says is the updated one; DROP EXTENSION of one stops with one line.
    @Test func alteringAStoodInExtension() throws {
        let sql = """
            CREATE EXTENSION hstore VERSION '1.7';
            COMMENT ON EXTENSION hstore IS 'key/value pairs';
            ALTER EXTENSION hstore UPDATE TO '1.8';
            CREATE TABLE t (h hstore);

            """
        let database = try TestDatabase("standin_alter", sql: sql)
        let folder = try TruthRegressionTests.folder(sql)
        #expect(try Self.check(folder, against: database, unavailable: ["hstore"], shadow: true).findings == [])
        let older = try TestDatabase("standin_alter_older", sql: "CREATE EXTENSION hstore VERSION '1.7';\nCREATE TABLE t (h hstore);\n")
        #expect(try Self.check(folder, against: older, unavailable: ["hstore"], shadow: true).findings
            == ["extension_mismatch public: extension hstore is at version 1.7, expected 1.8"])
        let dropping = try TruthRegressionTests.folder(sql + "DROP TABLE t;\nDROP EXTENSION hstore;\n")
        #expect {
            _ = try Self.check(dropping, against: database, unavailable: ["hstore"], shadow: true)
        } throws: { error in
            "\(error)" == "\(dropping)/001_init.sql:6:1: dropping extension hstore, which this machine does not have and a shadow database only stands in for, is not read"
        }
    }

    /// An extension neither here nor in the database: reported missing, and the migrations read around
    /// it — what cannot be read without it is listed, everything else is compared.
    @Test func anExtensionTheDatabaseLacksToo() throws {
        let database = try TestDatabase("missing_ext_nowhere", sql: "CREATE TABLE t (id int);\n")
        let folder = try TruthRegressionTests.folder("""
            CREATE EXTENSION hstore;
            CREATE TABLE t (id int);
            CREATE TABLE u (attributes hstore);
            CREATE TABLE w (id int);

            """)
        let file = folder + "/001_init.sql"
        let (findings, notes) = try Self.check(folder, against: database, unavailable: ["hstore"])
        #expect(findings == ["missing_extension public: extension hstore is not installed", "missing_table public.w: table public.w does not exist"])
        #expect(notes == [
            "extension hstore is neither on this machine nor in the database: reported missing, and read around",
            "not read without it: \(file):3: type hstore is not read offline",
        ])
    }
}
