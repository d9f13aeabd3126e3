import Foundation
import PgDriftDiff
import PgDriftExpected
import PgDriftIntrospection
import PgDriftModel
import PgDriftPlanner
import PgDriftPostgres
import PgDriftReports
import PgDriftSQL

extension Audit {
    /// The migration that takes the database to the expected schema.
    public func plan(against connectionString: String, options: PlanOptions = PlanOptions()) throws -> MigrationPlan {
        try planWithExpected(against: connectionString, options: options).plan
    }

    /// The migration, and the expected catalog it was planned from (so `plan --apply` checks the result
    /// against it without reading the expected schema a second time).
    /// `proveRows`: also run the plan on a throwaway copy of the database's schema loaded with at most
    /// that many rows of each affected table (`plan --prove`), read in the plan's snapshot.
    /// `expected`: the expected catalog already read (a fleet reads it once), instead of reading it.
    public func planWithExpected(
        against connectionString: String, options: PlanOptions = PlanOptions(), proveRows: Int? = nil, expected given: Catalog? = nil
    ) throws -> (plan: MigrationPlan, expected: Catalog) {
        // Grants are always read for a plan: the objects it creates get their expected grants, flag or
        // not (`PlanOptions.withPrivileges` decides whether existing objects' grants are planned).
        var reading = self
        reading.diffOptions.comparePrivileges = true
        // SQL is read offline when the reader can, as `check` reads it: the planner works from the diff's
        // delta (and the catalog aligned with the database's), so it changes what the diff reports and
        // nothing that only reads differently.
        var phases = PhaseTrace()
        // Pending migrations are the migration tool's to run: the plan takes the database to what the
        // history says was applied, and lists the rest.
        let connection = try PostgresConnection(connectionString)
        defer { connection.close() }
        let applied = try reading.appliedFiles(on: connection, required: asApplied)
        let loading = given == nil
            ? reading.loadExpected(reading.introspectionOptions, onlyFiles: applied, serverMajor: connection.serverVersion / 10000) : nil
        var options = options
        options.serverVersion = options.serverVersion ?? connection.serverVersion
        let ignore = ignore
        // Planned in the snapshot the catalog was read in, so the sizes of the tables it touches and the
        // fingerprint of what it depends on describe the same state.
        var sample: PlanProver.Sample?
        var proofCatalog = Catalog()
        let (sides, planned) = try reading.sides(on: connection, forPlan: true, extensions: loading?.extensions, expected: {
            guard let loading else { return given ?? Catalog() }
            let loaded = try loading.load.wait()
            for note in loaded.notes { onNote?(note) }
            return loaded.catalog
        }, then: { connection, sides in
            phases.mark("both sides read")
            let actual = sides.database.catalog.removing(matching: ignore)
            var plan = MigrationPlanner.plan(
                expected: sides.expected.removing(matching: ignore), actual: actual, options: options, constants: sides.constants)
            if !plan.isEmpty {
                plan.tableSizes = try TableSizesQuery.read(Array(Set(plan.statements.flatMap(\.tableHazards).map(\.table))), on: connection)
                if !plan.dependencies.isEmpty { plan.fingerprint = try PlanGuard.fingerprint(of: plan.dependencies, on: connection) }
                if let proveRows {
                    let tables = plan.dependencies.filter { $0.kind == .relation && actual.tables.contains($0.name) }.map(\.name)
                    sample = try PlanProver.sample(tables, limit: proveRows, on: connection)
                    proofCatalog = actual
                }
            }
            return plan
        })
        let expected = sides.expected
        var plan = planned
        if applied != nil, let ledger = try ledger(sides.history) {
            plan.pending = PendingMigrations(
                files: ledger.files.filter(\.pending).map(\.path), table: "\(ledger.history.table)", command: ledger.history.tool.applyCommand)
        }
        phases.mark("planned")
        if let sample {
            plan.proof = try PlanProver.prove(plan, on: proofCatalog, sample: sample, major: connection.serverVersion / 10000, postgresBin: postgresBin)
            phases.mark("proved on a copy")
        }
        return (plan, expected)
    }
}

/// `PGDRIFT_TRACE=1`: how long each phase of a run took, on standard error.
struct PhaseTrace {
    private var last = DispatchTime.now().uptimeNanoseconds

    mutating func mark(_ phase: String) {
        guard Trace.enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        Trace.note("\(String(format: "%8.1f", Double(now - last) / 1e6)) ms phase: \(phase) [at \(String(format: "%.0f", Double(now - Trace.origin) / 1e6)) ms]")
        last = now
    }
}
