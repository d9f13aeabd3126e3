import Foundation
import PgDrift
import PgDriftTestSupport
import Testing

/// The Swift model's round trip (issue 21), as a user meets it: `pgdrift init --swift` writes a package of
/// its own that uses PgDriftCLI, and for every schema of the real-world corpus and for random schemas
/// the model written from the database
/// - compiles (the package builds, its generated test passes against its database);
/// - checked against the database it came from, gives no error and no warning (`drift check`);
/// - planned into an empty database (`drift plan --apply`), gives the same `pg_dump --schema-only`.
@Suite("Swift models round-trip")
struct SwiftModelRoundTripTests {
    /// Objects pgdrift does not model yet, by schema: pg_dump's keys that may differ, and must (a gap
    /// closed shows here as a test to update). None since operators are modelled (icingadb's `public.~~`).
    static let notModelled: [String: [String]] = [:]

    static var names: [String] { ["random"] + RealWorldCorpus.names }

    @Test(arguments: names)
    func theModelStandsForItsDatabase(_ name: String) throws {
        if name != "random" && RealWorldCorpus.skipped { return }
        let harness = try RoundTripHarness.shared.get()
        let source = try #require(harness.databases[name])
        // check: the model against the database it was written from.
        let check = try harness.drift(name, ["check", "--database", source.connectionString, "--format", "json", "--report-dir", harness.reports])
        #expect(check.code == 0, "\(check.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any]
        let findings = (report?["findings"] as? [[String: Any]]) ?? []
        let drift = findings.filter { $0["severity"] as? String != "info" }.map { "\($0["kind"] ?? ""): \($0["message"] ?? "")" }
        #expect(drift == [], "\(check.stdout)")

        // plan: the model built into an empty database.
        let rebuilt = try TestDatabase("rt_rebuilt_" + name)
        let plan = try harness.drift(name, ["plan", "--database", rebuilt.connectionString, "--apply", "--out", harness.reports + "/\(name).sql"])
        #expect(plan.code == 0, "\(plan.stderr)")
        let server = try TestServer.server()
        let original = SchemaDump(try server.dumpSchema(database: source.name))
        let copy = SchemaDump(try server.dumpSchema(database: rebuilt.name))
        let differing = original.differing(from: copy).map(\.description)
        let allowed = Self.notModelled[name] ?? []
        #expect(differing.filter { key in !allowed.contains { key.hasPrefix($0) } } == [], "\(original.describeDifference(from: copy))")
        for gap in allowed { #expect(differing.contains { $0.hasPrefix(gap) }, "\(gap) is modelled now: take it off notModelled") }
    }

    /// The package `init --swift` wrote is a user's own CLI: drift found, explained and planned away.
    @Test func theOwnPackageChecksExplainsAndPlans() throws {
        let harness = try RoundTripHarness.shared.get()
        let table = try #require(harness.randomTable)
        let drifted = try TestDatabase("rt_own_cli", sql: harness.randomSQL + "ALTER TABLE \(table.qualified) DROP COLUMN \(table.column) CASCADE;")
        let check = try harness.drift(nil, ["check", "--database", drifted.connectionString, "--report-dir", harness.reports])
        #expect(check.code == 1, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("error missing_column: column \(table.name).\(table.column) does not exist"), "\(check.stdout)")
        let explain = try harness.drift(nil, ["explain", "\(table.qualified).\(table.column)", "--database", drifted.connectionString])
        #expect(explain.code == 1, "\(explain.stderr)")
        #expect(explain.stdout.hasPrefix("\(table.qualified).\(table.column): no such column in the database\n"), "\(explain.stdout)")
        let plan = try harness.drift(nil, ["plan", "--database", drifted.connectionString, "--apply", "--out", harness.reports + "/own.sql"])
        #expect(plan.code == 0, "\(plan.stderr)")
        let again = try harness.drift(nil, ["check", "--database", drifted.connectionString, "--report-dir", harness.reports])
        #expect(again.code == 0, "\(again.stdout)")
    }
}

/// The package `pgdrift init --swift` writes, built once per test run in `.build/roundtrip-harness` (kept
/// between runs, so a rebuild is incremental), with every round-trip model in its model target and `MODEL`
/// choosing which one `drift` runs with.
struct RoundTripHarness: Sendable {
    static let shared: Result<RoundTripHarness, Error> = Result { try RoundTripHarness() }

    let folder: String
    let databases: [String: TestDatabase]
    let reports: String
    /// The random schemas' SQL, and one of their columns (for the own-CLI test).
    let randomSQL: String
    let randomTable: (qualified: String, name: String, column: String)?

    /// Runs `drift` with the model `name` (nil: the package's own, the random one).
    func drift(_ name: String?, _ arguments: [String]) throws -> ChildProcess.Output {
        try ChildProcess.run(["env", "MODEL=\(name ?? "")", folder + "/.build/debug/drift"] + arguments)
    }

    init() throws {
        TestEnvironment.isolated
        folder = RealWorldCorpus.repository.appendingPathComponent(".build/roundtrip-harness").path
        reports = FileManager.default.temporaryDirectory.appendingPathComponent("roundtrip-reports").path
        // Random schemas, one per PostgreSQL schema, in one database: the package's own model.
        var sql = ""
        for index in 0..<6 {
            var random = SeededGenerator(seed: RandomPlanTests.baseSeed &+ 7_000 &+ UInt64(index))
            sql += RandomSchema.generate(schema: "rt\(index)", using: &random).sql
        }
        randomSQL = sql
        var databases = ["random": try TestDatabase("rt_random", sql: sql)]
        let randomCatalog = try databases["random"]!.catalog()
        randomTable = randomCatalog.tables.sorted.lazy.compactMap { table -> (String, String, String)? in
            guard table.partitionOf == nil, table.partitionKey == nil, let column = table.columns.last, table.columns.count > 1 else { return nil }
            return ("\(table.name.schema).\(table.name.name)", table.name.name, column.name)
        }.first
        let written = try ChildProcess.run([
            CLITests.binary, "init", "--swift", "--database", databases["random"]!.connectionString, "--output", folder,
            "--pgdrift-package", RealWorldCorpus.repository.path, "--force",
        ])
        guard written.code == 0 else { throw HarnessError(message: "pgdrift init --swift failed: \(written.stderr)") }

        // The corpus's models beside the package's own, written by the same writer `snapshot --format swift` uses.
        let modelFolder = folder + "/Sources/DatabaseSchema"
        for file in try FileManager.default.contentsOfDirectory(atPath: modelFolder) where file.hasPrefix("RoundTrip") {
            try FileManager.default.removeItem(atPath: modelFolder + "/" + file)
        }
        for file in try FileManager.default.contentsOfDirectory(atPath: modelFolder + "/sql") where file.hasPrefix("roundTrip") {
            try FileManager.default.removeItem(atPath: modelFolder + "/sql/" + file)
        }
        var entries = ["\"random\": expectedSchema"]
        if !RealWorldCorpus.skipped {
            for name in RealWorldCorpus.names {
                let database = try RealWorldCorpus.build(name, label: "rt")
                databases[name] = database
                let constant = "roundTrip" + name.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
                // Long function bodies as .sql resources, as init --swift writes them.
                var writer = SwiftSchemaWriter(constantName: constant)
                writer.bodyFiles = SwiftSchemaWriter.BodyFiles(folder: "sql/\(constant)", minimumLines: 4)
                let model = writer.files(for: try database.catalog())
                try model.source.write(toFile: modelFolder + "/RoundTrip\(constant.dropFirst("roundTrip".count)).swift", atomically: true, encoding: .utf8)
                for (path, contents) in model.resources {
                    try FileManager.default.createDirectory(atPath: modelFolder + "/sql/" + constant, withIntermediateDirectories: true)
                    try contents.write(toFile: modelFolder + "/" + path, atomically: true, encoding: .utf8)
                }
                entries.append("\"\(name)\": \(constant)")
            }
        }
        try """
            import DatabaseSchema
            import Foundation
            import PgDriftCLI

            // The round-trip tests' harness: MODEL picks the model `drift` runs with; without it, the package's own.
            let models = [\(entries.joined(separator: ", "))]
            PgDriftCLI.main(builtin: models[ProcessInfo.processInfo.environment["MODEL"] ?? ""] ?? expectedSchema)

            """.write(toFile: folder + "/Sources/drift/main.swift", atomically: true, encoding: .utf8)

        // It compiles, and the test init wrote passes against the database the model came from.
        let build = try ChildProcess.run(["swift", "build", "--package-path", folder, "--build-tests"])
        guard build.code == 0 else {
            throw HarnessError(message: "the package init --swift wrote does not build:\n\(build.stdout.suffix(4000))\(build.stderr.suffix(2000))")
        }
        let test = try ChildProcess.run(["env", "DATABASE_URL=\(databases["random"]!.connectionString)", "swift", "test", "--package-path", folder, "--skip-build"])
        guard test.code == 0, test.stdout.contains("theDatabaseHasTheExpectedSchema() passed") else {
            throw HarnessError(message: "the package's own test failed:\n\(test.stdout.suffix(4000))\(test.stderr.suffix(2000))")
        }
        self.databases = databases
    }
}

/// Why the harness could not be made.
struct HarnessError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
