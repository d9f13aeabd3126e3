import PgDriftDiff

/// `--format text`: findings grouped by table, then a summary line and what was compared. Colour only when asked (the CLI
/// asks on a terminal without NO_COLOR).
public enum TextReport {
    /// The text, ending with a newline; with ANSI colour codes when `color` is true.
    public static func render(_ report: DriftReport, color: Bool = false) -> String {
        func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        var lines = ["pgdrift: \(report.database) against \(report.expected)"]
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
                let mark: String
                switch finding.severity {
                case .error: mark = paint("error", "31")
                case .warning: mark = paint("warning", "33")
                case .info: mark = paint("info", "36")
                }
                lines.append("  \(mark) \(finding.kind.rawValue): \(finding.message)")
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
}
