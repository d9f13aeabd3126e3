import Foundation
import PgDrift
import Testing

/// Renderers are pure functions of a report: their output is compared to committed files
/// (`PGDRIFT_RECORD=1` rewrites them).
@Suite struct ReportRenderingTests {
    static let report = DriftReport(
        expected: "builtin", database: "postgresql://app@db/app",
        findings: [
            Finding(
                kind: .missingTable, schema: "public", table: "creators_cold", expected: "8 columns (creator_id text, ...)",
                message: "table public.creators_cold does not exist"),
            Finding(
                kind: .missingColumn, schema: "public", table: "creators_hot", column: "total_play_count",
                expected: "bigint DEFAULT 0", message: "column creators_hot.total_play_count does not exist",
                source: SourceLocation(file: "sql/015_add_missing_tables_columns.sql", line: 23)),
            Finding(
                kind: .extraColumn, schema: "public", table: "sounds_hot", column: "legacy|rank", actual: "integer",
                message: "column sounds_hot.legacy|rank is not in the expected schema"),
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

    @Test func cleanReports() {
        let clean = DriftReport(expected: "builtin", database: "db", findings: [])
        #expect(TextReport.render(clean).hasSuffix("no drift\n"))
        #expect(MarkdownReport.render(clean).contains("No drift"))
        #expect(!clean.hasErrors)
    }
}
