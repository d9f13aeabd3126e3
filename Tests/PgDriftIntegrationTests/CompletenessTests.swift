import Foundation
import PgDrift
import PgDriftTestSupport
import Testing

/// Issue 16, part A: attributes pg_dump prints for tables, columns, indexes and functions that pgdrift
/// did not compare. Each test builds two databases that differ only in one attribute and requires the
/// whole finding (offline, with --shadow and database against database), a plan that fixes it, and
/// equal `pg_dump --schema-only` after (`TruthRegressionTests.expectFoundAndFixed`). Where the setting
/// can go both ways, the way back to the default is tested too.
@Suite struct CompletenessTests {
    static let table = "CREATE TABLE t (id int PRIMARY KEY, doc text, n numeric);\n"

    @Test func columnStorage() throws {
        let set = Self.table + "ALTER TABLE t ALTER COLUMN doc SET STORAGE EXTERNAL;\nALTER TABLE t ALTER COLUMN n SET STORAGE EXTENDED;\n"
        try TruthRegressionTests.expectFoundAndFixed(
            "complete_storage", expected: set, actual: Self.table,
            findings: [
                "storage_mismatch public.t.doc: column t.doc: storage differs | EXTERNAL | default",
                "storage_mismatch public.t.n: column t.n: storage differs | EXTENDED | default",
            ])
        // Back to the type's own (EXTENDED for text, MAIN for numeric): PostgreSQL 15 has no SET STORAGE DEFAULT.
        try TruthRegressionTests.expectFoundAndFixed(
            "complete_storage_back", expected: Self.table, actual: set,
            findings: [
                "storage_mismatch public.t.doc: column t.doc: storage differs | default | EXTERNAL",
                "storage_mismatch public.t.n: column t.n: storage differs | default | EXTENDED",
            ])
    }

    /// A column of a type pgdrift does not know the storage of (a domain) is put back through the catalog.
    @Test func columnStorageOfAUserType() throws {
        let base = "CREATE DOMAIN words AS text;\nCREATE TABLE t (id int, w words);\n"
        try TruthRegressionTests.expectFoundAndFixed(
            "complete_storage_domain", expected: base, actual: base + "ALTER TABLE t ALTER COLUMN w SET STORAGE MAIN;\n",
            findings: ["storage_mismatch public.t.w: column t.w: storage differs | default | MAIN"])
    }

    @Test func columnCompression() throws {
        try TruthRegressionTests.expectFoundAndFixed(
            "complete_compression",
            expected: "CREATE TABLE t (id int, doc text COMPRESSION pglz, body bytea);\nALTER TABLE t ALTER COLUMN body SET COMPRESSION lz4;\n",
            actual: "CREATE TABLE t (id int, doc text, body bytea COMPRESSION pglz);\n",
            findings: [
                "compression_mismatch public.t.body: column t.body: compression differs | lz4 | pglz",
                "compression_mismatch public.t.doc: column t.doc: compression differs | pglz | default",
            ])
    }

    @Test func columnStatistics() throws {
        try TruthRegressionTests.expectFoundAndFixed(
            "complete_statistics",
            expected: Self.table + "ALTER TABLE t ALTER COLUMN doc SET STATISTICS 1000;\n",
            actual: Self.table + "ALTER TABLE t ALTER COLUMN id SET STATISTICS 50;\n",
            findings: [
                "statistics_mismatch public.t.doc: column t.doc: statistics target differs | 1000 | default",
                "statistics_mismatch public.t.id: column t.id: statistics target differs | default | 50",
            ])
    }

    /// A missing column and a missing table carry their settings, and the plan makes them with them.
    @Test func newColumnsAndTablesGetTheirSettings() throws {
        let settings = "ALTER TABLE t ALTER COLUMN doc SET STORAGE MAIN;\nALTER TABLE t ALTER COLUMN doc SET STATISTICS 300;\n"
        try TruthRegressionTests.expectFoundAndFixed(
            "complete_new_column", expected: "CREATE TABLE t (id int, doc text COMPRESSION pglz);\n" + settings,
            actual: "CREATE TABLE t (id int);\n",
            findings: ["missing_column public.t.doc: column t.doc does not exist | text STORAGE MAIN COMPRESSION pglz STATISTICS 300 | -"])
        try TruthRegressionTests.expectFoundAndFixed(
            "complete_new_table", expected: "CREATE TABLE t (id int, doc text COMPRESSION pglz);\n" + settings
                + "ALTER TABLE t REPLICA IDENTITY FULL;\n",
            actual: "-- nothing yet\n",
            findings: ["missing_table public.t: table public.t does not exist | 2 columns (id integer, doc text) | -"])
    }

    @Test func indexExpressionStatistics() throws {
        let base = Self.table + "CREATE INDEX t_lower_idx ON t (id, lower(doc));\n"
        try TruthRegressionTests.expectFoundAndFixed(
            "complete_index_statistics",
            expected: base + "ALTER INDEX t_lower_idx ALTER COLUMN 2 SET STATISTICS 500;\n", actual: base,
            findings: [
                "statistics_mismatch public.t t_lower_idx: index t_lower_idx on t: statistics targets differ | (lower(doc)) STATISTICS 500 | default",
            ])
    }

    @Test func replicaIdentity() throws {
        try TruthRegressionTests.expectFoundAndFixed(
            "complete_replica_full", expected: Self.table + "ALTER TABLE t REPLICA IDENTITY FULL;\n",
            actual: Self.table + "ALTER TABLE t REPLICA IDENTITY NOTHING;\n",
            findings: ["replica_identity_mismatch public.t: table public.t: replica identity differs | FULL | NOTHING"])
        try TruthRegressionTests.expectFoundAndFixed(
            "complete_replica_default", expected: Self.table, actual: Self.table + "ALTER TABLE t REPLICA IDENTITY FULL;\n",
            findings: ["replica_identity_mismatch public.t: table public.t: replica identity differs | DEFAULT | FULL"])
    }

    /// USING INDEX names a unique index; the plan sets it once the index exists, and again when it
    /// rebuilds that index.
    @Test func replicaIdentityUsingIndex() throws {
        let base = "CREATE TABLE t (id int NOT NULL, code text NOT NULL);\n"
        try TruthRegressionTests.expectFoundAndFixed(
            "complete_replica_index",
            expected: base + "CREATE UNIQUE INDEX t_code_key ON t (code);\nALTER TABLE t REPLICA IDENTITY USING INDEX t_code_key;\n",
            actual: base + "CREATE UNIQUE INDEX t_code_key ON t (code);\n",
            findings: ["replica_identity_mismatch public.t: table public.t: replica identity differs | USING INDEX t_code_key | DEFAULT"])
        try TruthRegressionTests.expectFoundAndFixed(
            "complete_replica_rebuilt",
            expected: base + "CREATE UNIQUE INDEX t_key ON t (code, id);\nALTER TABLE t REPLICA IDENTITY USING INDEX t_key;\n",
            actual: base + "CREATE UNIQUE INDEX t_key ON t (code);\nALTER TABLE t REPLICA IDENTITY USING INDEX t_key;\n",
            findings: ["index_mismatch public.t t_key: index t_key on t differs | UNIQUE btree (code, id) | UNIQUE btree (code)"])
    }

    @Test func tableStorageParameters() throws {
        try TruthRegressionTests.expectFoundAndFixed(
            "complete_table_options",
            expected: "CREATE TABLE t (id int, doc text) WITH (fillfactor = 70, autovacuum_enabled = false, toast.autovacuum_enabled = false);\n",
            actual: "CREATE TABLE t (id int, doc text) WITH (fillfactor = 90, autovacuum_vacuum_scale_factor = 0.05);\n",
            findings: [
                "storage_parameters_mismatch public.t: table public.t: storage parameters differ"
                    + " | fillfactor=70, autovacuum_enabled=false, toast.autovacuum_enabled=false | fillfactor=90, autovacuum_vacuum_scale_factor=0.05",
            ])
    }

    @Test func indexStorageParameters() throws {
        try TruthRegressionTests.expectFoundAndFixed(
            "complete_index_options",
            expected: "CREATE TABLE t (id int PRIMARY KEY WITH (fillfactor = 60), code text, UNIQUE (code) WITH (fillfactor = 80));\n"
                + "CREATE INDEX t_code_idx ON t (code) WITH (fillfactor = 50, deduplicate_items = off);\n",
            actual: "CREATE TABLE t (id int PRIMARY KEY, code text, UNIQUE (code) WITH (fillfactor = 90));\n"
                + "CREATE INDEX t_code_idx ON t (code);\n",
            findings: [
                "storage_parameters_mismatch public.t t_code_idx: index t_code_idx on t: storage parameters differ | fillfactor=50, deduplicate_items=off | none",
                "storage_parameters_mismatch public.t t_code_key: index of constraint t_code_key on t: storage parameters differ | fillfactor=80 | fillfactor=90",
                "storage_parameters_mismatch public.t t_pkey: index of constraint t_pkey on t: storage parameters differ | fillfactor=60 | none",
            ])
    }

    @Test func functionCostAndRows() throws {
        let body = "LANGUAGE sql AS $$ SELECT 1 $$"
        try TruthRegressionTests.expectFoundAndFixed(
            "complete_function_cost",
            expected: "CREATE FUNCTION f() RETURNS int \(body) COST 5;\nCREATE FUNCTION g() RETURNS SETOF int \(body) ROWS 20;\n"
                + "CREATE FUNCTION h() RETURNS SETOF int \(body);\n",
            actual: "CREATE FUNCTION f() RETURNS int \(body);\nCREATE FUNCTION g() RETURNS SETOF int \(body) COST 0.5;\n"
                + "CREATE FUNCTION h() RETURNS SETOF int \(body) ROWS 3;\n",
            findings: [
                "function_mismatch public f(): function public.f(): cost differ | public.f() RETURNS integer LANGUAGE sql COST 5 | public.f() RETURNS integer LANGUAGE sql",
                "function_mismatch public g(): function public.g(): cost, rows differ | public.g() RETURNS SETOF integer LANGUAGE sql ROWS 20"
                    + " | public.g() RETURNS SETOF integer LANGUAGE sql COST 0.5",
                "function_mismatch public h(): function public.h(): rows differ | public.h() RETURNS SETOF integer LANGUAGE sql"
                    + " | public.h() RETURNS SETOF integer LANGUAGE sql ROWS 3",
            ])
    }

    /// COMMENT ON INDEX and COMMENT ON FUNCTION were planned but not reported: check and plan now agree.
    @Test func indexAndFunctionComments() throws {
        let base = "CREATE TABLE t (a int);\nCREATE INDEX t_a_idx ON t (a);\nCREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;\n"
        try TruthRegressionTests.expectFoundAndFixed(
            "complete_comments",
            expected: base + "COMMENT ON INDEX t_a_idx IS 'lookup by a';\nCOMMENT ON FUNCTION f() IS 'one';\n",
            actual: base + "COMMENT ON FUNCTION f() IS 'uno';\n",
            findings: [
                "comment_mismatch public f(): function public.f(): comment differs | one | uno",
                "comment_mismatch public.t t_a_idx: index t_a_idx on t: comment differs | lookup by a | -",
            ])
    }
}
