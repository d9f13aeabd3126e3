import Foundation
import PgDriftDiff

/// `--format sarif`: SARIF 2.1.0 (code scanning in GitHub, GitLab and IDEs). One run; one rule per finding
/// kind that occurs; one result per finding, located at the SQL file and line that declared the expected
/// side when known, otherwise at the object's qualified name. Keys sorted: same report, same bytes.
public enum SARIFReport {
    /// The SARIF log as pretty-printed JSON, ending with a newline; source paths under `baseDirectory` become
    /// relative URIs.
    public static func render(_ report: DriftReport, baseDirectory: String? = nil) throws -> String {
        // A fleet gives one result per group of identical findings, its members in the properties.
        let findings = report.annotatedFindings
        let kinds = Set(findings.map(\.kind)).sorted()
        let rules = kinds.map { Rule(id: $0.rawValue, shortDescription: Text(text: $0.summary)) }
        let results = findings.map { finding in
            Result(
                level: level(finding.severity), locations: [location(finding, baseDirectory: baseDirectory)],
                message: Text(text: finding.message), properties: properties(finding, baseDirectory: baseDirectory), ruleId: finding.kind.rawValue,
                ruleIndex: kinds.firstIndex(of: finding.kind)!)
        }
        let log = Log(runs: [Run(results: results, tool: Tool(driver: Driver(name: "pgdrift", rules: rules)))])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(log), as: UTF8.self) + "\n"
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    static func location(_ finding: Finding, baseDirectory: String?) -> Location {
        if let source = finding.source {
            let region = Region(startColumn: source.column, startLine: source.line)
            return Location(physicalLocation: PhysicalLocation(
                artifactLocation: ArtifactLocation(uri: SourcePaths.uri(source.file, base: baseDirectory)), region: region))
        }
        let parts = [finding.schema, finding.table, finding.column ?? finding.object].compactMap { $0 }
        return Location(logicalLocations: [LogicalLocation(fullyQualifiedName: parts.joined(separator: "."), name: parts.last!)])
    }

    /// What people need beyond the message: the two sides and the hint.
    static func properties(_ finding: Finding, baseDirectory: String?) -> [String: String] {
        var bag: [String: String] = ["severity": finding.severity.rawValue]
        bag["expected"] = finding.expected
        bag["actual"] = finding.actual
        bag["hint"] = finding.hint
        bag["targets"] = finding.target
        bag["migration"] = finding.migration.map { $0.says }
        bag["migrationFile"] = finding.migration.map(\.file).flatMap { $0.isEmpty ? nil : SourcePaths.relative($0, to: baseDirectory) }
        return bag
    }

    // The subset of the SARIF object model pgdrift writes (names as in the specification).
    struct Log: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var runs: [Run]
        var version = "2.1.0"
        enum CodingKeys: String, CodingKey { case schema = "$schema", runs, version }
    }
    struct Run: Encodable { var results: [Result]; var tool: Tool }
    struct Tool: Encodable { var driver: Driver }
    struct Driver: Encodable { var name: String; var rules: [Rule] }
    struct Rule: Encodable { var id: String; var shortDescription: Text }
    struct Text: Encodable { var text: String }
    struct Result: Encodable {
        var level: String
        var locations: [Location]
        var message: Text
        var properties: [String: String]
        var ruleId: String
        var ruleIndex: Int
    }
    struct Location: Encodable {
        var logicalLocations: [LogicalLocation]?
        var physicalLocation: PhysicalLocation?
    }
    struct LogicalLocation: Encodable { var fullyQualifiedName: String; var name: String }
    struct PhysicalLocation: Encodable { var artifactLocation: ArtifactLocation; var region: Region }
    struct ArtifactLocation: Encodable { var uri: String }
    struct Region: Encodable { var startColumn: Int?; var startLine: Int }
}
