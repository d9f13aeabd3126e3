import Foundation
import PgDrift
import PgDriftTestSupport
import Testing

/// The manifest itself, whether or not the corpus can be fetched.
@Test func theRealWorldManifestNamesAtLeastTenPackages() {
    #expect(Set(RealWorldCorpus.entries.map(\.package)).count >= 10, "\(RealWorldCorpus.entries.map(\.package))")
}

/// Schemas written by other projects (Debian's packages of them, see RealWorldCorpus/manifest.tsv): a
/// database built by running a schema's files as its installer does has no drift against the folder,
/// read offline and read through a shadow database (`--shadow`).
@Suite(.disabled(if: RealWorldCorpus.skipped, "skipped: no corpus (\(RealWorldCorpus.fetchFailure?.message ?? ""))"))
struct RealWorldCorpusTests {
    /// How the expected side is read.
    enum Reading: String, CaseIterable, Sendable { case offline, shadow }

    /// pgdrift bugs these schemas expose: what `check` says instead of nothing. Asserted both ways: a
    /// schema listed here that comes out clean fails the test, so the list stays honest. None today (the
    /// respelled constants of zabbix and pdns, and MediaWiki's open transaction, were fixed).
    static let knownIssues: [String: [Reading: String]] = [:]

    /// Schemas the offline reader hands to a shadow database, and why (the note's reason). Asserted
    /// both ways, like `knownIssues`.
    static let fallBacks: [String: String] = [
        "bacula": "01-pgsql.sql:120: CREATE TABLE ... LIKE is not read offline",
        // An unqualified = with citext installed: which operator it means needs the operands' types.
        "icingadb": "01-schema.sql:7: the operator =, which extension citext also defines is not read offline",
        // The schema's version is recorded by a function of its own: the reader cannot know what it does.
        "icinga2-ido": "01-pgsql.sql:1732: a statement calling updatedbversion() is not read offline",
        // tables.sql opens a transaction and leaves it to MediaWiki's installer to commit.
        "mediawiki": "02-tables.sql:48: a transaction left open at the end of the file",
    ]

    /// What `check` of the schema's folder against a database built from it says, rendered; errors
    /// thrown by `check` are rendered as `error: message`.
    static func check(_ name: String, _ reading: Reading, notes: inout [String]) throws -> String {
        let database = try RealWorldCorpus.build(name, label: "real_\(reading.rawValue)")
        var audit = Audit(source: .sqlDirectory(RealWorldCorpus.folder(name)))
        audit.shadow = reading == .shadow
        var collected: [String] = []
        audit.onNote = { collected.append($0) }
        defer { notes = collected }
        do {
            let report = try audit.run(against: database.connectionString)
            return report.findings.filter { $0.severity != .info }.map(RealWorldCorpus.render).sorted().joined(separator: "\n")
        } catch {
            return "error: \(error)"
        }
    }

    @Test(arguments: RealWorldCorpus.names, Reading.allCases)
    func aDatabaseBuiltByTheInstallerHasNoDrift(schema: String, reading: Reading) throws {
        var notes: [String] = []
        let said = try Self.check(schema, reading, notes: &notes)
        if let known = Self.knownIssues[schema]?[reading] {
            #expect(said == known, "\(schema), read \(reading.rawValue): the known issue changed:\n\(said)")
            withKnownIssue("\(schema), read \(reading.rawValue):\n\(known)") { #expect(said.isEmpty) }
        } else {
            #expect(said.isEmpty, "\(schema), read \(reading.rawValue):\n\(said)")
        }
        // Notes reach the caller only when the check succeeds.
        guard reading == .offline, !said.hasPrefix("error:") else { return }
        let fallBack = notes.first { $0.contains("through a shadow database") }
        if let reason = Self.fallBacks[schema] {
            #expect(fallBack?.hasSuffix(reason) == true, "\(schema) was expected to fall back (\(reason)): \(notes)")
        } else {
            #expect(fallBack == nil, "\(schema) fell back: \(notes)")
        }
    }
}
