/// The roles a SQL script names (in `CREATE POLICY ... TO`, `GRANT ... TO`, `OWNER TO`, ...), read from
/// PostgreSQL's parse tree: every `RoleSpec` that names a role rather than PUBLIC or CURRENT_USER.
package enum RoleReferences {
    /// The roles `sql` names, sorted and each once; throws `SQLSyntaxError` when it does not parse.
    package static func roles(in sql: String) throws -> [String] {
        try roles(in: ParsedScript(sql))
    }

    /// The same, from a script already parsed (a large file is then parsed once).
    package static func roles(in script: ParsedScript) -> [String] {
        var found = Set<String>()
        for statement in script.statements {
            // Lists of roles hold `RoleSpec` nodes; a single role is a plain struct field (`OWNER TO`,
            // `AUTHORIZATION`, `REASSIGN OWNED ... TO`).
            var specs = statement.node.descendants("RoleSpec")
            specs += statement.node.descendants("AlterTableCmd").compactMap { $0["newowner"] }
            specs += ["newowner", "authrole", "newrole"].compactMap { statement.node[$0] }
            for spec in specs where spec["roletype"]?.isString("ROLESPEC_CSTRING") == true {
                if let name = spec["rolename"]?.string { found.insert(name) }
            }
        }
        return found.sorted()
    }

    /// The roles `CREATE ROLE` (`USER`, `GROUP`) statements of the script create.
    package static func createdRoles(in script: ParsedScript) -> [String] {
        script.statements.filter { $0.tag == "CreateRoleStmt" }.compactMap { $0.node["role"]?.string }.sorted()
    }
}
