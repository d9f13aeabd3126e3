import Foundation
import PgDrift
import Testing

/// The one comparison of grants (`PrivilegeDelta`), the findings and the plan it gives, without a
/// database; and snapshots with the new privilege fields.
@Suite struct PrivilegeModelTests {
    static func grant(_ grantee: String, _ privilege: String, option: Bool = false, column: String? = nil) -> Grant {
        Grant(grantee: grantee, privilege: privilege, isGrantable: option, column: column)
    }

    @Test func deltasPerColumnAndGrantee() {
        let deltas = PrivilegeDelta.between(
            expected: [Self.grant("app", "SELECT"), Self.grant("app", "UPDATE"), Self.grant("ro", "SELECT", option: true),
                       Self.grant("app", "SELECT", column: "c")],
            actual: [Self.grant("app", "DELETE"), Self.grant("ro", "SELECT"), Self.grant("PUBLIC", "SELECT"),
                     Self.grant("w", "INSERT", option: true), Self.grant("w", "UPDATE", option: true)])
        #expect(deltas.map { "\($0.column ?? "-") \($0.grantee): \($0.summary)" } == [
            "- PUBLIC: has SELECT not expected",
            "- app: lacks SELECT, UPDATE; has DELETE not expected",
            "- ro: lacks GRANT OPTION FOR SELECT",
            "- w: has INSERT, UPDATE not expected",
            "c app: lacks SELECT",
        ])
        #expect(PrivilegeDelta.between(expected: [Self.grant("w", "SELECT")], actual: [Self.grant("w", "SELECT", option: true)])
            .map(\.summary) == ["has GRANT OPTION FOR SELECT not expected"])
        #expect(PrivilegeDelta.between(expected: [Self.grant("w", "USAGE", option: true)], actual: [])
            .map(\.summary) == ["lacks USAGE WITH GRANT OPTION"])
    }

    /// The diff and the planner read the same delta: the finding says what the statements do.
    @Test func findingAndPlanOfOneDelta() {
        let name = QualifiedName("public", "my table")
        var expected = Catalog(tables: [Table(name: name, columns: [Column(name: "id", type: .integer)])])
        var actual = expected
        expected.tables[name]?.grants = [Self.grant("app", "SELECT"), Self.grant("app", "UPDATE", column: "id")]
        actual.tables[name]?.grants = [Self.grant("app", "DELETE"), Self.grant("PUBLIC", "SELECT")]
        let findings = SchemaDiff.findings(expected: expected, actual: actual, options: DiffOptions(comparePrivileges: true))
        #expect(findings.map(\.message) == [
            "table public.\"my table\": PUBLIC has SELECT not expected",
            "table public.\"my table\": role app lacks SELECT; has DELETE not expected",
            "column public.\"my table\".id: role app lacks UPDATE",
        ])
        #expect(SchemaDiff.findings(expected: expected, actual: actual).isEmpty)
        let plan = MigrationPlanner.plan(expected: expected, actual: actual, options: PlanOptions(withPrivileges: true))
        #expect(plan.statements.map(\.phase) == [.privileges, .privileges, .privileges])
        #expect(plan.statements[0].sql == "REVOKE SELECT ON TABLE public.\"my table\" FROM PUBLIC;")
        #expect(plan.statements[1].sql == """
            DO $pgdrift$
            BEGIN
                IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'app') THEN
                    REVOKE DELETE ON TABLE public."my table" FROM app;
                    GRANT SELECT ON TABLE public."my table" TO app;
                ELSE
                    RAISE NOTICE 'pgdrift: % does not exist: skipped %', 'role app', 'privileges on table public."my table"';
                END IF;
            END
            $pgdrift$;
            """)
        #expect(plan.statements[1].hazards == ["Skipped, with a NOTICE, when role app does not exist on the target."])
        #expect(plan.statements[2].sql.contains("GRANT UPDATE (id) ON TABLE public.\"my table\" TO app;"))
        // Without the flag, grants of objects that exist are left alone.
        #expect(MigrationPlanner.plan(expected: expected, actual: actual).statements.isEmpty)
    }

    /// Type grants and default privileges stay out of snapshots when empty, and round-trip when set.
    @Test func snapshotsCarryTypeGrantsAndDefaultPrivileges() throws {
        var catalog = Catalog(enums: [EnumType(name: QualifiedName("public", "mood"), values: ["ok"])])
        let bare = String(decoding: try JSONEncoder().encode(catalog), as: UTF8.self)
        #expect(!bare.contains("grants") && !bare.contains("defaultPrivileges"))
        catalog.enums[QualifiedName("public", "mood")]?.grants = [Self.grant("PUBLIC", "USAGE")]
        catalog.defaultPrivileges = [DefaultPrivileges(role: "owner", schema: "app", objectType: .tables, grants: [Self.grant("app", "SELECT")])]
        let decoded = try JSONDecoder().decode(Catalog.self, from: try JSONEncoder().encode(catalog))
        #expect(decoded == catalog)
    }
}
