import PgDriftDiff

/// `--format github`: GitHub Actions workflow commands, one annotation per finding
/// (`::error file=…,line=…,title=…::message`), then a summary line for the log.
public enum GitHubReport {
    /// The workflow commands, one per line, ending with a newline; source paths under `baseDirectory` are made
    /// relative to it.
    public static func render(_ report: DriftReport, baseDirectory: String? = nil) -> String {
        var lines: [String] = []
        // A fleet gives one annotation per group of identical findings, naming its members.
        for finding in report.annotatedFindings {
            let command: String
            switch finding.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .info: command = "notice"
            }
            var properties: [String] = []
            if let source = finding.source {
                properties.append("file=" + escape(SourcePaths.relative(source.file, to: baseDirectory), property: true))
                properties.append("line=\(source.line)")
                if let column = source.column { properties.append("col=\(column)") }
            }
            properties.append("title=" + finding.kind.rawValue)
            var message = [finding.message]
            if let expected = finding.expected { message.append("expected: \(expected)") }
            if let actual = finding.actual { message.append("actual: \(actual)") }
            if let migration = finding.migration, finding.kind.isAboutAnObject { message.append("migration: \(migration.says)") }
            if let hint = finding.hint { message.append("hint: \(hint)") }
            lines.append("::\(command) \(properties.joined(separator: ","))::" + escape(message.joined(separator: "\n"), property: false))
        }
        let s = report.summary
        lines.append(s.total == 0
            ? "pgdrift: no drift (\(report.database) against \(report.expected))"
            : "pgdrift: \(s.total) finding\(s.total == 1 ? "" : "s"): \(s.errors) error\(s.errors == 1 ? "" : "s"), "
                + "\(s.warnings) warning\(s.warnings == 1 ? "" : "s"), \(s.infos) info")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The one escaping function for workflow commands: `%`, CR and LF everywhere; `:` and `,` also in
    /// property values, where they would end the value.
    static func escape(_ text: String, property: Bool) -> String {
        var out = ""
        for char in text.unicodeScalars {
            switch char {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":" where property: out += "%3A"
            case "," where property: out += "%2C"
            default: out.unicodeScalars.append(char)
            }
        }
        return out
    }
}
