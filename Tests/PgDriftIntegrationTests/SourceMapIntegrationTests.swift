import AnalyticsExample
import Foundation
import PgDrift
import PgDriftTestSupport
import Testing

/// Findings against a folder of SQL migrations say which file and line declared the expected object.
@Suite struct SourceMapIntegrationTests {
    static let fixUp = "015_add_missing_tables_columns.sql"

    /// The analytics migrations copied into a fresh folder, so the CLI can be given a relative path.
    static func copyOfTheMigrations() throws -> URL {
        TestEnvironment.isolated
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-sources-\(UUID())")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sql"), withIntermediateDirectories: true)
        for migration in try AnalyticsExample.migrations() {
            try migration.sql.write(to: folder.appendingPathComponent("sql/" + migration.name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test func theSeedsMissingObjectsPointAtTheFixUpMigration() throws {
        let database = try AnalyticsExampleTests.build("sources_014", through: "015")
        let directory = AnalyticsExample.directory.path
        let report = try Audit(source: .sqlDirectory(directory)).run(against: database.connectionString)

        let cold = try #require(report.findings.first { $0.kind == .missingTable && $0.table == "creators_cold" })
        #expect(cold.source == SourceLocation(file: directory + "/" + Self.fixUp, line: 30))
        let hashtags = try #require(report.findings.first { $0.kind == .missingTable && $0.table == "hashtags_cold" })
        #expect(hashtags.source?.file == directory + "/" + Self.fixUp)
        let column = try #require(report.findings.first { $0.kind == .missingColumn && $0.column == "total_play_count" })
        #expect(column.source == SourceLocation(file: directory + "/" + Self.fixUp, line: 26))
        // Every missing or different object is declared by the files, so each one carries its file and line
        // (broken references are about the database's function bodies, not a declaration).
        for finding in report.findings where finding.severity == .error && finding.kind != .brokenReference {
            #expect(finding.source != nil, "\(finding.kind) \(finding.message)")
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CLITests.binary)))
    func sarifAndGitHubOutputsCarryFileAndLine() throws {
        let database = try AnalyticsExampleTests.build("sources_cli", through: "015")
        let folder = try Self.copyOfTheMigrations()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reports = folder.appendingPathComponent("reports").path

        let github = try CLITests.run(
            ["check", "--expected", "sql", "--database", database.connectionString, "--format", "github", "--report-dir", reports],
            in: folder.path)
        #expect(github.code == 1, "\(github.stderr)")
        // The analytics migrations read offline (no shadow database, so nothing on standard error).
        #expect(github.stderr.isEmpty, "\(github.stderr)")
        #expect(github.stdout.contains("::error file=sql/\(Self.fixUp),line=30,title=missing_table::table public.creators_cold does not exist"))
        #expect(github.stdout.contains("::error file=sql/\(Self.fixUp),line=26,title=missing_column::column creators_hot.total_play_count does not exist"))

        let sarif = try CLITests.run(
            ["check", "--expected", "sql", "--database", database.connectionString, "--format", "sarif", "--report-dir", reports],
            in: folder.path)
        #expect(sarif.code == 1, "\(sarif.stderr)")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let results = ((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        let located = results.compactMap { result -> (String, String, Int)? in
            guard let rule = result["ruleId"] as? String,
                let physical = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any],
                let uri = (physical["artifactLocation"] as? [String: Any])?["uri"] as? String,
                let line = (physical["region"] as? [String: Any])?["startLine"] as? Int
            else { return nil }
            return (rule, uri, line)
        }
        #expect(located.contains { $0 == ("missing_table", "sql/\(Self.fixUp)", 30) })
        #expect(located.contains { $0 == ("missing_column", "sql/\(Self.fixUp)", 26) })

        // explain names the line that declares the missing column.
        let explain = try CLITests.run(
            ["explain", "--expected", "sql", "--database", database.connectionString, "creators_hot.total_play_count"], in: folder.path)
        #expect(explain.stdout.contains("sql/\(Self.fixUp):26"), "\(explain.stdout)\(explain.stderr)")
    }
}
