import PgDriftDiff
import PgDriftModel

extension PlanBuilder {
    /// Drops extra policies, policies ALTER POLICY cannot turn into the expected ones (another command,
    /// permissiveness, or a clause to remove), and policies that read a column whose type changes
    /// (PostgreSQL refuses to retype a column a policy uses).
    mutating func dropChangedPolicies() {
        for want in expected.tables {
            guard let have = current.tables[want.name], !isSettled(want, have) else { continue }
            var mustDrop: Set<String> = []
            for change in delta.policies(of: want.name) {
                switch change {
                case .removed(let policy):
                    mustDrop.insert(policy.name)
                case .altered(let wanted, let old, let attributes), .renamed(let wanted, let old, let attributes):
                    if !Self.canAlter(old, into: wanted, changing: attributes) { mustDrop.insert(old.name) }
                case .added:
                    continue
                }
            }
            for policy in have.policies {
                // PostgreSQL refuses to retype a column a policy reads; policies that read other columns stay.
                let readsTouched = !(touchedColumns[want.name] ?? []).isDisjoint(with: policy.readsColumns)
                guard mustDrop.contains(policy.name) || readsTouched else { continue }
                emit(.dropPolicies, "DROP POLICY IF EXISTS \(SQLName.identifier(policy.name)) ON \(SQLName.qualified(want.name));",
                     hazards: want.policies[policy.name] == nil ? [] : ["Dropped to be created again below."])
                updateCurrentTable(want.name) { $0.policies.remove(policy.name) }
            }
        }
    }

    /// Whether ALTER POLICY reaches `want` from `have`: it changes roles and expressions, not the command
    /// nor the permissiveness, and cannot remove a clause.
    static func canAlter(_ have: Policy, into want: Policy, changing attributes: Set<PolicyAttribute>) -> Bool {
        for attribute in attributes {
            switch attribute {
            case .command, .permissiveness: return false
            case .using: if want.using == nil { return false }
            case .withCheck: if want.withCheck == nil { return false }
            case .roles, .comment: continue
            }
        }
        return true
    }

    /// ENABLE / DISABLE / FORCE / NO FORCE ROW LEVEL SECURITY, then CREATE or ALTER POLICY.
    mutating func planSecurity() {
        for want in expected.tables {
            guard let have = current.tables[want.name], !isSettled(want, have) else { continue }
            let table = SQLName.qualified(want.name)
            if want.rowLevelSecurity != have.rowLevelSecurity {
                emit(.rowLevelSecurity, "ALTER TABLE \(table) \(want.rowLevelSecurity ? "ENABLE" : "DISABLE") ROW LEVEL SECURITY;",
                     hazards: want.rowLevelSecurity && want.policies.isEmpty ? ["With no policy, only the owner and superusers see rows."] : [])
            }
            if want.forceRowLevelSecurity != have.forceRowLevelSecurity {
                emit(.rowLevelSecurity, "ALTER TABLE \(table) \(want.forceRowLevelSecurity ? "FORCE" : "NO FORCE") ROW LEVEL SECURITY;")
            }
            var altered: [String: Set<PolicyAttribute>] = [:]
            for case .altered(let policy, _, let attributes) in delta.policies(of: want.name) { altered[policy.name] = attributes }
            for policy in want.policies {
                // Missing from the start, or dropped above to be created again.
                guard have.policies[policy.name] != nil else {
                    let lookup = "SELECT FROM pg_catalog.pg_policy WHERE polrelid = \(SQLQuote.literal(SQLQuote.qualified(want.name)))::regclass "
                        + "AND polname = \(SQLQuote.literal(policy.name))"
                    emit(.policies, Idempotent.unless(exists: lookup, run: PolicyStatements.createPolicy(policy, on: want.name)))
                    continue
                }
                // Roles and expressions; the comment comes with the other comments (planComments).
                guard let attributes = altered[policy.name], attributes.contains(where: \.isDefinition) else { continue }
                var sql = "ALTER POLICY \(SQLName.identifier(policy.name)) ON \(table)"
                sql += " TO \(policy.roles.map(SQLName.role).joined(separator: ", "))"
                if let using = policy.using { sql += " USING (\(using))" }
                if let check = policy.withCheck { sql += " WITH CHECK (\(check))" }
                emit(.policies, sql + ";")
            }
        }
    }
}
