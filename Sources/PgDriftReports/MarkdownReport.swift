import PgDriftDiff

/// `--format markdown`: a pull-request comment — a summary line, then a table of findings per table.
public enum MarkdownReport {
    /// The Markdown text, ending with a newline.
    public static func render(_ report: DriftReport) -> String {
        var lines = ["## pgdrift: \(report.database) against \(report.expected)", ""]
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
