import Foundation
import PgDrift
import PgDriftTestSupport
import Testing

/// Issue 16, the rows the completeness table left "not compared yet": `CLUSTER ON`, a table's access
/// method, a column's planner options (`n_distinct`) and a function's SUPPORT. Each pair differs only in
/// the setting; the whole finding is required offline (which defers to the shadow database for all of
/// them), with --shadow and database against database, then a plan that fixes it and equal
/// `pg_dump --schema-only`.
@Suite struct CompletenessOfTableSettingsTests {
    static let table = "CREATE TABLE t (id int PRIMARY KEY, code text NOT NULL);\nCREATE INDEX t_code_idx ON t (code);\n"

    @Test func clusterOn() throws {
        let clustered = Self.table + "ALTER TABLE t CLUSTER ON t_code_idx;\n"
        try TruthRegressionTests.expectFoundAndFixed(
            "complete_cluster_on", expected: clustered, actual: Self.table,
            findings: ["cluster_mismatch public.t: table public.t: clustered on no index, expected t_code_idx | t_code_idx | no index"])
        // On the primary key's index instead; `CLUSTER t USING i` sets the same flag.
        try TruthRegressionTests.expectFoundAndFixed(
            "complete_cluster_other", expected: clustered, actual: Self.table + "CLUSTER t USING t_pkey;\n",
            findings: ["cluster_mismatch public.t: table public.t: clustered on t_pkey, expected t_code_idx | t_code_idx | t_pkey"])
        try TruthRegressionTests.expectFoundAndFixed(
            "complete_cluster_none", expected: Self.table, actual: clustered,
            findings: ["cluster_mismatch public.t: table public.t: clustered on t_code_idx, expected no index | no index | t_code_idx"])
    }

    /// The flag lives on the index: a plan that rebuilds the index sets it again.
    @Test func clusterOnARebuiltIndex() throws {
        let base = "CREATE TABLE t (id int, code text);\n"
        try TruthRegressionTests.expectFoundAndFixed(
            "complete_cluster_rebuilt",
            expected: base + "CREATE INDEX t_idx ON t (code, id);\nALTER TABLE t CLUSTER ON t_idx;\n",
            actual: base + "CREATE INDEX t_idx ON t (code);\nALTER TABLE t CLUSTER ON t_idx;\n",
            findings: ["index_mismatch public.t t_idx: index t_idx on t differs | btree (code, id) | btree (code)"])
    }

    /// A table access method other than heap. PostgreSQL 15 ships only heap, so the tests declare a second
    /// method on heap's handler; CREATE ACCESS METHOD needs a superuser, in the shadow database too.
    @Test func tableAccessMethod() throws {
        let method = "CREATE ACCESS METHOD heap2 TYPE TABLE HANDLER heap_tableam_handler;\n"
        let other = method + "CREATE TABLE t (id int PRIMARY KEY, code text) USING heap2;\n"
        let heap = method + "CREATE TABLE t (id int PRIMARY KEY, code text);\n"
        try TruthRegressionTests.expectFoundAndFixed(
            "complete_am_other", expected: other, actual: heap,
            findings: [
                "access_method_mismatch public.t: table public.t uses access method heap, expected heap2 | heap2 | heap",
                // The access method itself is an object pgdrift does not compare (issue 22).
                "not_checked  access method: 1 access method not compared: heap2, in the database and in the expected schema | heap2 | heap2",
            ],
            shadowSuperuser: true)
        try TruthRegressionTests.expectFoundAndFixed(
            "complete_am_heap", expected: heap, actual: other,
            findings: [
                "access_method_mismatch public.t: table public.t uses access method heap2, expected heap | heap | heap2",
                "not_checked  access method: 1 access method not compared: heap2, in the database and in the expected schema | heap2 | heap2",
            ],
            shadowSuperuser: true)
    }

    /// A table the plan creates gets its access method in CREATE TABLE and its CLUSTER ON once the index exists.
    @Test func aNewTableGetsItsAccessMethodAndCluster() throws {
        let method = "CREATE ACCESS METHOD heap2 TYPE TABLE HANDLER heap_tableam_handler;\n"
        let run = try PlanConvergence(
            label: "complete_new_table_settings", before: method,
            after: method + "CREATE TABLE t (id int PRIMARY KEY, code text) USING heap2;\nALTER TABLE t CLUSTER ON t_pkey;\n",
            options: PlanOptions())
        #expect(run.remaining.isEmpty, "\(run.remaining.map(\.message))\n\(run.plan.render())")
        #expect(run.secondPlan.isEmpty, "\(run.secondPlan.render())")
        let dumps = try run.dumps()
        #expect(dumps.migrated.sorted() == dumps.target.sorted(), "\(PlanConvergence.difference(dumps.migrated, dumps.target))")
    }

    /// `ALTER COLUMN ... SET (n_distinct = ...)`, compared as a set, set and reset in place.
    @Test func columnOptions() throws {
        let base = "CREATE TABLE t (id int PRIMARY KEY, kind text, n int);\n"
        try TruthRegressionTests.expectFoundAndFixed(
            "complete_column_options",
            expected: base + "ALTER TABLE t ALTER COLUMN kind SET (n_distinct = 12, n_distinct_inherited = -0.5);\n",
            actual: base + "ALTER TABLE t ALTER COLUMN kind SET (n_distinct = 40);\nALTER TABLE t ALTER COLUMN n SET (n_distinct = -1);\n",
            findings: [
                "column_options_mismatch public.t.kind: column t.kind: options differ | n_distinct=12, n_distinct_inherited=-0.5 | n_distinct=40",
                "column_options_mismatch public.t.n: column t.n: options differ | none | n_distinct=-1",
            ])
        // A new table's column gets its options after CREATE TABLE.
        let run = try PlanConvergence(
            label: "complete_column_options_new", before: "",
            after: base + "ALTER TABLE t ALTER COLUMN kind SET (n_distinct = 3);\n", options: PlanOptions())
        #expect(run.plan.render().contains("ALTER TABLE public.t ALTER COLUMN kind SET (n_distinct=3);"), "\(run.plan.render())")
        #expect(run.remaining.isEmpty && run.secondPlan.isEmpty)
    }

    /// A function's planner support function (`SUPPORT f`), which only a superuser may set: planned with
    /// CREATE OR REPLACE, which also takes it away.
    @Test func functionSupport() throws {
        let body = "CREATE FUNCTION series(n integer) RETURNS SETOF integer LANGUAGE sql IMMUTABLE"
        let with = body + " SUPPORT pg_catalog.generate_series_int4_support AS $$ SELECT generate_series(1, n) $$;\n"
        let without = body + " AS $$ SELECT generate_series(1, n) $$;\n"
        let (plain, supported) = ("public.series(n integer) RETURNS SETOF integer LANGUAGE sql",
                                  "public.series(n integer) RETURNS SETOF integer LANGUAGE sql SUPPORT pg_catalog.generate_series_int4_support")
        let message = "function_mismatch public series(n integer): function public.series(n integer): support function differ"
        try TruthRegressionTests.expectFoundAndFixed(
            "complete_support_set", expected: with, actual: without, findings: ["\(message) | \(supported) | \(plain)"], shadowSuperuser: true)
        try TruthRegressionTests.expectFoundAndFixed(
            "complete_support_unset", expected: without, actual: with, findings: ["\(message) | \(plain) | \(supported)"], shadowSuperuser: true)
    }
}
