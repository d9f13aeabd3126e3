import Foundation
import PgDriftDiff
import PgDriftExpected
import PgDriftModel
import PgDriftSQL

/// A folder of migrations set against the tool's history: for each file, whether it is recorded,
/// failed or changed since; and the rows no file has (issue 19).
package struct MigrationLedger: Sendable {
    /// One migration file and what the history says of it.
    package struct File: Sendable {
        package var path: String
        /// Its key under the tool's naming rule (nil: not one of the tool's versioned migrations).
        package var key: String?
        /// The row that records it, if any.
        package var entry: MigrationHistory.Entry?
        /// Recorded as applied by an earlier row that covers it (golang-migrate, Alembic, a baseline).
        package var coveredByLaterRow = false
        /// True when its checksum no longer matches the recorded one.
        package var modified: Bool?

        /// Recorded as applied (and not failed).
        package var applied: Bool { coveredByLaterRow || (entry.map { !$0.failed } ?? false) }
        /// Recorded, but as failed, dirty, rolled back or unfinished.
        package var failed: Bool { entry?.failed ?? false }
        /// Not listed at all.
        package var pending: Bool { key != nil && !applied && !failed }
    }

    package var history: MigrationHistory
    package var files: [File]
    /// Rows that no file stands for.
    package var rowsWithoutFile: [MigrationHistory.Entry]

    /// Matches `files` (in the order they run) to `history`; `read` gives a file's bytes for checksums.
    package init(files paths: [String], history: MigrationHistory, read: (String) -> [UInt8]? = MigrationLedger.bytes) {
        let tool = history.tool
        var history = history
        if tool == .django { history.entries = Self.djangoApp(of: history.entries, files: paths) }
        self.history = history
        var rows: [String: MigrationHistory.Entry] = [:]
        for entry in history.entries {
            let key = tool.key(of: entry)
            if var earlier = rows[key] {
                // Several rows for one file (Liquibase's changesets, Prisma's retries): the last decides
                // failure, the earliest date is when it was applied.
                earlier.failed = entry.failed
                earlier.checksum = entry.checksum ?? earlier.checksum
                rows[key] = earlier
            } else {
                rows[key] = entry
            }
        }
        files = paths.map { File(path: $0, key: tool.key(ofFile: $0)) }
        var matched = Set<String>()
        for index in files.indices {
            guard let key = files[index].key, let entry = rows[key] else { continue }
            files[index].entry = entry
            matched.insert(key)
            // Only the tools that record a checksum (or the statements) need the file's bytes.
            if !entry.failed, MigrationChecksum.isRecorded(by: tool), let bytes = read(files[index].path) {
                files[index].modified = MigrationChecksum.modified(bytes, entry: entry, tool: tool)
            }
        }
        // A row that stands for every earlier file: by number where both are numbers, else by position.
        for entry in history.entries where entry.coversEarlier {
            let key = tool.key(of: entry)
            let position = files.lastIndex { $0.key == key }
            for index in files.indices where files[index].entry == nil {
                if let mine = files[index].key.flatMap({ Int($0) }), let theirs = Int(key) {
                    if mine < theirs { files[index].coveredByLaterRow = true }
                } else if let position, index < position {
                    files[index].coveredByLaterRow = true
                }
            }
        }
        rowsWithoutFile = history.entries.filter { !matched.contains(tool.key(of: $0)) }
    }

    /// django_migrations lists every app's migrations, and names repeat across apps (`0001_initial`):
    /// the rows of the app the folder is, by its name (`shop/migrations/`), else the app whose rows fit
    /// the files best.
    static func djangoApp(of entries: [MigrationHistory.Entry], files: [String]) -> [MigrationHistory.Entry] {
        let names = Set(files.map(MigrationTool.migrationName))
        let apps = Dictionary(grouping: entries, by: { $0.name ?? "" })
        let folder = files.first.map { ($0 as NSString).deletingLastPathComponent as NSString }
        for candidate in [folder?.lastPathComponent, (folder?.deletingLastPathComponent as NSString?)?.lastPathComponent] {
            if let candidate, let rows = apps[candidate] { return rows }
        }
        func fit(_ rows: [MigrationHistory.Entry]) -> Int { rows.reduce(0) { $0 + (names.contains($1.version) ? 1 : -1) } }
        guard let best = apps.max(by: { (fit($0.value), $1.key) < (fit($1.value), $0.key) }) else { return entries }
        return best.value
    }

    /// The file's bytes, nil when it cannot be read.
    package static func bytes(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    /// Whether the history fits the folder at all: some row stands for some file (an empty history
    /// fits any folder: nothing is applied yet).
    package var fits: Bool {
        history.entries.isEmpty || files.contains { $0.entry != nil || $0.coveredByLaterRow }
    }

    /// The files recorded as applied, in order: the expected schema of `--as-applied`.
    package var appliedFiles: [String] { files.filter(\.applied).map(\.path) }

    /// The file at `path`, if it is one of the folder's migrations.
    package func file(at path: String) -> File? { files.first { $0.path == path } }
}

extension MigrationLedger {
    /// The tables and columns the pending files declare, by the file that does (read from PostgreSQL's
    /// parse tree, as the source map is): what a broken reference may be waiting for. Every file is
    /// recorded, in order, so that a pending `ALTER TABLE … ADD COLUMN` finds its table.
    package func pendingDeclarations() -> [ObjectID: String] {
        var recorder = SourceMapRecorder()
        let pending = Set(files.filter(\.pending).map(\.path))
        for file in files {
            guard let text = try? String(contentsOfFile: file.path, encoding: .utf8),
                  let script = try? ParsedScript(MigrationSections.upOnly(PsqlMetaCommands.blanked(text)))
            else { continue }
            recorder.record(script, file: file.path)
        }
        return recorder.sources(for: Catalog()).mapValues(\.file).filter { pending.contains($0.value) }
    }
}
