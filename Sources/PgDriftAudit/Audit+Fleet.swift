import Foundation
import PgDriftDiff
import PgDriftIntrospection
import PgDriftModel
import PgDriftPostgres
import PgDriftReports
import PgDriftSQL

extension Audit {
    /// Audits every database of a fleet against the expected schema, which is read once (with the first
    /// database that answers: migrations need its server version and extensions). The others run `jobs`
    /// at a time, each on its own connection, and only their findings are kept, so memory stays flat
    /// whatever the fleet's size. A database that cannot be reached, or fails, is that member's error and
    /// every other member is still audited; `failFast` stops at the first error instead.
    public func runFleet(_ connectionStrings: [String], jobs: Int, failFast: Bool = false) throws -> DriftReport {
        var members = [FleetMember?](repeating: nil, count: connectionStrings.count)
        let names = connectionStrings.map { ConnectionString($0).description }
        // The expected schema is read with the first member that answers.
        let (next, first) = try Self.firstAnswering(connectionStrings.count, { try runKeepingExpected(against: connectionStrings[$0]) }) { index, error in
            members[index] = FleetMember(name: names[index], error: error.description)
            return failFast
        }
        if let first { members[next - 1] = FleetMember(name: names[next - 1], report: first.report) }
        let expected = first?.expected
        if failFast && members.contains(where: { $0?.error != nil }) {
            return DriftReport.fleet(expected: source.description, members: members.compactMap { $0 })
        }
        if let expected, next < connectionStrings.count {
            let rest = Array(next..<connectionStrings.count)
            // Each worker only reads the audit's settings; its callbacks are not called by a run against a loaded catalog.
            nonisolated(unsafe) let audit = self
            let results = Concurrently.map(rest.count, jobs: jobs) { position in
                let index = rest[position]
                do {
                    return (FleetMember(name: names[index], report: try audit.run(against: connectionStrings[index], expected: expected)), stop: false)
                } catch {
                    return (FleetMember(name: names[index], error: Self.line(error)), stop: failFast)
                }
            }
            for (position, member) in results.enumerated() { members[rest[position]] = member }
        }
        return DriftReport.fleet(expected: source.description, members: members.compactMap { $0 })
    }

    /// Audits each schema of one database whose name matches `glob` (`tenant_*`) against the expected
    /// schema's `template` schema. The database is read once, in one snapshot, for all of them; each
    /// tenant's part is renamed to the template (qualified names inside expressions too) and compared.
    /// Findings name the template's schema and carry the tenant as their target.
    /// `shard`: only its slice of the tenants, in name order; `jobs`: tenants renamed and compared at once.
    public func runTenants(
        against connectionString: String, matching glob: String, template: String, shard: Shard? = nil, jobs: Int = 1
    ) throws -> DriftReport {
        let connection = try PostgresConnection(connectionString)
        defer { connection.close() }
        let tenants = try tenantSchemas(on: connection, matching: glob, template: template, shard: shard)
        let (reading, loading) = tenantReading(tenants, template: template, privileges: false, on: connection)
        let options = diffOptions
        var phases = PhaseTrace()
        let (_, members) = try reading.sides(on: connection, wholeDatabase: false, extensions: loading.extensions, expected: {
            let loaded = try loading.load.wait()
            for note in loaded.notes { onNote?(note) }
            return loaded.catalog
        }, then: { connection, sides in
            phases.mark("read \(tenants.count) tenant schemas and the expected schema")
            var parts = sides.database.catalog.partitionedBySchema()
            phases.mark("split by schema")
            // `jobs` at a time, each part dropped once compared: memory holds a few tenants at once. One
            // whose comparison needs the server's spelling of constants waits for one query for all of them.
            let template = template
            nonisolated(unsafe) let audit = self
            @Sendable func compare(_ tenant: String, _ part: Catalog, _ constants: ConstantSpellings) -> FleetMember {
                let findings = SchemaDiff.findings(expected: sides.expected, actual: part, options: options, constants: constants)
                    + BrokenReferences.findings(in: part)
                return FleetMember(name: tenant, report: DriftReport(
                    expected: audit.source.description, database: tenant, findings: audit.triage(SchemaDiff.ordered(findings))))
            }
            var taken: [Catalog?] = tenants.map { parts.removeValue(forKey: $0) }
            parts = [:]
            nonisolated(unsafe) let ready = taken
            taken = []
            let results = Concurrently.map(tenants.count, jobs: jobs) { position -> (value: Result<TenantComparison, Error>, stop: Bool) in
                let tenant = tenants[position]
                let outcome = Result<TenantComparison, Error> {
                    var own = [tenant: ready[position] ?? Catalog(extensions: sides.database.catalog.extensions)]
                    let part = try Self.tenantPart(tenant, of: &own, sides: sides, template: template)
                    let needed = SchemaDiff.constantsToCanonicalise(expected: sides.expected, actual: part, options: options)
                    return needed.isEmpty ? .compared(compare(tenant, part, ConstantSpellings())) : .waiting(tenant, part, needed)
                }
                return (outcome, false)
            }
            var members: [FleetMember] = []
            var waiting: [(String, Catalog, Set<TypedConstant>)] = []
            for result in results {
                switch try result?.get() {
                case .compared(let member): members.append(member)
                case .waiting(let tenant, let part, let needed): waiting.append((tenant, part, needed))
                case nil: continue
                }
            }
            phases.mark("compared \(tenants.count - waiting.count) tenants")
            if !waiting.isEmpty {
                let needed = waiting.reduce(into: Set<TypedConstant>()) { $0.formUnion($1.2) }
                let constants = ConstantSpellings(answers: try ConstantsQuery.spellings(needed, on: connection), asked: needed)
                for (tenant, part, _) in waiting { members.append(compare(tenant, part, constants)) }
                phases.mark("compared \(waiting.count) tenants with the server's spelling of their constants")
            }
            return members
        })
        return DriftReport.fleet(expected: source.description, members: members)
    }

    /// Runs `body` for members 0, 1, … until one answers: (the position after it, its value), or
    /// (count, nil) when none does. `failed` gets each database failure and says whether to stop.
    static func firstAnswering<Value>(
        _ count: Int, _ body: (Int) throws -> Value, failed: (Int, PostgresError) -> Bool
    ) throws -> (next: Int, value: Value?) {
        for index in 0..<count {
            do { return (index + 1, try body(index)) } catch let error as PostgresError {
                if failed(index, error) { return (index + 1, nil) }
            }
        }
        return (count, nil)
    }

    /// One line for a member's failure: its description's first line.
    static func line(_ error: Error) -> String {
        String(describing: error).split(separator: "\n").first.map(String.init) ?? "failed"
    }
}

/// A fleet run that cannot start (no schema matches the glob).
public struct FleetError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

/// A tenant compared, or waiting for the server's spelling of its constants.
private enum TenantComparison {
    case compared(FleetMember)
    case waiting(String, Catalog, Set<TypedConstant>)
}
