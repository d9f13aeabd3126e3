/// The formats a drift report is written in, and the one place that maps each to its renderer.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, markdown, junit, sarif, github

    /// The report in this format. `baseDirectory`: source paths under it are written relative to it
    /// (JUnit, SARIF, GitHub); `color`: ANSI colours in text.
    public func render(_ report: DriftReport, baseDirectory: String? = nil, color: Bool = false) throws -> String {
        switch self {
        case .text: TextReport.render(report, color: color)
        case .json: try JSONReport.render(report)
        case .markdown: MarkdownReport.render(report)
        case .junit: JUnitReport.render(report, baseDirectory: baseDirectory)
        case .sarif: try SARIFReport.render(report, baseDirectory: baseDirectory)
        case .github: GitHubReport.render(report, baseDirectory: baseDirectory)
        }
    }

    /// The report folder's files (`--report-dir`), each with its format.
    public static let folderFiles: [(name: String, format: ReportFormat)] = [
        ("drift-report.json", .json), ("drift-report.md", .markdown), ("drift-report.xml", .junit), ("drift-report.sarif", .sarif),
    ]
}
