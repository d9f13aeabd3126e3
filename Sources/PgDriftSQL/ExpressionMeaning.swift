/// Compares two SQL expressions by meaning: both are parsed by PostgreSQL's parser and compared as
/// trees without what only changes the spelling — locations, parentheses, quoting, the casts the server
/// adds to constants and columns when it stores an expression (`'x'` is `'x'::text`), a constant's
/// spelling (`-1` is `'-1'::integer`), and schema qualification of functions and operators.
public enum ExpressionMeaning {
    /// Whether `a` and `b` mean the same; false when either does not parse.
    public static func same(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        guard let left = canonical(a), let right = canonical(b) else { return false }
        return left == right
    }

    /// The expression's tree as a string with the spelling-only differences removed.
    public static func canonical(_ expression: String) -> String? {
        guard let script = try? ParsedScript("SELECT " + expression),
            script.statements.count == 1,
            let targets = script.statements[0].node["targetList"]?.elements, targets.count == 1,
            let value = targets[0].node("ResTarget")?["val"]
        else { return nil }
        var out = ""
        write(value, into: &out)
        return out
    }

    /// Whether two queries (a view's definition) mean the same: compared as trees the way expressions
    /// are, and also without what the server adds when it prints a stored query — relation and
    /// column qualification aside, which the reader of SQL files writes out: `AS name` where the name
    /// is the one PostgreSQL gives anyway, `ASC`, the default NULLS order. False when either does not
    /// parse as one SELECT.
    public static func sameQuery(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        guard let left = canonicalQuery(a), let right = canonicalQuery(b) else { return false }
        return left == right
    }

    /// The query's tree as a string with the spelling-only differences removed.
    public static func canonicalQuery(_ query: String) -> String? {
        guard let script = try? ParsedScript(query), script.statements.count == 1, script.statements[0].tag == "SelectStmt" else {
            return nil
        }
        var out = ""
        write(script.statements[0].node, into: &out)
        return out
    }

    private static func write(_ node: ParseNode, into out: inout String) {
        if let (tag, body) = node.tagged, node.members.count == 1 {
            switch tag {
            case "ResTarget" where body["val"] != nil:
                // An output column: its name (given or the one PostgreSQL makes up) and its value.
                out += "target(" + (body["name"]?.string ?? OutputNames.name(of: body["val"]!)) + ":"
                write(body["val"]!, into: &out)
                out += ")"
                return
            case "SortBy":
                let descending = body["sortby_dir"]?.isString("SORTBY_DESC") == true
                let nulls = body["sortby_nulls"]?.string ?? "SORTBY_NULLS_DEFAULT"
                let nullsFirst = nulls == "SORTBY_NULLS_DEFAULT" ? descending : nulls == "SORTBY_NULLS_FIRST"
                out += "sort(\(descending ? "desc" : "asc"),\(nullsFirst ? "first" : "last"),"
                if let using = body["useOp"] { write(using, into: &out) }
                if let value = body["node"] { write(value, into: &out) }
                out += ")"
                return
            case "TypeName":
                // `timestamptz` and `timestamp with time zone` are both pg_catalog's.
                var names = body["names"]?.strings ?? []
                if names.count == 2 && names[0] == "pg_catalog" { names.removeFirst() }
                out += "type(" + names.joined(separator: ".") + ","
                for (key, value) in body.members where key != "location" && key != "names" {
                    out += key + ":"
                    write(value, into: &out)
                    out += ","
                }
                out += ")"
                return
            case "TypeCast":
                if let argument = body["arg"], isConstantOrColumn(argument) {
                    write(argument, into: &out)
                    return
                }
            case "A_Const":
                out += "const("
                if body["isnull"]?.bool == true { out += "NULL" }
                else if body["ival"] != nil { out += body.integerConstant.map(String.init) ?? "?" }
                else if let value = body["fval"]?["fval"]?.string { out += value }
                else if let value = body["sval"] { out += value["sval"]?.string ?? "" }
                else if let value = body["boolval"] { out += value["boolval"]?.bool == true ? "true" : "false" }
                out += ")"
                return
            case "FuncCall", "A_Expr":
                // Qualification of a function or operator name is spelling: keep the last part.
                out += tag + "{"
                for (key, value) in body.members where key != "location" {
                    out += key + ":"
                    if key == "funcname" || key == "name" {
                        out += value.strings.last ?? ""
                    } else {
                        write(value, into: &out)
                    }
                    out += ","
                }
                out += "}"
                return
            default:
                break
            }
        }
        if let string = node.string {
            out += "\"" + string + "\""
            return
        }
        let elements = node.elements
        if !elements.isEmpty || node.isEmptyArray {
            out += "["
            for element in elements { write(element, into: &out); out += "," }
            out += "]"
            return
        }
        let members = node.members
        if !members.isEmpty || node.isEmptyObject {
            out += "{"
            for (key, value) in members where key != "location" {
                out += key + ":"
                write(value, into: &out)
                out += ","
            }
            out += "}"
            return
        }
        out += node.scalarText
    }

    /// The column names an expression reads (the last part of each column reference); nil when it
    /// does not parse.
    public static func columns(in expression: String) -> Set<String>? {
        guard let script = try? ParsedScript("SELECT " + expression), script.statements.count == 1 else { return nil }
        return Set(script.statements[0].node.descendants("ColumnRef").compactMap { $0["fields"]?.strings.last })
    }

    private static func isConstantOrColumn(_ node: ParseNode) -> Bool {
        guard let (tag, body) = node.tagged else { return false }
        if tag == "A_Const" || tag == "ColumnRef" { return true }
        if tag == "TypeCast", let argument = body["arg"] { return isConstantOrColumn(argument) }
        return false
    }
}
