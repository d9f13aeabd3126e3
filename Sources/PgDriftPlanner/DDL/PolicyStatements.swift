import PgDriftModel

/// CREATE POLICY.
enum PolicyStatements {
    static func createPolicy(_ policy: Policy, on table: QualifiedName) -> String {
        var sql = "CREATE POLICY \(SQLName.identifier(policy.name)) ON \(SQLName.qualified(table))"
        sql += " AS \(policy.isPermissive ? "PERMISSIVE" : "RESTRICTIVE") FOR \(policy.command.rawValue)"
        sql += " TO \(policy.roles.map(SQLName.role).joined(separator: ", "))"
        if let using = policy.using { sql += " USING (\(using))" }
        if let check = policy.withCheck { sql += " WITH CHECK (\(check))" }
        return sql + ";"
    }
}
