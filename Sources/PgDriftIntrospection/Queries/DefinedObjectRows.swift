import Foundation
import PgDriftModel
import PgDriftPostgres

/// Renders the rows of `DefinedObjectsQuery` as `DefinedObject`s: each catalog field becomes the clause
/// CREATE takes for it, names and literals quoted here (`SQLQuote`), so that the planner only assembles
/// clauses. Upper-case clause names are `KEY = value` options of the CREATE statement (an empty value is
/// a flag such as `HASHES`); lower-case ones are placed by the kind's statement builder. A field at its
/// default gives no clause, so findings name only what was set.
enum DefinedObjectRows {
    static func read(_ result: QueryResult) throws -> [DefinedObject] {
        try result.rows.compactMap { row in
            guard let kind = DefinedObjectKind(rawValue: try row.string("kind")) else { return nil }
            let data = try JSONSerialization.jsonObject(with: Data(try row.string("data").utf8)) as? [String: Any] ?? [:]
            let schema = try row.optionalString("schema") ?? ""
            let table = try row.optionalString("table_name").map { QualifiedName(try row.string("table_schema"), $0) }
            let raw = try row.optionalString("name") ?? ""
            let fields = Fields(data)
            let name = kind.isDatabaseWide || kind == .rule ? SQLQuote.identifier(raw)
                : kind == .operator ? SQLQuote.identifier(schema) + "." + raw : SQLQuote.qualified(QualifiedName(schema, raw))
            return DefinedObject(
                kind: kind, schema: schema, table: table, identity: try row.string("identity"),
                name: kind == .userMapping && fields.bool("public") ? "PUBLIC" : name, clauses: clauses(kind, fields))
        }
    }

    /// The JSON fields of one row, read as text.
    struct Fields {
        let data: [String: Any]
        init(_ data: [String: Any]) { self.data = data }

        func text(_ key: String) -> String? {
            switch data[key] {
            case let value as String: value
            case let value as NSNumber: value.stringValue
            default: nil
            }
        }
        func bool(_ key: String) -> Bool { (data[key] as? NSNumber)?.boolValue ?? (data[key] as? Bool) ?? false }
        func list(_ key: String) -> [Any] { data[key] as? [Any] ?? [] }
        func strings(_ key: String) -> [String] { list(key).compactMap { $0 as? String } }
        func objects(_ key: String) -> [Fields] { list(key).compactMap { ($0 as? [String: Any]).map(Fields.init) } }
        /// `schema.name` from two fields, quoted.
        func qualified(_ schemaKey: String, _ nameKey: String) -> String? {
            guard let name = text(nameKey) else { return nil }
            return text(schemaKey).map { SQLQuote.qualified(QualifiedName($0, name)) } ?? SQLQuote.identifier(name)
        }
    }

    private typealias Clause = DefinedObject.Clause

    /// `OPTIONS` entries (`key=value` in the catalog) as one clause each: `option host` → `'db.internal'`.
    private static func options(_ entries: [String], prefix: String = "option ") -> [Clause] {
        entries.map { entry in
            let parts = entry.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return Clause(prefix + String(parts[0]), SQLQuote.literal(parts.count > 1 ? String(parts[1]) : ""))
        }
    }


    private static func clauses(_ kind: DefinedObjectKind, _ f: Fields) -> [Clause] {
        var out: [Clause] = []
        func add(_ name: String, _ value: String?) { if let value { out.append(Clause(name, value)) } }
        switch kind {
        case .collation:
            add("PROVIDER", ["i": "icu", "c": "libc", "b": "builtin"][f.text("provider") ?? ""] ?? f.text("provider"))
            add("LOCALE", f.text("locale").map(SQLQuote.literal))
            add("LC_COLLATE", f.text("lc_collate").map(SQLQuote.literal))
            add("LC_CTYPE", f.text("lc_ctype").map(SQLQuote.literal))
            if !f.bool("deterministic") { add("DETERMINISTIC", "false") }
            add("RULES", f.text("rules").map(SQLQuote.literal))
        case .foreignDataWrapper:
            add("handler", f.text("handler"))
            add("validator", f.text("validator"))
            out += options(f.strings("options"))
        case .foreignServer:
            add("type", f.text("type").map(SQLQuote.literal))
            add("version", f.text("version").map(SQLQuote.literal))
            add("wrapper", f.text("wrapper").map(SQLQuote.identifier))
            out += options(f.strings("options"))
        case .userMapping:
            add("server", f.text("server").map(SQLQuote.identifier))
        case .operator:
            add("FUNCTION", f.text("function"))
            add("LEFTARG", f.text("left"))
            add("RIGHTARG", f.text("right"))
            add("COMMUTATOR", f.text("commutator").map { "OPERATOR(\($0))" })
            add("NEGATOR", f.text("negator").map { "OPERATOR(\($0))" })
            add("RESTRICT", f.text("restrict"))
            add("JOIN", f.text("join"))
            if f.bool("hashes") { add("HASHES", "") }
            if f.bool("merges") { add("MERGES", "") }
        case .operatorFamily:
            add("method", f.text("method").map(SQLQuote.identifier))
            out += members(f)
        case .operatorClass:
            if f.bool("default") { add("default", "DEFAULT") }
            add("type", f.text("type"))
            add("method", f.text("method").map(SQLQuote.identifier))
            add("family", f.qualified("family_schema", "family"))
            out += members(f)
            add("storage", f.text("storage"))
        case .cast:
            add("source", f.text("source"))
            add("target", f.text("target"))
            switch f.text("method") {
            case "i": add("method", "WITH INOUT")
            case "b": add("method", "WITHOUT FUNCTION")
            default: add("method", f.text("function").map { "WITH FUNCTION " + $0 })
            }
            add("context", ["a": "AS ASSIGNMENT", "i": "AS IMPLICIT"][f.text("context") ?? ""])
        case .aggregate:
            out += aggregateClauses(f)
        case .textSearchDictionary:
            add("TEMPLATE", f.qualified("template_schema", "template"))
            add("options", f.text("options"))
        case .textSearchConfiguration:
            add("PARSER", f.qualified("parser_schema", "parser"))
            for mapping in f.objects("mappings") {
                if let token = mapping.text("token") { add("mapping " + token, mapping.text("dictionaries")) }
            }
        case .foreignTable:
            for column in f.objects("columns") {
                guard let name = column.text("name"), let type = column.text("type") else { continue }
                var text = type
                if let options = DefinedObject.optionsClause(options(column.strings("options"), prefix: "").map { ($0.name, $0.value) }) {
                    text += " " + options
                }
                if column.bool("not_null") { text += " NOT NULL" }
                if let expression = column.text("default") { text += " DEFAULT " + expression }
                add("column " + name, text)
            }
            add("server", f.text("server").map(SQLQuote.identifier))
            out += options(f.strings("options"))
        case .rule:
            add("definition", f.text("definition"))
            add("enabled", ruleOrTriggerState(f.text("enabled")))
        case .statistics:
            add("definition", f.text("definition"))
            // -1 (before 17) and NULL (17 on) both mean the column's default target.
            if let target = f.text("target"), target != "-1" { add("statistics", target) }
        case .publication:
            out += publicationClauses(f)
        case .eventTrigger:
            add("event", f.text("event").map(SQLQuote.identifier))
            let tags = f.strings("tags")
            if !tags.isEmpty { add("tags", tags.map(SQLQuote.literal).joined(separator: ", ")) }
            add("function", f.text("function"))
            add("enabled", ruleOrTriggerState(f.text("enabled")))
        }
        return out
    }

    /// `ev_enabled` / `evtenabled` other than the default `O`, as ALTER takes it.
    private static func ruleOrTriggerState(_ state: String?) -> String? {
        ["D": "DISABLE", "R": "ENABLE REPLICA", "A": "ENABLE ALWAYS"][state ?? "O"]
    }

    /// An operator family's or class's operators and support functions: `operator 1 (integer, integer)`
    /// → `public.<(integer,integer)`, `function 1 (integer, integer)` → `public.cmp(integer,integer)`.
    private static func members(_ f: Fields) -> [Clause] {
        f.objects("members").compactMap { member in
            guard let kind = member.text("member_kind"), let number = member.text("number"), let value = member.text("member") else { return nil }
            let types = "(\(member.text("lefttype") ?? ""), \(member.text("righttype") ?? ""))"
            let order = member.qualified("sort_schema", "sort_family").map { " FOR ORDER BY " + $0 } ?? ""
            return Clause("\(kind) \(number) \(types)", value + order)
        }
    }

    private static func aggregateClauses(_ f: Fields) -> [Clause] {
        var out: [Clause] = [Clause("arguments", f.text("arguments") ?? "")]
        func add(_ name: String, _ value: String?) { if let value, value != "0" { out.append(Clause(name, value)) } }
        let ordered = f.text("kind") != "n"
        add("SFUNC", f.text("sfunc"))
        add("STYPE", f.text("stype"))
        add("SSPACE", f.text("sspace"))
        add("FINALFUNC", f.text("finalfunc"))
        if f.bool("finalfunc_extra") { add("FINALFUNC_EXTRA", "") }
        // READ_ONLY is the default of a plain aggregate, READ_WRITE of an ordered-set one.
        let modify = ["r": "READ_ONLY", "s": "SHAREABLE", "w": "READ_WRITE"]
        if f.text("finalfunc") != nil, let value = f.text("finalfunc_modify"), value != (ordered ? "w" : "r") {
            add("FINALFUNC_MODIFY", modify[value])
        }
        add("COMBINEFUNC", f.text("combinefunc"))
        add("SERIALFUNC", f.text("serialfunc"))
        add("DESERIALFUNC", f.text("deserialfunc"))
        add("INITCOND", f.text("initcond").map(SQLQuote.literal))
        add("MSFUNC", f.text("msfunc"))
        add("MINVFUNC", f.text("minvfunc"))
        add("MSTYPE", f.text("mstype"))
        add("MSSPACE", f.text("msspace"))
        add("MFINALFUNC", f.text("mfinalfunc"))
        if f.bool("mfinalfunc_extra") { add("MFINALFUNC_EXTRA", "") }
        if f.text("mfinalfunc") != nil, let value = f.text("mfinalfunc_modify"), value != "r" { add("MFINALFUNC_MODIFY", modify[value]) }
        add("MINITCOND", f.text("minitcond").map(SQLQuote.literal))
        add("SORTOP", f.text("sortop").map { "OPERATOR(\($0))" })
        add("PARALLEL", ["s": "SAFE", "r": "RESTRICTED"][f.text("parallel") ?? "u"])
        if f.text("kind") == "h" { add("HYPOTHETICAL", "") }
        return out
    }

    private static func publicationClauses(_ f: Fields) -> [Clause] {
        var out: [Clause] = []
        if f.bool("all_tables") { out.append(Clause("all tables", "FOR ALL TABLES")) }
        for table in f.objects("tables") {
            guard let name = table.qualified("schema", "name") else { continue }
            var text = ""
            let columns = table.strings("columns")
            if !columns.isEmpty { text += "(" + columns.map(SQLQuote.identifier).joined(separator: ", ") + ")" }
            if let condition = table.text("where") { text += (text.isEmpty ? "" : " ") + "WHERE (\(condition))" }
            out.append(Clause("table " + name, text))
        }
        for schema in f.strings("schemas") { out.append(Clause("schema " + SQLQuote.identifier(schema), "")) }
        let actions = ["insert", "update", "delete", "truncate"].filter { f.bool($0) }
        if actions.count < 4 { out.append(Clause("publish", SQLQuote.literal(actions.joined(separator: ", ")))) }
        if f.bool("via_root") { out.append(Clause("publish_via_partition_root", "true")) }
        if let generated = f.text("generated_columns"), generated != "n" { out.append(Clause("publish_generated_columns", generated == "s" ? "stored" : generated)) }
        return out
    }
}
