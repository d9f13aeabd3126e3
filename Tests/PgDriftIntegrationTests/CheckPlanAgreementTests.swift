import Foundation
import PgDrift
import PgDriftTestSupport
import Testing

/// One comparison engine (issue 17): on every plan-corpus case, `check` reports an error or a warning
/// exactly when `plan` has a statement — run, or SKIPPED because it is destructive — with and without
/// `--allow-destructive`. A finding the plan does not act on, or a statement for something check calls
/// equal, fails here.
@Suite("check and plan agree on every plan-corpus case")
struct CheckPlanAgreementTests {
    init() throws { try PlanCase.createRoles() }

    @Test("check reports ⇔ plan has a statement", arguments: PlanCase.all())
    func agree(_ item: PlanCase) throws {
        let migrated = try TestDatabase("agree_\(item.name)_before", sql: item.before)
        let target = try TestDatabase("agree_\(item.name)_after", sql: item.after)
        let reading = IntrospectionOptions(includePrivileges: item.readsPrivileges)
        let (expected, actual) = (try target.catalog(reading), try migrated.catalog(reading))
        let findings = SchemaDiff.findings(expected: expected, actual: actual, options: DiffOptions(comparePrivileges: item.flags.contains("privileges")))
        let reported = findings.filter { $0.severity != .info }
        for destructive in [false, true] {
            let options = PlanOptions(
                allowDestructive: destructive, renames: item.flags.contains("renames"), withPrivileges: item.flags.contains("privileges"))
            let plan = MigrationPlanner.plan(expected: expected, actual: actual, options: options)
            #expect(reported.isEmpty == plan.statements.isEmpty,
                    "findings: \(reported.map { "\($0.kind.rawValue) \($0.path) \($0.object ?? "")" })\nplan (--allow-destructive \(destructive)):\n\(plan.render())")
        }
        // The other way round too: after the plan, nothing is reported and nothing is planned (PlanCorpusTests).
    }
}
