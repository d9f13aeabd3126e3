import ArgumentParser
import Foundation
import PgDrift

/// `pgdrift plan`: the migration that takes the database to the expected schema.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Write the SQL migration that makes the database match the expected schema.",
        discussion: """
            The plan runs in one transaction (except CREATE INDEX CONCURRENTLY and validations with --online), \
            sets lock_timeout and statement_timeout, and is safe to run twice. Statements that can lose data \
            are written as comments unless --allow-destructive is given.

            Each statement that rewrites or scans a table says so with the table's size and row estimate \
            (read with the catalog), and the plan starts with a summary of them. It also starts with a guard: \
            a fingerprint of the objects it was planned from, checked again when it runs, so that a plan \
            applied after the schema changed stops before changing anything (under psql, any driver, \
            --apply and pgdrift apply).

            Exit codes: 0 plan written (with --apply: the database is clean afterwards) · 1 drift remains after \
            --apply, or --prove found lost data (without --allow-destructive) or a failing statement · 2 bad input, or a statement beyond --max-blocking-size · 3 database error (with --apply: \
            nothing of the transaction was kept).

            Examples:
              pgdrift plan --database postgresql://localhost/app
              pgdrift plan --expected migrations/ --migrations-dir migrations/
              pgdrift plan --online --out fix.sql
              pgdrift plan --allow-destructive --apply
              pgdrift plan --format json --max-blocking-size 1GB --online
              pgdrift plan --allow-destructive --prove --prove-rows 5000
            """)

    @OptionGroup var verbosity: QuietOption

    @Option(help: "The expected schema: builtin, a folder of .sql migrations, a .sql file, a .json snapshot, or a connection URL. Default: pgdrift.toml's expected, else builtin.")
    var expected: String?

    @OptionGroup var database: DatabaseOptions

    @Option(name: .customLong("ignore"), help: "Leave out objects matching this glob, such as 'public.tmp_*' (repeatable; replaces pgdrift.toml's ignore).")
    var ignore: [String] = []

    @Option(help: "Write the plan to this file instead of standard output.")
    var out: String?

    @Option(help: "sql: the migration itself. json: every statement with its phase and hazards as data, the fingerprint, and the SQL as 'script'.")
    var format: PlanFormat = .sql

    @Option(name: .customLong("max-blocking-size"), help: ArgumentHelp(
        "Refuse (exit 2) a statement that rewrites or scans a table larger than this while blocking writes, such as 10GB.",
        discussion: "With --online, index builds and constraint validations do not block writes; a statement with no online form is refused all the same.",
        valueName: "size"))
    var maxBlockingSize: String?

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

    @Flag(help: ArgumentHelp(
        "Run the plan on a throwaway copy of the database's schema, loaded with a sample of each affected table's rows, and report what survives.",
        discussion: "The database is only read. Exit 1 when rows or values would be lost and --allow-destructive is not given, or when a statement fails on the copy."))
    var prove = false

    @Option(name: .customLong("prove-rows"), help: "With --prove: at most this many rows of each table are copied.")
    var proveRows = 1000

    @OptionGroup var reading: ReadingOptions

    @OptionGroup var fleet: FleetOptions

    @Option(name: .customLong("lock-timeout"), help: "lock_timeout the plan sets.")
    var lockTimeout = "5s"

    @Option(name: .customLong("statement-timeout"), help: "statement_timeout the plan sets.")
    var statementTimeout = "30min"

    func validate() throws {
        if out != nil && migrationsDirectory != nil {
            throw ValidationError("--out and --migrations-dir cannot be used together")
        }
        if let maxBlockingSize, TableSize.parseBytes(maxBlockingSize) == nil {
            throw ValidationError("--max-blocking-size '\(maxBlockingSize)' is not a size (such as 10GB, 500MB or 8192)")
        }
        if proveRows < 1 {
            throw ValidationError("--prove-rows must be at least 1")
        }
        if format == .json && migrationsDirectory != nil {
            throw ValidationError("--migrations-dir writes a SQL migration: it cannot be used with --format json")
        }
    }

    func run() throws {
        if let glob = fleet.tenantSchemas ?? ProjectConfiguration.current.tenantSchemas {
            if prove || maxBlockingSize != nil || format == .json {
                throw CLIError.input("--prove, --max-blocking-size and --format json plan one database: not with --tenant-schemas")
            }
            return try runFleet(tenants: glob)
        }
        if let members = try fleetMembers() { return try runFleet(members) }
        var audit = try makeAudit()
        let connection = database.connectionString
        let options = PlanOptions(
            allowDestructive: allowDestructive, online: online, renames: renames, withPrivileges: audit.diffOptions.comparePrivileges,
            withOwners: audit.diffOptions.compareOwners, lockTimeout: lockTimeout, statementTimeout: statementTimeout)
        if prove { progress("planning, then proving the plan on a throwaway copy of the schema with up to \(proveRows) rows per table") }
        let progressLine = TerminalProgress.forThisRun
        if let progressLine { audit.onProgress = { @Sendable text in progressLine.update(text) } }
        defer { progressLine?.finish() }
        let run = PlanRun(
            audit: audit, options: options, maxBlockingBytes: maxBlockingSize.flatMap(TableSize.parseBytes),
            proveRows: prove ? proveRows : nil, apply: apply)
        let outcome = try run.run(against: connection.raw, write: { plan in
            progressLine?.finish()
            try writePlan(plan, text: try text(of: plan, audit: audit, connection: connection))
        }, progress: { progress($0) })
        if outcome.proofFailed { throw ExitCode.drift }
        if let recheck = outcome.recheck { try reportRecheck(recheck) }
    }

    /// A fleet's databases (`--database` more than once, `--databases FILE`), this `--shard`'s slice; nil for one.
    private func fleetMembers() throws -> [String]? {
        guard let members = try fleet.databases(database, verb: "plan") else { return nil }
        if prove || maxBlockingSize != nil || format == .json {
            throw CLIError.input("--prove, --max-blocking-size and --format json plan one database: give one --database")
        }
        return members
    }

    /// One plan per distinct delta across the fleet, each naming the databases it fits: all on standard
    /// output (or --out, when there is one), or one file each in --migrations-dir; --apply applies each
    /// database's own plan, database by database, and checks the fleet again.
    private func runFleet(_ members: [String]) throws {
        try runFleet(count: members.count, kind: "databases") { run, write in
            try run.runFleet(members, jobs: fleet.concurrency, write: write, progress: { progress($0) })
        }
    }

    /// One plan per tenant schema, in its own names, naming the tenants with the same delta.
    private func runFleet(tenants glob: String) throws {
        let template = fleet.templateSchema ?? ProjectConfiguration.current.templateSchema ?? "public"
        try runFleet(count: nil, kind: "tenants") { run, write in
            try run.runTenants(
                against: database.connectionString.raw, matching: glob, template: template, shard: fleet.shard, write: write,
                progress: { progress($0) })
        }
    }

    private func runFleet(
        count: Int?, kind: String,
        _ body: (PlanRun, ([PlanRun.FleetPlan]) throws -> Void) throws -> PlanRun.FleetOutcome
    ) throws {
        let audit = try makeAudit()
        let options = PlanOptions(
            allowDestructive: allowDestructive, online: online, renames: renames, withPrivileges: audit.diffOptions.comparePrivileges,
            withOwners: audit.diffOptions.compareOwners, lockTimeout: lockTimeout, statementTimeout: statementTimeout)
        let run = PlanRun(audit: audit, options: options, apply: apply)
        let outcome = try body(run) { plans in
            if out != nil && plans.count > 1 {
                throw CLIError.input("the fleet needs \(plans.count) different plans: write them with --migrations-dir DIR (one file each), or to standard output")
            }
            let total = count ?? plans.count
            var texts: [String] = []
            for (number, fleetPlan) in plans.enumerated() {
                let members = fleetPlan.targets.joined(separator: ", ")
                let first = kind == "tenants"
                    ? "pgdrift plan for tenant schema \(members), the same migration, each in its own names, as for \(fleetPlan.alike.count) of \(total) tenants: "
                        + fleetPlan.alike.joined(separator: ", ") + "."
                    : "pgdrift plan \(number + 1) of \(plans.count): for \(fleetPlan.targets.count) of \(total) databases: \(members)."
                let header = [
                    first,
                    "The migration to the expected schema (\(audit.source.description)); hazard sizes are \(fleetPlan.targets[0])'s.",
                    "Review it before running it. Flags: " + flagsDescription,
                    ApplyCommand.expectedMarker + audit.source.description,
                ]
                let text = fleetPlan.plan.render(header: header)
                if let directory = migrationsDirectory {
                    guard !fleetPlan.plan.isEmpty || !fleetPlan.plan.skipped.isEmpty else { continue }
                    let suffix = kind == "tenants" ? members : String(number + 1)
                    guard let fileName = MigrationFileName.next(in: directory, name: "\(name)_\(suffix)", now: Date()) else {
                        throw CLIError.input("cannot read migrations folder '\(directory)'")
                    }
                    let path = (directory as NSString).appendingPathComponent(fileName)
                    try OutputFile.write(Data(text.utf8), to: path)
                    progress("wrote \(path) (\(members))")
                } else {
                    texts.append(text)
                }
            }
            if migrationsDirectory == nil { try OutputFile.write(Data(texts.joined(separator: "\n").utf8), to: out) }
        }
        for failure in outcome.failures { writeStandardError("pgdrift: \(failure.name): \(failure.error ?? "failed")\n") }
        if let recheck = outcome.recheck {
            writeStandardError(TextReport.render(recheck, color: false))
            if recheck.targets?.contains(where: { $0.status == .error }) == true || outcome.applied.contains(where: { if case .failure = $0.result { true } else { false } }) {
                throw ExitCode.database
            }
            if recheck.hasErrors { throw ExitCode.drift }
        }
        if !outcome.failures.isEmpty { throw ExitCode.database }
    }

    /// The plan as --format says, with its header.
    private func text(of plan: MigrationPlan, audit: Audit, connection: ConnectionString) throws -> String {
        let header = [
            "pgdrift plan: migration from \(connection.description) to the expected schema (\(audit.source.description)).",
            "Review it before running it. Flags: " + flagsDescription,
            ApplyCommand.expectedMarker + audit.source.description,
        ]
        return format == .json
            ? try plan.json(expected: audit.source.description, database: connection.description, header: header)
            : plan.render(header: header)
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
        var audit = try CommandSetup.audit(expected: expected, database: database, ignore: ignore, reading: reading)
        // The check after --apply compares grants when the plan set them.
        audit.diffOptions.comparePrivileges = withPrivileges ?? config.withPrivileges ?? false
        audit.diffOptions.compareOwners = withOwners ?? config.withOwners ?? false
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

}

/// After applying: exit 0 only when nothing that fails a check is left (plan --apply, apply).
func reportRecheck(_ report: DriftReport) throws {
    if report.hasErrors {
        progress("the database still differs from the expected schema:")
        writeStandardError(TextReport.render(report, color: false))
        throw ExitCode.drift
    }
    if report.findings.isEmpty {
        progress("checked again: the database matches the expected schema")
    } else {
        progress("checked again: no error left; \(report.findings.count) warning\(report.findings.count == 1 ? "" : "s") or note\(report.findings.count == 1 ? "" : "s") remain:")
        writeStandardError(TextReport.render(report, color: false))
    }
}

/// `plan --format`.
enum PlanFormat: String, ExpressibleByArgument, CaseIterable {
    case sql, json
}
