import PgDriftModel

/// CREATE and DROP statements for operators, casts, aggregates, collations, text search objects, rules,
/// extended statistics, event triggers, publications and foreign-data objects, assembled from the
/// clauses introspection rendered (`DefinedObject`: names and literals were quoted when read).
enum DefinedObjectStatements {
    /// The statements that create the object: one, or a CREATE and the ALTERs that complete it.
    static func create(_ object: DefinedObject) -> [String] {
        let name = object.name
        switch object.kind {
        case .collation, .operator:
            return ["CREATE \(object.kind.keyword) \(name) (\(keyValues(object)));"]
        case .aggregate:
            let arguments = object["arguments"].flatMap { $0.isEmpty ? nil : $0 } ?? "*"
            return ["CREATE AGGREGATE \(name)(\(arguments)) (\(keyValues(object)));"]
        case .textSearchDictionary:
            let options = object["options"].map { ", " + $0 } ?? ""
            return ["CREATE TEXT SEARCH DICTIONARY \(name) (\(keyValues(object))\(options));"]
        case .textSearchConfiguration:
            return ["CREATE TEXT SEARCH CONFIGURATION \(name) (\(keyValues(object)));"]
                + object.clauses(named: "mapping ").map { token, dictionaries in
                    "ALTER TEXT SEARCH CONFIGURATION \(name) ADD MAPPING FOR \(SQLQuote.identifier(token)) WITH \(dictionaries);"
                }
        case .foreignDataWrapper:
            let parts = [object["handler"].map { "HANDLER " + $0 }, object["validator"].map { "VALIDATOR " + $0 }, options(object)]
            return ["CREATE FOREIGN DATA WRAPPER \(name)" + parts.compactMap { $0.map { " " + $0 } }.joined() + ";"]
        case .foreignServer:
            let parts = [object["type"].map { "TYPE " + $0 }, object["version"].map { "VERSION " + $0 },
                         object["wrapper"].map { "FOREIGN DATA WRAPPER " + $0 }, options(object)]
            return ["CREATE SERVER \(name)" + parts.compactMap { $0.map { " " + $0 } }.joined() + ";"]
        case .userMapping:
            return ["CREATE USER MAPPING FOR \(name) SERVER \(object["server"] ?? "");"]
        case .foreignTable:
            let columns = object.clauses(named: "column ").map { "    \(SQLQuote.identifier($0.name)) \($0.value)" }
            let tail = [object["server"].map { "SERVER " + $0 }, options(object)].compactMap { $0 }.joined(separator: " ")
            return ["CREATE FOREIGN TABLE \(name) (\n\(columns.joined(separator: ",\n"))\n) \(tail);"]
        case .operatorFamily:
            let method = object["method"] ?? ""
            let members = familyMembers(object)
            return ["CREATE OPERATOR FAMILY \(name) USING \(method);"]
                + (members.isEmpty ? [] : ["ALTER OPERATOR FAMILY \(name) USING \(method) ADD\n    \(members.joined(separator: ",\n    "));"])
        case .operatorClass:
            let head = [object["default"], "FOR TYPE " + (object["type"] ?? ""), "USING " + (object["method"] ?? ""),
                        object["family"].map { "FAMILY " + $0 }].compactMap { $0 }.joined(separator: " ")
            let items = familyMembers(object) + (object["storage"].map { ["STORAGE " + $0] } ?? [])
            return ["CREATE OPERATOR CLASS \(name) \(head) AS\n    \(items.joined(separator: ",\n    "));"]
        case .cast:
            let parts = [object["method"], object["context"]].compactMap { $0 }.joined(separator: " ")
            return ["CREATE CAST (\(object["source"] ?? "") AS \(object["target"] ?? "")) \(parts);"]
        case .rule:
            return [statement(object["definition"] ?? "")] + enabled(object)
        case .statistics:
            return [statement(object["definition"] ?? "")]
                + (object["statistics"].map { ["ALTER STATISTICS \(name) SET STATISTICS \($0);"] } ?? [])
        case .publication:
            return ["CREATE PUBLICATION \(name)\(publicationBody(object));"]
        case .eventTrigger:
            let tags = object["tags"].map { " WHEN TAG IN (\($0))" } ?? ""
            return ["CREATE EVENT TRIGGER \(name) ON \(object["event"] ?? "")\(tags) EXECUTE FUNCTION \(object["function"] ?? "")();"]
                + enabled(object)
        }
    }

    /// The statement that drops the object.
    static func drop(_ object: DefinedObject) -> String {
        switch object.kind {
        case .userMapping: "DROP USER MAPPING IF EXISTS FOR \(object.name) SERVER \(object["server"] ?? "");"
        case .aggregate: "DROP AGGREGATE IF EXISTS \(object.identity);"
        default: "DROP \(object.kind.keyword) IF EXISTS \(object.identity);"
        }
    }

    /// ALTER … DISABLE / ENABLE REPLICA / ENABLE ALWAYS for a rule or event trigger not in the default state.
    static func enabled(_ object: DefinedObject) -> [String] {
        guard let state = object["enabled"] else { return [] }
        switch object.kind {
        case .rule: return object.table.map { ["ALTER TABLE \(SQLQuote.qualified($0)) \(state) RULE \(object.name);"] } ?? []
        case .eventTrigger: return ["ALTER EVENT TRIGGER \(object.name) \(state);"]
        default: return []
        }
    }

    /// `ALTER … ENABLE` that puts a rule or event trigger back to its default state.
    static func reenabled(_ object: DefinedObject) -> String? {
        switch object.kind {
        case .rule: object.table.map { "ALTER TABLE \(SQLQuote.qualified($0)) ENABLE RULE \(object.name);" }
        case .eventTrigger: "ALTER EVENT TRIGGER \(object.name) ENABLE;"
        default: nil
        }
    }

    /// The upper-case clauses as `KEY = value` (a flag when the value is empty).
    private static func keyValues(_ object: DefinedObject) -> String {
        object.clauses.filter { $0.name.first?.isUppercase == true }
            .map { $0.value.isEmpty ? $0.name : "\($0.name) = \($0.value)" }.joined(separator: ", ")
    }

    /// `OPTIONS (host 'x')` from the `option ` clauses.
    private static func options(_ object: DefinedObject) -> String? {
        DefinedObject.optionsClause(object.clauses(named: "option "))
    }

    /// `OPERATOR 1 public.<(integer,integer)`, `FUNCTION 1 (integer, integer) public.cmp(integer,integer)`.
    private static func familyMembers(_ object: DefinedObject) -> [String] {
        object.clauses.compactMap { clause in
            let words = clause.name.split(separator: " ", maxSplits: 2).map(String.init)
            guard words.count == 3 else { return nil }
            switch words[0] {
            case "operator": return "OPERATOR \(words[1]) \(clause.value)"
            case "function": return "FUNCTION \(words[1]) \(words[2]) \(clause.value)"
            default: return nil
            }
        }
    }

    /// ` FOR TABLE a (x) WHERE (…), TABLES IN SCHEMA s WITH (publish = '…')`.
    private static func publicationBody(_ object: DefinedObject) -> String {
        var body = ""
        if object["all tables"] != nil {
            body = " FOR ALL TABLES"
        } else {
            let tables = object.clauses(named: "table ").map { "TABLE " + $0.name + ($0.value.isEmpty ? "" : " " + $0.value) }
            let schemas = object.clauses(named: "schema ").map { "TABLES IN SCHEMA " + $0.name }
            let targets = tables + schemas
            if !targets.isEmpty { body = " FOR " + targets.joined(separator: ", ") }
        }
        let settings = ["publish", "publish_via_partition_root", "publish_generated_columns"].compactMap { key in
            object[key].map { "\(key) = \($0)" }
        }
        return settings.isEmpty ? body : body + " WITH (\(settings.joined(separator: ", ")))"
    }

    /// A definition the server printed, as one statement ending in a semicolon.
    private static func statement(_ definition: String) -> String {
        var text = definition
        while text.last == ";" || text.last == " " || text.last == "\n" { text.removeLast() }
        return text + ";"
    }
}
