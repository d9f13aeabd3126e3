import Foundation
import PgDrift
import PgDriftTestSupport
import Testing

/// Issue 15, "Truth on schemas nobody here wrote": names in expressions compared as identities (not
/// spellings with their qualifiers stripped), constants the server respells, and SQL-standard function
/// bodies. Each case runs `check` against a real PostgreSQL and asserts the whole rendered report.
@Suite struct ExpressionIdentityTests {
    /// The text report without its first line (which names the throwaway server's socket).
    static func rendered(_ report: DriftReport) -> String {
        TextReport.render(report, color: false).split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
    }

    /// `sql` written to a migrations folder of its own, read as the expected schema.
    static func folder(_ sql: String, _ label: String = #function) throws -> String {
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
