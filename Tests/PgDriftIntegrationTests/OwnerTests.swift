import Foundation
import PgDrift
import PgDriftTestSupport
import Testing

/// Owners end to end (`--with-owners`, issue 17): two databases that differ only in who owns what.
/// `check --with-owners` reports one `owner_mismatch` per object (database against database, and from
/// the SQL through the shadow database), `check` without the flag reports nothing, `plan --with-owners`
/// fixes it, and `pg_dump --schema-only` with owners is equal after.
@Suite struct OwnerTests {
    /// Roles of these tests only (roles are cluster-wide and tests run in parallel).
    static let a = "pgdrift_own_a"
    static let b = "pgdrift_own_b"

    init() throws {
        for role in [Self.a, Self.b] {
            try TestDatabase.executeInCluster(
                "DO $$ BEGIN CREATE ROLE \(role); EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$")
        }
    }

    static let base = """
        CREATE SCHEMA app;
        CREATE TABLE app.t (id int PRIMARY KEY, note text);
        CREATE VIEW app.v AS SELECT id FROM app.t;
        CREATE MATERIALIZED VIEW app.mv AS SELECT id FROM app.t;
        CREATE SEQUENCE app.s;
        CREATE FUNCTION app.f(x int) RETURNS int LANGUAGE sql AS 'SELECT x';
        CREATE PROCEDURE app.p() LANGUAGE sql AS 'SELECT 1';
        CREATE TYPE app.mood AS ENUM ('sad', 'ok');
        CREATE DOMAIN app.positive AS int CHECK (VALUE > 0);
        CREATE TYPE app.pair AS (a int, b int);
        CREATE TYPE app.span AS RANGE (subtype = int);

        """

    /// `ALTER … OWNER TO role` for every object of `base`.
    static func owned(by role: String) -> String {
        ["SCHEMA app", "TABLE app.t", "VIEW app.v", "MATERIALIZED VIEW app.mv", "SEQUENCE app.s", "FUNCTION app.f(int)",
         "PROCEDURE app.p()", "TYPE app.mood", "DOMAIN app.positive", "TYPE app.pair", "TYPE app.span"]
            .map { "ALTER \($0) OWNER TO \(role);\n" }.joined()
    }

    static var expected: String { base + owned(by: a) + "CREATE TABLE app.extra (id int);\nALTER TABLE app.extra OWNER TO \(a);\n" }
    static var actual: String { base + owned(by: b) }

    static let findings = [
        "missing_table app.extra: table app.extra does not exist",
        "owner_mismatch app: schema app is owned by \(b), expected \(a) | \(a) | \(b)",
        "owner_mismatch app f(x integer): function app.f(x integer) is owned by \(b), expected \(a) | \(a) | \(b)",
        "owner_mismatch app mood: type app.mood is owned by \(b), expected \(a) | \(a) | \(b)",
        "owner_mismatch app p(): procedure app.p() is owned by \(b), expected \(a) | \(a) | \(b)",
        "owner_mismatch app pair: type app.pair is owned by \(b), expected \(a) | \(a) | \(b)",
        "owner_mismatch app positive: domain app.positive is owned by \(b), expected \(a) | \(a) | \(b)",
        "owner_mismatch app s: sequence app.s is owned by \(b), expected \(a) | \(a) | \(b)",
        "owner_mismatch app span: type app.span is owned by \(b), expected \(a) | \(a) | \(b)",
        "owner_mismatch app.mv: materialized view app.mv is owned by \(b), expected \(a) | \(a) | \(b)",
        "owner_mismatch app.t: table app.t is owned by \(b), expected \(a) | \(a) | \(b)",
        "owner_mismatch app.v: view app.v is owned by \(b), expected \(a) | \(a) | \(b)",
    ]

    static func render(_ findings: [Finding]) -> [String] {
        findings.map { finding in
            "\(finding.kind.rawValue) \(finding.path)" + (finding.object.map { " \($0)" } ?? "") + ": \(finding.message)"
                + (finding.kind == .ownerMismatch ? " | \(finding.expected ?? "-") | \(finding.actual ?? "-")" : "")
        }.sorted()
    }

    static func check(_ source: ExpectedSource, against database: TestDatabase, owners: Bool = true, shadow: Bool = false)
        throws -> (findings: [String], notes: [String])
    {
        var audit = Audit(source: source)
        audit.diffOptions.compareOwners = owners
        audit.shadow = shadow
        var notes: [String] = []
        audit.onNote = { notes.append($0) }
        return (render(try audit.run(against: database.connectionString).findings), notes)
    }

    @Test func ownersFoundFromADatabaseAndFromSQL() throws {
        let target = try TestDatabase("owners_target", sql: Self.expected)
        let drift = try TestDatabase("owners_drift", sql: Self.actual)
        #expect(try Self.check(.database(target.connectionString), against: drift).findings == Self.findings.sorted())
        #expect(try Self.check(.database(target.connectionString), against: drift, owners: false).findings
            == ["missing_table app.extra: table app.extra does not exist"])
        // From the SQL: an OWNER TO sends the reader to the shadow database, which reads the owners the
        // migrations named (everything else is the migrating role's, which is not compared).
        let folder = try TruthRegressionTests.folder(Self.expected)
        for shadow in [false, true] {
            let (findings, _) = try Self.check(.sqlDirectory(folder), against: drift, shadow: shadow)
            #expect(findings == Self.findings.sorted(), "shadow: \(shadow)")
        }
        // Offline, an OWNER TO defers to the shadow database when owners are compared, and only then.
        let small = try TruthRegressionTests.folder("CREATE TABLE t (id int);\nALTER TABLE t OWNER TO \(Self.a);\n")
        let (_, deferred) = try Self.check(.sqlDirectory(small), against: drift)
        #expect(deferred.map { $0.components(separatedBy: "/").last! }
            == ["001_init.sql:2: an owner change, with owners compared, is read through the shadow database"])
        #expect(try Self.check(.sqlDirectory(small), against: drift, owners: false).notes == [])
        // Without OWNER TO, nothing says who owns what: no owner is compared, and the folder reads
        // offline (the range type aside, which the offline reader leaves to the shadow database).
        let unsaid = try TruthRegressionTests.folder(Self.base.replacingOccurrences(of: "CREATE TYPE app.span AS RANGE (subtype = int);\n", with: ""))
        let (findings, notes) = try Self.check(.sqlDirectory(unsaid), against: drift)
        #expect(findings == ["extra_type app span: range type app.span is not in the expected schema"])
        #expect(!notes.contains { $0.contains("shadow database") }, "\(notes)")
    }

    @Test func planWithOwnersConverges() throws {
        let run = try PlanConvergence(
            label: "owners", before: Self.actual, after: Self.expected, options: PlanOptions(withOwners: true), rerun: .succeeds,
            owners: true)
        #expect(run.remaining.isEmpty, "\(run.remaining.map(\.message))\n\(run.plan.render())")
        #expect(run.secondPlan.isEmpty, "\(run.secondPlan.render())")
        let dumps = try run.dumps()
        #expect(dumps.migrated.sorted() == dumps.target.sorted(), "\(PlanConvergence.difference(dumps.migrated, dumps.target))\n\(run.plan.render())")
        #expect(run.plan.statements.filter { $0.phase == .owners }.count == 12)
    }
}
