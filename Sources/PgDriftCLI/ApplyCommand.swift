import ArgumentParser
import Foundation
import PgDrift

/// `pgdrift apply FILE`: runs a plan written earlier by `pgdrift plan`, with the guarantees of
/// `plan --apply`.
struct ApplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Run a saved plan: its fingerprint checked first, its statements in one transaction, the database checked again.",
        discussion: """
            The plan's guard runs first: when an object the plan was computed from changed since, nothing runs \
            and the command exits 2, naming the objects. The statements then run as the file says (its own \
            BEGIN and COMMIT); the first failure stops it and rolls back its transaction. Afterwards the \
            database is checked against the expected schema the plan names (or --expected).

            Exit codes: 0 applied, and the database matches · 1 applied, drift remains · 2 not a pgdrift plan, or \
            a stale one (nothing changed) · 3 database error (the plan's transaction rolled back).

            Examples:
              pgdrift plan --out fix.sql && pgdrift apply fix.sql
              pgdrift apply fix.sql --database postgresql://localhost/app --expected migrations/
            """)

    @OptionGroup var verbosity: QuietOption

    /// The header line of a plan file that names its expected schema, for the check afterwards.
    static let expectedMarker = "pgdrift-plan-expected: "

    @Argument(help: "The plan file, written by pgdrift plan.")
    var file: String

    @Option(help: "The expected schema to check against afterwards. Default: the one the plan names, else pgdrift.toml's expected, else builtin.")
    var expected: String?

    @OptionGroup var database: DatabaseOptions

    @Option(name: .customLong("ignore"), help: "Leave out objects matching this glob when checking afterwards (repeatable; replaces pgdrift.toml's ignore).")
    var ignore: [String] = []

    @OptionGroup var reading: ReadingOptions

    func run() throws {
        try database.requireOne("apply")
        let text: String
        do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
            throw CLIError.input("cannot read plan '\(file)'")
        }
        let connection = database.connectionString
        // The expected schema --expected names, else the one the plan was made against.
        let audit = try CommandSetup.audit(
            expected: expected ?? Self.namedExpected(in: text), database: database, ignore: ignore, reading: reading)
        let postgres = try PostgresConnection(connection.raw)
        defer { postgres.close() }
        progress("applying \(file)")
        // A stale plan, or a file pgdrift did not write, is a PlanRefusal: exit 2, nothing changed.
        if !(try PlanApplier.applyFile(text, on: postgres)) { progress("the plan has nothing to run") }
        try reportRecheck(try audit.run(against: connection.raw))
    }

    /// The expected schema a plan file names in its header comments (a path or builtin; a connection's
    /// description has no password, so it is used only when libpq finds one elsewhere).
    static func namedExpected(in text: String) -> String? {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("--") else { return nil }
            if line.hasPrefix("-- " + expectedMarker) { return String(line.dropFirst(3 + expectedMarker.count)) }
        }
        return nil
    }
}
