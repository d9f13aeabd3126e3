/// The roles a SQL script names (in `CREATE POLICY ... TO`, `GRANT ... TO`, `OWNER TO`, ...), read from
/// PostgreSQL's parse tree: every `RoleSpec` that names a role rather than PUBLIC or CURRENT_USER.
public enum RoleReferences {
    /// The roles `sql` names, sorted and each once; throws `SQLSyntaxError` when it does not parse.
    public static func roles(in sql: String) throws -> [String] {
        try roles(in: ParsedScript(sql))
    }

    /// The same, from a script already parsed (a large file is then parsed once).
    public static func roles(in script: ParsedScript) -> [String] {
        var found = Set<String>()
        for statement in script.statements {
            for spec in statement.node.descendants("RoleSpec") where spec["roletype"]?.isString("ROLESPEC_CSTRING") == true {
                if let name = spec["rolename"]?.string { found.insert(name) }
            }
        }
        return found.sorted()
    }
}
