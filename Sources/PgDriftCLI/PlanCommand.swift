import ArgumentParser
import Foundation
import PgDrift

/// `pgdrift plan`: the migration that takes the database to the expected schema.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Write the SQL migration that makes the database match the expected schema.",
        discussion: """
            The plan runs in one transaction (except CREATE INDEX CONCURRENTLY and validations with --online),
            sets lock_timeout and statement_timeout, and is safe to run twice. Statements that can lose data
            are written as comments unless --allow-destructive is given.

            Exit codes: 0 plan written (with --apply: the database is clean afterwards) · 1 drift remains after
            --apply · 2 bad input · 3 database error (with --apply: nothing of the transaction was kept).

            Examples:
              pgdrift plan --database postgresql://localhost/app
              pgdrift plan --expected migrations/ --migrations-dir migrations/
              pgdrift plan --online --out fix.sql
              pgdrift plan --allow-destructive --apply
            """)

    @Option(help: "The expected schema: builtin, a folder of .sql migrations, a .sql file, a .json snapshot, or a connection URL. Default: pgdrift.toml's expected, else builtin.")
    var expected: String?

    @OptionGroup var database: DatabaseOptions

    @Option(name: .customLong("ignore"), help: "Leave out objects matching this glob, such as 'public.tmp_*' (repeatable; replaces pgdrift.toml's ignore).")
    var ignore: [String] = []

    @Option(help: "Write the plan to this file instead of standard output.")
    var out: String?

    @Option(name: .customLong("migrations-dir"),
            help: "Write the plan as the next migration of this folder, named in its own scheme (001_x.sql, 20240101120000_x.sql, V3__x.sql).")
    var migrationsDirectory: String?

    @Option(help: "The name part of the migration file with --migrations-dir.")
    var name = "pgdrift_fixup"

    @Flag(name: .customLong("allow-destructive"), help: "Include statements that can lose data (DROP TABLE/COLUMN, narrowing types, removing enum values).")
    var allowDestructive = false

    @Flag(help: "Avoid long locks: CREATE INDEX CONCURRENTLY, constraints NOT VALID then VALIDATE after the transaction.")
    var online = false

    @Flag(help: "Rename a column when a missing and an extra column of a table pair up, instead of DROP and ADD.")
    var renames = false

    @Flag(name: .customLong("with-privileges"), inversion: .prefixedNo,
          help: "Also GRANT / REVOKE to the expected privileges and ALTER DEFAULT PRIVILEGES (default: pgdrift.toml's with_privileges, else no). Objects the plan creates get their expected grants either way.")
    var withPrivileges: Bool?

    @Flag(name: .customLong("with-owners"), inversion: .prefixedNo,
          help: "Also ALTER … OWNER TO where the expected schema names an owner (default: pgdrift.toml's with_owners, else no).")
    var withOwners: Bool?

    @Flag(help: "Run the plan against the database (one transaction), then check again.")
    var apply = false

    @OptionGroup var reading: ReadingOptions

    @Option(name: .customLong("lock-timeout"), help: "lock_timeout the plan sets.")
    var lockTimeout = "5s"

    @Option(name: .customLong("statement-timeout"), help: "statement_timeout the plan sets.")
    var statementTimeout = "30min"

    func validate() throws {
        if out != nil && migrationsDirectory != nil {
            throw ValidationError("--out and --migrations-dir cannot be used together")
        }
    }

    func run() throws {
        let audit = try makeAudit()
        let connection = database.connectionString
        let options = PlanOptions(
            allowDestructive: allowDestructive, online: online, renames: renames, withPrivileges: audit.diffOptions.comparePrivileges,
            withOwners: audit.diffOptions.compareOwners, lockTimeout: lockTimeout, statementTimeout: statementTimeout)
        let (plan, expected) = try audit.planWithExpected(against: connection.raw, options: options)
        let text = plan.render(header: [
            "pgdrift plan: migration from \(connection.description) to the expected schema (\(audit.source.description)).",
            "Review it before running it. Flags: " + flagsDescription,
        ])
        try writePlan(plan, text: text)
        guard apply else { return }
        guard !plan.isEmpty else {
            progress("nothing to apply")
            return try recheck(audit, connection, expected: expected)
        }
        progress("applying \(plan.transactional.count + plan.afterCommit.count) statements in one transaction")
        try PlanApplier.apply(plan, to: connection.raw)
        try recheck(audit, connection, expected: expected)
    }

    private var flagsDescription: String {
        let privileges = withPrivileges ?? ProjectConfiguration.current.withPrivileges ?? false
        let owners = withOwners ?? ProjectConfiguration.current.withOwners ?? false
        let flags = [allowDestructive ? "--allow-destructive" : nil, online ? "--online" : nil, renames ? "--renames" : nil,
                     privileges ? "--with-privileges" : nil, owners ? "--with-owners" : nil].compactMap { $0 }
        return flags.isEmpty ? "none" : flags.joined(separator: " ")
    }

    private func makeAudit() throws -> Audit {
        let config = ProjectConfiguration.current
        let source: ExpectedSource
        do { source = try ExpectedSource.parse(expected ?? config.expected ?? "builtin") } catch let error as ExpectedSchemaError {
            throw CLIError.input(error.description)
        }
        var audit = Audit(source: source, builtin: BuiltinModel.catalog)
        audit.schemas = database.schemas
        audit.excludedSchemas = database.excludedSchemas
        audit.ignore = ignore.isEmpty ? config.ignore : ignore
        audit.severities = config.severities
        // The check after --apply compares grants when the plan set them.
        audit.diffOptions.comparePrivileges = withPrivileges ?? config.withPrivileges ?? false
        audit.diffOptions.compareOwners = withOwners ?? config.withOwners ?? false
        reading.configure(&audit, config)
        return audit
    }

    private func writePlan(_ plan: MigrationPlan, text: String) throws {
        if let directory = migrationsDirectory {
            guard !plan.isEmpty || !plan.skipped.isEmpty else {
                progress("the database matches the expected schema: no migration written")
                return
            }
            guard let fileName = MigrationFileName.next(in: directory, name: name, now: Date()) else {
                throw CLIError.input("cannot read migrations folder '\(directory)'")
            }
            let path = (directory as NSString).appendingPathComponent(fileName)
            try OutputFile.write(Data(text.utf8), to: path)
            progress("wrote \(path)")
        } else {
            try OutputFile.write(Data(text.utf8), to: out)
        }
    }

    /// Checks again after applying: exit 0 only when nothing that fails a check is left.
    /// Checks the database again against the expected catalog the plan was made from (not read again).
    private func recheck(_ audit: Audit, _ connection: ConnectionString, expected: Catalog) throws {
        let report = try audit.run(against: connection.raw, expected: expected)
        if report.hasErrors {
            progress("the database still differs from the expected schema:")
            FileHandle.standardError.write(Data(TextReport.render(report, color: false).utf8))
            throw PgDriftExit(code: ExitCode.drift)
        }
        if report.findings.isEmpty {
            progress("checked again: the database matches the expected schema")
        } else {
            progress("checked again: no error left; \(report.findings.count) warning\(report.findings.count == 1 ? "" : "s") or note\(report.findings.count == 1 ? "" : "s") remain:")
            FileHandle.standardError.write(Data(TextReport.render(report, color: false).utf8))
        }
    }
}
