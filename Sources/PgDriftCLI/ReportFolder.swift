import Foundation
import PgDrift

/// The report folder (`--report-dir`, default `reports/`): the same report in the four formats that
/// people and CI pick up from it (reports/README.md says which is for what).
enum ReportFolder {
    static let fileNames = ["drift-report.json", "drift-report.md", "drift-report.xml", "drift-report.sarif"]

    static func write(_ report: DriftReport, to directory: String, baseDirectory: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw CLIError.input("cannot create report folder '\(directory)': \(error.localizedDescription)")
        }
        let texts = [
            try JSONReport.render(report), MarkdownReport.render(report),
            JUnitReport.render(report, baseDirectory: baseDirectory), try SARIFReport.render(report, baseDirectory: baseDirectory),
        ]
        for (name, text) in zip(fileNames, texts) { try OutputFile.write(Data(text.utf8), to: directory + "/" + name) }
    }
}
