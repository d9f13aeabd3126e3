import PgDrift
import PgDriftTestSupport
import Testing

/// Shadow databases are built by the plan from an empty database, and exactly: a database built from an
/// introspected model introspects to the same model.
@Suite struct ShadowBuildTests {
    @Test func everyKindRoundTripsThroughDDL() throws {
        let original = try TestDatabase("ddl_source", sql: IntrospectionTests.everyKind).catalog()
        let rebuilt = try TestDatabase("ddl_rebuilt")
        try ShadowDatabase.build(original, into: rebuilt.connect())
        let differences = catalogDifferences(original, try rebuilt.catalog())
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
    }

    /// A foreign key may lean on a unique index rather than a unique constraint (as in ejabberd-like
    /// schemas written by hand): the index must exist before the key. Whole-catalog DDL that added keys
    /// before indexes failed here with "there is no unique constraint matching given keys".
    @Test func aForeignKeyOnAUniqueIndexIsBuiltAfterTheIndex() throws {
        let original = try TestDatabase("ddl_fk_index_source", sql: """
            CREATE TABLE users (id integer NOT NULL, tenant_id integer NOT NULL);
            CREATE UNIQUE INDEX users_tenant_id_id ON users (tenant_id, id);
            CREATE TABLE posts (id integer PRIMARY KEY, author integer, tenant integer,
                FOREIGN KEY (author, tenant) REFERENCES users (id, tenant_id));
            """).catalog()
        let rebuilt = try TestDatabase("ddl_fk_index_rebuilt")
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
