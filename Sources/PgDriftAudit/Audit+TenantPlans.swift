import Foundation
import PgDriftDiff
import PgDriftIntrospection
import PgDriftModel
import PgDriftPlanner
import PgDriftPostgres
import PgDriftSQL

extension Audit {
    /// The schemas of the database matching `glob` (`tenant_*`), the template left out, in name order;
    /// `shard`'s slice of them. Refuses a glob no schema matches.
    func tenantSchemas(on connection: PostgresConnection, matching glob: String, template: String, shard: Shard?) throws -> [String] {
        let schemas = try connection.query(
            "SELECT nspname::text FROM pg_catalog.pg_namespace WHERE nspname !~ '^pg_' AND nspname <> 'information_schema' ORDER BY 1")
        let matching = schemas.rows.compactMap { $0[0] }.filter { fnmatch(glob, $0, 0) == 0 && $0 != template }
        guard !matching.isEmpty else {
            throw FleetError("no schema of \(connection.connectionString) matches --tenant-schemas '\(glob)'")
        }
        return shard.map { $0.select(matching) } ?? matching
    }

    /// How the tenants are read (their schemas, no migration history, `privileges` for a plan) and the
    /// expected schema loading meanwhile, restricted to the template's schema.
    func tenantReading(_ tenants: [String], template: String, privileges: Bool, on connection: PostgresConnection) -> (reading: Audit, loading: ExpectedLoading) {
        var reading = self
        reading.schemas = tenants
        reading.excludedSchemas = []
        reading.history = .off
        if privileges { reading.diffOptions.comparePrivileges = true }
        var templateReading = reading
        templateReading.schemas = [template]
        return (reading, templateReading.loadExpected(templateReading.introspectionOptions, serverMajor: connection.serverVersion / 10000))
    }

    /// A tenant's part of the database (taken out of `parts`), renamed to the template; its schema object
    /// (comment, owner, grants) is the template's, since it is the tenant's own and not compared.
    static func tenantPart(_ tenant: String, of parts: inout [String: Catalog], sides: Sides, template: String) throws -> Catalog {
        var part = try (parts.removeValue(forKey: tenant) ?? Catalog(extensions: sides.database.catalog.extensions))
            .renamingSchema(tenant, to: template)
        if let namespace = sides.expected.schemas[template] { part.schemas.upsert(namespace) }
        return part
    }

    /// One plan per tenant schema: the template's migration planned in the template's names against the
    /// tenant's part renamed to them, then renamed back to the tenant, with the tenant's own table sizes
    /// and fingerprint. `key` is the plan in the template's names: tenants with equal keys have the same
    /// delta. Read in one snapshot for all of them.
    func planTenants(
        against connectionString: String, matching glob: String, template: String, shard: Shard?, options: PlanOptions
    ) throws -> [(tenant: String, plan: MigrationPlan, key: String)] {
        let connection = try PostgresConnection(connectionString)
        defer { connection.close() }
        let tenants = try tenantSchemas(on: connection, matching: glob, template: template, shard: shard)
        let (reading, loading) = tenantReading(tenants, template: template, privileges: true, on: connection)
        var options = options
        options.serverVersion = options.serverVersion ?? connection.serverVersion
        let ignore = ignore
        let (_, plans) = try reading.sides(on: connection, forPlan: true, extensions: loading.extensions, expected: {
            let loaded = try loading.load.wait()
            for note in loaded.notes { onNote?(note) }
            return loaded.catalog
        }, then: { connection, sides in
            var parts = sides.database.catalog.partitionedBySchema()
            let expected = sides.expected.removing(matching: ignore)
            var plans: [(tenant: String, plan: MigrationPlan, key: String)] = []
            for tenant in tenants {
                let part = try Self.tenantPart(tenant, of: &parts, sides: sides, template: template).removing(matching: ignore)
                let needed = SchemaDiff.constantsToPlan(expected: expected, actual: part)
                let constants = needed.isEmpty
                    ? ConstantSpellings() : ConstantSpellings(answers: try ConstantsQuery.spellings(needed, on: connection), asked: needed)
                let planned = MigrationPlanner.plan(expected: expected, actual: part, options: options, constants: constants)
                let key = planned.statementsKey
                plans.append((tenant, planned.renamingSchema(template, to: tenant), key))
            }
            // The tables' sizes and the objects' digests of every tenant: one query each, not one per tenant.
            let changing = plans.filter { !$0.plan.isEmpty }.map(\.plan)
            let sizes = try TableSizesQuery.read(Array(Set(changing.flatMap { $0.statements.flatMap(\.tableHazards).map(\.table) })), on: connection)
            let dependencies = Array(Set(changing.flatMap(\.dependencies)))
            let fingerprint = try PlanGuard.fingerprint(of: dependencies, on: connection)
            for index in plans.indices where !plans[index].plan.isEmpty {
                let tables = Set(plans[index].plan.statements.flatMap(\.tableHazards).map(\.table))
                plans[index].plan.tableSizes = sizes.filter { tables.contains($0.key) }
                let own = Set(plans[index].plan.dependencies)
                if !own.isEmpty { plans[index].plan.fingerprint = PlanFingerprint(digests: fingerprint.digests.filter { own.contains($0.key) }) }
            }
            return plans
        })
        return plans
    }
}

extension MigrationPlan {
    /// The plan with every name in schema `from` moved to `to`: its statements and their notes (by
    /// PostgreSQL's scanner, `SchemaRenaming`), the tables they lock, and what it depends on.
    func renamingSchema(_ from: String, to: String) -> MigrationPlan {
        var copy = self
        func rename(_ name: QualifiedName) -> QualifiedName { name.schema == from ? QualifiedName(to, name.name) : name }
        copy.statements = statements.map { statement in
            var renamed = statement
            renamed.sql = SchemaRenaming.rename(statement.sql, from: from, to: to)
            renamed.hazards = statement.hazards.map { SchemaRenaming.rename($0, from: from, to: to) }
            renamed.destructive = statement.destructive.map { SchemaRenaming.rename($0, from: from, to: to) }
            renamed.tableHazards = statement.tableHazards.map { hazard in
                var moved = hazard
                moved.table = rename(hazard.table)
                return moved
            }
            return renamed
        }
        copy.dependencies = dependencies.map { PlanDependency($0.kind, $0.kind == .schema && $0.name.name == from ? QualifiedName("", to) : rename($0.name)) }
        return copy
    }
}
