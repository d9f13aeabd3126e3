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
