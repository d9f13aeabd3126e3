import PgDriftModel

extension PlanBuilder {
    /// Drops extra policies, policies ALTER POLICY cannot turn into the expected ones (another command,
    /// permissiveness, or a clause to remove), and policies that read a column whose type changes
    /// (PostgreSQL refuses to retype a column a policy uses).
    mutating func dropChangedPolicies() {
        for want in expected.tables {
            guard let have = current.tables[want.name], !isSettled(want, have) else { continue }
            for policy in have.policies {
                let expectedPolicy = want.policies[policy.name]
                let mustDrop = expectedPolicy.map { !Self.canAlter(policy, into: $0) } ?? true
                // PostgreSQL refuses to retype a column a policy reads; policies that read other columns stay.
                let readsTouched = !(touchedColumns[want.name] ?? []).isDisjoint(with: policy.readsColumns)
                guard mustDrop || readsTouched else { continue }
                emit(.dropPolicies, "DROP POLICY IF EXISTS \(SQLName.identifier(policy.name)) ON \(SQLName.qualified(want.name));",
                     hazards: expectedPolicy == nil ? [] : ["Dropped to be created again below."])
                updateCurrentTable(want.name) { $0.policies.remove(policy.name) }
            }
        }
    }

    /// Whether ALTER POLICY reaches `want` from `have` (it changes roles and expressions, not the command,
    /// permissiveness, nor removes a clause).
    static func canAlter(_ have: Policy, into want: Policy) -> Bool {
        have.command == want.command && have.isPermissive == want.isPermissive
            && (want.using != nil || have.using == nil) && (want.withCheck != nil || have.withCheck == nil)
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
            for policy in want.policies {
                guard let old = have.policies[policy.name] else {
                    let lookup = "SELECT FROM pg_catalog.pg_policy WHERE polrelid = \(SQLQuote.literal(SQLQuote.qualified(want.name)))::regclass "
                        + "AND polname = \(SQLQuote.literal(policy.name))"
                    emit(.policies, Idempotent.unless(exists: lookup, run: PolicyStatements.createPolicy(policy, on: want.name)))
                    continue
                }
                guard !policy.sameDefinition(as: old) else { continue }
                var sql = "ALTER POLICY \(SQLName.identifier(policy.name)) ON \(table)"
                sql += " TO \(policy.roles.map(SQLName.role).joined(separator: ", "))"
                if let using = policy.using { sql += " USING (\(using))" }
                if let check = policy.withCheck { sql += " WITH CHECK (\(check))" }
                emit(.policies, sql + ";")
            }
        }
    }
}
