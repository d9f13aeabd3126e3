import PgDriftModel

/// An expression of the parse tree written back as SQL, for the node types whose meaning survives the
/// round trip unchanged (constants, columns, plain function calls, operators, AND/OR/NOT, IS [NOT]
/// NULL, casts, CURRENT_TIMESTAMP and friends), and the forms the server rewrites in a known way
/// (`IN` lists of constants, `BETWEEN`, `LIKE`), written as it stores them. Anything else is refused, so the caller can let the
/// server decide instead of guessing.
package enum ExpressionText {
    /// SQL for `node` (a tagged expression node), or throws `UnsupportedExpression`. Function,
    /// operator and type names are written as `names` resolves them: as the server prints them
    /// (qualified unless pg_catalog's), or refused when they cannot be resolved with certainty.
    package static func sql(_ node: ParseNode, names: ExpressionNames) throws -> String {
        func sql(_ node: ParseNode) throws -> String { try ExpressionText.sql(node, names: names) }
        func type(_ typeName: ParseNode) throws -> String { try names.type(typeName) }
        guard let (tag, body) = node.tagged else { throw UnsupportedExpression(what: "an empty expression") }
        switch tag {
        case "A_Const":
            return try constant(body)
        case "ColumnRef":
            let fields = body["fields"]?.elements ?? []
            let names = fields.compactMap { $0.node("String")?["sval"]?.string }
            guard names.count == fields.count, !names.isEmpty else { throw UnsupportedExpression(what: "a * column reference") }
            return names.map(SQLQuote.identifier).joined(separator: ".")
        case "FuncCall":
            for unsupported in ["agg_star", "agg_distinct", "func_variadic", "agg_order", "agg_filter", "over", "agg_within_group"]
            where body[unsupported] != nil && body[unsupported]?.bool != false {
                throw UnsupportedExpression(what: "a function call with \(unsupported)")
            }
            guard body["funcformat"]?.isString("COERCE_EXPLICIT_CALL") ?? true else {
                throw UnsupportedExpression(what: "a function call in SQL syntax")
            }
            let arguments = try (body["args"]?.elements ?? []).map(sql)
            let name = try names.function(body["funcname"]?.strings ?? [], arguments.count).map(SQLQuote.identifier).joined(separator: ".")
            return "\(name)(\(arguments.joined(separator: ", ")))"
        case "A_Expr" where body["kind"]?.isString("AEXPR_IN") == true:
            return try inList(body, names: names)
        case "A_Expr" where body["kind"]?.isString("AEXPR_BETWEEN") == true || body["kind"]?.isString("AEXPR_NOT_BETWEEN") == true:
            // As the server stores it: two comparisons.
            guard let left = try body["lexpr"].map(sql), let bounds = body["rexpr"]?.node("List")?["items"]?.elements, bounds.count == 2 else {
                throw UnsupportedExpression(what: "a BETWEEN without two bounds")
            }
            let (low, high) = (try sql(bounds[0]), try sql(bounds[1]))
            return body["kind"]?.isString("AEXPR_BETWEEN") == true
                ? "((\(left) >= \(low)) AND (\(left) <= \(high)))" : "((\(left) < \(low)) OR (\(left) > \(high)))"
        case "A_Expr" where body["kind"]?.isString("AEXPR_LIKE") == true || body["kind"]?.isString("AEXPR_ILIKE") == true:
            // `LIKE` is the operator `~~` (`NOT LIKE` `!~~`, `ILIKE` `~~*`), as the server stores it; ESCAPE is refused.
            guard let operatorNames = body["name"]?.strings, operatorNames.count == 1, let left = try body["lexpr"].map(sql),
                let right = body["rexpr"], right.node("FuncCall") == nil
            else { throw UnsupportedExpression(what: "LIKE ... ESCAPE") }
            return "(\(left) \(try operatorName(operatorNames, names)) \(try sql(right)))"
        case "A_Expr" where body["kind"]?.isString("AEXPR_OP_ANY") == true || body["kind"]?.isString("AEXPR_OP_ALL") == true:
            // `x = ANY (ARRAY[...])`, as the server stores IN lists (pg_dump writes it so).
            var array = body["rexpr"]
            var cast = ""
            if let typeCast = array?.node("TypeCast"), typeCast["arg"]?.node("A_ArrayExpr") != nil, let typeName = typeCast["typeName"] {
                cast = "::" + (try type(typeName))
                array = typeCast["arg"]
            }
            guard let operatorNames = body["name"]?.strings, let left = try body["lexpr"].map(sql),
                let elements = array?.node("A_ArrayExpr")?["elements"]?.elements
            else { throw UnsupportedExpression(what: "an ANY or ALL of something other than an ARRAY") }
            let op = try operatorName(operatorNames, names)
            return arrayComparison(left, op, all: body["kind"]?.isString("AEXPR_OP_ALL") == true, try elements.map(sql), cast: cast)
        case "A_Expr" where body["kind"]?.isString("AEXPR_DISTINCT") == true || body["kind"]?.isString("AEXPR_NOT_DISTINCT") == true:
            guard let left = try body["lexpr"].map(sql), let right = try body["rexpr"].map(sql) else {
                throw UnsupportedExpression(what: "an IS DISTINCT FROM without two sides")
            }
            // The server stores IS NOT DISTINCT FROM as NOT (... IS DISTINCT FROM ...).
            let distinct = "(\(left) IS DISTINCT FROM \(right))"
            return body["kind"]?.isString("AEXPR_NOT_DISTINCT") == true ? "(NOT \(distinct))" : distinct
        case "A_Expr":
            guard body["kind"]?.isString("AEXPR_OP") == true, let operatorNames = body["name"]?.strings else {
                throw UnsupportedExpression(what: "an operator form the server rewrites (IN, BETWEEN, LIKE, ...)")
            }
            let op = try operatorName(operatorNames, names)
            let right = try body["rexpr"].map(sql) ?? ""
            guard let left = try body["lexpr"].map(sql) else { return "(\(op) \(right))" }
            return "(\(left) \(op) \(right))"
        case "BoolExpr":
            let arguments = try (body["args"]?.elements ?? []).map(sql)
            switch body["boolop"]?.string {
            case "AND_EXPR": return "(" + arguments.joined(separator: " AND ") + ")"
            case "OR_EXPR": return "(" + arguments.joined(separator: " OR ") + ")"
            default: return "(NOT \(arguments.first ?? ""))"
            }
        case "NullTest":
            guard let argument = try body["arg"].map(sql) else { throw UnsupportedExpression(what: "an empty IS NULL") }
            return body["nulltesttype"]?.isString("IS_NOT_NULL") == true ? "(\(argument) IS NOT NULL)" : "(\(argument) IS NULL)"
        case "TypeCast":
            guard let argument = try body["arg"].map(sql), let typeName = body["typeName"] else {
                throw UnsupportedExpression(what: "an empty cast")
            }
            return "(\(argument))::\(try type(typeName))"
        case "SQLValueFunction":
            guard body["typmod"].map({ $0.int == -1 }) ?? true, let op = body["op"]?.string,
                let keyword = valueFunctions[op]
            else { throw UnsupportedExpression(what: "a SQL value function with a precision") }
            return keyword
        default:
            throw UnsupportedExpression(what: "a \(tag) expression")
        }
    }

    /// `x [NOT] IN (constants)` as the server stores it: `x = ANY (ARRAY[...])` or `x <> ALL (ARRAY[...])`,
    /// a single value as a plain `=` or `<>`. Lists with anything but constants become OR chains on the
    /// server, so they are refused.
    static func inList(_ body: ParseNode, names resolver: ExpressionNames) throws -> String {
        func sql(_ node: ParseNode) throws -> String { try ExpressionText.sql(node, names: resolver) }
        guard let names = body["name"]?.strings, names == ["="] || names == ["<>"], let left = try body["lexpr"].map(sql),
            let items = body["rexpr"]?.node("List")?["items"]?.elements, !items.isEmpty
        else { throw UnsupportedExpression(what: "an operator form the server rewrites (IN, BETWEEN, LIKE, ...)") }
        let values = try items.map { item -> String in
            var value = item
            while let cast = value.node("TypeCast"), let argument = cast["arg"] { value = argument }
            guard value.node("A_Const") != nil, value.node("A_Const")?["isnull"]?.bool != true else {
                throw UnsupportedExpression(what: "an IN list of something other than constants")
            }
            return try sql(item)
        }
        let op = try operatorName(names, resolver)
        if values.count == 1 { return "(\(left) \(op) \(values[0]))" }
        return arrayComparison(left, op, all: names[0] != "=", values)
    }

    /// An operator as the server prints it: its bare name when it is pg_catalog's; a qualified one
    /// (`OPERATOR(s.=)`) is refused.
    static func operatorName(_ written: [String], _ names: ExpressionNames) throws -> String {
        let resolved = try names.operator(written)
        guard resolved.count == 1 else { throw UnsupportedExpression(what: "the operator \(resolved.joined(separator: "."))") }
        return resolved[0]
    }

    /// `(left op ANY (ARRAY[values]))` (ALL), the array cast when `cast` is given (`::text[]`).
    static func arrayComparison(_ left: String, _ op: String, all: Bool, _ values: [String], cast: String = "") -> String {
        let list = "ARRAY[" + values.joined(separator: ", ") + "]"
        return "(\(left) \(op) \(all ? "ALL" : "ANY") (\(cast.isEmpty ? list : "(" + list + ")" + cast)))"
    }

    static let valueFunctions = [
        "SVFOP_CURRENT_DATE": "CURRENT_DATE", "SVFOP_CURRENT_TIME": "CURRENT_TIME",
        "SVFOP_CURRENT_TIMESTAMP": "CURRENT_TIMESTAMP", "SVFOP_LOCALTIME": "LOCALTIME",
        "SVFOP_LOCALTIMESTAMP": "LOCALTIMESTAMP", "SVFOP_CURRENT_USER": "CURRENT_USER",
        "SVFOP_SESSION_USER": "SESSION_USER", "SVFOP_USER": "USER", "SVFOP_CURRENT_ROLE": "CURRENT_ROLE",
    ]

    /// A constant; libpg_query leaves out zero and false values, and loses negative integers (read back
    /// from the SQL by `integerConstant`).
    static func constant(_ body: ParseNode) throws -> String {
        if body["isnull"]?.bool == true { return "NULL" }
        if body["ival"] != nil {
            guard let value = body.integerConstant else { throw UnsupportedExpression(what: "an integer the parse tree lost") }
            return String(value)
        }
        if let value = body["fval"]?["fval"]?.string { return value }
        if let value = body["sval"] { return SQLQuote.literal(value["sval"]?.string ?? "") }
        if let value = body["boolval"] { return value["boolval"]?.bool == true ? "true" : "false" }
        throw UnsupportedExpression(what: "a bit-string constant")
    }

    /// A type name as written (qualified as the parser records it, which is valid SQL).
    package static func type(_ typeName: ParseNode) throws -> String {
        guard typeName["pct_type"]?.bool != true, typeName["setof"]?.bool != true else {
            throw UnsupportedExpression(what: "a %TYPE or SETOF type")
        }
        var text = (typeName["names"]?.strings ?? []).map(SQLQuote.identifier).joined(separator: ".")
        // Each modifier is an `A_Const` node; `constant` reads its body.
        let modifiers = try (typeName["typmods"]?.elements ?? []).map { try constant($0.node("A_Const") ?? $0) }
        if !modifiers.isEmpty { text += "(" + modifiers.joined(separator: ",") + ")" }
        for _ in typeName["arrayBounds"]?.elements ?? [] { text += "[]" }
        return text
    }
}

/// How an expression's names are written: functions, operators and types as the server prints them
/// once it has resolved them (qualified unless they are pg_catalog's, which is always searched), or
/// refused (`UnsupportedExpression`) when the reader cannot resolve them with certainty.
package struct ExpressionNames {
    /// A function's name parts as printed, given the name parts written and the number of arguments.
    package var function: (_ written: [String], _ arguments: Int) throws -> [String]
    /// An operator's name parts as printed.
    package var `operator`: (_ written: [String]) throws -> [String]
    /// A type name (a `TypeName` node's body) as SQL, as the server prints it.
    package var type: (_ typeName: ParseNode) throws -> String

    package init(
        function: @escaping (_ written: [String], _ arguments: Int) throws -> [String],
        operator: @escaping (_ written: [String]) throws -> [String],
        type: @escaping (_ typeName: ParseNode) throws -> String
    ) {
        self.function = function
        self.operator = `operator`
        self.type = type
    }

    /// Names written exactly as the SQL spells them: for tests of the writer, and for text that is
    /// compared by spelling only. Not a resolution: the offline reader resolves instead.
    package static var asWritten: ExpressionNames { ExpressionNames(
        function: { names, _ in names }, operator: { $0 }, type: { try ExpressionText.type($0) }) }
}

/// A construct the offline reader does not reproduce exactly.
package struct UnsupportedExpression: Error, CustomStringConvertible, Sendable {
    /// The construct, as a noun phrase such as `a * column reference`.
    package var what: String
    /// The construct itself, such as `a function call in SQL syntax`.
    package var description: String { what }

    /// A construct, named for the note that says it is not read offline.
    package init(what: String) { self.what = what }
}
