import PgDriftDiff

/// `--format markdown`: a pull-request comment — a summary line, then a table of findings per table.
public enum MarkdownReport {
    /// The Markdown text, ending with a newline.
    public static func render(_ report: DriftReport) -> String {
        var lines = ["## pgdrift: \(report.database) against \(report.expected)", ""]
        if report.targets != nil { return fleet(report, lines: lines) }
        let compared = report.comparedSentence.map { ["", "Compared: \(cell($0))."] } ?? []
        guard !report.findings.isEmpty else {
            lines.append("✅ No drift.")
            return (lines + compared).joined(separator: "\n") + "\n"
        }
        let s = report.summary
        lines.append("**\(s.total) finding\(s.total == 1 ? "" : "s")**: \(s.errors) error\(s.errors == 1 ? "" : "s"), "
            + "\(s.warnings) warning\(s.warnings == 1 ? "" : "s"), \(s.infos) info")
        lines += compared
        for (group, findings) in report.groups {
            lines += ["", "### `\(cell(group))`", "", "| | kind | finding | expected | actual |", "| --- | --- | --- | --- | --- |"]
            for finding in findings {
                let icon = finding.severity == .error ? "❌" : finding.severity == .warning ? "⚠️" : "ℹ️"
                let message = finding.message + (finding.migration.map { finding.kind.isAboutAnObject ? " (\($0.says))" : "" } ?? "")
                lines.append("| \(icon) | `\(finding.kind.rawValue)` | \(cell(message)) | "
                    + "\(finding.expected.map { "`\(cell($0))`" } ?? "") | \(finding.actual.map { "`\(cell($0))`" } ?? "") |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A fleet: the members' statuses, then one row per group of identical findings with its members.
    private static func fleet(_ report: DriftReport, lines start: [String]) -> String {
        var lines = start + ["**Targets**: " + (report.targetsSentence ?? "")]
        let failing = (report.targets ?? []).filter { $0.status != .clean }
        if !failing.isEmpty {
            lines += ["", "| target | status |", "| --- | --- |"]
            for target in failing {
                lines.append("| `\(cell(target.name))` | \(target.error.map { "error: " + cell($0) } ?? "\(target.errors) errors, \(target.warnings) warnings") |")
            }
        }
        let groups = report.targetGroups ?? []
        if !groups.isEmpty {
            lines += ["", "| | kind | finding | targets | expected | actual |", "| --- | --- | --- | --- | --- | --- |"]
            for group in groups {
                let icon = group.severity == .error ? "❌" : group.severity == .warning ? "⚠️" : "ℹ️"
                lines.append("| \(icon) | `\(group.kind.rawValue)` | \(cell(group.message)) | \(cell(report.members(of: group))) | "
                    + "\(group.expected.map { "`\(cell($0))`" } ?? "") | \(group.actual.map { "`\(cell($0))`" } ?? "") |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text safe inside a table cell: no pipes, no newlines, no backticks breaking code spans.
    static func cell(_ text: String) -> String {
        var out = ""
        for char in text {
            switch char {
            case "|": out += "\\|"
            case "\n", "\r": out += " "
            case "`": out += "'"
            default: out.append(char)
            }
        }
        return out
    }
}
