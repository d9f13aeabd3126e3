import Foundation
import PgDrift
import PgDriftTestSupport
import Testing

/// The offline SQL reader against the server, on seeded random migration folders (`RandomMigrations`):
/// for each seed, a database is built from the files, and the check of that database against the folder
/// finds nothing, whether the folder is read offline or through a shadow database. The offline reader may
/// defer (`.needsServer`), never be wrong. The seed changes every run (`PGDRIFT_SEED=n` replays one); a
/// failure prints the seed and the files.
@Suite("Offline reader ≡ shadow database on random migrations")
struct OfflineDifferentialTests {
    static let replayedSeed: UInt64? = ProcessInfo.processInfo.environment["PGDRIFT_SEED"].flatMap { UInt64($0) }
    static let baseSeed: UInt64 = replayedSeed ?? UInt64.random(in: 1...UInt64(UInt32.max))
    static let batches = 8
    static let seedsPerBatch = 20

    /// How the seeds of the whole run were read, printed once every batch is done.
    final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        private var batchesDone = 0
        private var exact = 0
        private var deferred = 0
        private var reasons: [String: Int] = [:]

        func add(exact: Int, deferred: [String]) {
            lock.lock()
            defer { lock.unlock() }
            self.exact += exact
            self.deferred += deferred.count
            for reason in deferred { reasons[reason, default: 0] += 1 }
            batchesDone += 1
            guard batchesDone == OfflineDifferentialTests.batches else { return }
            let total = self.exact + self.deferred
            let rate = total == 0 ? 0 : Double(self.deferred) * 100 / Double(total)
            print("offline differential (base seed \(OfflineDifferentialTests.baseSeed)): \(total) seeds, \(self.exact) read offline, "
                + "\(self.deferred) deferred to the shadow database (\(String(format: "%.0f", rate))%)")
            for (reason, count) in reasons.sorted(by: { $0.value > $1.value }).prefix(12) { print("  \(count)× \(reason)") }
        }
    }
    static let tally = Tally()

    /// One shadow server for the whole run (each start is an initdb), used by one seed at a time (under
    /// `shadowLock`, hence `nonisolated(unsafe)`); stopped when the test process exits.
    nonisolated(unsafe) static let shadow: ExpectedSchemaLoader = {
        let loader = ExpectedSchemaLoader(builtin: { Catalog() })
        loader.shadowOnly = true
        atexit { OfflineDifferentialTests.shadow.close() }
        return loader
    }()
    static let shadowLock = NSLock()

    static func shadowCatalog(_ folder: String) throws -> Catalog {
        shadowLock.lock()
        defer { shadowLock.unlock() }
        return try shadow.load(.sqlDirectory(folder))
    }

    static func seeds(batch: Int) -> [UInt64] {
        if let replayedSeed { return [replayedSeed] }
        return (0..<seedsPerBatch).map { baseSeed &+ UInt64(batch * seedsPerBatch + $0) }
    }

    @Test("20 random migration folders: offline and shadow readings both check clean", arguments: 0..<batches)
    func randomFoldersCheckClean(batch: Int) throws {
        var exact = 0
        var deferred: [String] = []
        for seed in Self.seeds(batch: batch) {
            switch try Self.check(seed: seed) {
            case nil: exact += 1
            case let reason?: deferred.append(reason)
            }
        }
        Self.tally.add(exact: exact, deferred: deferred)
        // Deferring is allowed, but the reader must read some folders itself for the property to mean
        // anything (a replayed seed may defer: then only its shadow reading is checked).
        if Self.replayedSeed == nil { #expect(exact > 0, "every seed of batch \(batch) deferred: \(deferred)") }
    }

    /// Checks one seed; returns nil when the folder read offline, else why it deferred (without its file:line).
    static func check(seed: UInt64) throws -> String? {
        let files = RandomMigrations.generate(seed: seed)
        TestEnvironment.isolated
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-differential-\(seed)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for file in files { try file.sql.write(toFile: folder + "/" + file.name, atomically: true, encoding: .utf8) }
        let context = "PGDRIFT_SEED=\(seed) (base \(baseSeed))\n" + files.map { "-- \($0.name)\n\($0.sql)" }.joined()

        let database = try TestDatabase("differential_\(seed)")
        do {
            let connection = try database.connect()
            defer { connection.close() }
            for file in files { try connection.execute(file.sql) }
        } catch {
            Issue.record(Comment(rawValue: "the server refused the generated migrations: \(error)\n\(context)"))
            return "generator"
        }

        var reason: String?
        switch try OfflineSchemaLoader.load(files.map { (folder + "/" + $0.name, $0.sql) }) {
        case .needsServer(let why):
            // `dir/002_step.sql:7: reason` → `reason`, to count reasons across seeds.
            reason = why.range(of: ": ").map { String(why[$0.upperBound...]) } ?? why
        case .exact:
            var notes: [String] = []
            var audit = Audit(source: .sqlDirectory(folder))
            audit.onNote = { notes.append($0) }
            let report = try audit.run(against: database.connectionString)
            #expect(report.findings.isEmpty, Comment(rawValue: "offline reading:\n\(OfflineLoaderTests.describe(report.findings))\n\(context)"))
            #expect(!notes.contains { $0.contains("through a shadow database") }, Comment(rawValue: "\(notes)\n\(context)"))
        }
        // The shadow reading, audited as `check --shadow` does (Audit with `shadow` would start a server per seed).
        let expected = try shadowCatalog(folder)
        let report = try Audit(source: .sqlDirectory(folder)).run(against: database.connectionString, expected: expected)
        #expect(report.findings.isEmpty, Comment(rawValue: "shadow reading:\n\(OfflineLoaderTests.describe(report.findings))\n\(context)"))
        return reason
    }
}
