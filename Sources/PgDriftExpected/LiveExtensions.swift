import Foundation
import PgDriftIntrospection
import PgDriftSQL

/// The members of the extensions this machine lacks, as the audited database has them: handed from the
/// audit's read of the database (in its snapshot) to the reading of the migrations, which runs meanwhile
/// on another thread and waits here only when a migration creates such an extension.
package final class LiveExtensions: @unchecked Sendable {
    private let condition = NSCondition()
    private var result: Result<[String: ExtensionMembers], Error>?

    package init() {}

    /// Gives the members (or why they could not be read); later calls change nothing.
    package func fulfil(_ outcome: Result<[String: ExtensionMembers], Error>) {
        condition.lock()
        defer { condition.unlock() }
        guard result == nil else { return }
        result = outcome
        condition.broadcast()
    }

    /// The members, once the database has been read.
    package func members() throws -> [String: ExtensionMembers] {
        condition.lock()
        defer { condition.unlock() }
        while result == nil { condition.wait() }
        return try result!.get()
    }

    /// Whether `CREATE EXTENSION name` can be read from this machine's extension files (`unavailable`:
    /// names to treat as missing, for tests).
    package static func isAvailableHere(_ name: String, unless unavailable: Set<String> = []) -> Bool {
        !unavailable.contains(name) && ExtensionFiles.local()?.package(name) != nil
    }

    /// The one line that names the extensions taken from the database (`pg_net 0.7.1`), in both readers.
    static func note(_ extensions: [String]) -> String {
        "extensions this machine does not have, taken from the database: " + extensions.joined(separator: ", ")
    }

    /// The extension a `CREATE EXTENSION` statement creates when this machine does not have it (plpgsql,
    /// in every database, aside); nil for any other statement.
    static func missingHere(_ statement: ParsedScript.Statement, unless unavailable: Set<String>) -> String? {
        guard statement.tag == "CreateExtensionStmt", let name = statement.node["extname"]?.string, name != "plpgsql",
            !isAvailableHere(name, unless: unavailable)
        else { return nil }
        return name
    }
}

/// The database was not read, so the members of extensions this machine lacks are unknown.
package struct LiveExtensionsUnread: Error, CustomStringConvertible {
    package init() {}
    package var description: String { "the database was not read" }
}
