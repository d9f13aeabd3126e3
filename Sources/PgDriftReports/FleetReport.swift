import PgDriftDiff
import PgDriftModel

/// One member of a fleet (a database of `--databases`, a schema of `--tenant-schemas`) in a fleet's report.
public struct TargetResult: Codable, Hashable, Sendable {
    public enum Status: String, Codable, Sendable {
        case clean, drift, error
    }

    /// The member's name: its redacted connection, or its tenant schema.
    public var name: String
    /// `clean`: no error finding; `drift`: at least one; `error`: it could not be audited.
    public var status: Status
    /// Why it could not be audited, in one line.
    public var error: String?
    public var errors: Int
    public var warnings: Int
    public var infos: Int
}

/// Identical findings across members: one kind, object, expected and actual, and the members having it.
public struct FindingGroup: Codable, Hashable, Sendable {
    public var kind: FindingKind
    public var severity: Severity
    public var schema: String
    public var table: String?
    public var column: String?
    public var object: String?
    public var expected: String?
    public var actual: String?
    public var message: String
    /// The members with this finding, sorted.
    public var targets: [String]
}

/// What one member of a fleet gave: its report, or the line saying why there is none.
public struct FleetMember: Sendable {
    public var name: String
    public var report: DriftReport?
    public var error: String?

    public init(name: String, report: DriftReport? = nil, error: String? = nil) {
        self.name = name
        self.report = report
        self.error = error
    }
}

extension DriftReport {
    /// A fleet's report: every member's findings, each carrying its member (`target`), the members'
    /// statuses, and the findings grouped across members. Members are ordered by name, so the report of
    /// several shards merged is the report of one run over all of them.
    public static func fleet(expected: String, members: [FleetMember]) -> DriftReport {
        let sorted = members.sorted { $0.name < $1.name }
        var findings: [Finding] = []
        var targets: [TargetResult] = []
        for member in sorted {
            let own = (member.report?.findings ?? []).map { finding in
                var copy = finding
                copy.target = member.name
                return copy
            }
            findings += own
            let errors = own.filter { $0.severity == .error }.count
            targets.append(TargetResult(
                name: member.name, status: member.error != nil ? .error : errors > 0 ? .drift : .clean, error: member.error,
                errors: errors, warnings: own.filter { $0.severity == .warning }.count, infos: own.filter { $0.severity == .info }.count))
        }
        var report = DriftReport(expected: expected, database: "\(sorted.count) target\(sorted.count == 1 ? "" : "s")", findings: findings)
        report.targets = targets
        report.targetGroups = groups(of: findings)
        return report
    }

    /// Fleet reports (or single ones, each a member named by its database) joined into one, as if one run
    /// had audited all their members (`pgdrift report merge`).
    public static func merged(_ reports: [DriftReport]) -> DriftReport {
        var members: [FleetMember] = []
        for report in reports {
            guard let targets = report.targets else {
                members.append(FleetMember(name: report.database, report: report))
                continue
            }
            var byTarget: [String: [Finding]] = [:]
            for finding in report.findings { byTarget[finding.target ?? "", default: []].append(finding) }
            for target in targets {
                let own = byTarget[target.name] ?? []
                members.append(FleetMember(
                    name: target.name, report: target.status == .error ? nil : DriftReport(expected: report.expected, database: target.name, findings: own),
                    error: target.error))
            }
        }
        return fleet(expected: reports.first?.expected ?? "", members: members)
    }

    /// Identical findings (kind, place, object, expected, actual) across members, most severe first.
    static func groups(of findings: [Finding]) -> [FindingGroup] {
        struct Key: Hashable {
            var kind: FindingKind, schema: String, table: String?, column: String?, object: String?, expected: String?, actual: String?
        }
        var order: [Key] = []
        var groups: [Key: FindingGroup] = [:]
        for finding in findings {
            let key = Key(kind: finding.kind, schema: finding.schema, table: finding.table, column: finding.column, object: finding.object,
                          expected: finding.expected, actual: finding.actual)
            if groups[key] == nil {
                order.append(key)
                groups[key] = FindingGroup(
                    kind: finding.kind, severity: finding.severity, schema: finding.schema, table: finding.table, column: finding.column,
                    object: finding.object, expected: finding.expected, actual: finding.actual, message: finding.message, targets: [])
            }
            if let target = finding.target, groups[key]?.targets.last != target { groups[key]?.targets.append(target) }
        }
        func rank(_ severity: Severity) -> Int { severity == .error ? 0 : severity == .warning ? 1 : 2 }
        return order.compactMap { groups[$0] }.sorted {
            (rank($0.severity), $0.kind, $0.schema, $0.table ?? "", $0.object ?? "", $0.column ?? "")
                < (rank($1.severity), $1.kind, $1.schema, $1.table ?? "", $1.object ?? "", $1.column ?? "")
        }
    }

    /// `missing_index: index public.t5_account_idx does not exist: 2 of 400 targets (tenant_007, tenant_123)`.
    public func groupLine(_ group: FindingGroup) -> String {
        "\(group.kind.rawValue): \(group.message): \(members(of: group))"
    }

    /// `2 of 400 targets (tenant_007, tenant_123)`: the first five names, and how many more.
    public func members(of group: FindingGroup, names limit: Int = 5) -> String {
        let total = targets?.count ?? 0
        let names = group.targets.count <= limit ? group.targets.joined(separator: ", ")
            : group.targets.prefix(limit).joined(separator: ", ") + " and \(group.targets.count - limit) more"
        return "\(group.targets.count) of \(total) target\(total == 1 ? "" : "s") (\(names))"
    }

    /// `3 clean, 1 drift, 1 error`.
    public var targetsSentence: String? {
        guard let targets else { return nil }
        let count = { (status: TargetResult.Status) in targets.filter { $0.status == status }.count }
        return "\(count(.clean)) clean, \(count(.drift)) drift, \(count(.error)) error"
    }
}

extension DriftReport {
    /// What annotations are made of: a fleet's groups, each as one finding whose message names its
    /// members (SARIF, GitHub), or a single database's findings.
    public var annotatedFindings: [Finding] {
        guard let targetGroups else { return findings }
        return targetGroups.map { group in
            var finding = Finding(
                kind: group.kind, severity: group.severity, schema: group.schema, table: group.table, column: group.column,
                object: group.object, expected: group.expected, actual: group.actual, message: "\(group.message): \(members(of: group))")
            finding.target = group.targets.joined(separator: ", ")
            return finding
        }
    }

    /// Each member's own report (its findings), in the fleet's order; nil for a single database.
    public var memberReports: [(target: TargetResult, report: DriftReport)]? {
        guard let targets else { return nil }
        var byTarget: [String: [Finding]] = [:]
        for finding in findings { byTarget[finding.target ?? "", default: []].append(finding) }
        return targets.map { ($0, DriftReport(expected: expected, database: $0.name, findings: byTarget[$0.name] ?? [])) }
    }
}
