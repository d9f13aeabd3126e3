import PgDriftDiff

/// `--format text`: findings grouped by table, then a summary line and what was compared. Colour only when asked (the CLI
/// asks on a terminal without NO_COLOR).
public enum TextReport {
    /// The text, ending with a newline; with ANSI colour codes when `color` is true.
    public static func render(_ report: DriftReport, color: Bool = false) -> String {
        func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        var lines = ["pgdrift: \(report.database) against \(report.expected)"]
        if report.targets != nil { return fleet(report, lines: lines, paint: paint) }
        let compared = report.comparedSentence.map { "compared: " + $0 }
        if report.findings.isEmpty {
            lines.append(paint("no drift", "32"))
            if let compared { lines.append(compared) }
            return lines.joined(separator: "\n") + "\n"
        }
        for (group, findings) in report.groups {
            lines.append("")
            lines.append(paint(group, "1"))
            for finding in findings {
                lines.append("  \(mark(finding.severity, paint)) \(finding.kind.rawValue): \(finding.message)")
                if let expected = finding.expected { lines.append("      expected: \(expected)") }
                if let actual = finding.actual { lines.append("      actual:   \(actual)") }
                if let source = finding.source { lines.append("      declared at \(source)") }
                if let migration = finding.migration, finding.kind.isAboutAnObject { lines.append("      migration: \(migration.says)") }
                if let hint = finding.hint { lines.append("      hint: \(hint)") }
            }
        }
        lines.append("")
        let s = report.summary
        let summary = "\(s.total) finding\(s.total == 1 ? "" : "s"): \(s.errors) error\(s.errors == 1 ? "" : "s"), "
            + "\(s.warnings) warning\(s.warnings == 1 ? "" : "s"), \(s.infos) info"
        lines.append(paint(summary, s.errors > 0 ? "31;1" : "33;1"))
        if let compared { lines.append(compared) }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func mark(_ severity: Severity, _ paint: (String, String) -> String) -> String {
        switch severity {
        case .error: paint("error", "31")
        case .warning: paint("warning", "33")
        case .info: paint("info", "36")
        }
    }

    /// A fleet: the members that drifted or failed, then each group of identical findings with its members.
    private static func fleet(_ report: DriftReport, lines start: [String], paint: (String, String) -> String) -> String {
        var lines = start
        lines.append("targets: " + (report.targetsSentence ?? ""))
        for target in report.targets ?? [] where target.status != .clean {
            lines.append("  \(target.name): " + (target.error.map { paint("error", "31") + ": " + $0 }
                ?? "drift (\(target.errors) error\(target.errors == 1 ? "" : "s"), \(target.warnings) warning\(target.warnings == 1 ? "" : "s"))"))
        }
        let groups = report.targetGroups ?? []
        if !groups.isEmpty { lines.append("") }
        for group in groups {
            lines.append("  \(mark(group.severity, paint)) \(report.groupLine(group))")
            if let expected = group.expected { lines.append("      expected: \(expected)") }
            if let actual = group.actual { lines.append("      actual:   \(actual)") }
        }
        lines.append("")
        let s = report.summary
        lines.append(paint("\(s.total) finding\(s.total == 1 ? "" : "s") in \(groups.count) group\(groups.count == 1 ? "" : "s"): \(s.errors) error\(s.errors == 1 ? "" : "s"), "
            + "\(s.warnings) warning\(s.warnings == 1 ? "" : "s"), \(s.infos) info", s.errors > 0 ? "31;1" : "33;1"))
        return lines.joined(separator: "\n") + "\n"
    }
}
