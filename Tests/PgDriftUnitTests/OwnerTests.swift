import Foundation
import PgDrift
import Testing

/// `--with-owners` without a database: the one comparison (`OwnerDelta`), its finding, its statements,
/// and the snapshot's `owners` list.
@Suite struct OwnerTests {
    static let t = PrivilegeTarget(kind: .table, name: QualifiedName("public", "t"))
    static let f = PrivilegeTarget(kind: .function, name: QualifiedName("public", "f"), arguments: "integer")
    static let app = PrivilegeTarget(kind: .schema, name: QualifiedName("app", ""))

    static func catalogs() -> (expected: Catalog, actual: Catalog) {
        let function = Function(name: QualifiedName("public", "f"), identityArguments: "integer", arguments: "integer",
                                returnType: "integer", language: "sql", body: "SELECT $1")
        var expected = Catalog(schemas: [Namespace(name: "app")], tables: [Table(name: QualifiedName("public", "t"))],
                               functions: [function])
        var actual = expected
        // The table's owner differs, the function's is the same, the schema's is not said by the expected side.
        expected.owners = [t: "owner_a", f: "owner_a"]
        actual.owners = [t: "owner_b", f: "owner_a", app: "owner_b"]
        return (expected, actual)
    }

    @Test func onlyKnownOwnersThatDifferAreCompared() {
        let (expected, actual) = Self.catalogs()
        #expect(OwnerDelta.between(expected: expected, actual: actual) == [OwnerDelta(target: Self.t, expected: "owner_a", actual: "owner_b")])
        // A database read without owners says nothing.
        var unread = actual
        unread.owners = [:]
        #expect(OwnerDelta.between(expected: expected, actual: unread) == [])
    }

    @Test func anOwnerMismatchOnlyWithTheFlag() {
        let (expected, actual) = Self.catalogs()
        let found = SchemaDiff.findings(expected: expected, actual: actual, options: DiffOptions(compareOwners: true))
        #expect(found.map { "\($0.kind.rawValue) \($0.path): \($0.message) | \($0.expected ?? "-") | \($0.actual ?? "-")" }
            == ["owner_mismatch public.t: table public.t is owned by owner_b, expected owner_a | owner_a | owner_b"])
        #expect(SchemaDiff.findings(expected: expected, actual: actual) == [])
    }

    @Test func plannedOnlyWithTheFlagAndGuardedByTheRole() {
        var (expected, actual) = Self.catalogs()
        // A missing view: created by the plan, then given its owner.
        let view = View(name: QualifiedName("public", "v"), definition: " SELECT 1 AS a;")
        expected.views.upsert(view)
        expected.owners[PrivilegeTarget(kind: .view, name: view.name)] = "owner_c"
        let plan = MigrationPlanner.plan(expected: expected, actual: actual, options: PlanOptions(withOwners: true))
        #expect(plan.statements.filter { $0.phase == .owners }.map(\.sql) == [
            Self.guarded("owner_a", "ALTER TABLE public.t OWNER TO owner_a;", "owner of table public.t"),
            Self.guarded("owner_c", "ALTER VIEW public.v OWNER TO owner_c;", "owner of view public.v"),
        ])
        #expect(MigrationPlanner.plan(expected: expected, actual: actual).statements.filter { $0.phase == .owners } == [])
    }

    /// What a statement that needs a role looks like: skipped with a NOTICE where the role is missing.
    static func guarded(_ role: String, _ sql: String, _ subject: String) -> String {
        """
        DO $pgdrift$
        BEGIN
            IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '\(role)') THEN
                \(sql)
            ELSE
                RAISE NOTICE 'pgdrift: % does not exist: skipped %', 'role \(role)', '\(subject)';
            END IF;
        END
        $pgdrift$;
        """
    }

    @Test func aSnapshotKeepsItsOwners() throws {
        let (expected, _) = Self.catalogs()
        let data = try JSONEncoder().encode(expected)
        let decoded = try JSONDecoder().decode(Catalog.self, from: data)
        #expect(decoded == expected)
        #expect(decoded.owners == expected.owners)
        // A catalog without owners writes no `owners` key: snapshots taken without the flag are unchanged.
        #expect(!String(decoding: try JSONEncoder().encode(Catalog()), as: UTF8.self).contains("owners"))
    }
}
