import Foundation
import PgDrift
import PgDriftTestSupport
import Testing

/// Issue 15, "Truth on schemas nobody here wrote": names in expressions compared as identities (not
/// spellings with their qualifiers stripped), constants the server respells, and SQL-standard function
/// bodies. Each case runs `check` against a real PostgreSQL and asserts the whole rendered report.
@Suite struct ExpressionIdentityTests {
    /// The text report without its first line (which names the throwaway server's socket).
    /// The text report without its first line (the two sides' names) and its `compared:` line (what
    /// was compared is the business of ReportRenderingTests.comparedCountsInEveryFormat).
    static func rendered(_ report: DriftReport) -> String {
        TextReport.render(report, color: false).split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
            .filter { !$0.hasPrefix("compared: ") }.joined(separator: "\n")
    }

    /// `sql` written to a migrations folder of its own, read as the expected schema.
    static func folder(_ sql: String, _ label: String = #function) throws -> String {
        TestEnvironment.isolated
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-expr-\(label.prefix(30))-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try sql.write(to: directory.appendingPathComponent("001_schema.sql"), atomically: true, encoding: .utf8)
        return directory.path
    }

    static let functions = """
        CREATE SCHEMA auth;
        CREATE SCHEMA other;
        CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $$ SELECT NULL::uuid $$;
        CREATE FUNCTION public.uid() RETURNS uuid LANGUAGE sql STABLE AS $$ SELECT NULL::uuid $$;
        CREATE TYPE public.mood AS ENUM ('x', 'y');
        CREATE TYPE other.mood AS ENUM ('x', 'y');
        CREATE FUNCTION other.eq(integer, integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT $1 = $2 $$;
        CREATE OPERATOR other.= (LEFTARG = integer, RIGHTARG = integer, FUNCTION = other.eq);
        CREATE TABLE docs (owner uuid, n integer, label text);
        ALTER TABLE docs ENABLE ROW LEVEL SECURITY;

        """

    // MARK: class 1: qualifiers are identities

    /// Both sides read from a server: a policy calling `public.uid()` where the expected database calls
    /// `auth.uid()`, a check with `OPERATOR(other.=)` instead of `=`, and a default cast to another
    /// schema's type were all reported equal, the qualifiers stripped.
    @Test func qualifiedNamesDifferBetweenDatabases() throws {
        let want = try TestDatabase("qualifiers_want", sql: Self.functions + """
            CREATE POLICY own ON docs USING (auth.uid() = owner);
            ALTER TABLE docs ADD CONSTRAINT n_is_one CHECK (n = 1);
            ALTER TABLE docs ALTER COLUMN label SET DEFAULT 'x'::public.mood;
            """)
        let have = try TestDatabase("qualifiers_have", sql: Self.functions + """
            CREATE POLICY own ON docs USING (public.uid() = owner);
            ALTER TABLE docs ADD CONSTRAINT n_is_one CHECK (n OPERATOR(other.=) 1);
            ALTER TABLE docs ALTER COLUMN label SET DEFAULT 'x'::other.mood;
            """)
        let report = try Audit(source: .database(want.connectionString)).run(against: have.connectionString)
        #expect(Self.rendered(report) == """

            public.docs
              error default_mismatch: column docs.label defaults to 'x'::other.mood, expected 'x'::public.mood
                  expected: 'x'::public.mood
                  actual:   'x'::other.mood
              error constraint_mismatch: constraint n_is_one on docs differs
                  expected: CHECK ((n = 1))
                  actual:   CHECK ((n OPERATOR(other.=) 1))
              error policy_mismatch: policy "own" on docs differs
                  expected: PERMISSIVE FOR ALL TO public USING ((auth.uid() = owner))
                  actual:   PERMISSIVE FOR ALL TO public USING ((public.uid() = owner))

            3 findings: 3 errors, 0 warnings, 0 info

            """)
    }

    /// Read offline from SQL: the policy's unqualified `uid()` resolves, along the search path in
    /// effect, to `public.uid()`; the database calls `auth.uid()`. The offline reader used to write
    /// `uid()`, and the comparison stripped `auth.`: no finding.
    @Test func offlineNamesResolveAlongTheSearchPath() throws {
        let sql = Self.functions + "CREATE POLICY own ON docs USING (uid() = owner);\n"
        let folder = try Self.folder(sql)
        let have = try TestDatabase("offline_qualifiers", sql: Self.functions + "CREATE POLICY own ON docs USING (auth.uid() = owner);")
        var notes: [String] = []
        var audit = Audit(source: .sqlDirectory(folder))
        audit.onNote = { notes.append($0) }
        let report = try audit.run(against: have.connectionString)
        #expect(Self.rendered(report) == """

            public.docs
              error policy_mismatch: policy "own" on docs differs
                  expected: PERMISSIVE FOR ALL TO public USING ((public.uid() = owner))
                  actual:   PERMISSIVE FOR ALL TO public USING ((auth.uid() = owner))
                  declared at \(folder)/001_schema.sql:11

            1 finding: 1 error, 0 warnings, 0 info

            """)
        // And the database built from the same file has no drift (the operator `other.=` is compared, and equal).
        let same = try TestDatabase("offline_qualifiers_same", sql: sql)
        #expect(Self.rendered(try audit.run(against: same.connectionString)) == "no drift\n")
    }

    // MARK: class 7: constants the server respells

    static let constants = """
        CREATE TABLE constants (
            f double precision DEFAULT '0.0000' CHECK (f >= '0.00'),
            r real DEFAULT '1.50',
            b bytea DEFAULT '',
            n bigint DEFAULT '0012',
            d date DEFAULT '2020-1-2',
            ts timestamp DEFAULT '2020-01-02 03:04:05.10',
            tz timestamptz DEFAULT '2020-01-02 03:04:05+02',
            i interval DEFAULT '1 day 2 hours',
            j jsonb DEFAULT '{"b":1,  "a": [1,2]}',
            yes boolean DEFAULT 'yes',
            arr int[] DEFAULT '{1, 2}',
            ip inet DEFAULT '10.0.0.1/32',
            t time DEFAULT '1:2',
            u uuid DEFAULT 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11',
            m money DEFAULT '12.5'
        );

        """

    /// One table built from a file and checked against that same file gave 16 errors: each constant
    /// as the file spells it against the server's spelling. The caller's session settings (which the
    /// server's text of timestamps, dates, intervals and floats depends on) change nothing.
    @Test func constantsTheServerRespellsAreTheSame() throws {
        let folder = try Self.folder(Self.constants)
        let database = try TestDatabase("respelled_constants", sql: Self.constants)
        let settings = " options='-c TimeZone=Pacific/Chatham -c DateStyle=SQL,DMY -c IntervalStyle=sql_standard -c extra_float_digits=-2'"
        for connection in [database.connectionString, database.connectionString + settings] {
            let report = try Audit(source: .sqlDirectory(folder)).run(against: connection)
            #expect(Self.rendered(report) == "no drift\n")
        }
    }

    /// A constant that really differs is still reported, with both spellings.
    @Test func aRespelledConstantThatDiffersIsReported() throws {
        let folder = try Self.folder(Self.constants)
        let database = try TestDatabase("respelled_drift", sql: Self.constants + """
            ALTER TABLE constants ALTER COLUMN f SET DEFAULT '0.5', ALTER COLUMN j SET DEFAULT '{"a": [1, 2], "b": 2}';
            """)
        let report = try Audit(source: .sqlDirectory(folder)).run(against: database.connectionString)
        #expect(Self.rendered(report) == """

            public.constants
              error default_mismatch: column constants.f defaults to '0.5'::double precision, expected '0.0000'
                  expected: '0.0000'
                  actual:   '0.5'::double precision
                  declared at \(folder)/001_schema.sql:2
              error default_mismatch: column constants.j defaults to '{"a": [1, 2], "b": 2}'::jsonb, expected '{"b":1,  "a": [1,2]}'
                  expected: '{"b":1,  "a": [1,2]}'
                  actual:   '{"a": [1, 2], "b": 2}'::jsonb
                  declared at \(folder)/001_schema.sql:10

            2 findings: 2 errors, 0 warnings, 0 info

            """)
    }

    /// The catalog's text of constants does not depend on the reading session's settings.
    @Test func introspectionPinsOutputSettings() throws {
        let database = try TestDatabase("pinned_settings", sql: Self.constants)
        let plain = try Introspector().catalog(from: database.connect()).catalog
        let settings = " options='-c TimeZone=Asia/Kathmandu -c DateStyle=German -c IntervalStyle=iso_8601 -c extra_float_digits=-3'"
        let other = try Introspector().catalog(from: PostgresConnection(database.connectionString + settings)).catalog
        #expect(plain == other)
        let tz = plain.tables[QualifiedName("public", "constants")]?.column(named: "tz")?.defaultExpression
        #expect(tz == "'2020-01-02 01:04:05+00'::timestamp with time zone")
    }

    // MARK: class 3: SQL-standard function bodies

    /// `RETURN expr` and `BEGIN ATOMIC ... END` bodies are stored in `prosqlbody` (`prosrc` is empty):
    /// a changed body was not reported.
    @Test func sqlStandardBodiesAreCompared() throws {
        let want = try TestDatabase("sql_body_want", sql: """
            CREATE FUNCTION add_one(a integer) RETURNS integer LANGUAGE sql IMMUTABLE RETURN a + 1;
            CREATE TABLE log (n integer);
            CREATE PROCEDURE note(a integer) LANGUAGE sql BEGIN ATOMIC INSERT INTO log VALUES (a); END;
            """)
        let have = try TestDatabase("sql_body_have", sql: """
            CREATE FUNCTION add_one(a integer) RETURNS integer LANGUAGE sql IMMUTABLE RETURN a + 2;
            CREATE TABLE log (n integer);
            CREATE PROCEDURE note(a integer) LANGUAGE sql BEGIN ATOMIC INSERT INTO log VALUES (a + 1); END;
            """)
        let report = try Audit(source: .database(want.connectionString)).run(against: have.connectionString)
        #expect(Self.rendered(report) == """

            public
              error function_mismatch: function public.add_one(a integer): body differ
                  expected: public.add_one(a integer) RETURNS integer LANGUAGE sql
                  actual:   public.add_one(a integer) RETURNS integer LANGUAGE sql
              error function_mismatch: function public.note(IN a integer): body differ
                  expected: public.note(IN a integer) LANGUAGE sql
                  actual:   public.note(IN a integer) LANGUAGE sql

            2 findings: 2 errors, 0 warnings, 0 info

            """)
    }
}
