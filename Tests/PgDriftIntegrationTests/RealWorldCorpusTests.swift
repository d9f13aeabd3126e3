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

    /// pgdrift bugs these schemas expose, in areas other engineers are changing (the expression
    /// comparison, the shadow database loader): what `check` says today instead of nothing. Asserted
    /// both ways: a schema listed here that comes out clean fails the test, so the list stays honest.
    static let knownIssues: [String: [Reading: String]] = [
        // Constants in defaults read offline are compared as written: DOUBLE PRECISION DEFAULT '0.0000'
        // is stored by the server as '0'::double precision, bytea DEFAULT '' as '\x'::bytea.
        "zabbix": [.offline: """
            error default_mismatch public.history.value
            error default_mismatch public.images.image
            error default_mismatch public.trends.value_avg
            error default_mismatch public.trends.value_max
            error default_mismatch public.trends.value_min
            """],
        // The same for BOOL DEFAULT 't' / 'f', which the server stores as true / false.
        "pdns": [.offline: """
            error default_mismatch public.records.auth
            error default_mismatch public.records.disabled
            """],
        // tables.sql opens a transaction (BEGIN) and leaves it to MediaWiki's installer to commit. The
        // offline reader falls back to the shadow database, which runs the file and then reads the
        // catalog in the same session, inside that transaction.
        "mediawiki": [
            .offline: "error: SET TRANSACTION ISOLATION LEVEL must be called before any query",
            .shadow: "error: SET TRANSACTION ISOLATION LEVEL must be called before any query",
        ],
    ]

    /// Schemas the offline reader hands to a shadow database, and why (the note's reason). Asserted
    /// both ways, like `knownIssues`.
    static let fallBacks: [String: String] = [
        "bacula": "01-pgsql.sql:120: CREATE TABLE ... LIKE is not read offline",
        "icingadb": "01-schema.sql:170: type anynonarray is not read offline",
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
