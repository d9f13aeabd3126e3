import Foundation
import PgDrift
import PgDriftTestSupport
import Testing

/// Issue 20: the real-world corpus (schemas nobody here wrote) installed on PostgreSQL 16, 17 and 18,
/// checked from the folder read on this machine: offline (with the shadow on this machine's PostgreSQL
/// where the reader needs one), and through a shadow on the database's own version. No finding: how a
/// version prints or defaults what the folder says is never drift.
@Suite(
    .disabled(if: RealWorldCorpus.skipped, "skipped: no corpus"),
    .enabled(if: !VersionedServers.majors.isEmpty, "PostgreSQL 16–18 not fetched (scripts/fetch-postgres)"))
struct RealWorldVersionMatrixTests {
    enum Reading: String, CaseIterable, Sendable {
        /// Offline, falling back to a shadow on the PostgreSQL found here (15 in CI).
        case here
        /// Always a shadow, on the audited database's major version (`--postgres-bin`).
        case matchingShadow
    }

    /// Every schema on every version whose wheel has the extensions it creates (16's has no contrib:
    /// icingadb needs citext); the shadow of the matching version on 17 and 18.
    static var cases: [(Int, String, Reading)] {
        VersionedServers.majors.flatMap { major in
            RealWorldCorpus.names.filter { major != 16 || $0 != "icingadb" }.flatMap { name in
                (major == 16 ? [Reading.here] : Reading.allCases).map { (major, name, $0) }
            }
        }
    }

    /// A database of `major` built as the schema's installer builds it: each file in its own session, an
    /// open transaction committed.
    static func build(_ major: Int, _ name: String, _ reading: Reading) throws -> String {
        let database = try VersionedServers.database(major, "real_\(reading.rawValue)_\(name)")
        for file in try RealWorldCorpus.files(name) {
            let connection = try PostgresConnection(database)
            defer { connection.close() }
            try connection.execute(file.sql)
            if connection.inTransaction { try connection.execute("COMMIT") }
        }
        return database
    }

    @Test(arguments: cases)
    func theInstalledSchemaHasNoDriftOnEachVersion(major: Int, schema: String, reading: Reading) throws {
        let database = try Self.build(major, schema, reading)
        var audit = Audit(source: .sqlDirectory(RealWorldCorpus.folder(schema)))
        if reading == .matchingShadow {
            audit.shadow = true
            audit.postgresBin = VersionedServers.available[major]
        }
        var notes: [String] = []
        audit.onNote = { notes.append($0) }
        let findings = try audit.run(against: database).findings.filter { $0.severity != .info }
        #expect(findings.isEmpty, "PostgreSQL \(major), \(schema), \(reading.rawValue):\n\(RealWorldCorpus.describe(findings))")
        if reading == .matchingShadow {
            #expect(!notes.contains { $0.hasPrefix("the shadow database runs") }, "\(notes)")
        }
    }
}
