import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PgDrift
import PgDriftTestSupport
import Testing

/// The CI formats are read by machines: the JUnit XML must parse with the counts CI shows, the SARIF must
/// validate against the SARIF 2.1.0 schema, workflow commands must survive any text.
@Suite struct CIReportTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    @Test func junitParsesWithATestCasePerTableAndAFailurePerError() throws {
        let xml = JUnitReport.render(ReportRenderingTests.ciReport, baseDirectory: ReportRenderingTests.ciBase)
        let document = try XMLDocument(data: Data(xml.utf8))
        let cases = try document.nodes(forXPath: "//testsuite/testcase").compactMap { $0 as? XMLElement }
        #expect(cases.compactMap { $0.attribute(forName: "name")?.stringValue }
            == ["pending migration migrations/003_cold.sql", "public.creators_hot", "public.t<&>", "public.sounds_hot", "app"])
        #expect(try document.nodes(forXPath: "//failure").count == 4)
        #expect(try document.nodes(forXPath: "//testsuite").count == 1)
        let suite = try #require(try document.nodes(forXPath: "//testsuite").first as? XMLElement)
        #expect(suite.attribute(forName: "tests")?.stringValue == "5")
        #expect(suite.attribute(forName: "failures")?.stringValue == "4")

        // Escaped text reads back as it was; the BEL that XML cannot carry became U+FFFD.
        let policy = try #require(try document.nodes(forXPath: "//failure[@type='policy_mismatch']").first as? XMLElement)
        #expect(policy.attribute(forName: "message")?.stringValue == "policy \"q\" on t<&> differs: 100%, <see> 'both'")
        #expect(policy.stringValue?.contains("actual:   USING (100% true)\nWITH CHECK (x)\u{FFFD}") == true)
        #expect(cases[0].attribute(forName: "file")?.stringValue == "migrations/003_cold.sql")
        #expect(cases[1].attribute(forName: "file")?.stringValue == "migrations/015 add, fix: columns.sql")

        // Warnings and infos stay out of the failures, in the table's system-out.
        let out = try document.nodes(forXPath: "//testcase[@name='public.sounds_hot']/system-out").first?.stringValue ?? ""
        #expect(out.contains("warning extra_column: column sounds_hot.legacy_rank"))
        #expect(out.contains("info possible_rename: column sounds_hot.total_videos"))
    }

    @Test func cleanJUnitIsOnePassingTestCase() throws {
        let xml = JUnitReport.render(DriftReport(expected: "builtin", database: "db", findings: []))
        let document = try XMLDocument(data: Data(xml.utf8))
        #expect(try document.nodes(forXPath: "//testcase").count == 1)
        #expect(try document.nodes(forXPath: "//failure").isEmpty)
    }

    @Test func sarifLocatesFindingsInFilesOrByQualifiedName() throws {
        let text = try SARIFReport.render(ReportRenderingTests.ciReport, baseDirectory: ReportRenderingTests.ciBase)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let rules = ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]] ?? []
        #expect(rules.compactMap { $0["id"] as? String }
            == ["missing_table", "missing_column", "extra_column", "possible_rename", "policy_mismatch", "missing_enum"])
        let results = run["results"] as? [[String: Any]] ?? []
        #expect(results.compactMap { $0["level"] as? String } == ["error", "error", "error", "warning", "note", "error"])
        let first = (results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        #expect((first?["artifactLocation"] as? [String: Any])?["uri"] as? String == "migrations/015%20add,%20fix%3A%20columns.sql")
        #expect((first?["region"] as? [String: Any])?["startLine"] as? Int == 23)
        let logical = (results[5]["locations"] as? [[String: Any]])?.first?["logicalLocations"] as? [[String: Any]]
        #expect(logical?.first?["fullyQualifiedName"] as? String == "app.mood")
    }

    /// Runs scripts/validate-sarif (python3 + jsonschema, which scripts/bootstrap installs) on the golden
    /// report and a clean one. Outside CI it is skipped when jsonschema is missing.
    @Test(.enabled(if: CIReportTests.canValidateSARIF, "needs python3 with jsonschema (apt-get install python3-jsonschema)"))
    func sarifValidatesAgainstTheSARIF210Schema() throws {
        TestEnvironment.isolated
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-sarif-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let reports = [
            ReportRenderingTests.ciReport, ReportRenderingTests.report, DriftReport(expected: "builtin", database: "db", findings: []),
        ]
        var files: [String] = []
        for (index, report) in reports.enumerated() {
            let path = folder.appendingPathComponent("\(index).sarif").path
            try SARIFReport.render(report, baseDirectory: ReportRenderingTests.ciBase).write(toFile: path, atomically: true, encoding: .utf8)
            files.append(path)
        }
        let result = try ChildProcess.run([Self.repository + "/scripts/validate-sarif"] + files)
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.components(separatedBy: "valid SARIF 2.1.0").count == files.count + 1)

        // The validator does reject what the schema forbids.
        let broken = folder.appendingPathComponent("broken.sarif").path
        try #"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "pgdrift"}}, "results": [{"level": "fatal", "message": {"text": "x"}}]}]}"#
            .write(toFile: broken, atomically: true, encoding: .utf8)
        let rejected = try ChildProcess.run([Self.repository + "/scripts/validate-sarif", broken])
        #expect(rejected.code == 1)
        #expect(rejected.stderr.contains("'fatal' is not one of"))
    }

    static var canValidateSARIF: Bool {
        if ProcessInfo.processInfo.environment["CI"] != nil { return true }  // CI must run it: bootstrap installed it
        return ["python3", "/usr/bin/python3"].contains { python in
            (try? ChildProcess.run([python, "-c", "import jsonschema"]).code) == 0
        }
    }

    @Test func workflowCommandsEscapeDataAndProperties() {
        let text = GitHubReport.render(ReportRenderingTests.ciReport, baseDirectory: ReportRenderingTests.ciBase)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 7)
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") || $0.hasPrefix("::notice ") })
        #expect(lines[0].hasPrefix("::error file=migrations/015 add%2C fix%3A columns.sql,line=23,col=5,title=missing_column::"))
        #expect(lines[2].contains("differs: 100%25, <see> 'both'%0Aexpected: USING"))
        #expect(!lines.last!.hasPrefix("::"))
    }
}
