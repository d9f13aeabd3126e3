import ArgumentParser
import Foundation
import PgDrift

/// `pgdrift report`: work with JSON reports already written.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Work with JSON reports already written (merge the shards of a fleet).",
        subcommands: [MergeCommand.self])
}

/// `pgdrift report merge A.json B.json …`: the JSON reports of `check --shard K/N` runs (or of single
/// databases) joined into the report one run over all their members gives.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join JSON reports (the shards of a fleet, or single databases) into one grouped report.",
        discussion: """
            The result equals the report of one check over all the members: members in name order, identical \
            findings grouped across them, and the exit code of that check (0 clean, 1 drift, 3 a member could \
            not be audited).

            Example:
              pgdrift report merge shard-*.json --format markdown
            """)

    @OptionGroup var verbosity: QuietOption

    @Argument(help: "The JSON reports (drift-report.json of each run).")
    var reports: [String]

    @Option(help: "Output format.")
    var format: ReportFormat = .text

    @Option(help: "Write the merged report to this file instead of standard output.")
    var output: String?

    func run() throws {
        guard !reports.isEmpty else { throw CLIError.input("report merge needs at least one JSON report") }
        let decoded = try reports.map { path in
            guard let data = FileManager.default.contents(atPath: path) else { throw CLIError.input("cannot read '\(path)'") }
            do { return try JSONReport.decode(data) } catch {
                throw CLIError.input("'\(path)' is not a pgdrift JSON report (\(error))")
            }
        }
        let merged = DriftReport.merged(decoded)
        let base = FileManager.default.currentDirectoryPath
        let text = try format.render(merged, baseDirectory: base, color: format == .text && output == nil && Terminal.wantsColor)
        try OutputFile.write(Data(text.utf8), to: output)
        if merged.targets?.contains(where: { $0.status == .error }) == true { throw ExitCode.database }
        if merged.hasErrors { throw ExitCode.drift }
    }
}
