import AnalyticsExample
import ArgumentParser
import ExpectedSchema
import Foundation
import PgDrift

/// `pgdrift demo`: pgdrift's whole job on a throwaway PostgreSQL, with nothing to set up.
///
/// It builds the seed story's drifted database — the analytics migrations without the fix-up 015, plus
/// a few hand-made drifts, and the Supabase history that lists 001–014 — checks it against the built-in
/// model, prints the report and writes it to `reports/`, explains the column the seed's user thought was
/// missing, tells what is pending from what is hand-made by the migration history, prints the fix-up
/// migration, applies it in one transaction and checks again.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run pgdrift on a throwaway PostgreSQL holding the seed story's drifted analytics database.",
        discussion: """
            Needs PostgreSQL's server programs (Debian: apt-get install postgresql-15) but no database: \
            it starts its own cluster in a temporary directory and removes it at the end, also on Ctrl-C.
            """)

    @OptionGroup var verbosity: QuietOption

    @Option(name: .customLong("report-dir"), help: "Where to write the reports.")
    var reportDirectory = "reports"

    /// Drifts someone made by hand, on top of the missing 015.
    static let handMadeDrifts = [
        "ALTER TABLE sounds_hot ALTER COLUMN duration_seconds TYPE smallint",
        "DROP INDEX idx_creators_hot_likes_total",
        "ALTER TABLE sounds_hot ADD COLUMN legacy_rank integer",
        "DROP POLICY \"Public read access\" ON hashtags_hot",
    ]

    func run() throws {
        progress("starting a throwaway PostgreSQL")
        let server = try TemporaryServer()
        defer { server.stop() }

        let migrations = try AnalyticsExample.migrations().filter { !$0.name.hasPrefix("015") }
        progress("building the drifted analytics database: \(migrations.count) migrations (no 015), \(Self.handMadeDrifts.count) hand-made changes")
        let admin = try server.connect()
        try admin.execute(try AnalyticsExample.rolesSQL())
        try server.createDatabase("analytics", using: admin)
        let connection = try server.connect(database: "analytics")
        for migration in migrations {
            do {
                try connection.execute(migration.sql)
            } catch let error as PostgresError {
                throw CLIError(message: "applying \(migration.name): \(error.message)", code: .database)
            }
        }
        for statement in Self.handMadeDrifts { try connection.execute(statement) }
        // What `supabase db push` would have recorded: 001–014 applied, 015 never.
        try connection.execute(Self.supabaseHistory(of: migrations.map(\.name)))
        connection.close()

        progress("checking it against the built-in expected schema (expected-schema/)")
        let database = server.connectionString(database: "analytics")
        // The Swift model is put in canonical form once (a shadow database), then reused by every step.
        let loader = ExpectedSchemaLoader(builtin: { analyticsSchema.catalog })
        let expectedCatalog = try loader.load(.builtin)
        loader.close()
        let audit = Audit(source: .canonical(expectedCatalog, name: "builtin"))
        let report = try audit.run(against: database)
        print(TextReport.render(report, color: Terminal.wantsColor), terminator: "")

        try ReportFolder.write(report, to: reportDirectory, baseDirectory: FileManager.default.currentDirectoryPath)
        progress("wrote \(reportDirectory)/drift-report.{json,md,xml,sarif}")

        progress("is creators_hot.total_videos_count really missing? (pgdrift explain)")
        let question = try ObjectName.parse("creators_hot.total_videos_count")
        let explanation = Explain.explain(
            question, database: try Explain.read(question, from: database), expected: expectedCatalog, expectedSource: "builtin")
        print("")
        print(explanation.text, terminator: "")

        // The story's migrations, beside the reports, so their paths are short and they can be read.
        let folder = reportDirectory + "/migrations"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for migration in try AnalyticsExample.migrations() { try OutputFile.write(Data(migration.sql.utf8), to: "\(folder)/\(migration.name)") }
        progress("is the rest missing, or never applied? (pgdrift check --expected \(folder), which reads the migration history)")
        let fromMigrations = try Audit(source: .sqlDirectory(folder)).run(against: database)
        print("")
        print(TextReport.render(fromMigrations, color: Terminal.wantsColor), terminator: "")
        var handMade = Audit(source: .sqlDirectory(folder))
        handMade.asApplied = true
        let asApplied = try handMade.run(against: database)
        let waiting = fromMigrations.findings.filter { $0.migration?.recorded == false }.count
        let remaining = asApplied.findings.filter { $0.kind.isAboutAnObject && $0.migration?.recorded != false }.count
        progress("the history lists 001–014: \(waiting) findings wait for the pending 015; "
            + "against what the history records as applied (--as-applied), \(remaining) remain: the drift made by hand")

        progress("planning the fix-up migration (pgdrift plan)")
        let plan = try audit.plan(against: database)
        print("")
        let planText = plan.render(header: ["pgdrift plan: the fix-up migration for the demo's drifted analytics database."])
        print(planText, terminator: "")
        try OutputFile.write(Data(planText.utf8), to: reportDirectory + "/fixup-plan.sql")
        progress("applying it in one transaction (pgdrift plan --apply)")
        try PlanApplier.apply(plan, to: database)

        progress("checking again")
        let after = try audit.run(against: database)
        print("")
        print(TextReport.render(after, color: Terminal.wantsColor), terminator: "")
        if after.hasErrors {
            progress("stopping the throwaway PostgreSQL")
            throw CLIError(message: "the database still drifts after the plan ran", code: .drift)
        }
        if !plan.skipped.isEmpty {
            progress("\(plan.skipped.count) statement\(plan.skipped.count == 1 ? " was" : "s were") left out on purpose (they would lose data; --allow-destructive runs them)")
        }
        progress("stopping the throwaway PostgreSQL")
    }
}

extension DemoCommand {
    /// The history table the Supabase CLI keeps, listing these migrations as applied.
    static func supabaseHistory(of files: [String]) -> String {
        let rows = files.map { file -> String in
            let version = String(file.prefix { $0.isNumber })
            let name = String(file.dropFirst(version.count + 1).dropLast(4))
            return "(\(SQLQuote.literal(version)), \(SQLQuote.literal(name)))"
        }
        return """
            CREATE SCHEMA IF NOT EXISTS supabase_migrations;
            CREATE TABLE IF NOT EXISTS supabase_migrations.schema_migrations (version text NOT NULL PRIMARY KEY);
            ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS statements text[];
            ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS name text;
            INSERT INTO supabase_migrations.schema_migrations (version, name) VALUES \(rows.joined(separator: ", "));
            """
    }
}
