import Foundation
import PgDrift
import PgDriftTestSupport
import Testing

/// The plan's convergence property on seeded random schemas and mutations: 20 batches of 10 pairs, each
/// pair in its own schema; and pg_dump as the completeness oracle of `check` on each pair. The seed changes every run (set PGDRIFT_SEED to replay one); a failure
/// prints the seed, both schemas and the plan.
@Suite("Random schemas converge")
struct RandomPlanTests {
    static let baseSeed: UInt64 = {
        if let text = ProcessInfo.processInfo.environment["PGDRIFT_SEED"], let seed = UInt64(text) { return seed }
        return UInt64.random(in: 1...UInt64(UInt32.max))
    }()
    static let pairsPerBatch = 10

    @Test("10 random pairs converge", arguments: 0..<20)
    func randomPairsConverge(batch: Int) throws {
        var pairs: [(seed: UInt64, before: RandomSchema, after: RandomSchema)] = []
        for index in 0..<Self.pairsPerBatch {
            let seed = Self.baseSeed &+ UInt64(batch * Self.pairsPerBatch + index)
            var random = SeededGenerator(seed: seed)
            let before = RandomSchema.generate(schema: "r\(index)", using: &random)
            var after = before
            after.mutate(using: &random)
            pairs.append((seed, before, after))
        }
        let migrated = try TestDatabase("random_\(batch)_before", sql: pairs.map(\.before.sql).joined())
        let target = try TestDatabase("random_\(batch)_after", sql: pairs.map(\.after.sql).joined())
        let connection = try migrated.connect()
        defer { connection.close() }
        let options = PlanOptions(allowDestructive: true)
        var statements = 0
        // pg_dump as the completeness oracle of `check`, per pair's schema: before the plans run, the
        // dumps differ exactly when check reports; after, a pair check calls converged dumps the same.
        let server = try TestServer.server()
        let beforeDump = SchemaDump(try server.dumpSchema(database: migrated.name))
        let targetDump = SchemaDump(try server.dumpSchema(database: target.name))
        var converged: [(schema: String, context: String)] = []

        for pair in pairs {
            let scope = IntrospectionOptions(schemas: [pair.before.schema])
            let expected = try target.catalog(scope)
            let plan = MigrationPlanner.plan(expected: expected, actual: try migrated.catalog(scope), options: options)
            let context = "PGDRIFT_SEED=\(pair.seed) (base \(Self.baseSeed))\n-- before\n\(pair.before.sql)-- after\n\(pair.after.sql)-- plan\n\(plan.render())"
            var audit = Audit(source: .canonical(expected, name: target.name))
            audit.schemas = [pair.before.schema]
            let findings = try audit.run(against: migrated.connectionString, expected: expected).findings
            let (dumped, wanted) = (beforeDump.only(schema: pair.before.schema), targetDump.only(schema: pair.before.schema))
            let oracle = "findings:\n\(OfflineLoaderTests.describe(findings))\ndump differences (before, after):\n\(dumped.describeDifference(from: wanted))\n\(context)"
            #expect(dumped.differing(from: wanted).isEmpty == findings.isEmpty, Comment(rawValue: oracle))
            // One engine (issue 17): check reports an error or a warning exactly when the plan has a statement.
            #expect(findings.contains { $0.severity != .info } == !plan.statements.isEmpty, Comment(rawValue: "check and plan disagree\n" + oracle))
            let unnamed = dumped.unnamed(from: wanted, by: findings)
            #expect(unnamed.isEmpty, Comment(rawValue: "differing objects no finding names: \(unnamed)\n" + oracle))
            statements += plan.beforeTransaction.count + plan.transactional.count + plan.afterCommit.count
            do {
                try PlanApplier.apply(plan, on: connection)
            } catch {
                Issue.record("the plan failed: \(error)\n\(context)")
                continue
            }
            let actual = try migrated.catalog(scope)
            let remaining = SchemaDiff.findings(expected: expected, actual: actual)
            #expect(remaining.isEmpty, "left: \(remaining.map(\.message))\n\(context)")
            if remaining.isEmpty { converged.append((pair.before.schema, context)) }
            let second = MigrationPlanner.plan(expected: expected, actual: actual, options: options)
            #expect(second.isEmpty, "second plan:\n\(second.render())\n\(context)")
        }
        let afterDump = SchemaDump(try server.dumpSchema(database: migrated.name))
        for (schema, context) in converged {
            let (dumped, wanted) = (afterDump.only(schema: schema), targetDump.only(schema: schema))
            #expect(dumped == wanted, Comment(rawValue: "check finds nothing left, pg_dump does:\n\(dumped.describeDifference(from: wanted))\n\(context)"))
        }
        // The mutations are real: every pair whose SQL changed needs work (a mutation may find nothing to
        // change, such as SET COMPRESSION on a table without a text column).
        let changed = pairs.filter { $0.before.sql != $0.after.sql }.count
        #expect(statements >= changed, "only \(statements) statements planned for \(changed) changed schemas")
    }
}
