import Foundation
import PgDrift

/// The report folder (`--report-dir`, default `reports/`): the same report in the four formats that
/// people and CI pick up from it (reports/README.md says which is for what).
enum ReportFolder {
    static func write(_ report: DriftReport, to directory: String, baseDirectory: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw CLIError.input("cannot create report folder '\(directory)': \(error.localizedDescription)")
        }
        for (name, format) in ReportFormat.folderFiles {
            try OutputFile.write(Data(try format.render(report, baseDirectory: baseDirectory).utf8), to: directory + "/" + name)
        }
    }
}
