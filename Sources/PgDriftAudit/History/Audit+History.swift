import Foundation
import PgDriftDiff
import PgDriftExpected
import PgDriftIntrospection
import PgDriftModel
import PgDriftPostgres

extension Audit {
    /// The folder's files set against the history read with the database; nil without a history (or a
    /// folder). Throws when the history does not fit the folder at all.
    package func ledger(_ history: MigrationHistory?) throws -> MigrationLedger? {
        guard let history, case .sqlDirectory(let folder) = source else { return nil }
        let ledger = MigrationLedger(files: try ExpectedSchemaLoader.migrationFiles(in: folder), history: history)
        guard ledger.files.contains(where: { $0.key != nil }) else {
            let tool = history.tool.rawValue
            throw ExpectedSchemaError(self.history == .detect
                ? "the database keeps \(tool)'s history (\(history.table)), and no file in '\(folder)' is named as \(tool) names its "
                    + "migrations: is it the folder this database was migrated from? (--history none compares without the history; --history TOOL names the tool)"
                : "no file in '\(folder)' is named as \(tool) names its migrations: is --history \(tool) the right tool? (--history none compares without the history)")
        }
        guard ledger.fits else {
            let versions = history.entries.prefix(3).map(\.version).joined(separator: ", ")
            throw ExpectedSchemaError(
                "\(history.table) (\(history.tool.rawValue)) lists \(versions)\(history.entries.count > 3 ? " …" : "") and no file in "
                    + "'\(folder)' matches any of them under \(history.tool.rawValue)'s naming rule: is it the folder this database "
                    + "was migrated from? (--history none compares without the history; --history TOOL names the tool)")
        }
        return ledger
    }

    /// Before the expected schema is read, the files the history records as applied, read in a short
    /// read-only transaction of its own (`--as-applied`, and every plan of a folder with a history).
    /// Nil when not `required` and there is no history to read; `required` throws instead.
    func appliedFiles(on connection: PostgresConnection, required: Bool) throws -> Set<String>? {
        guard case .sqlDirectory = source, history != .off else {
            guard !required else {
                throw ExpectedSchemaError(history == .off
                    ? "--as-applied needs the migration history, and --history none turns it off"
                    : "--as-applied needs --expected to be a folder of migrations")
            }
            return nil
        }
        let only = history.only
        let found = try connection.readOnlySnapshot(statementTimeoutMilliseconds: statementTimeoutMilliseconds) {
            try Introspector.migrationHistory(on: connection, only: only)
        }
        guard let found else {
            guard !required else {
                throw ExpectedSchemaError("--as-applied: the database has no migration history pgdrift recognises (--history TOOL names the tool)")
            }
            return nil
        }
        return Set(try ledger(found)!.appliedFiles)
    }
}
