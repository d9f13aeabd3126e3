import Foundation
import PgDriftDiff
import PgDriftModel

/// The result of one `check`: what was compared and what drifted. Every output format renders this value.
public struct DriftReport: Codable, Hashable, Sendable {
    /// The report format's version.
    public var version: Int
    /// The expected source, as given (`builtin`, a path, or a redacted connection).
    public var expected: String
    /// The database, redacted.
    public var database: String
    /// Counts of the findings by severity and by kind.
    public var summary: Summary
    /// Every finding, in the order the diff produced them.
    public var findings: [Finding]
    /// A fleet's members and how each fared (`--databases`, `--tenant-schemas`); nil for one database.
    public var targets: [TargetResult]?
    /// A fleet's identical findings across members (JSON `groups`); nil for one database.
    public var targetGroups: [FindingGroup]?

    private enum CodingKeys: String, CodingKey {
        case version, expected, database, summary, findings, targets
        case targetGroups = "groups"
    }

    /// Counts by severity and by kind.
    public struct Summary: Codable, Hashable, Sendable {
        /// The number of findings.
        public var total: Int
        /// The number of findings of severity error.
        public var errors: Int
        /// The number of findings of severity warning.
        public var warnings: Int
        /// The number of findings of severity info.
        public var infos: Int
        /// The number of findings of each kind, keyed by the kind's raw value (such as `missing_column`).
        public var byKind: [String: Int]
        /// What was compared: how many objects of each kind (`table`, `column`, `policy`, ...) each side
        /// has. Kinds pgdrift does not compare are the `not_checked` findings. Nil when not given.
        public var compared: [String: Count]?
    }

    /// The objects of one kind on each side.
    public struct Count: Codable, Hashable, Sendable {
        public var expected: Int
        public var database: Int

        public init(expected: Int, database: Int) {
            self.expected = expected
            self.database = database
        }
    }

    /// What was compared, for people: `2 schemas, 12 tables (14 expected), 80 columns, 3 indexes`: each
    /// kind either side has, counted in the database, with the expected count where it differs. Nil
    /// when the report does not say.
    public var comparedSentence: String? {
        guard let compared = summary.compared else { return nil }
        func part(_ key: String, _ counted: (Int) -> String) -> String? {
            guard let count = compared[key], count.expected > 0 || count.database > 0 else { return nil }
            return counted(count.database) + (count.expected == count.database ? "" : " (\(count.expected) expected)")
        }
        let parts = ObjectKind.allCases.compactMap { kind in part(kind.rawValue, kind.counted) }
            + DefinedObjectKind.allCases.compactMap { kind in part(kind.key) { "\($0) \(kind.plural($0))" } }
        return parts.isEmpty ? "nothing (both sides are empty)" : parts.joined(separator: ", ")
    }

    /// How many objects of each kind the two catalogs have, for `Summary.compared`.
    public static func compared(expected: Catalog, database: Catalog) -> [String: Count] {
        let (wanted, held) = (expected.objectCounts, database.objectCounts)
        var counts: [String: Count] = [:]
        for kind in ObjectKind.allCases {
            counts[kind.rawValue] = Count(expected: wanted[kind] ?? 0, database: held[kind] ?? 0)
        }
        // Operators, casts, ...: only the kinds either side has, so reports of schemas without them stay as they were.
        for object in expected.definedObjects { counts[object.kind.key, default: Count(expected: 0, database: 0)].expected += 1 }
        for object in database.definedObjects { counts[object.kind.key, default: Count(expected: 0, database: 0)].database += 1 }
        return counts
    }

    /// Creates a report of version 1 over these findings, computing its summary; `compared` says what
    /// the comparison covered (`DriftReport.compared(expected:database:)`).
    public init(expected: String, database: String, findings: [Finding], compared: [String: Count]? = nil) {
        version = 1
        self.expected = expected
        self.database = database
        self.findings = findings
        var byKind: [String: Int] = [:]
        for finding in findings { byKind[finding.kind.rawValue, default: 0] += 1 }
        summary = Summary(
            total: findings.count, errors: findings.filter { $0.severity == .error }.count,
            warnings: findings.filter { $0.severity == .warning }.count,
            infos: findings.filter { $0.severity == .info }.count, byKind: byKind, compared: compared)
    }

    /// Findings grouped for people, in report order: first each pending migration with what it would
    /// create or change (the migration tool's history does not list it), then by `schema.table` (or by
    /// schema for objects outside tables), and last what was not compared.
    public var groups: [(name: String, findings: [Finding])] {
        var groups: [(name: String, findings: [Finding])] = []
        for finding in findings {
            guard let file = Self.pendingFile(finding) else { continue }
            let name = "pending migration \(file)"
            if let index = groups.firstIndex(where: { $0.name == name }) { groups[index].findings.append(finding) } else { groups.append((name, [finding])) }
        }
        for finding in findings where Self.pendingFile(finding) == nil {
            let group = finding.kind == .notChecked ? "not compared" : finding.table.map { "\(finding.schema).\($0)" } ?? finding.schema
            if groups.last?.name == group { groups[groups.count - 1].findings.append(finding) } else { groups.append((group, [finding])) }
        }
        return groups
    }

    /// The migration file a finding waits for: its object is created or changed by a file the history
    /// does not list.
    static func pendingFile(_ finding: Finding) -> String? {
        guard let migration = finding.migration, !migration.recorded, !migration.file.isEmpty else { return nil }
        return migration.file
    }

    /// Whether anything drifted badly enough to fail a check.
    public var hasErrors: Bool { summary.errors > 0 }
}

/// `--format json`: the report as one JSON object (keys sorted, nulls written, so scripts can rely on
/// every field being present).
public enum JSONReport {
    /// The report as pretty-printed JSON with snake_case keys, ending with a newline.
    public static func render(_ report: DriftReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let object = try JSONSerialization.jsonObject(with: encoder.encode(report)) as! [String: Any]
        // Codable leaves out nil fields; the contract has `column: null` and friends.
        var withNulls = object
        // A fleet's findings each name their member.
        let fields = ["table", "column", "object", "expected", "actual", "source", "hint", "migration"] + (report.targets == nil ? [] : ["target"])
        withNulls["findings"] = (object["findings"] as? [[String: Any]] ?? []).map { finding in
            var copy = finding
            for field in fields where copy[field] == nil { copy[field] = NSNull() }
            return copy
        }
        if report.targets != nil {
            withNulls["targets"] = (object["targets"] as? [[String: Any]] ?? []).map { target in
                var copy = target
                if copy["error"] == nil { copy["error"] = NSNull() }
                return copy
            }
        }
        let data = try JSONSerialization.data(withJSONObject: withNulls, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

extension JSONReport {
    /// Reads a report `render` wrote (`pgdrift report merge`).
    public static func decode(_ data: Data) throws -> DriftReport {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(DriftReport.self, from: data)
    }
}
