import PgDrift
import PgDriftTestSupport
import Testing

/// The DDL renderer is exact: a database built from the DDL of an introspected model introspects to the
/// same model.
@Suite struct CatalogDDLTests {
    @Test func everyKindRoundTripsThroughDDL() throws {
        let original = try TestDatabase("ddl_source", sql: IntrospectionTests.everyKind).catalog()
        let rebuilt = try TestDatabase("ddl_rebuilt")
        try ShadowDatabase.build(original, into: rebuilt.connect())
        let differences = catalogDifferences(original, try rebuilt.catalog())
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
    }

    @Test func analyticsRoundTripsThroughDDL() throws {
        let original = try AnalyticsExampleTests.build("ddl_analytics").catalog()
        let rebuilt = try TestDatabase("ddl_analytics_rebuilt")
        try ShadowDatabase.build(original, into: rebuilt.connect())
        let differences = catalogDifferences(original, try rebuilt.catalog())
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
    }
}

/// The plan from an empty database is a whole schema's DDL (what `snapshot --format sql` writes): a
/// database built by applying it introspects to the same model.
@Suite struct PlanFromEmptyTests {
    @Test(arguments: ["every_kind", "analytics"])
    func aPlanFromNothingRebuildsTheSchema(_ name: String) throws {
        let original = name == "analytics"
            ? try AnalyticsExampleTests.build("plan_empty_\(name)").catalog()
            : try TestDatabase("plan_empty_\(name)", sql: IntrospectionTests.everyKind).catalog()
        let rebuilt = try TestDatabase("plan_empty_\(name)_rebuilt")
        let plan = MigrationPlanner.plan(expected: original, actual: try rebuilt.catalog())
        #expect(plan.skipped.isEmpty, "\(plan.render())")
        try PlanApplier.apply(plan, to: rebuilt.connectionString)
        let differences = catalogDifferences(original, try rebuilt.catalog())
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))\n\(plan.render())")
    }
}
