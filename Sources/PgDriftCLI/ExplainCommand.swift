import ArgumentParser
import Foundation
import PgDrift

/// `pgdrift explain NAME`: is this table or column really missing, and if it seems so, why.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Is this table or column really missing? Where it is, why it seems missing, what is like it and what uses it.",
        discussion: """
            NAME is table, table.column or schema.table.column. Unquoted parts are folded to lower case, as \
            PostgreSQL folds them; quote a part that has capitals, spaces or dots: 'creators_hot."Total_Play_Count"'.

            Answers whether it exists in the database (as the connected role sees the catalog, on its \
            search_path) and in the expected schema, and when it seems missing: another schema or outside \
            the search_path, a name differing only by case or quoting, a column of a view, no privilege for \
            the role (information_schema hides such objects), similar names, and what refers to it (views, \
            function bodies, triggers, policies, indexes, constraints). Reads the database in one read-only \
            transaction.

            Exit codes: 0 it exists in the database · 1 it does not · 2 malformed NAME or bad input · 3 database error.

            Examples:
              pgdrift explain creators_hot.total_videos_count
              pgdrift explain public.creators_hot.total_play_count --format json
              pgdrift explain creators_cold --expected migrations/
            """)

    @OptionGroup var verbosity: QuietOption

    @Argument(help: "table, table.column or schema.table.column (quote parts as in SQL).")
    var name: String

    @Option(help: "The expected schema: builtin, a folder of .sql migrations, a .sql file, a .json snapshot, or a connection URL. Default: pgdrift.toml's expected, else builtin.")
    var expected: String?

    @Option(help: "Connection string or URL (anything libpq accepts). Default: pgdrift.toml's database, else DATABASE_URL, else PG* variables.")
    var database: String?

    @Option(help: "Output format: text (for people) or json (key-sorted, for scripts).")
    var format: ExplainFormat = .text

    @OptionGroup var sqlReading: ReadingOptions

    func run() throws {
        let config = ProjectConfiguration.current
        let objectName: ObjectName
        do { objectName = try ObjectName.parse(name) } catch let error as ObjectNameError { throw CLIError.input(error.description) }
        let source = try CommandSetup.expectedSource(expected)
        let connection = CommandSetup.connectionString(database).raw
        // For a folder of migrations, the tool's history is read in the same snapshot.
        var audit = Audit(source: source)
        sqlReading.configure(&audit, config)
        let readsHistory: Bool
        if case .sqlDirectory = source { readsHistory = audit.history != .off } else { readsHistory = false }
        if audit.asApplied && !readsHistory {
            throw CLIError.input("--as-applied needs --expected to be a folder of migrations and the history read (not --history none)")
        }
        let only: MigrationTool? = if case .tool(let tool) = audit.history { tool } else { nil }
        let reading = try Explain.read(objectName, from: connection, history: readsHistory ? .some(only) : nil)
        let ledger = try audit.ledger(reading.history)
        if audit.asApplied && ledger == nil {
            throw CLIError.input("--as-applied: the database has no migration history pgdrift recognises (--history TOOL names the tool)")
        }

        let loader = ExpectedSchemaLoader(builtin: { BuiltinModel.catalog })
        defer { loader.close() }
        sqlReading.configure(loader, config)
        loader.serverMajor = reading.serverVersion / 10000
        if audit.asApplied, let ledger { loader.onlyFiles = Set(ledger.appliedFiles) }
        var explanation = Explain.explain(
            objectName, database: reading, expected: try loader.load(source), expectedSource: source.description)
        if let ledger, let file = explanation.expected.location?.file,
           let migration = MigrationHistoryFindings.reference(forFile: file, exists: explanation.exists, in: ledger) {
            explanation.tell(migration, applyCommand: ledger.history.tool.applyCommand)
        }
        let output = format == .json ? try explanation.json() : explanation.text
        FileHandle.standardOutput.write(Data(output.utf8))
        if !explanation.exists { throw ExitCode.drift }
    }
}

/// Formats `explain` writes.
enum ExplainFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
