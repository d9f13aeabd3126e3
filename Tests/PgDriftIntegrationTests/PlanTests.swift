import ExpectedSchema
import Foundation
import PgDrift
import PgDriftTestSupport
import Testing

/// `plan` on the seed's scenario, its determinism, and `--apply`'s all-or-nothing guarantee.
@Suite struct PlanTests {
    @Test func theSeedsPlanCreatesTheMissingTablesAndColumnAndLeavesTheDatabaseClean() throws {
        let database = try AnalyticsExampleTests.build("plan_seed", through: "015")
        let audit = Audit(expected: analyticsSchema.catalog)
        let plan = try audit.plan(against: database.connectionString)
        let sql = plan.transactional.map(\.sql).joined(separator: "\n")

        #expect(plan.skipped.isEmpty, "\(plan.render())")
        #expect(sql.contains("CREATE TABLE IF NOT EXISTS public.creators_cold ("))
        #expect(sql.contains("CREATE TABLE IF NOT EXISTS public.hashtags_cold ("))
        #expect(sql.contains("ALTER TABLE public.creators_hot ADD COLUMN IF NOT EXISTS total_play_count bigint"))
        #expect(sql.contains("ALTER TABLE public.creators_cold ENABLE ROW LEVEL SECURITY;"))
        #expect(sql.contains("ALTER TABLE public.hashtags_cold ENABLE ROW LEVEL SECURITY;"))
        #expect(sql.contains("CREATE POLICY") && sql.contains("ON public.creators_cold"))
        // Nothing but those three objects and what hangs off them.
        for statement in plan.transactional {
            let touchesSeedObjects = ["creators_cold", "hashtags_cold", "total_play_count"].contains { statement.sql.contains($0) }
            #expect(touchesSeedObjects, "unexpected statement: \(statement.sql)")
        }

        try PlanApplier.apply(plan, to: database.connectionString)
        let report = try audit.run(against: database.connectionString)
        #expect(report.findings.isEmpty, "\(report.findings.map(\.message))")
    }

    @Test func theSameInputsGiveByteIdenticalPlans() throws {
        let before = try TestDatabase("plan_same_before", sql: """
            CREATE TABLE b (id int PRIMARY KEY, x text); CREATE TABLE a (id int PRIMARY KEY, b_id int);
            CREATE VIEW v2 AS SELECT id FROM a; CREATE INDEX a_idx ON a (b_id);
            """)
        let after = try TestDatabase("plan_same_after", sql: """
            CREATE TABLE b (id bigint PRIMARY KEY, y text); CREATE TABLE a (id int PRIMARY KEY, b_id bigint REFERENCES b(id));
            CREATE VIEW v2 AS SELECT id, b_id FROM a; CREATE VIEW v1 AS SELECT id FROM v2; CREATE TABLE c (z int);
            """)
        let expected = try after.catalog()
        let actual = try before.catalog()
        let options = PlanOptions(allowDestructive: true)
        let first = MigrationPlanner.plan(expected: expected, actual: actual, options: options).render()
        // Through a snapshot and back: the same model, read again, gives the same bytes.
        let reread = try Snapshot.decode(try Snapshot(catalog: expected).jsonData()).catalog
        let second = MigrationPlanner.plan(expected: reread, actual: try before.catalog(), options: options).render()
        #expect(first == second)
        #expect(!first.isEmpty)
    }

    @Test func aFailingStatementRollsBackTheWholePlan() throws {
        let database = try TestDatabase("plan_rollback", sql: """
            CREATE TABLE t (id int PRIMARY KEY, note text); INSERT INTO t VALUES (1, NULL);
            """)
        let target = try TestDatabase("plan_rollback_target", sql: """
            CREATE TABLE t (id int PRIMARY KEY, note text NOT NULL); CREATE TABLE added (id int);
            """)
        let plan = MigrationPlanner.plan(expected: try target.catalog(), actual: try database.catalog())
        let before = try database.catalog()
        // SET NOT NULL meets the NULL row and fails after CREATE TABLE added has run.
        #expect(throws: PostgresError.self) { try PlanApplier.apply(plan, to: database.connectionString) }
        let after = try database.catalog()
        #expect(catalogDifferences(before, after).isEmpty, "\(catalogDifferences(before, after))")
        #expect(after.tables[QualifiedName("public", "added")] == nil)
    }

    @Test func applyGivesUpWhenATableIsLockedInsteadOfWaiting() throws {
        let database = try TestDatabase("plan_lock", sql: "CREATE TABLE t (id int PRIMARY KEY);")
        let target = try TestDatabase("plan_lock_target", sql: "CREATE TABLE t (id int PRIMARY KEY, note text);")
        var options = PlanOptions()
        options.lockTimeout = "200ms"
        let plan = MigrationPlanner.plan(expected: try target.catalog(), actual: try database.catalog(), options: options)
        let holder = try database.connect()
        try holder.execute("BEGIN; LOCK TABLE t IN ACCESS EXCLUSIVE MODE;")
        defer { try? holder.execute("ROLLBACK") }
        do {
            try PlanApplier.apply(plan, to: database.connectionString)
            Issue.record("the plan ran although the table was locked")
        } catch let error as PostgresError {
            #expect(error.isTimeout, "\(error)")
            #expect(error.message.contains("rolled back"))
        }
    }

    @Test(.enabled(if: Squawk.isAvailable)) func squawkSeesWhatItShould() throws {
        // The harness of the corpus's lint checks: squawk really runs and its rules are read.
        let rules = try Squawk.rules(in: "ALTER TABLE t DROP COLUMN x;")
        #expect(rules.contains("ban-drop-column"))
        #expect(rules.contains("require-lock-timeout"))
    }
}

/// `--ignore` globs leave objects out of the plan as they leave them out of check.
@Suite struct PlanIgnoreTests {
    @Test func ignoredObjectsAreNotPlanned() throws {
        let target = try TestDatabase("plan_ignore_target", sql: "CREATE TABLE t (a int, b int);")
        let database = try TestDatabase("plan_ignore_db", sql: """
            CREATE TABLE t (a int, legacy_x text); CREATE TABLE tmp_load (id int); CREATE INDEX tmp_idx ON t (a);
            """)
        var audit = Audit(source: .database(target.connectionString))
        audit.ignore = ["public.tmp_*", "public.t.legacy_*"]
        let plan = try audit.plan(against: database.connectionString, options: PlanOptions(allowDestructive: true))
        let sql = plan.statements.map(\.sql).joined(separator: "\n")
        #expect(sql.contains("ADD COLUMN IF NOT EXISTS b integer"))
        #expect(!sql.contains("tmp_load") && !sql.contains("tmp_idx") && !sql.contains("legacy_x"), "\(sql)")
        #expect(try audit.run(against: database.connectionString).findings.map(\.kind) == [.missingColumn])
    }
}

/// A column's type change rebuilds the policies that read it, and only those.
@Suite struct PlanPolicyRebuildTests {
    @Test func onlyPoliciesReadingARetypedColumnAreRebuilt() throws {
        let shape = { (type: String) in """
            CREATE TABLE t (id int PRIMARY KEY, owner_id \(type), note text);
            ALTER TABLE t ENABLE ROW LEVEL SECURITY;
            CREATE POLICY reads_owner ON t USING (owner_id = 1);
            CREATE POLICY reads_nothing ON t FOR SELECT USING (true);
            CREATE POLICY reads_note ON t FOR INSERT WITH CHECK (note IS NOT NULL);
            """ }
        let run = try PlanConvergence(label: "policy_rebuild", before: shape("integer"), after: shape("bigint"), options: PlanOptions())
        let drops = run.plan.statements.filter { $0.phase == .dropPolicies }.map(\.sql)
        #expect(drops == ["DROP POLICY IF EXISTS reads_owner ON public.t;"], "\(run.plan.render())")
        #expect(run.remaining.isEmpty && run.secondPlan.isEmpty)
    }
}
