import PgDriftModel

extension PlanBuilder {
    /// GRANT / REVOKE to the expected grants (`PrivilegeDelta`, the diff's comparison). With
    /// `--with-privileges` on every expected object and for ALTER DEFAULT PRIVILEGES; without it only on
    /// the objects this plan creates, when the expected catalog carries privileges at all (a model or
    /// snapshot read without them says nothing, and its new functions keep PostgreSQL's defaults).
    mutating func planPrivileges() {
        guard options.withPrivileges || expected.carriesPrivileges else { return }
        let before = actual.privilegeTargets
        // Without the flag only the objects this plan creates: sorted are only those.
        let targets = expected.privilegeTargets.filter { options.withPrivileges || before[$0.key] == nil || freshObjects.contains($0.key) }
        for (target, wanted) in targets.sorted(by: { $0.key < $1.key }) {
            // Only objects that will stand once the plan has run (a creation left to a person is not).
            guard current.contains(target) else { continue }
            let fresh = before[target] == nil || freshObjects.contains(target)
            // A new object holds PostgreSQL's defaults; the others what the database has now.
            var held = fresh ? target.kind.implicitGrants : before[target] ?? []
            // A column the plan drops took its grants along, one it renames kept them under its new name
            // (granted again below, which is harmless): a REVOKE on either would fail.
            if let columns = currentColumns(of: target) {
                held.removeAll { $0.column.map { !columns.contains($0) } ?? false }
            }
            grant(wanted, held: held, on: target)
        }
        if options.withPrivileges { planDefaultPrivileges() }
    }

    private mutating func grant(_ wanted: [Grant], held: [Grant], on target: PrivilegeTarget) {
        var held = held
        // REVOKE on a table takes the same privilege off each of its columns too: what the object-level
        // revokes will remove is taken out before the columns are compared.
        let objectLevel = PrivilegeDelta.between(expected: wanted.filter { $0.column == nil }, actual: held.filter { $0.column == nil })
        let revoked = Set(objectLevel.flatMap { delta in delta.revoke.map { "\(delta.grantee)\u{1F}\($0)" } })
        held.removeAll { $0.column != nil && revoked.contains("\($0.grantee)\u{1F}\($0.privilege)") }
        let on = "\(target.kind.keyword) \(Self.sqlName(target))"
        for delta in PrivilegeDelta.between(expected: wanted, actual: held) {
            func list(_ privileges: [String]) -> String {
                privileges.map { $0 + (delta.column.map { " (\(SQLName.identifier($0)))" } ?? "") }.joined(separator: ", ")
            }
            let role = SQLName.role(delta.grantee)
            var sql: [String] = []
            if !delta.revoke.isEmpty { sql.append("REVOKE \(list(delta.revoke)) ON \(on) FROM \(role);") }
            if !delta.revokeOption.isEmpty { sql.append("REVOKE GRANT OPTION FOR \(list(delta.revokeOption)) ON \(on) FROM \(role);") }
            if !delta.grant.isEmpty { sql.append("GRANT \(list(delta.grant)) ON \(on) TO \(role);") }
            if !delta.grantWithOption.isEmpty { sql.append("GRANT \(list(delta.grantWithOption)) ON \(on) TO \(role) WITH GRANT OPTION;") }
            let subject = delta.column.map { "column \(target.name).\($0)" } ?? target.description
            emitGuarded(sql, roles: delta.grantee == "PUBLIC" ? [] : [delta.grantee], subject: "privileges on \(subject)")
        }
    }

    /// The columns a relation will have once the plan has run; nil for other objects.
    private func currentColumns(of target: PrivilegeTarget) -> Set<String>? {
        switch target.kind {
        case .table: return current.tables[target.name].map { Set($0.columns.map(\.name)) }
        case .view, .materializedView: return current.views[target.name].map { Set($0.columns.map(\.name)) }
        default: return nil
        }
    }

    /// ALTER DEFAULT PRIVILEGES per role, schema and object type; an entry absent on one side is
    /// PostgreSQL's built-in default (`DefaultPrivileges.Key.implicitGrants`).
    private mutating func planDefaultPrivileges() {
        let keys = Set(expected.defaultPrivileges.keys).union(actual.defaultPrivileges.keys).sorted()
        for key in keys {
            let wanted = expected.defaultPrivileges[key]?.grants ?? key.implicitGrants
            let held = actual.defaultPrivileges[key]?.grants ?? key.implicitGrants
            let prefix = "ALTER DEFAULT PRIVILEGES FOR ROLE \(SQLName.identifier(key.role))"
                + (key.schema.isEmpty ? "" : " IN SCHEMA \(SQLName.identifier(key.schema))")
            let on = "ON \(key.objectType.keyword)"
            for delta in PrivilegeDelta.between(expected: wanted, actual: held) {
                let role = SQLName.role(delta.grantee)
                var sql: [String] = []
                if !delta.revoke.isEmpty { sql.append("\(prefix) REVOKE \(delta.revoke.joined(separator: ", ")) \(on) FROM \(role);") }
                if !delta.revokeOption.isEmpty {
                    sql.append("\(prefix) REVOKE GRANT OPTION FOR \(delta.revokeOption.joined(separator: ", ")) \(on) FROM \(role);")
                }
                if !delta.grant.isEmpty { sql.append("\(prefix) GRANT \(delta.grant.joined(separator: ", ")) \(on) TO \(role);") }
                if !delta.grantWithOption.isEmpty {
                    sql.append("\(prefix) GRANT \(delta.grantWithOption.joined(separator: ", ")) \(on) TO \(role) WITH GRANT OPTION;")
                }
                let roles = [key.role] + (delta.grantee == "PUBLIC" || delta.grantee == key.role ? [] : [delta.grantee])
                emitGuarded(sql, roles: roles,
                            subject: "default privileges of role \(key.role)\(key.schema.isEmpty ? "" : " in schema \(key.schema)") on \(key.objectType.rawValue)")
            }
        }
    }

    /// Statements for PUBLIC run as they are; those naming roles run inside a DO block that checks the
    /// roles exist (pg_roles on the target, when the plan runs), so a missing role is skipped with a NOTICE.
    mutating func emitGuarded(_ sql: [String], roles: [String], subject: String, phase: PlanPhase = .privileges) {
        guard !sql.isEmpty else { return }
        guard !roles.isEmpty else {
            for statement in sql { emit(phase, statement) }
            return
        }
        let names = roles.joined(separator: ", ")
        emit(phase, Idempotent.ifRolesExist(roles, run: sql, notice: subject),
             hazards: ["Skipped, with a NOTICE, when \(roles.count == 1 ? "role" : "one of the roles") \(names) does not exist on the target."])
    }

    /// The object as GRANT names it: `public.f(integer)` for a routine, a schema by its name.
    static func sqlName(_ target: PrivilegeTarget) -> String {
        switch target.kind {
        case .schema: return SQLName.identifier(target.name.schema)
        case .function, .procedure: return "\(SQLName.qualified(target.name))(\(target.arguments ?? ""))"
        default: return SQLName.qualified(target.name)
        }
    }
}
