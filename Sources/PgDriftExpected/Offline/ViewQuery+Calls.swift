import PgDriftModel
import PgDriftSQL

/// Function calls and operators in a view's query, for the built-ins whose result type follows from
/// their arguments' without the server's catalog.
extension ViewQuery {
    mutating func call(_ body: ParseNode) throws -> ValueType {
        let names = body["funcname"]?.strings ?? []
        guard let name = names.last, names.count == 1 || names.first == "pg_catalog" else {
            throw UnsupportedView(what: "a call of \(names.joined(separator: ".")), which is not a built-in function")
        }
        guard body["funcformat"]?.isString("COERCE_EXPLICIT_CALL") ?? true else {
            throw UnsupportedView(what: "\(name) in SQL syntax")
        }
        for unsupported in ["agg_order", "agg_within_group", "func_variadic"] where body[unsupported] != nil && body[unsupported]?.bool != false {
            throw UnsupportedView(what: "a call of \(name) with \(unsupported)")
        }
        if let filter = body["agg_filter"] { try expectBoolean(filter) }
        if let window = body["over"] { try self.window(window) }
        let arguments = body["args"]?.elements ?? []
        if body["agg_star"]?.bool == true {
            guard name == "count" else { throw UnsupportedView(what: "\(name)(*)") }
            return .known(.bigint)
        }
        var types: [ValueType] = []
        for argument in arguments { types.append(try type(argument)) }
        let first = types.first?.type
        switch (name, types.count) {
        case ("count", 1): return .known(.bigint)
        case ("rank", 0), ("dense_rank", 0), ("row_number", 0): return .known(.bigint)
        case ("percent_rank", 0), ("cume_dist", 0): return .known(.doublePrecision)
        case ("now", 0), ("transaction_timestamp", 0), ("statement_timestamp", 0), ("clock_timestamp", 0): return .known(.timestamptz)
        case ("gen_random_uuid", 0): return .known(.uuid)
        case ("sum", 1):
            switch first?.unmodified.sql {
            case "smallint", "integer": return .known(.bigint)
            case "bigint", "numeric": return .known(.numeric)
            case "real", "double precision", "interval", "money": return .known(first!.unmodified)
            default: break
            }
        case ("avg", 1):
            switch first?.unmodified.sql {
            case "smallint", "integer", "bigint", "numeric": return .known(.numeric)
            case "real", "double precision": return .known(.doublePrecision)
            case "interval": return .known(first!)
            default: break
            }
        case ("min", 1), ("max", 1):
            // These have their own versions for these types; text ones take varchar columns as text.
            if let first, first.schema == nil, ["smallint", "integer", "bigint", "real", "double precision", "date", "interval", "text"].contains(first.sql)
                || ["numeric", "timestamp with time zone", "timestamp without time zone"].contains(first.unmodified.sql)
            {
                return .known(first.unmodified)
            }
            if first?.unmodified == .varchar(), Self.castIsSpelling(arguments[0]) { return .known(.text) }
        case ("bool_and", 1), ("bool_or", 1), ("every", 1):
            if first == .boolean { return .known(.boolean) }
        case ("lower", 1), ("upper", 1), ("btrim", 1), ("ltrim", 1), ("rtrim", 1), ("initcap", 1), ("md5", 1):
            try expectText(arguments[0], types[0])
            return .known(.text)
        case ("length", 1), ("char_length", 1):
            try expectText(arguments[0], types[0])
            return .known(.integer)
        case ("string_agg", 2):
            try expectText(arguments[0], types[0])
            try expectText(arguments[1], types[1])
            return .known(.text)
        case ("abs", 1):
            if let first, ["smallint", "integer", "bigint", "real", "double precision"].contains(first.sql) || first.unmodified == .numeric {
                return .known(first.unmodified)
            }
        case ("round", 1), ("round", 2), ("trunc", 1), ("trunc", 2):
            if first?.unmodified == .numeric, types.count == 1 || types[1] == .known(.integer) { return .known(.numeric) }
            if first == .doublePrecision, types.count == 1 { return .known(.doublePrecision) }
        case ("date_trunc", 2):
            guard types[0] == .unknown || types[0] == .known(.text) && Self.castIsSpelling(arguments[0]) else { break }
            if let first = types[1].type?.unmodified, [DataType.timestamptz, .timestamp, DataType("interval")].contains(first) { return .known(first) }
        case ("jsonb_agg", 1), ("to_jsonb", 1): return .known(.jsonb)
        case ("json_agg", 1), ("to_json", 1): return .known(.json)
        case ("jsonb_build_object", _), ("jsonb_build_array", _): return .known(.jsonb)
        case ("json_build_object", _), ("json_build_array", _): return .known(.json)
        case ("array_agg", 1):
            if let first, !first.isArray, first.modifier == nil, first.unmodified == first { return .known(first.array) }
        default: break
        }
        throw UnsupportedView(what: "a call of \(name)(\(types.map { $0.type?.sql ?? "unknown" }.joined(separator: ", "))) in a view")
    }

    /// A text argument: text, an untyped literal, or a varchar column or constant (whose cast the
    /// comparison leaves out).
    func expectText(_ node: ParseNode, _ found: ValueType) throws {
        switch found {
        case .unknown, .known(.text): return
        case .known(let type) where type.unmodified == .varchar() && Self.castIsSpelling(node): return
        default: throw UnsupportedView(what: "a \(found.type?.sql ?? "") where text is expected")
        }
    }

    /// `OVER (PARTITION BY ... ORDER BY ...)` with the default frame.
    mutating func window(_ node: ParseNode) throws {
        guard let definition = node.node("WindowDef") ?? Optional(node) else { return }
        guard definition["refname"] == nil, definition["name"] == nil else { throw UnsupportedView(what: "a named window") }
        // FRAMEOPTION_DEFAULTS: RANGE UNBOUNDED PRECEDING AND CURRENT ROW, as the server prints nothing.
        guard definition["frameOptions"]?.int ?? 1058 == 1058 else { throw UnsupportedView(what: "a window frame") }
        for item in definition["partitionClause"]?.elements ?? [] { _ = try type(item) }
        try sortItems(definition["orderClause"]?.elements ?? [], outputs: false)
    }

    /// ORDER BY items: expressions with an ordering the server prints back the same way.
    mutating func sortItems(_ items: [ParseNode], outputs: Bool) throws {
        for item in items {
            guard let sort = item.node("SortBy"), let expression = sort["node"] else { continue }
            guard sort["useOp"] == nil else { throw UnsupportedView(what: "ORDER BY ... USING") }
            let descending = sort["sortby_dir"]?.isString("SORTBY_DESC") == true
            switch sort["sortby_nulls"]?.string {
            case "SORTBY_NULLS_FIRST" where descending, "SORTBY_NULLS_LAST" where !descending:
                throw UnsupportedView(what: "a NULLS FIRST/LAST that is the default")
            default: break
            }
            if expression.node("A_Const") != nil { throw UnsupportedView(what: "ORDER BY a column number") }
            if outputs, let names = expression.node("ColumnRef")?["fields"]?.strings, names.count == 1,
                let output = self.outputs.first(where: { $0.name == names[0] })
            {
                // ORDER BY an output name sorts by that output; the server prints its expression.
                guard output.column == names[0] else {
                    throw UnsupportedView(what: "ORDER BY the output column \(names[0])")
                }
            }
            _ = try type(expression)
        }
    }

    mutating func operatorExpression(_ body: ParseNode) throws -> ValueType {
        let kind = body["kind"]?.string ?? ""
        let names = body["name"]?.strings ?? []
        switch kind {
        case "AEXPR_NULLIF":
            guard let left = body["lexpr"], let right = body["rexpr"] else { break }
            let (leftType, result) = try binary("=", left, right)
            guard result == .known(.boolean) else { break }
            return leftType
        case "AEXPR_IN":
            // Constants only: the server makes `= ANY (ARRAY[...])` of them (with anything else, OR chains).
            guard let left = body["lexpr"], let items = body["rexpr"]?.node("List")?["items"]?.elements,
                !items.isEmpty, items.allSatisfy({ $0.descendants("ColumnRef").isEmpty && Self.castIsSpelling($0) })
            else { throw UnsupportedView(what: "an IN list of something other than constants") }
            for (i, item) in items.enumerated() { _ = try binary("=", left, item, leftResolved: i > 0) }
            return .known(.boolean)
        case "AEXPR_OP_ANY", "AEXPR_OP_ALL":
            // `x = ANY (ARRAY[constants])`, the form the server stores IN lists in (pg_dump writes it).
            var array = body["rexpr"]
            while let cast = array?.node("TypeCast"), cast["arg"]?.node("A_ArrayExpr") != nil { array = cast["arg"] }
            guard let left = body["lexpr"], names.count == 1, Self.comparisons.contains(names[0]),
                let elements = array?.node("A_ArrayExpr")?["elements"]?.elements, !elements.isEmpty,
                elements.allSatisfy({ $0.descendants("ColumnRef").isEmpty && Self.castIsSpelling($0) })
            else { throw UnsupportedView(what: "an ANY or ALL of something other than an array of constants") }
            for (i, element) in elements.enumerated() { _ = try binary(names[0], left, element, leftResolved: i > 0) }
            return .known(.boolean)
        case "AEXPR_BETWEEN", "AEXPR_NOT_BETWEEN":
            guard let left = body["lexpr"], let bounds = body["rexpr"]?.node("List")?["items"]?.elements, bounds.count == 2,
                Self.castIsSpelling(left)
            else { throw UnsupportedView(what: "a BETWEEN on an expression") }
            _ = try binary(">=", left, bounds[0])
            _ = try binary("<=", left, bounds[1], leftResolved: true)
            return .known(.boolean)
        case "AEXPR_LIKE", "AEXPR_ILIKE":
            guard let left = body["lexpr"], let right = body["rexpr"], right.node("FuncCall") == nil else {
                throw UnsupportedView(what: "LIKE ... ESCAPE")
            }
            try expectText(left, try type(left))
            try expectText(right, try type(right))
            return .known(.boolean)
        case "AEXPR_DISTINCT", "AEXPR_NOT_DISTINCT":
            guard let left = body["lexpr"], let right = body["rexpr"] else { break }
            return try binary("=", left, right).result
        case "AEXPR_OP":
            guard names.count == 1 || names.first == "pg_catalog", let name = names.last else { break }
            guard let right = body["rexpr"] else { break }
            guard let left = body["lexpr"] else {
                // Prefix minus on a number.
                let operand = try type(right)
                guard name == "-", let number = operand.type, Self.integers[number.sql] != nil || number.unmodified == .numeric
                    || number == .doublePrecision
                else { break }
                return .known(number.unmodified)
            }
            return try binary(name, left, right).result
        default: break
        }
        throw UnsupportedView(what: "an operator form the server rewrites (IN, BETWEEN, LIKE, ANY, ...)")
    }

    /// A binary operator's result type, for comparisons, arithmetic, `||` and the JSON arrows, with its
    /// left operand's type (each operand is resolved once: resolving qualifies its columns in the text).
    mutating func binary(
        _ name: String, _ leftNode: ParseNode, _ rightNode: ParseNode, leftResolved: Bool = false
    ) throws -> (left: ValueType, result: ValueType) {
        // An operand is resolved once (resolving qualifies its columns in the text); a left operand
        // compared again (IN, BETWEEN) is typed on a copy.
        let left: ValueType
        if leftResolved {
            var copy = self
            left = try copy.type(leftNode)
        } else {
            left = try type(leftNode)
        }
        let right = try type(rightNode)
        let refuse = UnsupportedView(what: "\(left.type?.sql ?? "unknown") \(name) \(right.type?.sql ?? "unknown") in a view")
        if name == "->" || name == "->>" {
            guard let container = left.type, container == .jsonb || container == .json,
                right == .unknown || right == .known(.integer) || right == .known(.text) && Self.castIsSpelling(rightNode)
            else { throw refuse }
            if case .unknown = right { try literal(rightNode, as: .text) }
            return (left, .known(name == "->" ? container : .text))
        }
        if ["~~", "!~~", "~~*", "!~~*"].contains(name) {
            // LIKE and ILIKE as the server stores them.
            try expectText(leftNode, left)
            try expectText(rightNode, right)
            return (left, .known(.boolean))
        }
        if name == "||" {
            try expectText(leftNode, left)
            try expectText(rightNode, right)
            guard left != .unknown || right != .unknown else { throw refuse }
            return (left, .known(.text))
        }
        let a: DataType
        let b: DataType
        switch (left, right) {
        case (.unknown, .unknown): throw refuse
        case (.unknown, .known(let type)):
            try literal(leftNode, as: type)
            (a, b) = (type, type)
        case (.known(let type), .unknown):
            try literal(rightNode, as: type)
            (a, b) = (type, type)
        case (.known(let x), .known(let y)): (a, b) = (x, y)
        }
        guard let result = Self.operatorResult(name, a.unmodified, b.unmodified) else { throw refuse }
        // The server casts one side when no operator takes both types as they are; that cast is left
        // out by the comparison only on a column or constant.
        if a.unmodified != b.unmodified, Self.integers[a.sql] == nil || Self.integers[b.sql] == nil, !Self.mixedWithoutCast(name, a, b) {
            guard Self.castIsSpelling(leftNode) && Self.castIsSpelling(rightNode) else { throw refuse }
        }
        return (left, .known(result))
    }

    /// Operators with their own versions for two different types (no cast on either side).
    static func mixedWithoutCast(_ name: String, _ a: DataType, _ b: DataType) -> Bool {
        let pair = [a.unmodified.sql, b.unmodified.sql]
        if pair.contains("interval") && (pair.contains("timestamp with time zone") || pair.contains("timestamp without time zone") || pair.contains("date")) {
            return name == "+" || name == "-"
        }
        if pair == ["date", "integer"] || pair == ["integer", "date"] { return name == "+" || name == "-" }
        return false
    }

    static func operatorResult(_ name: String, _ a: DataType, _ b: DataType) -> DataType? {
        if comparisons.contains(name) { return comparable(a, b) ? .boolean : nil }
        guard arithmetic.contains(name) else { return nil }
        let numbers = ["smallint", "integer", "bigint", "numeric", "real", "double precision"]
        if let x = integers[a.sql], let y = integers[b.sql] {
            return x >= y ? a : b
        }
        if numbers.contains(a.sql), numbers.contains(b.sql), name != "%" {
            if a.sql == "double precision" || b.sql == "double precision" || a.sql == "real" && b.sql != "numeric" || b.sql == "real" && a.sql != "numeric" {
                return a == b && a.sql == "real" ? .real : .doublePrecision
            }
            return .numeric
        }
        if a == b, name == "+" || name == "-", a.sql == "interval" { return a }
        if a == b, name == "-", a == .timestamptz || a == .timestamp { return DataType("interval") }
        if a == b, name == "-", a == .date { return .integer }
        let times = [DataType.timestamptz, .timestamp]
        if name == "+" || name == "-", times.contains(a), b.sql == "interval" { return a }
        if name == "+", a.sql == "interval", times.contains(b) { return b }
        if name == "+" || name == "-", a == .date, b.sql == "interval" { return .timestamp }
        if name == "+" || name == "-", a == .date, b == .integer { return .date }
        return nil
    }

    /// Types a comparison operator takes as a pair (the same type, numbers, text and varchar, times).
    static func comparable(_ a: DataType, _ b: DataType) -> Bool {
        if a == b { return true }
        let groups: [Set<String>] = [
            ["smallint", "integer", "bigint", "numeric", "real", "double precision"],
            ["text", "character varying"],
            ["date", "timestamp with time zone", "timestamp without time zone"],
        ]
        return groups.contains { $0.contains(a.sql) && $0.contains(b.sql) }
    }

    /// An untyped literal in a context of `type`: refused unless the server prints it back as written.
    func literal(_ node: ParseNode, as type: DataType) throws {
        guard let constant = node.node("A_Const") else { return }
        if constant["isnull"]?.bool == true { return }
        guard let text = constant["sval"]?["sval"]?.string,
            Self.printsAsWritten(text, as: type.unmodified == .varchar() ? .text : type.unmodified, enumLabels: enumLabels(type))
        else { throw UnsupportedView(what: "a constant compared with a \(type)") }
    }
}
