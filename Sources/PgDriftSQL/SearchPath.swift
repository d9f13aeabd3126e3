/// A `search_path` setting, as a function's `SET search_path = ...` stores it (`proconfig`).
package enum SearchPath {
    /// The schemas of a function's `search_path=...` setting, read with PostgreSQL's parser (names may
    /// be quoted); nil when the function sets none. `$user` and empty names are left out.
    package static func ofFunction(configuration: [String]) -> [String]? {
        let prefix = "search_path="
        guard let setting = configuration.first(where: { $0.hasPrefix(prefix) }) else { return nil }
        return parse(String(setting.dropFirst(prefix.count)))
    }

    /// The schemas of a search_path value such as `"$user", public`; nil when it does not parse.
    package static func parse(_ value: String) -> [String]? {
        guard let json = try? PgQuery.parseToJSON("SET search_path TO \(value)"),
            let tree = try? ParseTree(json: json),
            let set = tree["stmts"]?.items.first?["stmt"]?.node("VariableSetStmt")
        else { return nil }
        return (set["args"]?.items ?? []).compactMap { $0.node("A_Const")?["sval"]?["sval"]?.string }
            .filter { !$0.isEmpty && $0 != "$user" }
    }
}
