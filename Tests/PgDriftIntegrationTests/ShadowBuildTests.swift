import Foundation
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

/// Issue 24: a throwaway server copies a cached initdb output (ClusterTemplate) instead of running initdb,
/// and a template whose stamp no longer matches is made again.
@Suite struct ClusterTemplateTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CLITests.binary)))
    func serversCopyACachedTemplateAndAStaleOneIsMadeAgain() throws {
        let database = try TestDatabase("template_db", sql: "CREATE TABLE t (a int);")
        TestEnvironment.isolated
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-clusters-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let command = ["env", "PGDRIFT_TRACE=1", "PGDRIFT_CLUSTER_CACHE=\(cache)", CLITests.binary, "check", "--expected", "builtin",
                       "--database", database.connectionString, "--report-dir", cache + "-reports"]
        let first = try ChildProcess.run(command)
        #expect(first.code == 1, "\(first.stderr)")  // t is not the built-in model
        let templates = try FileManager.default.contentsOfDirectory(atPath: cache).filter { !$0.contains(".making-") }
        #expect(templates.count == 1)
        let folder = cache + "/" + (templates.first ?? "")
        #expect(FileManager.default.fileExists(atPath: folder + "/data/PG_VERSION"))
        #expect(first.stderr.contains("copied the cluster template \(folder)/data"), "\(first.stderr)")
        let stamp = try String(contentsOfFile: folder + "/stamp", encoding: .utf8)

        // A stamp that no longer matches (another PostgreSQL, other options): made again, then copied.
        try "stale".write(toFile: folder + "/stamp", atomically: true, encoding: .utf8)
        let second = try ChildProcess.run(command)
        #expect(second.code == 1)
        #expect(try String(contentsOfFile: folder + "/stamp", encoding: .utf8) == stamp)
        #expect(second.stderr.contains("copied the cluster template \(folder)/data"))
    }
}
