import ArgumentParser
import Foundation
import PgDrift

/// `pgdrift check`: what drifted between the expected schema and the database.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report every difference between the expected schema and the database.",
        discussion: """
            Exit codes: 0 no drift (warnings allowed) · 1 drift · 2 bad input · 3 database error.

            Formats: text (for people), json, markdown (a pull-request comment), junit (a test case per \
            table, for CI test reports), sarif (2.1.0, for code scanning), github (GitHub Actions \
            annotations). Every check also writes drift-report.json, .md, .xml (JUnit) and .sarif to the \
            report folder.

            Defaults come from pgdrift.toml (or pgdrift.yml) in the working directory when it exists: \
            expected, database, schemas, exclude_schemas, ignore, strict, with_privileges, report_dir and a \
            [severity] table (finding kind = "error", "warning", "info" or "off"). Options given here win.

            Examples:
              pgdrift check --database postgresql://localhost/app
              pgdrift check --expected migrations/ --format json
              pgdrift check --expected schema.json --ignore 'public.tmp_*' --strict
              pgdrift check --format github    # in a GitHub Actions step
              pgdrift check --expected migrations/ --databases fleet.txt --jobs 8 --shard 1/4
              pgdrift check --expected migrations/ --tenant-schemas 'tenant_*'

            A fleet (--database more than once, --databases, --tenant-schemas) reads the expected schema \
            once, audits its members --jobs at a time, and reports identical findings grouped across \
            them; its exit code is the worst member's. pgdrift report merge joins the JSON reports of \
            --shard runs.
            """)

    @OptionGroup var verbosity: QuietOption

    @Option(help: "The expected schema: builtin, a folder of .sql migrations, a .sql file, a .json snapshot, or a connection URL. Default: pgdrift.toml's expected, else builtin.")
    var expected: String?

    @OptionGroup var database: DatabaseOptions

    @Option(name: .customLong("ignore"), help: "Leave out objects matching this glob, such as 'public.tmp_*' (repeatable; replaces pgdrift.toml's ignore).")
    var ignore: [String] = []

    @Option(help: "Output format (junit, sarif and github are for CI).")
    var format: ReportFormat = .text

    @Option(name: .customLong("report-dir"), help: "Also write drift-report.json, .md, .xml and .sarif here. Default: pgdrift.toml's report_dir, else reports.")
    var reportDirectory: String?

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Flag(inversion: .prefixedNo, help: "Make every finding an error (default: pgdrift.toml's strict, else no).")
    var strict: Bool?

    @Flag(name: .customLong("strict-coverage"),
          help: "Make not_checked findings errors: objects of kinds pgdrift does not compare yet fail the check.")
    var strictCoverage = false

    @Flag(name: .customLong("with-privileges"), inversion: .prefixedNo, help: "Also compare grants (default: pgdrift.toml's with_privileges, else no).")
    var withPrivileges: Bool?

    @Flag(name: .customLong("with-owners"), inversion: .prefixedNo,
          help: "Also compare owners, where the expected schema names them (default: pgdrift.toml's with_owners, else no).")
    var withOwners: Bool?

    @Flag(name: .customLong("with-extension-state"), inversion: .prefixedNo,
          help: "Also compare pg_cron's jobs with the migrations' cron.schedule calls (default: pgdrift.toml's with_extension_state, else no; the jobs are reported either way).")
    var withExtensionState: Bool?

    @OptionGroup var reading: ReadingOptions

    @OptionGroup var fleet: FleetOptions

    func run() throws {
        let config = ProjectConfiguration.current
        var audit = try CommandSetup.audit(expected: expected, database: database, ignore: ignore, reading: reading)
        if strictCoverage { audit.severities[.notChecked] = .error }
        audit.strict = strict ?? config.strict ?? false
        audit.diffOptions.comparePrivileges = withPrivileges ?? config.withPrivileges ?? false
        audit.diffOptions.compareOwners = withOwners ?? config.withOwners ?? false
        audit.diffOptions.compareExtensionState = withExtensionState ?? config.withExtensionState ?? false
        audit.onNote = { writeStandardError("pgdrift: \($0)\n") }
        let report: DriftReport
        if let members = try fleet.databases(database, verb: "audit") {
            report = try audit.runFleet(members, jobs: fleet.concurrency, failFast: fleet.failFast)
        } else if let glob = fleet.tenantSchemas ?? config.tenantSchemas {
            report = try audit.runTenants(
                against: database.connectionString.raw, matching: glob, template: fleet.templateSchema ?? config.templateSchema ?? "public",
                shard: fleet.shard, jobs: fleet.concurrency)
        } else {
            let progressLine = TerminalProgress.forThisRun
            if let progressLine { audit.onProgress = { @Sendable text in progressLine.update(text) } }
            report = try audit.run(against: database.connectionString.raw)
            progressLine?.finish()
        }

        let base = FileManager.default.currentDirectoryPath
        let text = try format.render(report, baseDirectory: base, color: format == .text && output == nil && Terminal.wantsColor)
        try OutputFile.write(Data(text.utf8), to: output)
        try ReportFolder.write(report, to: reportDirectory ?? config.reportDirectory ?? "reports", baseDirectory: base)
        // A fleet's exit code is its worst member's: one that could not be audited (3) beats drift (1).
        if report.targets?.contains(where: { $0.status == .error }) == true { throw ExitCode.database }
        if report.hasErrors { throw ExitCode.drift }
    }


}

extension ReportFormat: ExpressibleByArgument {}

/// Whether standard output is a terminal that wants colour (NO_COLOR respected).
enum Terminal {
    static var wantsColor: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}
