import Foundation
import PgDrift

/// The acceptance test of a plan: apply BEFORE, plan towards AFTER, apply the plan, introspect again.
public struct PlanConvergence {
    public let plan: MigrationPlan
    /// What pgdrift still finds after the plan ran (should be nothing). Objects of kinds pgdrift does not
    /// compare (`not_checked`) are not drift a plan could fix, and are left out.
    public let remaining: [Finding]
    /// A plan made after the first ran (should be empty).
    public let secondPlan: MigrationPlan
    /// The databases, for further checks (pg_dump).
    public let migrated: TestDatabase
    public let target: TestDatabase
    /// Whether grants were read, compared and dumped.
    public let privileges: Bool
    /// Whether owners were read, compared and dumped.
    public let owners: Bool

    /// What running the plan a second time, after it succeeded, must do.
    public enum Rerun: Sendable {
        case none
        /// Succeed: every statement is guarded (IF [NOT] EXISTS, OR REPLACE, DO blocks).
        case succeeds
        /// Fail and change nothing (a replaced key that new foreign keys now depend on).
        case failsAtomically
    }

    /// Builds both databases, plans, applies (and applies again, as `rerun` says) and compares.
    /// With `privileges`, both sides are read with their grants and the check after compares them
    /// (`plan` always reads grants; `options.withPrivileges` says whether it plans them on every object).
    public init(label: String, before: String, after: String, options: PlanOptions, rerun: Rerun = .none, privileges: Bool = false,
                owners: Bool = false) throws {
        migrated = try TestDatabase(label + "_before", sql: before)
        target = try TestDatabase(label + "_after", sql: after)
        self.privileges = privileges
        self.owners = owners
        let reading = IntrospectionOptions(includePrivileges: privileges, includeOwners: owners)
        let expected = try target.catalog(reading)
        plan = MigrationPlanner.plan(expected: expected, actual: try migrated.catalog(reading), options: options)
        let connection = try migrated.connect()
        defer { connection.close() }
        do {
            try PlanApplier.apply(plan, on: connection)
            if rerun != .none {
                let before = try migrated.catalog(reading)
                do {
                    try PlanApplier.apply(plan, on: connection)
                    if rerun == .failsAtomically { throw PlanFailure(message: "the second run was expected to fail") }
                } catch let error as PostgresError where rerun == .failsAtomically {
                    let after = try migrated.catalog(reading)
                    if before != after { throw PlanFailure(message: "a failed second run changed the database: \(error)") }
                }
            }
        } catch {
            throw PlanFailure(message: "\(error)\n--- plan ---\n\(plan.render())")
        }
        let actual = try migrated.catalog(reading)
        remaining = SchemaDiff.findings(expected: expected, actual: actual, options: DiffOptions(comparePrivileges: privileges, compareOwners: owners))
            .filter { $0.kind != .notChecked }
        secondPlan = MigrationPlanner.plan(expected: expected, actual: actual, options: options)
    }

    /// `pg_dump --schema-only` of both databases, without comments, settings and blank lines.
    public func dumps() throws -> (migrated: [String], target: [String]) {
        let server = try TestServer.server()
        return (Self.normalize(try server.dumpSchema(database: migrated.name, privileges: privileges, owners: owners)),
                Self.normalize(try server.dumpSchema(database: target.name, privileges: privileges, owners: owners)))
    }

    public static func normalize(_ dump: String) -> [String] {
        dump.split(separator: "\n").map(String.init).filter { line in
            !line.hasPrefix("--") && !line.hasPrefix("SET ") && !line.hasPrefix("SELECT pg_catalog.set_config")
                && !line.hasPrefix("\\restrict") && !line.hasPrefix("\\unrestrict")
                && !line.trimmingCharacters(in: .whitespaces).isEmpty
        }
    }

    /// The lines only one of two dumps has, for a failure message.
    public static func difference(_ a: [String], _ b: [String]) -> String {
        let onlyA = a.filter { !b.contains($0) }
        let onlyB = b.filter { !a.contains($0) }
        return "only in migrated:\n" + onlyA.joined(separator: "\n") + "\nonly in target:\n" + onlyB.joined(separator: "\n")
    }
}

public struct PlanFailure: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
