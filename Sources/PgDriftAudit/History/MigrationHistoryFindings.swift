import Foundation
import PgDriftDiff
import PgDriftModel

/// A folder of migrations against the tool's history, as findings: files pending, failed or edited
/// since, rows without a file; and every other finding told which migration its object comes from
/// (issue 19).
package enum MigrationHistoryFindings {
    /// `pending_migration`, `failed_migration`, `modified_migration` and `missing_migration_file`.
    package static func findings(_ ledger: MigrationLedger) -> [Finding] {
        let history = ledger.history
        let (tool, table) = (history.tool, history.table)
        let latest = history.entries.last { $0.coversEarlier }
        var findings: [Finding] = []
        for file in ledger.files {
            guard let version = file.key else { continue }
            let source = SourceLocation(file: file.path, line: 1)
            let reference = MigrationReference(file: file.path, version: version, recorded: file.applied || file.failed,
                                               appliedAt: file.entry?.appliedAt, says: status(file, missing: true, in: ledger))
            func finding(_ kind: FindingKind, _ message: String, hint: String? = nil) -> Finding {
                var finding = Finding(kind: kind, schema: table.schema, object: version, expected: file.path, message: message,
                                      source: source, hint: hint)
                finding.migration = reference
                return finding
            }
            if file.pending {
                let message = latest.map { "\(file.path) is not applied yet (\(tool.rawValue) is at version \($0.version))" }
                    ?? "\(file.path) is not in \(table)'s history: not applied yet"
                findings.append(finding(.pendingMigration, message,
                                        hint: "apply it with \(tool.applyCommand); pgdrift plan leaves pending migrations to the tool"))
            } else if file.failed {
                let message = switch tool {
                case .golangMigrate: "\(file.path) is marked dirty by golang-migrate: it failed halfway"
                case .prisma: "\(file.path) is recorded in \(table) as unfinished or rolled back"
                default: "\(file.path) is recorded as failed in \(table)"
                }
                findings.append(finding(.failedMigration, message))
            } else if file.modified == true {
                let what = tool == .supabase ? "its statements differ from those \(table) recorded"
                    : "its checksum differs from the one \(table) recorded"
                findings.append(finding(.modifiedMigration, "\(file.path) changed after it was applied\(on(file.entry?.appliedAt)): \(what)",
                                        hint: "the database has the file as it was; put the change in a new migration"))
            }
        }
        for entry in ledger.rowsWithoutFile {
            var finding = Finding(kind: .missingMigrationFile, schema: table.schema, object: entry.version, actual: entry.name,
                                  message: "\(table) lists version \(entry.version)\(entry.name.map { " (\($0))" } ?? "") and no file has it")
            finding.migration = MigrationReference(file: "", version: entry.version, recorded: true, appliedAt: entry.appliedAt,
                                                   says: "recorded as applied\(on(entry.appliedAt)), and no file has it")
            findings.append(finding)
        }
        return findings
    }

    /// The findings, each whose object a migration of the folder creates or last changes told so, and
    /// what the history says of that file.
    /// A broken reference to a table or column a pending file creates waits for that file: told so, and
    /// with `asApplied` (where pending files are pending, not drift) a warning.
    package static func annotate(_ findings: [Finding], with ledger: MigrationLedger, asApplied: Bool = false) -> [Finding] {
        let byPath = Dictionary(ledger.files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let hasPending = ledger.files.contains(where: \.pending)
        let waitingFor = hasPending && findings.contains { $0.kind == .brokenReference } ? ledger.pendingDeclarations() : [:]
        return findings.map { finding in
            guard finding.migration == nil else { return finding }
            var copy = finding
            if let path = finding.source?.file, let file = byPath[path] {
                copy.migration = reference(file, missing: finding.kind.rawValue.hasPrefix("missing_"), in: ledger)
            } else if finding.kind == .brokenReference, let table = finding.table,
                      let path = finding.column.flatMap({ waitingFor[ObjectID(kind: .column, schema: finding.schema, relation: table, name: $0)] })
                        ?? waitingFor[ObjectID(kind: .table, schema: finding.schema, name: table)],
                      let file = byPath[path] {
                copy.migration = MigrationReference(
                    file: path, version: file.key, recorded: false, appliedAt: nil,
                    says: "refers to what \(path) creates, which the history does not list: not applied yet")
                if asApplied, copy.severity == .error { copy.severity = .warning }
            }
            return copy
        }
    }

    /// What the history says of the file at `path` that declares an object `explain` looked up (`exists`:
    /// in the database); nil for a file that is not one of the folder's migrations.
    package static func reference(forFile path: String, exists: Bool, in ledger: MigrationLedger) -> MigrationReference? {
        guard let file = ledger.file(at: path) else { return nil }
        guard exists, file.applied else { return reference(file, missing: !exists, in: ledger) }
        return MigrationReference(file: file.path, version: file.key, recorded: true, appliedAt: file.entry?.appliedAt,
                                  says: "declared by \(file.path), recorded as applied\(on(file.entry?.appliedAt))")
    }

    static func reference(_ file: MigrationLedger.File, missing: Bool, in ledger: MigrationLedger) -> MigrationReference {
        MigrationReference(file: file.path, version: file.key, recorded: file.applied || file.failed,
                           appliedAt: file.entry?.appliedAt, says: says(file, missing: missing, in: ledger))
    }

    /// The case in words, for an object `file` creates (`missing`) or last changes.
    static func says(_ file: MigrationLedger.File, missing: Bool, in ledger: MigrationLedger) -> String {
        let made = "\(missing ? "created" : "last changed") by \(file.path)"
        if file.pending { return "\(made), which the history does not list: not applied yet" }
        if file.failed { return "\(made), which the history records as failed" }
        if file.key == nil { return "\(made), which is not one of \(ledger.history.tool.rawValue)'s versioned migrations" }
        return "\(made), \(status(file, missing: missing, in: ledger))"
    }

    /// What the history says of a file, in words.
    static func status(_ file: MigrationLedger.File, missing: Bool, in ledger: MigrationLedger) -> String {
        if file.pending { return "the history does not list it: not applied yet" }
        if file.failed { return "the history records it as failed" }
        if file.modified == true { return "edited after it was applied\(on(file.entry?.appliedAt)): the database has the file as it was" }
        return "recorded as applied\(on(file.entry?.appliedAt)): \(missing ? "removed" : "changed") since, outside the migrations"
    }

    /// ` on 2026-03-02`, or nothing when the tool keeps no time.
    static func on(_ appliedAt: String?) -> String {
        appliedAt.map { " on \($0.prefix(10))" } ?? ""
    }
}
