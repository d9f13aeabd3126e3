import AnalyticsExample
import PgDrift
import PgDriftTestSupport
import Testing

/// The shipped analytics migrations build a database whose shape matches the seed story.
@Suite struct AnalyticsExampleTests {
    static func build(_ label: String, through last: String? = nil) throws -> TestDatabase {
        try TestDatabase.executeInCluster(AnalyticsExample.rolesSQL())
        let database = try TestDatabase(label)
        let connection = try database.connect()
        for migration in try AnalyticsExample.migrations() where last.map({ migration.name <= $0 }) ?? true {
            try connection.execute(migration.sql)
        }
        return database
    }

    @Test func withoutTheFixUpMigrationTheSeedsObjectsAreMissing() throws {
        let catalog = try Self.build("analytics_014", through: "015").catalog()
        let hot = try #require(catalog.tables[QualifiedName("public", "creators_hot")])
        #expect(hot.column(named: "videos_count") != nil)
        #expect(hot.column(named: "total_play_count") == nil)
        #expect(catalog.tables[QualifiedName("public", "creators_cold")] == nil)
        #expect(catalog.tables[QualifiedName("public", "hashtags_cold")] == nil)
        #expect(catalog.functions.contains { $0.name.name == "update_aggregations" })
    }

    @Test func theFixUpMigrationAddsThem() throws {
        let catalog = try Self.build("analytics_full").catalog()
        let hot = try #require(catalog.tables[QualifiedName("public", "creators_hot")])
        #expect(hot.column(named: "total_play_count")?.type == .bigint)
        for name in ["creators_cold", "hashtags_cold"] {
            let table = try #require(catalog.tables[QualifiedName("public", name)])
            #expect(table.rowLevelSecurity)
            #expect(!table.policies.isEmpty)
            #expect(table.primaryKey != nil)
        }
    }
}
