import Foundation
import PgDrift
import PgDriftTestSupport
import Testing

/// Issue 16, part B: attributes pg_dump prints that were not compared (or compared under the wrong
/// kind). Each test builds two databases that differ only in it: check reports it under its own kind
/// (the whole finding, offline, with --shadow and database against database), the plan fixes it, and
/// pg_dump -s of both then matches.
@Suite struct CompletenessOfTypesAndViewsTests {
    static func expectFoundAndFixed(_ label: String, expected: String, actual: String, findings: [String]) throws {
        try TruthRegressionTests.expectFoundAndFixed(label, expected: expected, actual: actual, findings: findings)
    }

    /// An extension in another schema breaks every schema-qualified call of its functions.
    @Test func anExtensionInAnotherSchemaIsReported() throws {
        try Self.expectFoundAndFixed(
            "complete_extension_schema",
            expected: "CREATE SCHEMA extensions;\nCREATE EXTENSION pg_trgm SCHEMA extensions VERSION '1.6';\n",
            actual: "CREATE SCHEMA extensions;\nCREATE EXTENSION pg_trgm;\n",
            findings: [
                "extension_mismatch extensions pg_trgm: extension pg_trgm is in schema public, expected extensions"
                    + " | schema extensions, version 1.6 | schema public, version 1.6",
            ])
    }

    /// An extension at another version was filed as missing_extension (the migrations pin the version:
    /// without VERSION, any is expected; see the next test).
    @Test func anExtensionAtAnotherVersionIsAMismatch() throws {
        try Self.expectFoundAndFixed(
            "complete_extension_version",
            expected: "CREATE EXTENSION pg_trgm VERSION '1.6';\n",
            actual: "CREATE EXTENSION pg_trgm VERSION '1.5';\n",
            findings: [
                "extension_mismatch public pg_trgm: extension pg_trgm is at version 1.5, expected 1.6"
                    + " | schema public, version 1.6 | schema public, version 1.5",
            ])
    }

    /// Issue 20: migrations that do not pin a version expect any; the database's is only noted when it is
    /// not the default where the migrations were read (ltree 1.3 on 17 where 15 installs 1.2).
    @Test func anUnpinnedExtensionVersionIsOnlyNoted() throws {
        let folder = try TruthRegressionTests.folder("CREATE EXTENSION pg_trgm;\n")
        let older = try TestDatabase("extension_version_unpinned", sql: "CREATE EXTENSION pg_trgm VERSION '1.5';\n")
        let same = try TestDatabase("extension_version_default", sql: "CREATE EXTENSION pg_trgm;\n")
        #expect(try TruthRegressionTests.findings(folder, against: older) == Array(repeating: [
            "extension_version public pg_trgm: extension pg_trgm is at version 1.5, where the migrations were read it is 1.6; they do not pin one | 1.6 | 1.5",
        ], count: 2))
        #expect(try TruthRegressionTests.findings(folder, against: same) == [[], []])
        // Not an error, and the plan leaves the version alone.
        let report = try Audit(source: .sqlDirectory(folder)).run(against: older.connectionString)
        #expect(report.findings.map(\.severity) == [.info])
        #expect(try Audit(source: .sqlDirectory(folder)).plan(against: older.connectionString).statements.isEmpty)
    }

    static let matview = """
        CREATE TABLE t (id integer PRIMARY KEY, n integer);
        CREATE MATERIALIZED VIEW m AS SELECT n, count(*) AS c FROM t GROUP BY n;

        """

    /// REFRESH MATERIALIZED VIEW CONCURRENTLY needs its unique index: a missing one is reported.
    @Test func aMissingMaterializedViewIndexIsReported() throws {
        try Self.expectFoundAndFixed(
            "complete_matview_index_missing",
            expected: Self.matview + "CREATE UNIQUE INDEX m_n_idx ON m (n);\n",
            actual: Self.matview,
            findings: [
                "missing_index public.m m_n_idx: index m_n_idx on materialized view m does not exist | UNIQUE btree (n) | -",
            ])
    }

    /// An extra index and one that differs, on a materialized view.
    @Test func extraAndChangedMaterializedViewIndexesAreReported() throws {
        try Self.expectFoundAndFixed(
            "complete_matview_index_changed",
            expected: Self.matview + "CREATE INDEX m_c_idx ON m (c);\n",
            actual: Self.matview + "CREATE INDEX m_c_idx ON m (c DESC);\nCREATE INDEX m_extra ON m (n, c);\n",
            findings: [
                "extra_index public.m m_extra: index m_extra on materialized view m is not in the expected schema | - | btree (n, c)",
                "index_mismatch public.m m_c_idx: index m_c_idx on materialized view m differs | btree (c) | btree (c DESC)",
            ])
    }

    /// The same index under another name, on a materialized view: reported, and renamed by the plan.
    @Test func aMaterializedViewIndexUnderAnotherNameIsReported() throws {
        try Self.expectFoundAndFixed(
            "complete_matview_index_renamed",
            expected: Self.matview + "CREATE UNIQUE INDEX m_n_idx ON m (n);\n",
            actual: Self.matview + "CREATE UNIQUE INDEX idx_m_n ON m (n);\n",
            findings: [
                "index_mismatch public.m m_n_idx: index m_n_idx on materialized view m is named idx_m_n in the database | m_n_idx | idx_m_n",
            ])
    }

    /// A missing range type showed up as missing constructor functions.
    @Test func aMissingRangeTypeIsReported() throws {
        try Self.expectFoundAndFixed(
            "complete_range_missing",
            expected: "CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);\n"
                + "CREATE TYPE textspan AS RANGE (subtype = text, collation = \"C\", multirange_type_name = textspans);\n",
            actual: "",
            findings: [
                "missing_type public floatrange: range type public.floatrange does not exist"
                    + " | RANGE (subtype = double precision, subtype_diff = pg_catalog.float8mi, multirange_type_name = public.floatmultirange) | -",
                "missing_type public textspan: range type public.textspan does not exist"
                    + " | RANGE (subtype = text, collation = pg_catalog.\"C\", multirange_type_name = public.textspans) | -",
            ])
    }

    /// A range type with another definition is a type_mismatch (the plan leaves it to a person, so only
    /// the finding is checked here), and an extra one is extra_type.
    @Test func aChangedOrExtraRangeTypeIsReported() throws {
        let expected = "CREATE TYPE span AS RANGE (subtype = integer);\n"
        let folder = try TruthRegressionTests.folder(expected)
        let drift = try TestDatabase("complete_range_changed", sql: "CREATE TYPE span AS RANGE (subtype = bigint);\nCREATE TYPE other AS RANGE (subtype = date);\n")
        let lines = [
            "extra_type public other: range type public.other is not in the expected schema"
                + " | - | RANGE (subtype = date, multirange_type_name = public.other_multirange)",
            "type_mismatch public span: range type public.span differs"
                + " | RANGE (subtype = integer, multirange_type_name = public.span_multirange)"
                + " | RANGE (subtype = bigint, multirange_type_name = public.span_multirange)",
        ]
        #expect(try TruthRegressionTests.findings(folder, against: drift) == [lines, lines])
    }

    /// A database built from the same range types (with a column of each and of the multirange) is clean:
    /// the constructor functions and the multirange type are not reported.
    @Test func rangeTypesBuiltFromTheSameSQLAreNoDrift() throws {
        let sql = """
            CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
            CREATE TYPE span AS RANGE (subtype = integer);
            CREATE TABLE booking (id int PRIMARY KEY, during floatrange, spans span_multirange);
            COMMENT ON TYPE span IS 'integer spans';
            """
        let database = try TestDatabase("complete_range_same", sql: sql)
        #expect(try TruthRegressionTests.findings(TruthRegressionTests.folder(sql), against: database) == [[], []])
    }

    /// Triggers on a view (INSTEAD OF) were planned but not compared by check.
    @Test func aMissingViewTriggerIsReported() throws {
        let base = """
            CREATE TABLE base (id integer, note text);
            CREATE VIEW bv AS SELECT id, note FROM base;
            CREATE FUNCTION bv_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO base VALUES (NEW.id, NEW.note); RETURN NEW; END $$;

            """
        try Self.expectFoundAndFixed(
            "complete_view_trigger",
            expected: base + "CREATE TRIGGER bv_ins INSTEAD OF INSERT ON bv FOR EACH ROW EXECUTE FUNCTION bv_insert();\n",
            actual: base,
            findings: [
                "missing_trigger public.bv bv_ins: trigger bv_ins on view bv does not exist"
                    + " | INSTEAD OF INSERT FOR EACH ROW EXECUTE FUNCTION public.bv_insert() | -",
            ])
    }

    /// Comments the plan set but check did not compare: schemas, composite types, sequences, policies,
    /// triggers, views, view columns and materialized view indexes.
    @Test func commentsOfEveryKindAreCompared() throws {
        let base = """
            CREATE SCHEMA app;
            CREATE TYPE pair AS (a integer, b integer);
            CREATE SEQUENCE counter;
            CREATE TABLE t (id integer PRIMARY KEY, n integer);
            ALTER TABLE t ENABLE ROW LEVEL SECURITY;
            CREATE POLICY reads ON t FOR SELECT USING (true);
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();
            CREATE VIEW v AS SELECT id FROM t;
            CREATE MATERIALIZED VIEW m AS SELECT n FROM t;
            CREATE INDEX m_n_idx ON m (n);

            """
        let comments = """
            COMMENT ON SCHEMA app IS 'the application';
            COMMENT ON TYPE pair IS 'two numbers';
            COMMENT ON SEQUENCE counter IS 'hands out numbers';
            COMMENT ON POLICY reads ON t IS 'everyone reads';
            COMMENT ON TRIGGER t_touch ON t IS 'keeps it fresh';
            COMMENT ON VIEW v IS 'the ids';
            COMMENT ON COLUMN v.id IS 'an id';
            COMMENT ON INDEX m_n_idx IS 'by n';

            """
        try Self.expectFoundAndFixed(
            "complete_comments", expected: base + comments, actual: base,
            findings: [
                "comment_mismatch app app: schema app: comment differs | the application | -",
                "comment_mismatch public counter: sequence public.counter: comment differs | hands out numbers | -",
                "comment_mismatch public pair: composite type public.pair: comment differs | two numbers | -",
                "comment_mismatch public.m m_n_idx: index m_n_idx on materialized view m: comment differs | by n | -",
                "comment_mismatch public.t reads: policy \"reads\" on t: comment differs | everyone reads | -",
                "comment_mismatch public.t t_touch: trigger t_touch on t: comment differs | keeps it fresh | -",
                "comment_mismatch public.v: view public.v: comment differs | the ids | -",
                "comment_mismatch public.v.id: column v.id: comment differs | an id | -",
            ])
    }

    /// Range types in the Swift DSL equal the ones a database reads back, and the Swift writer writes
    /// them as the DSL spells them.
    @Test func rangeTypesInTheSwiftModelAndWriter() throws {
        let sql = "CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);\n"
            + "CREATE TYPE textspan AS RANGE (subtype = text, collation = \"C\", multirange_type_name = textspans);\n"
            + "COMMENT ON TYPE textspan IS 'names';\n"
        let read = try TestDatabase("complete_range_dsl", sql: sql).catalog()
        let model = Schema(defaultSchema: "public") {
            RangeType("floatrange", subtype: .doublePrecision, subtypeDiff: QualifiedName("pg_catalog", "float8mi"))
            RangeType("textspan", subtype: .text, collation: QualifiedName("pg_catalog", "C"), multirange: "textspans", comment: "names")
        }
        #expect(model.catalog.rangeTypes == read.rangeTypes)
        let source = SwiftSchemaWriter(constantName: "s", header: [], documentation: "d").source(for: read)
        #expect(source.contains(#"RangeType("floatrange", subtype: .doublePrecision, subtypeDiff: QualifiedName("pg_catalog", "float8mi"))"#), "\(source)")
        #expect(source.contains(#"RangeType("textspan", subtype: .text, collation: QualifiedName("pg_catalog", "C"), multirange: "textspans", comment: "names")"#), "\(source)")
    }
}
