import PgDriftModel

/// CREATE OR REPLACE FUNCTION / PROCEDURE and CREATE VIEW.
enum RoutineStatements {
    static func createFunction(_ function: Function) -> String {
        let kind = function.kind == .procedure ? "PROCEDURE" : "FUNCTION"
        var sql = "CREATE OR REPLACE \(kind) \(SQLName.qualified(function.name))(\(function.arguments))"
        if let result = function.returnType { sql += "\n RETURNS \(result)" }
        sql += "\n LANGUAGE \(SQLName.identifier(function.language))"
        if function.kind != .procedure {
            if function.kind == .window { sql += " WINDOW" }
            sql += " \(function.volatility.rawValue)"
            if function.isStrict { sql += " STRICT" }
            if function.isLeakproof { sql += " LEAKPROOF" }
            if function.parallel != .unsafe { sql += " PARALLEL \(function.parallel.rawValue)" }
        }
        if function.isSecurityDefiner { sql += " SECURITY DEFINER" }
        if let cost = function.cost { sql += " COST \(Function.estimateSQL(cost))" }
        if let rows = function.rows { sql += " ROWS \(Function.estimateSQL(rows))" }
        // Without SUPPORT, CREATE OR REPLACE takes a support function away: the clause always says it.
        if let support = function.support { sql += " SUPPORT \(SQLName.qualified(support))" }
        for setting in function.configuration { sql += "\n SET \(configuration(setting))" }
        // A SQL-standard body is written as the server prints it (its names qualified).
        sql += function.sqlBody.map { "\n\($0);" } ?? "\nAS \(SQLQuote.dollarQuoted(function.body));"
        return sql
    }

    /// `ALTER FUNCTION f(args) COST c ROWS r`: the estimates alone, the defaults written out (COST 1 for
    /// C and internal functions, 100 for the others; ROWS 1000 for a set-returning function).
    static func alterEstimates(_ function: Function, from old: Function) -> String? {
        var parts: [String] = []
        if function.cost != old.cost {
            let language = function.language.lowercased()
            parts.append("COST \(Function.estimateSQL(function.cost ?? (language == "c" || language == "internal" ? 1 : 100)))")
        }
        if function.rows != old.rows { parts.append("ROWS \(Function.estimateSQL(function.rows ?? 1000))") }
        guard !parts.isEmpty else { return nil }
        let kind = function.kind == .procedure ? "PROCEDURE" : "FUNCTION"
        return "ALTER \(kind) \(SQLName.qualified(function.name))(\(function.identityArguments)) \(parts.joined(separator: " "));"
    }

    /// `search_path=app, "$user"` (as `proconfig` stores it) → `search_path TO 'app', '$user'`.
    static func configuration(_ setting: String) -> String {
        guard let equals = setting.firstIndex(of: "=") else { return setting }
        let name = String(setting[..<equals])
        let value = String(setting[setting.index(after: equals)...])
        // List-valued settings are stored comma-separated, elements double-quoted where needed.
        let listSettings: Set<String> = ["search_path", "temp_tablespaces", "session_preload_libraries",
                                         "shared_preload_libraries", "local_preload_libraries"]
        guard listSettings.contains(name) else { return "\(name) TO \(SQLQuote.literal(value))" }
        let elements = value.split(separator: ",").map { element -> String in
            var text = element.trimmingWhitespace()
            if text.count >= 2, text.first == "\"", text.last == "\"" {
                text = String(text.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
            }
            return SQLQuote.literal(text)
        }
        return "\(name) TO \(elements.joined(separator: ", "))"
    }

    /// CREATE VIEW, or a materialized view WITH NO DATA (a snapshot's DDL) or WITH DATA (a plan's).
    static func createView(_ view: View, replacing: Bool = false, withData: Bool = false) -> String {
        var sql: String
        if view.isMaterialized {
            sql = "CREATE MATERIALIZED VIEW \(replacing ? "IF NOT EXISTS " : "")\(SQLName.qualified(view.name))"
        } else {
            sql = "CREATE \(replacing ? "OR REPLACE " : "")VIEW \(SQLName.qualified(view.name))"
        }
        if !view.options.isEmpty { sql += " WITH (\(view.options.joined(separator: ", ")))" }
        sql += " AS\n\(SQLName.query(view.definition))"
        if view.isMaterialized { sql += withData ? "\nWITH DATA" : "\nWITH NO DATA" }
        return sql + ";"
    }
}

extension Substring {
    func trimmingWhitespace() -> String {
        var text = self
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
