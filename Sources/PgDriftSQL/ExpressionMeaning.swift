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
        writeQuery(script.statements[0].node, names: nil, into: &out)
        return out
    }

    /// A SELECT's body. The columns of a UNION (INTERSECT, EXCEPT) are named by its leftmost query,
    /// and the server prints those names on every side, so each side's outputs are written with them.
    private static func writeQuery(_ body: ParseNode, names: [String]?, into out: inout String) {
        let isSetOperation = body["op"].map { !$0.isString("SETOP_NONE") } ?? false
        let names = names ?? (isSetOperation ? outputNames(body) : nil)
        out += "query{"
        for (key, value) in body.members {
            out += key + ":"
            switch key {
            case "larg", "rarg":
                writeQuery(value.node("SelectStmt") ?? value, names: names, into: &out)
            case "targetList" where names != nil:
                out += "["
                for (i, target) in value.elements.enumerated() {
                    guard let result = target.node("ResTarget"), let val = result["val"] else { write(target, into: &out); continue }
                    out += "target(" + (i < names!.count ? names![i] : "?") + ":"
                    write(val, into: &out)
                    out += "),"
                }
                out += "]"
            default:
                write(value, into: &out)
            }
            out += ","
        }
        out += "}"
    }

    /// The output names of a query: its leftmost SELECT's, given or made up.
    private static func outputNames(_ body: ParseNode) -> [String] {
        if body["op"].map({ !$0.isString("SETOP_NONE") }) ?? false, let left = body["larg"] {
            return outputNames(left.node("SelectStmt") ?? left)
        }
        return (body["targetList"]?.elements ?? []).compactMap { target in
            guard let result = target.node("ResTarget"), let val = result["val"] else { return nil }
            return result["name"]?.string ?? OutputNames.name(of: val)
        }
    }

    private static func write(_ node: ParseNode, into out: inout String) {
        if let (tag, body) = node.tagged, node.members.count == 1 {
            switch tag {
            case "SelectStmt":
                writeQuery(body, names: nil, into: &out)
                return
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
                if let argument = body["arg"], castIsSpelling(argument) {
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
            case "A_Expr" where writeOperator(node, body, into: &out):
                return
            case "BoolExpr" where body["boolop"]?.isString("NOT_EXPR") == true:
                out += "not("
                if let argument = body["args"]?.elements.first { write(argument, into: &out) }
                out += ")"
                return
            case "BoolExpr":
                // AND and OR are associative: nested ones (the server's parentheses, a BETWEEN) are flattened.
                let and = body["boolop"]?.isString("AND_EXPR") == true
                var parts: [String] = []
                flatten(node, and: and, into: &parts)
                out += (and ? "and(" : "or(") + parts.joined(separator: ",") + ")"
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

    /// The operator forms the server rewrites when it stores an expression, written as it stores them:
    /// `LIKE` is `~~`, `x BETWEEN a AND b` is `x >= a AND x <= b`, `x IN (constants)` is
    /// `x = ANY (ARRAY[...])` (one constant: `x = c`), `NOT IN` is `<> ALL`. Other kinds are left to
    /// the generic writer (false).
    private static func writeOperator(_ node: ParseNode, _ body: ParseNode, into out: inout String) -> Bool {
        let name = body["name"]?.strings.last ?? ""
        let left = body["lexpr"]
        switch body["kind"]?.string {
        case "AEXPR_OP", "AEXPR_LIKE", "AEXPR_ILIKE":
            guard let right = body["rexpr"] else { return false }
            out += binary(name, left, right)
            return true
        case "AEXPR_DISTINCT", "AEXPR_NOT_DISTINCT":
            // The server stores `a IS NOT DISTINCT FROM b` as `NOT (a IS DISTINCT FROM b)`.
            guard let left, let right = body["rexpr"] else { return false }
            let distinct = "distinct(" + binary("", left, right) + ")"
            out += body["kind"]?.isString("AEXPR_DISTINCT") == true ? distinct : "not(" + distinct + ")"
            return true
        case "AEXPR_BETWEEN", "AEXPR_NOT_BETWEEN":
            guard let comparisons = betweenComparisons(node) else { return false }
            out += (comparisons.and ? "and(" : "or(") + comparisons.parts.joined(separator: ",") + ")"
            return true
        case "AEXPR_IN":
            guard let left, let items = body["rexpr"]?.node("List")?["items"]?.elements,
                !items.isEmpty, items.allSatisfy({ $0.descendants("ColumnRef").isEmpty }), name == "=" || name == "<>"
            else { return false }
            if items.count == 1 {
                out += binary(name, left, items[0])
            } else {
                out += arrayComparison(name, all: name == "<>", left, items)
            }
            return true
        case "AEXPR_OP_ANY", "AEXPR_OP_ALL":
            var array = body["rexpr"]
            while let cast = array?.node("TypeCast"), cast["arg"]?.node("A_ArrayExpr") != nil { array = cast["arg"] }
            guard let left, let elements = array?.node("A_ArrayExpr")?["elements"]?.elements else { return false }
            out += arrayComparison(name, all: body["kind"]?.isString("AEXPR_OP_ALL") == true, left, elements)
            return true
        default:
            return false
        }
    }

    private static func binary(_ name: String, _ left: ParseNode?, _ right: ParseNode) -> String {
        var out = "op(" + name + ","
        if let left { write(left, into: &out) }
        out += ","
        write(right, into: &out)
        return out + ")"
    }

    private static func arrayComparison(_ name: String, all: Bool, _ left: ParseNode, _ elements: [ParseNode]) -> String {
        var out = (all ? "all(" : "any(") + name + ","
        write(left, into: &out)
        out += ",["
        for element in elements {
            write(element, into: &out)
            out += ","
        }
        return out + "])"
    }

    /// The arguments of nested ANDs (or ORs), a BETWEEN's two comparisons among them.
    private static func flatten(_ node: ParseNode, and: Bool, into parts: inout [String]) {
        for argument in node.node("BoolExpr")?["args"]?.elements ?? [] {
            if let inner = argument.node("BoolExpr"), inner["boolop"]?.isString(and ? "AND_EXPR" : "OR_EXPR") == true {
                flatten(argument, and: and, into: &parts)
                continue
            }
            // A BETWEEN (NOT BETWEEN) is an AND (OR) of two comparisons: flattened the same way.
            if let comparisons = betweenComparisons(argument), comparisons.and == and {
                parts += comparisons.parts
                continue
            }
            var written = ""
            write(argument, into: &written)
            parts.append(written)
        }
    }

    /// `x BETWEEN a AND b` as its two comparisons (`x >= a`, `x <= b`, joined by AND), `NOT BETWEEN`
    /// as `x < a`, `x > b` joined by OR; nil for anything else.
    private static func betweenComparisons(_ node: ParseNode) -> (and: Bool, parts: [String])? {
        guard let body = node.node("A_Expr"), let kind = body["kind"]?.string, kind == "AEXPR_BETWEEN" || kind == "AEXPR_NOT_BETWEEN",
            let left = body["lexpr"], let bounds = body["rexpr"]?.node("List")?["items"]?.elements, bounds.count == 2
        else { return nil }
        return kind == "AEXPR_BETWEEN"
            ? (true, [binary(">=", left, bounds[0]), binary("<=", left, bounds[1])])
            : (false, [binary("<", left, bounds[0]), binary(">", left, bounds[1])])
    }

    /// The column names an expression reads (the last part of each column reference); nil when it
    /// does not parse.
    public static func columns(in expression: String) -> Set<String>? {
        guard let script = try? ParsedScript("SELECT " + expression), script.statements.count == 1 else { return nil }
        return Set(script.statements[0].node.descendants("ColumnRef").compactMap { $0["fields"]?.strings.last })
    }

    /// Whether a cast the server puts on this expression is left out of the comparison: it is a
    /// column or a constant (maybe already cast). Readers of SQL use it to tell whether the server's
    /// stored form will compare equal to the file's.
    public static func castIsSpelling(_ node: ParseNode) -> Bool {
        guard let (tag, body) = node.tagged else { return false }
        if tag == "A_Const" || tag == "ColumnRef" { return true }
        if tag == "TypeCast", let argument = body["arg"] { return castIsSpelling(argument) }
        return false
    }
}
