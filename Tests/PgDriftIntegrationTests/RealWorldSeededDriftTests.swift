import Foundation
import PgDrift
import PgDriftTestSupport
import Testing

/// A column's storage (SET STORAGE) and statistics target (SET STATISTICS), which pg_dump shows, are
/// compared: check reports each under its own kind.
@Test func columnStorageAndStatisticsAreCompared() throws {
    let plain = "CREATE TABLE t (id bytea, name text);"
    let want = try TestDatabase("storage_want", sql: plain
        + " ALTER TABLE t ALTER COLUMN id SET STORAGE PLAIN; ALTER TABLE t ALTER COLUMN name SET STATISTICS 1000;")
    let have = try TestDatabase("storage_have", sql: plain)
    let server = try TestServer.server()
    let dumpsDiffer = PlanConvergence.normalize(try server.dumpSchema(database: want.name))
        != PlanConvergence.normalize(try server.dumpSchema(database: have.name))
    #expect(dumpsDiffer)
    let findings = try Audit(source: .database(want.connectionString)).run(against: have.connectionString).findings
    #expect(findings.map { "\($0.kind.rawValue) \($0.path): \($0.expected ?? "-") | \($0.actual ?? "-")" } == [
        "storage_mismatch public.t.id: PLAIN | default",
        "statistics_mismatch public.t.name: 1000 | default",
    ])
}

/// Seeded drift on the real-world corpus, with a ground truth: a database built from a schema gets a
/// few mutations (SeededDrift), `check` against the schema's folder must report exactly their findings,
/// and the plan must put the database back: `check` clean and `pg_dump --schema-only` equal to the
/// dump taken before the mutations. The seed changes every run; PGDRIFT_SEED replays one.
@Suite(.disabled(if: RealWorldCorpus.skipped, "skipped: no corpus (\(RealWorldCorpus.fetchFailure?.message ?? ""))"))
struct RealWorldSeededDriftTests {
    static let baseSeed: UInt64 = {
        if let text = ProcessInfo.processInfo.environment["PGDRIFT_SEED"], let seed = UInt64(text) { return seed }
        return UInt64.random(in: 1...UInt64(UInt32.max))
    }()

    /// Schemas whose `check` fails outright today (see RealWorldCorpusTests.knownIssues): no ground truth
    /// can be asserted until it works.
    static let cannotCheck: Set<String> = []

    /// The known false findings of a schema read offline, which the seeded check reports besides the
    /// seeded ones, and the tables they are on (left out of the mutations).
    static func knownFindings(_ schema: String) -> [String] {
        RealWorldCorpusTests.knownIssues[schema]?[.offline].map { $0.split(separator: "\n").map(String.init) } ?? []
    }

    @Test(arguments: RealWorldCorpus.names)
    func seededDriftIsFoundAndPlannedAway(schema: String) throws {
        let seed = Self.baseSeed &+ UInt64(RealWorldCorpus.names.firstIndex(of: schema) ?? 0)
        let database = try RealWorldCorpus.build(schema, label: "seeded")
        if Self.cannotCheck.contains(schema) {
            withKnownIssue("check of \(schema) fails: \(RealWorldCorpusTests.knownIssues[schema]?[.offline] ?? "")") {
                _ = try Audit(source: .sqlDirectory(RealWorldCorpus.folder(schema))).run(against: database.connectionString)
            }
            return
        }
        let server = try TestServer.server()
        let original = PlanConvergence.normalize(try server.dumpSchema(database: database.name))
        let known = Self.knownFindings(schema)
        let avoid = Set(known.compactMap { $0.split(separator: " ").last?.split(separator: ".").dropFirst().first.map(String.init) })
        let drift = SeededDrift.pick(from: try database.catalog(), seed: seed, avoid: avoid)
        #expect(drift.mutations.count >= 2, "\(schema): only \(drift.mutations.count) mutations\n\(drift)")
        try database.connect().execute(drift.sql)

        let audit = Audit(source: .sqlDirectory(RealWorldCorpus.folder(schema)))
        let findings = try audit.run(against: database.connectionString).findings.filter { $0.severity != .info }
        #expect(findings.map(RealWorldCorpus.render).sorted() == (drift.findings + known).sorted(),
                "\(schema), \(drift)\n\(RealWorldCorpus.describe(findings))")

        let plan = try audit.plan(against: database.connectionString, options: PlanOptions(allowDestructive: true))
        do { try PlanApplier.apply(plan, to: database.connectionString) } catch {
            Issue.record("\(schema): the plan failed: \(error)\n\(drift)\n\(plan.render())")
            return
        }
        let after = try audit.run(against: database.connectionString).findings.filter { $0.severity != .info }
        #expect(after.map(RealWorldCorpus.render).sorted() == known.sorted(), "\(schema), \(drift)\n\(plan.render())")
        // One engine (issue 17): what check no longer reports, plan no longer plans.
        if known.isEmpty {
            let second = try audit.plan(against: database.connectionString, options: PlanOptions(allowDestructive: true))
            #expect(second.statements.isEmpty, "\(schema): a second plan after check is clean\n\(second.render())")
        }
        let dump = PlanConvergence.normalize(try server.dumpSchema(database: database.name))
        let sameDump = dump == original
        #expect(sameDump, "\(schema), \(drift)\n\(PlanConvergence.difference(dump, original))\n\(plan.render())")
    }
}
