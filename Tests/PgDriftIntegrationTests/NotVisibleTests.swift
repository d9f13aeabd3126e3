import PgDrift
import PgDriftTestSupport
import Testing

/// A role that may only connect: pgdrift still reads the whole schema (pg_catalog lists every object
/// to every role), so nothing is reported missing; what the role cannot see is reported not_visible.
@Suite struct NotVisibleTests {
    static let schema = """
        CREATE SCHEMA app;
        CREATE TABLE app.secret (id int);
        CREATE VIEW app.secret_ids AS SELECT id FROM app.secret;
        CREATE TABLE public.hidden (id int, note text);
        CREATE TABLE public.partly (id int, salary numeric);
        CREATE TABLE public.open (id int);
        """

    /// A database with `schema`, and a LOGIN role with no privilege beyond CONNECT (PUBLIC's) plus
    /// the grants given.
    static func database(_ label: String, role: String, grants: String) throws -> (owner: TestDatabase, asRole: String) {
        try TestDatabase.executeInCluster("DROP ROLE IF EXISTS \(role); CREATE ROLE \(role) LOGIN")
        let database = try TestDatabase(label, sql: schema + grants)
        return (database, database.connectionString + " user=\(role)")
    }

    @Test func introspectionSeesEverythingWithoutPrivileges() throws {
        let (owner, asRole) = try Self.database("visible_catalog", role: "pgdrift_connect_only", grants: "")
        let connection = try PostgresConnection(asRole)
        let seen = try Introspector().inspect(from: connection)
        #expect(seen.access.role == "pgdrift_connect_only")
        #expect(seen.catalog == (try owner.catalog()))
        #expect(seen.access.schemaUsage["app"] == false && seen.access.schemaUsage["public"] == true)
        #expect(seen.access.relations[QualifiedName("public", "hidden")]?.isVisible == false)
        #expect(seen.access.searchPath == ["public"])
    }

    @Test func checkReportsWhatTheRoleCannotSeeNotMissing() throws {
        let (owner, asRole) = try Self.database(
            "not_visible", role: "pgdrift_partial",
            grants: "GRANT SELECT (id) ON public.partly TO pgdrift_partial; GRANT SELECT ON public.open TO pgdrift_partial;")
        let report = try Audit(source: .database(owner.connectionString)).run(against: asRole)
        #expect(report.findings.map { "\($0.kind.rawValue) \($0.path)" } == [
            "not_visible app",
            "not_visible public.hidden",
            "not_visible public.partly.salary",
        ])
        #expect(report.findings.allSatisfy { $0.severity == .warning })
        #expect(!report.hasErrors)
        #expect(report.findings[0].message
            == "role pgdrift_partial has no USAGE on schema app: it cannot use any of the 2 tables and views expected there")
        #expect(report.findings[1].message
            == "table public.hidden exists, but role pgdrift_partial holds no privilege on it: queries fail and information_schema does not list it")
    }

    @Test func aMissingTableStaysMissingForARoleWithoutPrivileges() throws {
        let (owner, asRole) = try Self.database("not_visible_missing", role: "pgdrift_no_grants", grants: "")
        try owner.connect().execute("DROP TABLE public.open")
        let expected = try TestDatabase("not_visible_expected", sql: Self.schema)
        let report = try Audit(source: .database(expected.connectionString)).run(against: asRole)
        #expect(report.findings.map { "\($0.kind.rawValue) \($0.path)" } == [
            "not_visible app",
            "not_visible public.hidden",
            "missing_table public.open",
            "not_visible public.partly",
        ])
    }
}
