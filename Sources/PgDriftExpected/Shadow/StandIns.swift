import Foundation
import PgDriftIntrospection
import PgDriftModel

/// Stand-ins for an extension this machine does not have, made in a shadow database from the audited
/// database's definitions of its members (`ExtensionMemberDefinition`): the same names and signatures,
/// so the migrations that use it run there. See docs/design/extension-stand-ins.md for what each kind
/// needs and why.
///
/// - Base types take their input and output from `text`'s functions (any literal is accepted and printed
///   back as written) and an integer modifier from `bit`'s (stored unchanged, so `vector(1536)` prints
///   back the same).
/// - Functions return NULL (an empty set, nothing for a procedure) whatever their arguments: a
///   migration may call one (`SELECT cron.schedule(...)`), and nothing it returns is part of the schema.
///   Those PL/pgSQL cannot declare (`internal`, `cstring` arguments or results, window functions) raise
///   when called, and an operator class's options function is one that CREATE INDEX may call.
/// - Operators, operator families and classes, casts and aggregates are made as the extension made them.
/// - An index access method of its own (pgvector's hnsw and ivfflat) runs on GiST's code, and its
///   operator classes get GiST's box functions as support functions: an index built on an empty
///   table calls none of them, and the catalog records only the method, the class and the options
///   (which GiST would refuse: `IndexStandIn` takes them out of the statement and puts them back in
///   the catalog read afterwards).
///   Members it does not help to stand in (tables, event triggers) are left out.
///
/// The statements run as the shadow's superuser with the extension's schema first on the search path:
/// names in that schema are written unqualified, so they land where `CREATE EXTENSION … SCHEMA` would.
package struct StandIns {
    let members: ExtensionMembers

    package init(members: ExtensionMembers) { self.members = members }

    /// One member with its definition decoded.
    private struct Member {
        var definition: ExtensionMemberDefinition
        var detail: [String: Any]

        func string(_ key: String) -> String? { detail[key] as? String }
        func bool(_ key: String) -> Bool { detail[key] as? Bool ?? false }
        func strings(_ key: String) -> [String] { detail[key] as? [String] ?? [] }
    }

    /// The support function number of an operator class's options function, per access method:
    /// CREATE INDEX calls it.
    private static let optionsSupport = ["btree": 5, "hash": 3, "gist": 10, "gin": 7, "spgist": 6, "brin": 5]

    /// The index access methods every PostgreSQL has.
    private static let builtinMethods: Set<String> = ["btree", "hash", "gist", "gin", "spgist", "brin"]

    /// The extension's own index access methods.
    package var accessMethods: Set<String> {
        Set(members.definitions.filter { $0.kind == "access method" }.map { $0.name ?? $0.identity })
    }

    /// GiST's support functions that an index build looks up, on boxes: a stood-in access method's
    /// operator classes carry them instead of the extension's own.
    private static let gistSupport = [
        "FUNCTION 1 gist_box_consistent(internal, box, smallint, oid, internal)", "FUNCTION 2 gist_box_union(internal, internal)",
        "FUNCTION 5 gist_box_penalty(internal, internal, internal)", "FUNCTION 6 gist_box_picksplit(internal, internal)",
        "FUNCTION 7 gist_box_same(box, box, internal)", "FUNCTION 8 gist_box_distance(internal, box, smallint, oid, internal)",
    ]

    /// The statements, in the order they must run.
    package func statements() -> [String] {
        let all: [Member] = members.definitions.compactMap { definition in
            guard let text = definition.detail else {
                return definition.kind == "schema" ? Member(definition: definition, detail: [:]) : nil
            }
            guard let data = text.data(using: .utf8), let detail = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                return nil
            }
            return Member(definition: definition, detail: detail)
        }
        // Operator classes and families of an access method that is neither built in nor the extension's
        // own cannot be made.
        let methods = Self.builtinMethods.union(accessMethods)
        func of(_ kinds: String...) -> [Member] {
            all.filter { member in kinds.contains(member.definition.kind) && member.string("method").map(methods.contains) != false }
        }
        let types = of("type")
        let functions = of("function", "procedure")
        // What a built-in gives a function its type or operator class needs it for.
        var builtin: [String: String] = [:]
        for type in types {
            for (key, source) in [("input", "textin"), ("output", "textout"), ("receive", "textrecv"), ("send", "textsend"),
                                  ("typmod_in", "bittypmodin")] {
                if let function = type.string(key) { builtin[function] = source }
            }
        }
        for family in of("operator class", "operator family") {
            guard let number = Self.optionsSupport[family.string("method") ?? ""] else { continue }
            for item in family.strings("items") where item.hasPrefix("FUNCTION \(number) (") {
                // `FUNCTION 10 (a, b) name(args)`: the function is what follows the closing parenthesis.
                guard let close = item.firstIndex(of: ")") else { continue }
                builtin[item[item.index(after: close)...].trimmingCharacters(in: .whitespaces)] = "gtsvector_options"
            }
        }
        var sql: [String] = []
        for schema in of("schema") { sql.append("CREATE SCHEMA IF NOT EXISTS \(SQLQuote.identifier(schema.definition.identity));") }
        // Shell types first: their input and output functions name them.
        for type in types where type.string("typtype") == "b" { sql.append("CREATE TYPE \(name(type, type.string("typname")));") }
        for function in functions where builtin[function.string("regprocedure") ?? ""] != nil {
            sql.append(self.function(function, body: builtin[function.string("regprocedure")!]!))
        }
        // The types themselves (which makes their array types, which other functions may take).
        for type in types { if let statement = self.type(type) { sql.append(statement) } }
        for function in functions where builtin[function.string("regprocedure") ?? ""] == nil {
            sql.append(self.function(function, body: nil))
        }
        for op in of("operator") { if let statement = self.operator(op) { sql.append(statement) } }
        for aggregate in of("aggregate") { if let statement = self.aggregate(aggregate) { sql.append(statement) } }
        for method in of("access method") where method.string("amtype") == "i" {
            sql.append("CREATE ACCESS METHOD \(SQLQuote.identifier(method.string("amname") ?? method.definition.identity)) TYPE INDEX HANDLER gisthandler;")
        }
        for family in of("operator family") {
            sql.append("CREATE OPERATOR FAMILY \(name(family, family.string("opfname"))) USING \(family.string("method") ?? "btree");")
        }
        for operatorClass in of("operator class") { if let statement = self.operatorClass(operatorClass) { sql.append(statement) } }
        for family in of("operator family") where !family.strings("items").isEmpty && !accessMethods.contains(family.string("method") ?? "") {
            sql.append("ALTER OPERATOR FAMILY \(name(family, family.string("opfname"))) USING \(family.string("method") ?? "btree") ADD "
                + family.strings("items").joined(separator: ", ") + ";")
        }
        for cast in of("cast") { if let statement = self.cast(cast) { sql.append(statement) } }
        return sql
    }

    /// A member's name as the statements write it: unqualified in the extension's schema.
    private func name(_ member: Member, _ raw: String?) -> String {
        let bare = SQLQuote.identifier(raw ?? member.definition.name ?? "")
        guard let schema = member.definition.schema, schema != members.schema else { return bare }
        return SQLQuote.identifier(schema) + "." + bare
    }

    private func type(_ type: Member) -> String? {
        let typeName = name(type, type.string("typname"))
        switch type.string("typtype") {
        case "b":
            // `name(args)` → `name`: the functions exist by now, with these arguments.
            func function(_ key: String) -> String? { type.string(key).map { String($0.prefix { $0 != "(" }) } }
            var options = ["INPUT = \(function("input") ?? "")", "OUTPUT = \(function("output") ?? "")"]
            if let receive = function("receive") { options.append("RECEIVE = \(receive)") }
            if let send = function("send") { options.append("SEND = \(send)") }
            if let typmod = function("typmod_in") { options.append("TYPMOD_IN = \(typmod)") }
            let alignment = ["c": "char", "s": "int2", "i": "int4", "d": "double"][type.string("typalign") ?? "i"] ?? "int4"
            let storage = ["p": "plain", "e": "external", "m": "main", "x": "extended"][type.string("typstorage") ?? "x"] ?? "extended"
            options += ["INTERNALLENGTH = VARIABLE", "ALIGNMENT = \(alignment)", "STORAGE = \(storage)",
                        "CATEGORY = \(SQLQuote.literal(type.string("typcategory") ?? "U"))", "COLLATABLE = \(type.bool("collatable"))"]
            if type.bool("typispreferred") { options.append("PREFERRED = true") }
            return "CREATE TYPE \(typeName) (\(options.joined(separator: ", ")));"
        case "d":
            // Its checks call the extension's functions, which stand-ins cannot answer.
            return "CREATE DOMAIN \(typeName) AS \(type.string("domain_base") ?? "text")\(type.bool("domain_notnull") ? " NOT NULL" : "");"
        case "e":
            return "CREATE TYPE \(typeName) AS ENUM (\(type.strings("enum_labels").map(SQLQuote.literal).joined(separator: ", ")));"
        case "c":
            let attributes = (type.detail["attributes"] as? [[String]] ?? []).map { "\(SQLQuote.identifier($0[0])) \($0[1])" }
            return "CREATE TYPE \(typeName) AS (\(attributes.joined(separator: ", ")));"
        case "r":
            guard let subtype = type.string("range_subtype") else { return nil }
            let multirange = type.string("range_multirange").map { ", MULTIRANGE_TYPE_NAME = \($0)" } ?? ""
            return "CREATE TYPE \(typeName) AS RANGE (SUBTYPE = \(subtype)\(multirange));"
        default:
            return nil
        }
    }

    /// A function or procedure: `body` names a built-in C function to take, else it returns NULL.
    private func function(_ function: Member, body builtinBody: String?) -> String {
        let signature = "\(name(function, function.string("proname")))(\(function.string("args") ?? ""))"
        if function.string("prokind") == "p" {
            return "CREATE PROCEDURE \(signature) LANGUAGE plpgsql AS $pgdrift$BEGIN END$pgdrift$;"
        }
        let result = function.string("result") ?? "void"
        var flags = ["i": "IMMUTABLE", "s": "STABLE", "v": "VOLATILE"][function.string("volatile") ?? "v"] ?? "VOLATILE"
        if function.bool("strict") { flags += " STRICT" }
        flags += ["s": " PARALLEL SAFE", "r": " PARALLEL RESTRICTED"][function.string("parallel") ?? "u"] ?? ""
        // The words of the signature as the catalog printed it: PL/pgSQL cannot take or return these.
        let words = Set(((function.string("args") ?? "") + " " + result)
            .split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).map(String.init))
        let plpgsqlCannot = builtinBody != nil || function.string("prokind") == "w"
            || !words.isDisjoint(with: ["internal", "cstring", "language_handler", "index_am_handler", "table_am_handler", "tsm_handler", "fdw_handler"])
        if plpgsqlCannot {
            let window = function.string("prokind") == "w" ? " WINDOW" : ""
            return "CREATE FUNCTION \(signature) RETURNS \(result)\(window) LANGUAGE internal \(flags) AS \(SQLQuote.literal(builtinBody ?? "shell_in"));"
        }
        // A set or OUT arguments end with RETURN alone; a value with RETURN NULL.
        let returns = result.hasPrefix("SETOF ") || result.hasPrefix("TABLE(") || (function.string("args") ?? "").contains("OUT ")
            ? "RETURN;" : "RETURN NULL;"
        return "CREATE FUNCTION \(signature) RETURNS \(result) LANGUAGE plpgsql \(flags) AS $pgdrift$BEGIN \(returns) END$pgdrift$;"
    }

    private func `operator`(_ op: Member) -> String? {
        guard let oprname = op.string("oprname"), let function = op.string("function"), let right = op.string("right") else { return nil }
        var options = ["FUNCTION = \(function.prefix { $0 != "(" })"]
        if let left = op.string("left") { options.append("LEFTARG = \(left)") }
        options.append("RIGHTARG = \(right)")
        if let commutator = op.string("commutator") { options.append("COMMUTATOR = \(commutator)") }
        if let negator = op.string("negator") { options.append("NEGATOR = \(negator)") }
        // Only built-in estimators: the planner calls them.
        if let restrict = op.string("restrict") { options.append("RESTRICT = \(restrict)") }
        if let join = op.string("join") { options.append("JOIN = \(join)") }
        if op.bool("hashes") { options.append("HASHES") }
        if op.bool("merges") { options.append("MERGES") }
        let schema = op.definition.schema.flatMap { $0 == members.schema ? nil : SQLQuote.identifier($0) + "." } ?? ""
        return "CREATE OPERATOR \(schema)\(oprname) (\(options.joined(separator: ", ")));"
    }

    private func aggregate(_ aggregate: Member) -> String? {
        guard let definition = aggregate.detail["aggregate"] as? [String: Any], let transition = definition["sfunc"] as? String,
            let state = definition["stype"] as? String
        else { return nil }
        var options = ["SFUNC = \(transition.prefix { $0 != "(" })", "STYPE = \(state)"]
        if let final = definition["finalfunc"] as? String { options.append("FINALFUNC = \(final.prefix { $0 != "(" })") }
        if let combine = definition["combinefunc"] as? String { options.append("COMBINEFUNC = \(combine.prefix { $0 != "(" })") }
        if let initial = definition["initcond"] as? String { options.append("INITCOND = \(SQLQuote.literal(initial))") }
        if let sort = definition["sortop"] as? String { options.append("SORTOP = OPERATOR(\(sort.prefix { $0 != "(" }))") }
        return "CREATE AGGREGATE \(name(aggregate, aggregate.string("proname")))(\(aggregate.string("identity_args") ?? "*")) (\(options.joined(separator: ", ")));"
    }

    private func operatorClass(_ operatorClass: Member) -> String? {
        guard let method = operatorClass.string("method"), let type = operatorClass.string("for_type") else { return nil }
        var items = operatorClass.strings("items")
        if accessMethods.contains(method) { items = items.filter { $0.hasPrefix("OPERATOR ") } + Self.gistSupport }
        if let storage = operatorClass.string("storage") { items.append("STORAGE \(storage)") }
        guard !items.isEmpty else { return nil }
        let family = operatorClass.string("family").map { " FAMILY \($0)" } ?? ""
        return "CREATE OPERATOR CLASS \(name(operatorClass, operatorClass.string("opcname")))\(operatorClass.bool("default") ? " DEFAULT" : "") "
            + "FOR TYPE \(type) USING \(method)\(family) AS \(items.joined(separator: ", "));"
    }

    private func cast(_ cast: Member) -> String? {
        guard let source = cast.string("source"), let target = cast.string("target") else { return nil }
        let context = ["a": " AS ASSIGNMENT", "i": " AS IMPLICIT"][cast.string("context") ?? "e"] ?? ""
        let how: String
        switch cast.string("method") {
        case "f": guard let function = cast.string("function") else { return nil }; how = "WITH FUNCTION \(function)"
        case "b": how = "WITHOUT FUNCTION"
        default: how = "WITH INOUT"
        }
        return "CREATE CAST (\(source) AS \(target)) \(how)\(context);"
    }
}
