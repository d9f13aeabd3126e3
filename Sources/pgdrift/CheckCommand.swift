import ArgumentParser
import ExpectedSchema
import Foundation
import PgDrift

/// `pgdrift check`: what drifted between the expected schema and the database.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report every difference between the expected schema and the database.",
        discussion: """
            Exit codes: 0 no drift (warnings allowed) · 1 drift · 2 bad input · 3 database error.

            Examples:
              pgdrift check --database postgresql://localhost/app
              pgdrift check --expected migrations/ --format json
              pgdrift check --expected schema.json --ignore 'public.tmp_*' --strict
            """)

    @Option(help: "The expected schema: builtin, a folder of .sql migrations, a .sql file, a .json snapshot, or a connection URL.")
    var expected = "builtin"

    @OptionGroup var database: DatabaseOptions

    @Option(name: .customLong("ignore"), help: "Leave out objects matching this glob, such as 'public.tmp_*' (repeatable).")
    var ignore: [String] = []

    @Option(help: "Output format: text, json or markdown.")
    var format: CheckFormat = .text

    @Option(name: .customLong("report-dir"), help: "Also write drift-report.json and drift-report.md here.")
    var reportDirectory = "reports"

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Flag(help: "Make every finding an error.")
    var strict = false

    @Flag(name: .customLong("with-privileges"), help: "Also compare grants.")
    var withPrivileges = false

    @Flag(help: "Apply SQL migrations to a throwaway database to read them (the only mode for SQL today).")
    var shadow = false

    func run() throws {
        var audit = Audit(source: try expectedSource(), builtin: analyticsSchema.catalog)
        audit.schemas = database.schemas
        audit.excludedSchemas = database.excludedSchemas
        audit.ignore = ignore
        audit.strict = strict
        audit.diffOptions.comparePrivileges = withPrivileges
        let report = try audit.run(against: database.connectionString.raw)

        let text: String
        switch format {
        case .text: text = TextReport.render(report, color: output == nil && Terminal.wantsColor)
        case .json: text = try JSONReport.render(report)
        case .markdown: text = MarkdownReport.render(report)
        }
        try OutputFile.write(Data(text.utf8), to: output)
        try writeReports(report)
        if report.hasErrors { throw PgDriftExit(code: ExitCode.drift) }
    }

    private func expectedSource() throws -> ExpectedSource {
        do { return try ExpectedSource.parse(expected) } catch let error as ExpectedSchemaError {
            throw CLIError.input(error.description)
        }
    }

    private func writeReports(_ report: DriftReport) throws {
        do {
            try FileManager.default.createDirectory(atPath: reportDirectory, withIntermediateDirectories: true)
        } catch {
            throw CLIError.input("cannot create report folder '\(reportDirectory)': \(error.localizedDescription)")
        }
        try OutputFile.write(Data(try JSONReport.render(report).utf8), to: reportDirectory + "/drift-report.json")
        try OutputFile.write(Data(MarkdownReport.render(report).utf8), to: reportDirectory + "/drift-report.md")
    }
}

/// Formats `check` writes.
enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown
}

/// Whether standard output is a terminal that wants colour (NO_COLOR respected).
enum Terminal {
    static var wantsColor: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}
