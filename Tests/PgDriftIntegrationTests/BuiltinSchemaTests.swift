import ExpectedSchema
import Foundation
import PgDrift
import PgDriftTestSupport
import Testing

/// The three forms of the analytics schema agree: the Swift model in expected-schema/, and the database
/// built by examples/analytics/sql.
@Suite struct BuiltinSchemaTests {
    static let header = [
        "// The built-in expected schema (`--expected builtin`): the analytics database of the seed story —",
        "// creators, videos, sounds and hashtags in hot and cold tables, their RLS policies and the plpgsql",
        "// ingestion and aggregation functions — as examples/analytics/sql/001..015 leave it.",
        "//",
        "// Written with `pgdrift snapshot --format swift` from a database built by those migrations; a test",
        "// regenerates it and compares (PGDRIFT_RECORD=1 rewrites it), so keep the two in step.",
    ]

    static var sourceFile: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("expected-schema/AnalyticsSchema.swift")
    }

    @Test func swiftModelMeansTheSameAsTheMigrations() throws {
        let built = try AnalyticsExampleTests.build("builtin_vs_sql").catalog()
        let canonical = try ShadowDatabase.canonicalize(analyticsSchema.catalog, on: TestServer.server())
        let differences = catalogDifferences(canonical, built)
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
    }

    @Test func writerReproducesTheCommittedModel() throws {
        let built = try AnalyticsExampleTests.build("builtin_writer").catalog()
        let source = SwiftSchemaWriter(
            constantName: "analyticsSchema", header: Self.header, documentation: "The analytics schema of the seed story."
        ).source(for: built)
        if ProcessInfo.processInfo.environment["PGDRIFT_RECORD"] == "1" {
            try source.write(to: Self.sourceFile, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOf: Self.sourceFile, encoding: .utf8)
        #expect(source == committed, "expected-schema/AnalyticsSchema.swift is stale; rerun with PGDRIFT_RECORD=1")
    }
}
