import PgDriftModel

/// Compares two SQL expressions by meaning: both are parsed by PostgreSQL's parser and compared as
/// trees without what only changes the spelling — locations, parentheses, quoting, the casts the server
/// adds to constants and columns when it stores an expression (`'x'` is `'x'::text`), a constant's
/// spelling (`-1` is `'-1'::integer`), and a `pg_catalog.` qualifier (the server leaves it out, as
/// pg_catalog is always searched).
///
/// Names are compared as identities: any other schema qualifier of a function, operator or type is
/// part of the meaning (`public.uid()` is not `auth.uid()`). A cast the server adds is left out only
/// when one side has it and the other does not; when both have one, the types must be the same.
/// A constant spelled differently on each side (`'0.0000'` and `'0'::double precision`) is neither
/// the same nor different by its text alone: `compare` says so (`.sameIf`) with the type the server
/// gave it, for the caller to ask a server how that type prints each.
package enum ExpressionMeaning {
    /// What a comparison concludes.
    package enum Verdict: Hashable, Sendable {
        case same
        case different
        /// The same if, for each pair, both constants print the same as their type (which only a
        /// server knows: `'1.50'::real` prints `1.5`).
        case sameIf([ConstantPair])
    }

    /// Whether `a` and `b` mean the same, by their text alone; false when either does not parse, and
    /// when they differ only in constants spelled differently.
    package static func same(_ a: String, _ b: String) -> Bool {
        compare(a, b) == .same
    }

    /// Compares two expressions.
    package static func compare(_ a: String, _ b: String) -> Verdict {
        if a == b { return .same }
        guard let left = canonicalForm(a), let right = canonicalForm(b) else { return .different }
        return verdict(left, right)
    }

    /// The expression's tree as a string with the spelling-only differences removed (constants and
    /// columns written with the casts on them).
    package static func canonical(_ expression: String) -> String? {
        canonicalForm(expression)?.written
    }

    /// Whether two queries (a view's definition) mean the same: compared as trees the way expressions
    /// are, and also without what the server adds when it prints a stored query — relation and
    /// column qualification aside, which the reader of SQL files writes out: `AS name` where the name
    /// is the one PostgreSQL gives anyway, `ASC`, the default NULLS order. False when either does not
    /// parse as one SELECT.
    package static func sameQuery(_ a: String, _ b: String) -> Bool {
        compareQueries(a, b) == .same
    }

    /// Compares two queries.
    package static func compareQueries(_ a: String, _ b: String) -> Verdict {
        if a == b { return .same }
        guard let left = canonicalQueryForm(a), let right = canonicalQueryForm(b) else { return .different }
        return verdict(left, right)
    }

    static func canonicalForm(_ expression: String) -> Canonical? {
        guard let script = try? ParsedScript("SELECT " + expression),
            script.statements.count == 1,
            let targets = script.statements[0].node["targetList"]?.elements, targets.count == 1,
            let value = targets[0].node("ResTarget")?["val"]
        else { return nil }
        var writer = Canonical()
        writer.write(value)
        return writer
    }

    static func canonicalQueryForm(_ query: String) -> Canonical? {
        guard let script = try? ParsedScript(query), script.statements.count == 1, script.statements[0].tag == "SelectStmt" else {
            return nil
        }
        var writer = Canonical()
        writer.writeQuery(script.statements[0].node, names: nil)
        return writer
    }

    /// Two canonical forms: the same skeleton, then each constant and column compared with its casts.
    static func verdict(_ a: Canonical, _ b: Canonical) -> Verdict {
        guard a.skeleton == b.skeleton, a.slots.count == b.slots.count else { return .different }
        var pairs: [ConstantPair] = []
        for (x, y) in zip(a.slots, b.slots) {
            // The server only adds casts around what was written: one chain begins the other.
            let (short, long) = x.casts.count <= y.casts.count ? (x.casts, y.casts) : (y.casts, x.casts)
            guard long.starts(with: short, by: { $0.key == $1.key }) else { return .different }
            guard let xValue = x.constant, let yValue = y.constant else { continue }
            if xValue.text == yValue.text && (xValue.kind == .null) == (yValue.kind == .null) { continue }
            guard xValue.kind != .null, yValue.kind != .null else { return .different }
            // The constant's type: the innermost cast on it, else what a bare number or boolean is.
            let type = long.first ?? [xValue, yValue].lazy.compactMap(\.kind.bareType).first
            guard let type, let sql = type.sql else { return .different }
            pairs.append(ConstantPair(TypedConstant(xValue.text, type: sql), TypedConstant(yValue.text, type: sql)))
        }
        return pairs.isEmpty ? .same : .sameIf(pairs)
    }

    /// The column names an expression reads (the last part of each column reference); nil when it
    /// does not parse.
    package static func columns(in expression: String) -> Set<String>? {
        guard let script = try? ParsedScript("SELECT " + expression), script.statements.count == 1 else { return nil }
        return Set(script.statements[0].node.descendants("ColumnRef").compactMap { $0["fields"]?.strings.last })
    }

    /// Whether a cast the server puts on this expression is left out of the comparison: it is a
    /// column or a constant (maybe already cast). Readers of SQL use it to tell whether the server's
    /// stored form will compare equal to the file's.
    package static func castIsSpelling(_ node: ParseNode) -> Bool {
        guard let (tag, body) = node.tagged else { return false }
        if tag == "A_Const" || tag == "ColumnRef" { return true }
        if tag == "TypeCast", let argument = body["arg"] { return castIsSpelling(argument) }
        return false
    }

    /// A name as the comparison sees it: its parts, without a leading `pg_catalog`.
    static func identity(_ names: [String]) -> String {
        (names.count > 1 && names[0] == "pg_catalog" ? Array(names.dropFirst()) : names).joined(separator: ".")
    }
}

/// Two constants (one from each side) that mean the same when their type prints them the same.
package struct ConstantPair: Hashable, Sendable {
    package var left: TypedConstant
    package var right: TypedConstant

    package init(_ left: TypedConstant, _ right: TypedConstant) {
        self.left = left
        self.right = right
    }
}

/// A canonical form: the skeleton (the tree written out, each constant and column a placeholder) and
/// the constants and columns in order, with the casts on each.
struct Canonical {
    /// A cast's type: its identity for comparing, and SQL to cast a constant to (nil when the type's
    /// constants are names resolved against a catalog — `regclass` and the other reg types — or
    /// cannot be written back).
    struct TypeRef {
        var key: String
        var sql: String?
    }

    /// A constant's kind in the parse tree.
    enum Kind {
        case string, integer, number, boolean, null, bits

        /// The type the server gives a bare constant of this kind.
        var bareType: TypeRef? {
            switch self {
            case .integer: TypeRef(key: "int4", sql: "integer")
            case .number: TypeRef(key: "numeric", sql: "numeric")
            case .boolean: TypeRef(key: "bool", sql: "boolean")
            default: nil
            }
        }
    }

    struct Slot {
        /// Innermost first.
        var casts: [TypeRef]
        /// Nil for a column.
        var constant: (text: String, kind: Kind)?
    }

    var skeleton = ""
    var slots: [Slot] = []
    /// Per query level being written, the name of its one FROM item (nil when it has several or none).
    /// PostgreSQL 16 and later print `id` where 15 printed `t.id` for such a query; both mean the same
    /// column at that level, so a column qualified by that name is written unqualified.
    var singleSources: [String?] = []

    /// Skeleton and slots as one string (for tests and messages).
    var written: String {
        var text = skeleton
        for slot in slots {
            let casts = slot.casts.map { "::" + $0.key }.joined()
            text += "|" + (slot.constant.map { "'\($0.text)'" } ?? "col") + casts
        }
        return text
    }

    /// A SELECT's body. The columns of a UNION (INTERSECT, EXCEPT) are named by its leftmost query,
    /// and the server prints those names on every side, so each side's outputs are written with them.
    mutating func writeQuery(_ body: ParseNode, names: [String]?) {
        singleSources.append(Self.singleSource(body))
        defer { singleSources.removeLast() }
        let isSetOperation = body["op"].map { !$0.isString("SETOP_NONE") } ?? false
        let names = names ?? (isSetOperation ? Self.outputNames(body) : nil)
        skeleton += "query{"
        for (key, value) in body.members {
            skeleton += key + ":"
            switch key {
            case "larg", "rarg":
                writeQuery(value.node("SelectStmt") ?? value, names: names)
            case "targetList" where names != nil:
                skeleton += "["
                for (i, target) in value.elements.enumerated() {
                    guard let result = target.node("ResTarget"), let val = result["val"] else { write(target); continue }
                    skeleton += "target(" + (i < names!.count ? names![i] : "?") + ":"
                    write(val)
                    skeleton += "),"
                }
                skeleton += "]"
            default:
                write(value)
            }
            skeleton += ","
        }
        skeleton += "}"
    }

    /// The name columns of a query level's only FROM item are qualified by (its alias, else the table's
    /// name), for a table or a subquery; nil for several items, a join or anything else.
    static func singleSource(_ body: ParseNode) -> String? {
        guard let items = body["fromClause"]?.elements, items.count == 1 else { return nil }
        if let table = items[0].node("RangeVar") { return table["alias"]?["aliasname"]?.string ?? table["relname"]?.string }
        if let subquery = items[0].node("RangeSubselect") { return subquery["alias"]?["aliasname"]?.string }
        return nil
    }

    /// The output names of a query: its leftmost SELECT's, given or made up.
    static func outputNames(_ body: ParseNode) -> [String] {
        if body["op"].map({ !$0.isString("SETOP_NONE") }) ?? false, let left = body["larg"] {
            return outputNames(left.node("SelectStmt") ?? left)
        }
        return (body["targetList"]?.elements ?? []).compactMap { target in
            guard let result = target.node("ResTarget"), let val = result["val"] else { return nil }
            return result["name"]?.string ?? OutputNames.name(of: val)
        }
    }

    /// A type name's identity (`pg_catalog.` left out) with its modifiers and array bounds, and SQL
    /// to cast a constant to it.
    static func typeRef(_ typeName: ParseNode?) -> TypeRef {
        guard let typeName else { return TypeRef(key: "?", sql: nil) }
        let names = typeName["names"]?.strings ?? []
        var key = ExpressionMeaning.identity(names)
        let modifiers = (typeName["typmods"]?.elements ?? []).map { modifier -> String in
            guard let constant = modifier.node("A_Const") else { return "?" }
            return constant.integerConstant.map(String.init) ?? constant["sval"]?["sval"]?.string ?? "?"
        }
        if !modifiers.isEmpty { key += "(" + modifiers.joined(separator: ",") + ")" }
        for _ in typeName["arrayBounds"]?.elements ?? [] { key += "[]" }
        if typeName["setof"]?.bool == true || typeName["pct_type"]?.bool == true { key += "%" }
        // Constants of the reg types are names the server resolves; an interval's modifier is a
        // field list that does not write back as a number.
        let unqualified = names.count == 1 || names.first == "pg_catalog"
        let isName = unqualified && (names.last?.hasPrefix("reg") ?? false)
        let isInterval = unqualified && names.last == "interval" && !modifiers.isEmpty
        let sql = isName || isInterval || key.hasSuffix("%") ? nil : try? ExpressionText.type(typeName)
        return TypeRef(key: key, sql: sql)
    }

    /// A constant or column with the casts on it, as a slot; false for anything else.
    mutating func writeSlot(_ node: ParseNode) -> Bool {
        var casts: [TypeRef] = []
        var inner = node
        while let cast = inner.node("TypeCast"), let argument = cast["arg"] {
            casts.insert(Self.typeRef(cast["typeName"]), at: 0)
            inner = argument
        }
        if let constant = inner.node("A_Const") {
            let value: (String, Kind)
            if constant["isnull"]?.bool == true { value = ("NULL", .null) }
            else if constant["ival"] != nil { value = (constant.integerConstant.map(String.init) ?? "?", .integer) }
            else if let number = constant["fval"]?["fval"]?.string { value = (number, .number) }
            else if let text = constant["sval"] { value = (text["sval"]?.string ?? "", .string) }
            else if let flag = constant["boolval"] { value = (flag["boolval"]?.bool == true ? "true" : "false", .boolean) }
            else if let bits = constant["bsval"] { value = (bits["bsval"]?.string ?? "", .bits) }
            else { value = ("", .string) }
            skeleton += "const#"
            slots.append(Slot(casts: casts, constant: value))
            return true
        }
        if let column = inner.node("ColumnRef") {
            skeleton += "col("
            var fields = column["fields"]?.elements ?? []
            if fields.count == 2, let source = singleSources.last ?? nil, fields[0].node("String")?["sval"]?.string == source { fields.removeFirst() }
            for field in fields { write(field); skeleton += "," }
            skeleton += ")#"
            slots.append(Slot(casts: casts, constant: nil))
            return true
        }
        return false
    }

    mutating func write(_ node: ParseNode) {
        if let (tag, body) = node.tagged, node.members.count == 1 {
            switch tag {
            case "SelectStmt":
                writeQuery(body, names: nil)
                return
            case "ResTarget" where body["val"] != nil:
                // An output column: its name (given or the one PostgreSQL makes up) and its value.
                skeleton += "target(" + (body["name"]?.string ?? OutputNames.name(of: body["val"]!)) + ":"
                write(body["val"]!)
                skeleton += ")"
                return
            case "SortBy":
                let descending = body["sortby_dir"]?.isString("SORTBY_DESC") == true
                let nulls = body["sortby_nulls"]?.string ?? "SORTBY_NULLS_DEFAULT"
                let nullsFirst = nulls == "SORTBY_NULLS_DEFAULT" ? descending : nulls == "SORTBY_NULLS_FIRST"
                skeleton += "sort(\(descending ? "desc" : "asc"),\(nullsFirst ? "first" : "last"),"
                if let using = body["useOp"] { skeleton += "op:" + ExpressionMeaning.identity(using.strings) }
                if let value = body["node"] { write(value) }
                skeleton += ")"
                return
            case "TypeName":
                skeleton += "type(" + Self.typeRef(body).key + ")"
                return
            case "TypeCast":
                if writeSlot(node) { return }
                skeleton += "cast(" + Self.typeRef(body["typeName"]).key + ","
                if let argument = body["arg"] { write(argument) }
                skeleton += ")"
                return
            case "A_Const", "ColumnRef":
                if writeSlot(node) { return }
            case "A_Expr" where writeOperator(node, body):
                return
            case "BoolExpr" where body["boolop"]?.isString("NOT_EXPR") == true:
                skeleton += "not("
                if let argument = body["args"]?.elements.first { write(argument) }
                skeleton += ")"
                return
            case "BoolExpr":
                // AND and OR are associative: nested ones (the server's parentheses, a BETWEEN) are flattened.
                let and = body["boolop"]?.isString("AND_EXPR") == true
                skeleton += and ? "and(" : "or("
                flatten(node, and: and)
                skeleton += ")"
                return
            case "FuncCall", "A_Expr", "SubLink":
                // A function's or operator's name is its identity: only `pg_catalog.` goes.
                skeleton += tag + "{"
                for (key, value) in body.members where key != "location" {
                    skeleton += key + ":"
                    if key == "funcname" || key == "name" || key == "operName" {
                        skeleton += ExpressionMeaning.identity(value.strings)
                    } else {
                        write(value)
                    }
                    skeleton += ","
                }
                skeleton += "}"
                return
            default:
                break
            }
        }
        if let string = node.string {
            skeleton += "\"" + string + "\""
            return
        }
        let elements = node.elements
        if !elements.isEmpty || node.isEmptyArray {
            skeleton += "["
            for element in elements { write(element); skeleton += "," }
            skeleton += "]"
            return
        }
        let members = node.members
        if !members.isEmpty || node.isEmptyObject {
            skeleton += "{"
            for (key, value) in members where key != "location" {
                skeleton += key + ":"
                write(value)
                skeleton += ","
            }
            skeleton += "}"
            return
        }
        skeleton += node.scalarText
    }

    /// The operator forms the server rewrites when it stores an expression, written as it stores them:
    /// `LIKE` is `~~`, `x BETWEEN a AND b` is `x >= a AND x <= b`, `x IN (constants)` is
    /// `x = ANY (ARRAY[...])` (one constant: `x = c`), `NOT IN` is `<> ALL`. Other kinds are left to
    /// the generic writer (false).
    mutating func writeOperator(_ node: ParseNode, _ body: ParseNode) -> Bool {
        let name = ExpressionMeaning.identity(body["name"]?.strings ?? [])
        let left = body["lexpr"]
        switch body["kind"]?.string {
        case "AEXPR_OP", "AEXPR_LIKE", "AEXPR_ILIKE":
            guard let right = body["rexpr"] else { return false }
            binary(name, left, right)
            return true
        case "AEXPR_DISTINCT", "AEXPR_NOT_DISTINCT":
            // The server stores `a IS NOT DISTINCT FROM b` as `NOT (a IS DISTINCT FROM b)`.
            guard let left, let right = body["rexpr"] else { return false }
            let not = body["kind"]?.isString("AEXPR_NOT_DISTINCT") == true
            skeleton += not ? "not(distinct(" : "distinct("
            binary("", left, right)
            skeleton += not ? "))" : ")"
            return true
        case "AEXPR_BETWEEN", "AEXPR_NOT_BETWEEN":
            guard let between = Self.between(node) else { return false }
            skeleton += between.and ? "and(" : "or("
            writeBetween(between)
            skeleton += ",)"
            return true
        case "AEXPR_IN":
            guard let left, let items = body["rexpr"]?.node("List")?["items"]?.elements,
                !items.isEmpty, items.allSatisfy({ $0.descendants("ColumnRef").isEmpty }), name == "=" || name == "<>"
            else { return false }
            if items.count == 1 {
                binary(name, left, items[0])
            } else {
                arrayComparison(name, all: name == "<>", left, items)
            }
            return true
        case "AEXPR_OP_ANY", "AEXPR_OP_ALL":
            var array = body["rexpr"]
            while let cast = array?.node("TypeCast"), cast["arg"]?.node("A_ArrayExpr") != nil { array = cast["arg"] }
            guard let left, let elements = array?.node("A_ArrayExpr")?["elements"]?.elements else { return false }
            arrayComparison(name, all: body["kind"]?.isString("AEXPR_OP_ALL") == true, left, elements)
            return true
        default:
            return false
        }
    }

    mutating func binary(_ name: String, _ left: ParseNode?, _ right: ParseNode) {
        skeleton += "op(" + name + ","
        if let left { write(left) }
        skeleton += ","
        write(right)
        skeleton += ")"
    }

    mutating func arrayComparison(_ name: String, all: Bool, _ left: ParseNode, _ elements: [ParseNode]) {
        skeleton += (all ? "all(" : "any(") + name + ","
        write(left)
        skeleton += ",["
        for element in elements {
            write(element)
            skeleton += ","
        }
        skeleton += "])"
    }

    /// The arguments of nested ANDs (or ORs), a BETWEEN's two comparisons among them.
    mutating func flatten(_ node: ParseNode, and: Bool) {
        for argument in node.node("BoolExpr")?["args"]?.elements ?? [] {
            if let inner = argument.node("BoolExpr"), inner["boolop"]?.isString(and ? "AND_EXPR" : "OR_EXPR") == true {
                flatten(argument, and: and)
                continue
            }
            // A BETWEEN (NOT BETWEEN) is an AND (OR) of two comparisons: flattened the same way.
            if let between = Self.between(argument), between.and == and {
                writeBetween(between)
                skeleton += ","
                continue
            }
            write(argument)
            skeleton += ","
        }
    }

    /// `x BETWEEN a AND b` as its two comparisons (`x >= a`, `x <= b`, joined by AND), `NOT BETWEEN`
    /// as `x < a`, `x > b` joined by OR; nil for anything else.
    static func between(_ node: ParseNode) -> (and: Bool, left: ParseNode, low: ParseNode, high: ParseNode)? {
        guard let body = node.node("A_Expr"), let kind = body["kind"]?.string, kind == "AEXPR_BETWEEN" || kind == "AEXPR_NOT_BETWEEN",
            let left = body["lexpr"], let bounds = body["rexpr"]?.node("List")?["items"]?.elements, bounds.count == 2
        else { return nil }
        return (kind == "AEXPR_BETWEEN", left, bounds[0], bounds[1])
    }

    mutating func writeBetween(_ between: (and: Bool, left: ParseNode, low: ParseNode, high: ParseNode)) {
        binary(between.and ? ">=" : "<", between.left, between.low)
        skeleton += ","
        binary(between.and ? "<=" : ">", between.left, between.high)
    }
}
