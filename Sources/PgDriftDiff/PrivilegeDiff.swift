import PgDriftModel

extension DiffContext {
    /// `--with-privileges`: one `privilege_mismatch` per object (or column) and grantee whose grants
    /// differ, for every object on both sides (a missing object is reported as missing, not as its
    /// grants), then `ALTER DEFAULT PRIVILEGES` entries.
    mutating func diffPrivileges() {
        let have = actual.privilegeTargets
        for (target, wanted) in expected.privilegeTargets.sorted(by: { $0.key < $1.key }) {
            guard let held = have[target] else { continue }
            for delta in PrivilegeDelta.between(expected: wanted, actual: held) {
                report(finding(target, delta))
            }
        }
        diffDefaultPrivileges()
    }

    private func finding(_ target: PrivilegeTarget, _ delta: PrivilegeDelta) -> Finding {
        var subject = target.description
        if let column = delta.column { subject = "column \(target.name).\(column)" }
        return Finding(
            kind: .privilegeMismatch, schema: target.name.schema, table: target.findingTable, column: delta.column,
            object: target.findingObject,
            expected: Describe.privileges(delta.expected), actual: Describe.privileges(delta.actual),
            message: "\(subject): \(Self.grantee(delta.grantee)) \(delta.summary)",
            hint: "pgdrift plan --with-privileges writes the GRANT and REVOKE statements")
    }

    /// An entry absent on one side stands for PostgreSQL's built-in default (`Key.implicitGrants`).
    private mutating func diffDefaultPrivileges() {
        let keys = Set(expected.defaultPrivileges.keys).union(actual.defaultPrivileges.keys).sorted()
        for key in keys {
            let wanted = expected.defaultPrivileges[key]?.grants ?? key.implicitGrants
            let held = actual.defaultPrivileges[key]?.grants ?? key.implicitGrants
            for delta in PrivilegeDelta.between(expected: wanted, actual: held) {
                let subject = "default privileges of role \(key.role)\(key.schema.isEmpty ? "" : " in schema \(key.schema)") on \(key.objectType.keyword)"
                report(Finding(
                    kind: .privilegeMismatch, schema: key.schema, object: subject,
                    expected: Describe.privileges(delta.expected), actual: Describe.privileges(delta.actual),
                    message: "\(subject): \(Self.grantee(delta.grantee)) \(delta.summary)",
                    hint: "pgdrift plan --with-privileges writes the ALTER DEFAULT PRIVILEGES statements"))
            }
        }
    }

    static func grantee(_ name: String) -> String { name == "PUBLIC" ? "PUBLIC" : "role \(name)" }
}

extension Describe {
    /// One grantee's privileges: `SELECT, UPDATE WITH GRANT OPTION`; nil for none.
    static func privileges(_ grants: [Grant]) -> String? {
        guard !grants.isEmpty else { return nil }
        let order = PrivilegeDelta.privilegeOrder
        return grants.sorted { (order.firstIndex(of: $0.privilege) ?? order.count, $0.privilege) < (order.firstIndex(of: $1.privilege) ?? order.count, $1.privilege) }
            .map { $0.privilege + ($0.isGrantable ? " WITH GRANT OPTION" : "") }.joined(separator: ", ")
    }
}
