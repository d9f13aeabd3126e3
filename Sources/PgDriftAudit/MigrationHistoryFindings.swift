import Foundation
import PgDriftDiff
import PgDriftExpected
import PgDriftIntrospection
import PgDriftModel

/// A folder of migrations against the tool's history: which files are pending, which failed, which
/// history rows have no file (issue 19).
package enum MigrationHistoryFindings {
    /// The version a file name carries under the tool's naming rule, nil for a file that is not a
    /// migration of that tool (a golang-migrate `.down.sql`).
    package static func version(of file: String, tool: MigrationHistory.Tool) -> String? {
        let name = (file as NSString).lastPathComponent
        switch tool {
        case .supabase, .dbmate:
            let digits = name.prefix { $0.isNumber }
            return digits.isEmpty ? nil : String(digits)
        case .golangMigrate:
            guard !name.hasSuffix(".down.sql") else { return nil }
            let digits = name.prefix { $0.isNumber }
            return digits.isEmpty ? nil : String(Int(digits).map(String.init) ?? String(digits))
        case .flyway:
            // V1_2__name.sql: version 1.2.
            guard name.hasPrefix("V"), let separator = name.range(of: "__") else { return nil }
            return name[name.index(after: name.startIndex)..<separator.lowerBound].replacingOccurrences(of: "_", with: ".")
        }
    }

    /// The findings: `pending_migration` per file the history does not list, `failed_migration` per file
    /// it marks failed, `missing_migration_file` per listed version no file has.
    package static func findings(files: [String], history: MigrationHistory) -> [Finding] {
        let table = history.tool.table
        var findings: [Finding] = []
        var versions: [String: String] = [:]
        for file in files { if let version = version(of: file, tool: history.tool) { versions[version] = file } }
        let recorded = Dictionary(history.entries.map { ($0.version, $0) }, uniquingKeysWith: { _, last in last })
        let latest = history.tool.keepsLatestOnly ? history.entries.last.flatMap { Int($0.version) } : nil
        for (version, file) in versions.sorted(by: { NaturalOrder.less($0.value, $1.value) }) {
            let source = SourceLocation(file: file, line: 1)
            if let latest, let number = Int(version) {
                // golang-migrate keeps the latest version only: everything up to it is applied.
                if number > latest {
                    findings.append(Finding(kind: .pendingMigration, schema: table.schema, object: version, expected: file,
                                            message: "\(file) is not applied yet (\(history.tool.rawValue) is at version \(latest))", source: source))
                } else if number == latest, recorded[version]?.failed == true {
                    findings.append(Finding(kind: .failedMigration, schema: table.schema, object: version, expected: file,
                                            message: "\(file) is marked dirty by \(history.tool.rawValue): it failed halfway", source: source))
                }
                continue
            }
            guard let entry = recorded[version] else {
                findings.append(Finding(kind: .pendingMigration, schema: table.schema, object: version, expected: file,
                                        message: "\(file) is not in \(table)'s history: not applied yet", source: source))
                continue
            }
            if entry.failed {
                findings.append(Finding(kind: .failedMigration, schema: table.schema, object: version, expected: file,
                                        message: "\(file) is recorded as failed in \(table)", source: source))
            }
        }
        if latest == nil {
            for entry in history.entries where versions[entry.version] == nil {
                findings.append(Finding(kind: .missingMigrationFile, schema: table.schema, object: entry.version, actual: entry.name,
                                        message: "\(table) lists version \(entry.version)\(entry.name.map { " (\($0))" } ?? "") and no file has it"))
            }
        }
        return findings
    }
}
