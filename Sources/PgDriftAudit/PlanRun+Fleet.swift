import Foundation
import PgDriftModel
import PgDriftPlanner
import PgDriftPostgres
import PgDriftReports

extension PlanRun {
    /// One plan of a fleet, and the members it fits: every member whose plan has the same statements
    /// (and so the same guard, whose fingerprint is taken over names, never oids).
    public struct FleetPlan: Sendable {
        public var plan: MigrationPlan
        /// The members' redacted connections, in name order.
        public var targets: [String]
        /// Their connection strings, in the same order (to apply the plan to each).
        var connectionStrings: [String]
        /// The members with the same delta: `targets` for databases; for a tenant, every tenant whose
        /// plan is this one in its own schema's names.
        public var alike: [String]
    }

    /// What a fleet's `plan` gave: the distinct plans, the members that could not be planned, and, with
    /// `--apply`, each member's result and the grouped check after.
    public struct FleetOutcome: Sendable {
        public var plans: [FleetPlan]
        public var failures: [FleetMember]
        /// `--apply`: per member, the statements applied or the error (in name order).
        public var applied: [(target: String, result: Result<Int, PlanFleetFailure>)] = []
        /// `--apply`: the fleet's check after.
        public var recheck: DriftReport?
    }

    /// A member's failure, in one line.
    public struct PlanFleetFailure: Error, Sendable {
        public var line: String
    }

    /// Plans every member of a fleet against the expected schema, read once with the first member that
    /// answers, `jobs` at a time; groups the members by plan; hands the plans to `write`; with `apply`,
    /// applies each member's plan to it, member by member, and checks the fleet again. `--prove` and
    /// `--max-blocking-size` are for one database.
    public func runFleet(
        _ connectionStrings: [String], jobs: Int, write: ([FleetPlan]) throws -> Void, progress: (String) -> Void
    ) throws -> FleetOutcome {
        let names = connectionStrings.map { ConnectionString($0).description }
        var planned = [(plan: MigrationPlan, expected: Catalog)?](repeating: nil, count: connectionStrings.count)
        var failures: [FleetMember] = []
        let (next, first) = try Audit.firstAnswering(connectionStrings.count, {
            try audit.planWithExpected(against: connectionStrings[$0], options: options)
        }) { index, error in
            failures.append(FleetMember(name: names[index], error: error.description))
            return false
        }
        if let first { planned[next - 1] = first }
        let expected = first?.expected
        if let expected, next < connectionStrings.count {
            let rest = Array(next..<connectionStrings.count)
            nonisolated(unsafe) let audit = self.audit
            let options = self.options
            let results = Concurrently.map(rest.count, jobs: jobs) { position in
                (Result { try audit.planWithExpected(against: connectionStrings[rest[position]], options: options, expected: expected).plan }
                    .mapError { PlanFleetFailure(line: Audit.line($0)) }, stop: false)
            }
            for (position, result) in results.enumerated() {
                switch result {
                case .success(let plan): planned[rest[position]] = (plan, expected)
                case .failure(let failure): failures.append(FleetMember(name: names[rest[position]], error: failure.line))
                case nil: continue
                }
            }
        }
        // Grouped by what they would run: the statements, skipped or not, and the guard.
        var groups: [String: FleetPlan] = [:]
        var order: [String] = []
        for index in connectionStrings.indices.sorted(by: { names[$0] < names[$1] }) {
            guard let plan = planned[index]?.plan else { continue }
            let key = plan.statementsKey + "\u{1D}" + plan.guardStatements.joined(separator: "\n")
            if groups[key] == nil {
                order.append(key)
                groups[key] = FleetPlan(plan: plan, targets: [], connectionStrings: [], alike: [])
            }
            groups[key]?.targets.append(names[index])
            groups[key]?.alike.append(names[index])
            groups[key]?.connectionStrings.append(connectionStrings[index])
        }
        let plans = order.compactMap { groups[$0] }
        try write(plans)
        var outcome = FleetOutcome(plans: plans, failures: failures.sorted { $0.name < $1.name })
        guard apply, let expected else { return outcome }
        outcome.applied = Self.apply(plans, progress: progress)
        let members = plans.flatMap { zip($0.targets, $0.connectionStrings) }
        outcome.recheck = DriftReport.fleet(expected: audit.source.description, members: members.map { name, connectionString in
            do { return FleetMember(name: name, report: try audit.run(against: connectionString, expected: expected)) } catch {
                return FleetMember(name: name, error: Audit.line(error))
            }
        } + failures)
        return outcome
    }
}

extension PlanRun {
    /// `plan --tenant-schemas`: one plan per tenant, each in the tenant's names, read in one snapshot;
    /// tenants with the same delta are named together (`alike`). `--apply` applies them tenant by tenant
    /// and checks the tenants again.
    public func runTenants(
        against connectionString: String, matching glob: String, template: String, shard: Shard? = nil,
        write: ([FleetPlan]) throws -> Void, progress: (String) -> Void
    ) throws -> FleetOutcome {
        let planned = try audit.planTenants(against: connectionString, matching: glob, template: template, shard: shard, options: options)
        var alike: [String: [String]] = [:]
        for item in planned { alike[item.key, default: []].append(item.tenant) }
        let plans = planned.map {
            FleetPlan(plan: $0.plan, targets: [$0.tenant], connectionStrings: [connectionString], alike: alike[$0.key] ?? [$0.tenant])
        }
        try write(plans)
        var outcome = FleetOutcome(plans: plans, failures: [])
        guard apply else { return outcome }
        outcome.applied = Self.apply(plans, progress: progress)
        outcome.recheck = try audit.runTenants(against: connectionString, matching: glob, template: template, shard: shard)
        return outcome
    }

    /// Each member's plan applied to it, member by member; a failure is that member's and the others go on.
    static func apply(_ plans: [FleetPlan], progress: (String) -> Void) -> [(target: String, result: Result<Int, PlanFleetFailure>)] {
        var applied: [(target: String, result: Result<Int, PlanFleetFailure>)] = []
        for fleetPlan in plans {
            for (name, connectionString) in zip(fleetPlan.targets, fleetPlan.connectionStrings) {
                guard !fleetPlan.plan.isEmpty else {
                    applied.append((name, .success(0)))
                    continue
                }
                do {
                    try PlanApplier.apply(fleetPlan.plan, to: connectionString)
                    progress("applied \(fleetPlan.plan.runningCount) statements to \(name)")
                    applied.append((name, .success(fleetPlan.plan.runningCount)))
                } catch {
                    progress("not applied to \(name): \(Audit.line(error))")
                    applied.append((name, .failure(PlanFleetFailure(line: Audit.line(error)))))
                }
            }
        }
        return applied.sorted { $0.target < $1.target }
    }
}
