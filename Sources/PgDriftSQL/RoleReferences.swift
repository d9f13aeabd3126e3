import Foundation

/// The roles a SQL script names (in `CREATE POLICY ... TO`, `GRANT ... TO`, `OWNER TO`, ...), read from
/// PostgreSQL's parse tree: every `RoleSpec` that names a role rather than PUBLIC or CURRENT_USER.
public enum RoleReferences {
    public static func roles(in sql: String) throws -> [String] {
        let json = try PgQuery.parseToJSON(sql)
        let tree = try JSONSerialization.jsonObject(with: Data(json.utf8))
        var found = Set<String>()
        collect(tree, into: &found)
        return found.sorted()
    }

    private static func collect(_ node: Any, into found: inout Set<String>) {
        if let object = node as? [String: Any] {
            if let spec = object["RoleSpec"] as? [String: Any],
                spec["roletype"] as? String == "ROLESPEC_CSTRING", let name = spec["rolename"] as? String
            {
                found.insert(name)
            }
            for value in object.values { collect(value, into: &found) }
        } else if let array = node as? [Any] {
            for value in array { collect(value, into: &found) }
        }
    }
}
