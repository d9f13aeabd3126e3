import PgDriftModel
import PgDriftSQL

/// Operators in a view's query: comparisons, arithmetic, `||`, the JSON arrows, LIKE, IN, BETWEEN,
/// IS DISTINCT FROM and ANY/ALL of an array, typed as the server types them.
extension ViewQuery {
    mutating func operatorExpression(_ body: ParseNode) throws -> ValueType {
        let kind = body["kind"]?.string ?? ""
        let names = body["name"]?.strings ?? []
        switch kind {
        case "AEXPR_NULLIF":
            guard let left = body["lexpr"], let right = body["rexpr"] else { break }
            let leftType = try type(left)
            guard try combine("=", left, leftType, right, try type(right)) == .known(.boolean) else { break }
            return leftType
        case "AEXPR_IN":
            // Constants only: the server makes `= ANY (ARRAY[...])` of them (with anything else, OR chains).
            guard let left = body["lexpr"], let items = body["rexpr"]?.node("List")?["items"]?.elements,
                !items.isEmpty, items.allSatisfy({ $0.descendants("ColumnRef").isEmpty && ExpressionMeaning.castIsSpelling($0) })
            else { throw UnsupportedExpression(what: "an IN list of something other than constants") }
            let leftType = try type(left)
            for item in items { _ = try combine("=", left, leftType, item, try type(item)) }
            return .known(.boolean)
        case "AEXPR_OP_ANY", "AEXPR_OP_ALL":
            // `x = ANY (ARRAY[constants])`, the form the server stores IN lists in (pg_dump writes it).
            var array = body["rexpr"]
            while let cast = array?.node("TypeCast"), cast["arg"]?.node("A_ArrayExpr") != nil { array = cast["arg"] }
            guard let left = body["lexpr"], names.count == 1, Self.comparisons.contains(names[0]),
                let elements = array?.node("A_ArrayExpr")?["elements"]?.elements, !elements.isEmpty,
                elements.allSatisfy({ $0.descendants("ColumnRef").isEmpty && ExpressionMeaning.castIsSpelling($0) })
            else { throw UnsupportedExpression(what: "an ANY or ALL of something other than an array of constants") }
            let leftType = try type(left)
            for element in elements { _ = try combine(names[0], left, leftType, element, try type(element)) }
            return .known(.boolean)
        case "AEXPR_BETWEEN", "AEXPR_NOT_BETWEEN":
            guard let left = body["lexpr"], let bounds = body["rexpr"]?.node("List")?["items"]?.elements, bounds.count == 2,
                ExpressionMeaning.castIsSpelling(left)
            else { throw UnsupportedExpression(what: "a BETWEEN on an expression") }
            let leftType = try type(left)
            _ = try combine(">=", left, leftType, bounds[0], try type(bounds[0]))
            _ = try combine("<=", left, leftType, bounds[1], try type(bounds[1]))
            return .known(.boolean)
        case "AEXPR_LIKE", "AEXPR_ILIKE":
            guard let left = body["lexpr"], let right = body["rexpr"], right.node("FuncCall") == nil else {
                throw UnsupportedExpression(what: "LIKE ... ESCAPE")
            }
            try expectText(left, try type(left))
            try expectText(right, try type(right))
            return .known(.boolean)
        case "AEXPR_DISTINCT", "AEXPR_NOT_DISTINCT":
            guard let left = body["lexpr"], let right = body["rexpr"] else { break }
            return try binary("=", left, right)
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
            return try binary(name, left, right)
        default: break
        }
        throw UnsupportedExpression(what: "an operator form the server rewrites (IN, BETWEEN, LIKE, ANY, ...)")
    }

    /// A binary operator's result type. Each operand is resolved once (resolving qualifies its columns
    /// in the text); an operand compared more than once (IN, BETWEEN) goes to `combine` with its type.
    mutating func binary(_ name: String, _ leftNode: ParseNode, _ rightNode: ParseNode) throws -> ValueType {
        let left = try type(leftNode)
        return try combine(name, leftNode, left, rightNode, try type(rightNode))
    }

    /// The result type of `left name right`, for comparisons, arithmetic, `||`, LIKE and the JSON
    /// arrows, from the operands' types.
    func combine(_ name: String, _ leftNode: ParseNode, _ left: ValueType, _ rightNode: ParseNode, _ right: ValueType) throws -> ValueType {
        let refuse = UnsupportedExpression(what: "\(left.type?.sql ?? "unknown") \(name) \(right.type?.sql ?? "unknown") in a view")
        // An extension's type brings its own operators, printed qualified (`OPERATOR(public.=)`).
        if [left.type, right.type].contains(where: { $0.map(isExtensionType) ?? false }) { throw refuse }
        if name == "->" || name == "->>" {
            guard let container = left.type, container == .jsonb || container == .json,
                right == .unknown || right == .known(.integer) || right == .known(.text) && ExpressionMeaning.castIsSpelling(rightNode)
            else { throw refuse }
            if case .unknown = right { try literal(rightNode, as: .text) }
            return .known(name == "->" ? container : .text)
        }
        if ["~~", "!~~", "~~*", "!~~*"].contains(name) {
            // LIKE and ILIKE as the server stores them.
            try expectText(leftNode, left)
            try expectText(rightNode, right)
            return .known(.boolean)
        }
        if name == "||" {
            try expectText(leftNode, left)
            try expectText(rightNode, right)
            guard left != .unknown || right != .unknown else { throw refuse }
            return .known(.text)
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
            guard ExpressionMeaning.castIsSpelling(leftNode) && ExpressionMeaning.castIsSpelling(rightNode) else { throw refuse }
        }
        return .known(result)
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
        else { throw UnsupportedExpression(what: "a constant compared with a \(type)") }
    }
}
