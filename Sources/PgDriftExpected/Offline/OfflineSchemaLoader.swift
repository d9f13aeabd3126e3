import PgDriftModel
import PgDriftSQL

/// Reads SQL migrations into the model without a server, when every statement is one the replay
/// reproduces exactly; otherwise says which statement needs the server, and the caller uses a shadow
/// database for the whole source.
package enum OfflineSchemaLoader {
    /// What a load gives: the model, or the first statement that needs a shadow database.
    package enum Outcome {
        /// The model, with its source map, and notes on statements skipped on purpose.
        case exact(Catalog, notes: [String])
        /// The first statement the replay cannot reproduce (`file:line: reason`).
        case needsServer(String)
    }

    /// Replays `files` (path as given, SQL text) in order, starting with `searchPath` (PostgreSQL's
    /// default when nil). A syntax error is thrown as `file:line:column: message`, and so, unless
    /// `refuseSuperuserStatements` is false, is a statement only a superuser may run (the shadow
    /// database would refuse it too).
    package static func load(
        _ files: [(path: String, sql: String)], searchPath: [String]? = nil, refuseSuperuserStatements: Bool = true,
        privileges: Bool = false, owners: Bool = false, liveExtensions: LiveExtensions? = nil, unavailableExtensions: Set<String> = []
    ) throws -> Outcome {
        var replay = OfflineReplay()
        replay.liveExtensions = liveExtensions
        replay.unavailableExtensions = unavailableExtensions
        replay.readsPrivileges = privileges
        replay.readsOwners = owners
        if let searchPath { (replay.searchPath, replay.defaultSearchPath) = (searchPath, searchPath) }
        // The next file is parsed on another core while this one is replayed.
        var next = files.first.map { file in InBackground { try ParsedScript(file.sql) } }
        for (index, (path, _)) in files.enumerated() {
            let parsing = next!
            next = index + 1 < files.count ? InBackground { [sql = files[index + 1].sql] in try ParsedScript(sql) } : nil
            let script: ParsedScript
            do { script = try parsing.wait() } catch let error as SQLSyntaxError {
                throw ExpectedSchemaError("\(path):\(error.line):\(error.column): \(error.message)")
            } catch let error as ParseTreeJSONError {
                throw ExpectedSchemaError("\(path): \(error.description)")
            }
            if refuseSuperuserStatements, let refusal = MigrationSafety.firstRefusal(in: script) {
                throw ExpectedSchemaError(ShadowRefusal.message(refusal, file: path, script: script))
            }
            do { try replay.replay(script, file: path) } catch let fallback as OfflineFallback {
                return .needsServer(fallback.description)
            }
        }
        var catalog = replay.catalog()
        if privileges { replay.applyGrants(to: &catalog) }
        catalog.sources = replay.sourceMap.sources(for: catalog)
        var notes = replay.databaseExtensions.isEmpty ? [] : [
            LiveExtensions.note(replay.databaseExtensions.sorted { $0.key < $1.key }.map(\.value)),
        ]
        for name in replay.unknownExtensions.sorted() {
            notes.append("extension \(name) is neither on this machine nor in the database: reported missing, and read around")
        }
        for statement in replay.unread { notes.append("not read without it: \(statement)") }
        if !replay.passedOverCalls.isEmpty {
            let calls = replay.passedOverCalls.sorted { $0.key < $1.key }.map { "\($0.key)()" + ($0.value > 1 ? " ×\($0.value)" : "") }
            notes.append("calls of those extensions' functions passed over (they change the extension's state, not the schema): "
                + calls.joined(separator: ", "))
        }
        if let skipped = replay.skippedNote { notes.append(skipped) }
        return .exact(catalog, notes: notes)
    }
}

