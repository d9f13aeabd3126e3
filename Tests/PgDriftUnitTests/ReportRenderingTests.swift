import Foundation
import PgDrift
import Testing

/// Renderers are pure functions of a report: their output is compared to committed files
/// (`PGDRIFT_RECORD=1` rewrites them).
@Suite struct ReportRenderingTests {
    static let report = DriftReport(
        expected: "builtin", database: "postgresql://app@db/app",
        findings: [
            {
                var finding = Finding(
                    kind: .missingTable, schema: "public", table: "creators_cold", expected: "8 columns (creator_id text, ...)",
                    message: "table public.creators_cold does not exist")
                finding.migration = MigrationReference(
                    file: "sql/015_add_missing_tables_columns.sql", version: "015", recorded: true, appliedAt: "2026-03-02 10:00:00",
                    says: "created by sql/015_add_missing_tables_columns.sql, recorded as applied on 2026-03-02: removed since, outside the migrations")
                return finding
            }(),
            Finding(
                kind: .missingColumn, schema: "public", table: "creators_hot", column: "total_play_count",
                expected: "bigint DEFAULT 0", message: "column creators_hot.total_play_count does not exist",
                source: SourceLocation(file: "sql/015_add_missing_tables_columns.sql", line: 23)),
            Finding(
                kind: .extraColumn, schema: "public", table: "sounds_hot", column: "legacy|rank", actual: "integer",
                message: "column sounds_hot.legacy|rank is not in the expected schema"),
        ])

    /// For the CI formats: a source file under the base directory with characters that need escaping in
    /// paths, a finding whose text needs XML and workflow-command escaping, every severity, and a
    /// schema-level finding (no table).
    static let ciBase = "/work/app"
    static let ciReport = DriftReport(
        expected: "migrations/", database: "postgresql://app@db/app",
        findings: [
            Finding(
                kind: .missingColumn, schema: "public", table: "creators_hot", column: "total_play_count",
                expected: "bigint DEFAULT 0", message: "column creators_hot.total_play_count does not exist",
                source: SourceLocation(file: "/work/app/migrations/015 add, fix: columns.sql", line: 23, column: 5),
                hint: "ALTER TABLE creators_hot ADD COLUMN total_play_count bigint DEFAULT 0"),
            {
                var finding = Finding(
                    kind: .missingTable, schema: "public", table: "creators_cold", expected: "8 columns",
                    message: "table public.creators_cold does not exist", source: SourceLocation(file: "migrations/003_cold.sql", line: 1))
                finding.migration = MigrationReference(
                    file: "migrations/003_cold.sql", version: "003", recorded: false, appliedAt: nil,
                    says: "created by migrations/003_cold.sql, which the history does not list: not applied yet")
                return finding
            }(),
            Finding(
                kind: .policyMismatch, schema: "public", table: "t<&>", object: "p \"q\"", expected: "USING (a < 1 AND b > 'x')",
                actual: "USING (100% true)\nWITH CHECK (x)\u{7}", message: "policy \"q\" on t<&> differs: 100%, <see> 'both'"),
            Finding(
                kind: .extraColumn, schema: "public", table: "sounds_hot", column: "legacy_rank", actual: "integer",
                message: "column sounds_hot.legacy_rank is not in the expected schema"),
            Finding(
                kind: .possibleRename, schema: "public", table: "sounds_hot", column: "total_videos",
                message: "column sounds_hot.total_videos may have been renamed to videos"),
            Finding(kind: .missingEnum, schema: "app", object: "mood", message: "enum app.mood does not exist"),
        ])

    static func fixture(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
    }

    static func compare(_ rendered: String, to name: String) throws {
        if ProcessInfo.processInfo.environment["PGDRIFT_RECORD"] == "1" {
            try rendered.write(to: fixture(name), atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOf: fixture(name), encoding: .utf8)
        #expect(rendered == committed, "\(name) differs; PGDRIFT_RECORD=1 rewrites it")
    }

    @Test func text() throws { try Self.compare(TextReport.render(Self.report), to: "report.txt") }
    @Test func markdown() throws { try Self.compare(MarkdownReport.render(Self.report), to: "report.md") }
    @Test func json() throws { try Self.compare(JSONReport.render(Self.report), to: "report.json") }

    @Test func junit() throws { try Self.compare(JUnitReport.render(Self.ciReport, baseDirectory: Self.ciBase), to: "report.junit.xml") }
    @Test func sarif() throws { try Self.compare(SARIFReport.render(Self.ciReport, baseDirectory: Self.ciBase), to: "report.sarif") }
    @Test func github() throws { try Self.compare(GitHubReport.render(Self.ciReport, baseDirectory: Self.ciBase), to: "report.github.txt") }

    @Test func cleanReports() {
        let clean = DriftReport(expected: "builtin", database: "db", findings: [])
        #expect(TextReport.render(clean).hasSuffix("no drift\n"))
        #expect(MarkdownReport.render(clean).contains("No drift"))
        #expect(!clean.hasErrors)
        #expect(JUnitReport.render(clean).contains("<testcase classname=\"pgdrift\" name=\"schema\"/>"))
        #expect(GitHubReport.render(clean) == "pgdrift: no drift (db against builtin)\n")
    }

    /// Issue 22 §1: what was compared, per kind, in text, Markdown and JUnit (JSON has `summary.compared`).
    @Test func comparedCountsInEveryFormat() {
        var compared = Dictionary(uniqueKeysWithValues: ObjectKind.allCases.map { ($0.rawValue, DriftReport.Count(expected: 0, database: 0)) })
        compared["schema"] = DriftReport.Count(expected: 1, database: 1)
        compared["table"] = DriftReport.Count(expected: 2, database: 1)
        compared["column"] = DriftReport.Count(expected: 7, database: 5)
        compared["index"] = DriftReport.Count(expected: 1, database: 1)
        compared["policy"] = DriftReport.Count(expected: 0, database: 2)
        compared["operator_class"] = DriftReport.Count(expected: 1, database: 1)
        compared["extended_statistics"] = DriftReport.Count(expected: 3, database: 2)
        let clean = DriftReport(expected: "builtin", database: "db", findings: [], compared: compared)
        #expect(clean.comparedSentence == "1 schema, 1 table (2 expected), 5 columns (7 expected), 1 index, 2 policies (0 expected), 1 operator class, 2 extended statistics (3 expected)")
        #expect(TextReport.render(clean) == """
            pgdrift: db against builtin
            no drift
            compared: 1 schema, 1 table (2 expected), 5 columns (7 expected), 1 index, 2 policies (0 expected), 1 operator class, 2 extended statistics (3 expected)

            """)
        #expect(MarkdownReport.render(clean) == """
            ## pgdrift: db against builtin

            ✅ No drift.

            Compared: 1 schema, 1 table (2 expected), 5 columns (7 expected), 1 index, 2 policies (0 expected), 1 operator class, 2 extended statistics (3 expected).

            """)
        #expect(JUnitReport.render(clean).contains("""
                  <property name="database" value="db"/>
                  <property name="compared" value="1 schema, 1 table (2 expected), 5 columns (7 expected), 1 index, 2 policies (0 expected), 1 operator class, 2 extended statistics (3 expected)"/>
                </properties>
            """))
        let drifted = DriftReport(expected: "builtin", database: "db", findings: Self.report.findings, compared: compared)
        #expect(TextReport.render(drifted).hasSuffix("""
            3 findings: 2 errors, 1 warning, 0 info
            compared: 1 schema, 1 table (2 expected), 5 columns (7 expected), 1 index, 2 policies (0 expected), 1 operator class, 2 extended statistics (3 expected)

            """))
        let empty = DriftReport(expected: "builtin", database: "db", findings: [], compared: [:])
        #expect(empty.comparedSentence == "nothing (both sides are empty)")
        #expect(DriftReport(expected: "builtin", database: "db", findings: []).comparedSentence == nil)
    }
}
