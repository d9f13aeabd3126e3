import PgDriftModel
import PgDriftSQL

extension OfflineReplay {
    /// `CREATE POLICY`: command, permissive or restrictive, roles, USING and WITH CHECK.
    mutating func createPolicy(_ node: ParseNode) throws {
        guard let name = node["policy_name"]?.string, let rangeVar = node["table"], let table = existingTable(rangeVar) else {
            throw fallback("a policy on a table that does not exist here")
        }
        guard tables[table]?.policies.contains(name) == false else { throw fallback("policy \(name) already exists") }
        // The parser names the command in lower case ("select"); the model's raw values are upper case.
        let model = tables[table]
        let columns = { (name: String) in model?.column(named: name) }
        let command = Policy.Command(rawValue: (node["cmd_name"]?.string ?? "all").uppercased()) ?? .all
        let policy = Policy(
            name: name, command: command, isPermissive: node["permissive"]?.bool == true,
            roles: try policyRoles(node["roles"]), using: try node["qual"].map { try expressionSQL($0, column: columns) },
            withCheck: try node["with_check"].map { try expressionSQL($0, column: columns) })
        tables[table]?.policies.upsert(policy)
    }

    /// `ALTER POLICY`: what it names replaces what the policy had.
    mutating func alterPolicy(_ node: ParseNode) throws {
        guard let name = node["policy_name"]?.string, let rangeVar = node["table"], let table = existingTable(rangeVar),
            var policy = tables[table]?.policies[name]
        else { throw fallback("ALTER POLICY of a policy that does not exist here") }
        if let roles = node["roles"] { policy.roles = try policyRoles(roles) }
        let model = tables[table]
        let columns = { (name: String) in model?.column(named: name) }
        if let qual = node["qual"] { policy.using = try expressionSQL(qual, column: columns) }
        if let check = node["with_check"] { policy.withCheck = try expressionSQL(check, column: columns) }
        tables[table]?.policies.upsert(policy)
    }

    /// The roles as the catalog lists them: names in order, `public` for PUBLIC or none given.
    private func policyRoles(_ roles: ParseNode?) throws -> [String] {
        var names: [String] = []
        for role in roles?.elements ?? [] {
            guard let spec = role.node("RoleSpec") else { continue }
            switch spec["roletype"]?.string {
            case "ROLESPEC_CSTRING": names.append(spec["rolename"]?.string ?? "")
            case "ROLESPEC_PUBLIC": names.append("public")
            default: throw fallback("CURRENT_USER or SESSION_USER as a policy role is not read offline")
            }
        }
        return names.isEmpty ? ["public"] : Array(Set(names)).sorted()
    }

    /// `DROP POLICY [IF EXISTS] name ON table`.
    mutating func dropPolicy(_ names: [String], missingOK: Bool) throws {
        var parts = names
        guard let name = parts.popLast() else { return }
        let (schema, tableName) = try self.parts(parts)
        guard let table = existing(schema: schema, name: tableName, in: { tables[$0] != nil }),
            tables[table]?.policies.contains(name) == true
        else {
            if missingOK { return }
            throw fallback("policy \(name) does not exist here")
        }
        _ = tables[table]?.policies.remove(name)
    }
}
