import PgDriftModel
import PgDriftSQL

/// The types of a view query's expressions, as PostgreSQL's parser resolves them, for the expressions
/// whose stored form is known without the server. The server stores a query with the casts it adds;
/// the diff compares queries with casts on constants and columns left out, so a cast the server would
/// add to anything else (a call, an operator's result) makes the reader refuse the view instead.
extension ViewQuery {
    static let integers: [String: Int] = ["smallint": 2, "integer": 4, "bigint": 8]
    static let comparisons: Set = ["=", "<>", "<", ">", "<=", ">="]
    static let arithmetic: Set = ["+", "-", "*", "/", "%"]

    mutating func type(_ node: ParseNode) throws -> ValueType {
        guard let (tag, body) = node.tagged else { throw UnsupportedExpression(what: "an empty expression") }
        switch tag {
        case "ColumnRef": return .known(try column(body))
        case "A_Const":
            if body["isnull"]?.bool == true || body["sval"] != nil { return .unknown }
            if body["ival"] != nil { return .known(.integer) }
            if body["fval"] != nil { return .known(.numeric) }
            if body["boolval"] != nil { return .known(.boolean) }
            throw UnsupportedExpression(what: "a bit-string constant")
        case "TypeCast": return try cast(body)
        case "FuncCall": return try call(body)
        case "A_Expr": return try operatorExpression(body)
        case "BoolExpr":
            for argument in body["args"]?.elements ?? [] { try expectBoolean(argument) }
            return .known(.boolean)
        case "NullTest", "BooleanTest":
            if let argument = body["arg"] { _ = try type(argument) }
            return .known(.boolean)
        case "CaseExpr":
            guard body["arg"] == nil else { throw UnsupportedExpression(what: "a CASE with an operand") }
            var results: [ParseNode] = []
            for item in body["args"]?.elements ?? [] {
                guard let when = item.node("CaseWhen"), let condition = when["expr"], let result = when["result"] else { continue }
                try expectBoolean(condition)
                results.append(result)
            }
            if let otherwise = body["defresult"] { results.append(otherwise) }
            return try common(results, "CASE")
        case "CoalesceExpr":
            return try common(body["args"]?.elements ?? [], "COALESCE")
        case "MinMaxExpr":
            return try common(body["args"]?.elements ?? [], "GREATEST/LEAST")
        case "SubLink": return try subLink(body)
        case "SQLValueFunction":
            guard body["typmod"].map({ $0.int == -1 }) ?? true, let op = body["op"]?.string, let result = Self.valueFunctions[op] else {
                throw UnsupportedExpression(what: "a SQL value function with a precision")
            }
            return .known(result)
        default:
            throw UnsupportedExpression(what: "a \(tag) expression in a view")
        }
    }

    /// `EXISTS (...)`, a scalar `(SELECT ...)`, `x IN (SELECT ...)` and `x op ANY|ALL (SELECT ...)`.
    mutating func subLink(_ body: ParseNode) throws -> ValueType {
        guard let select = body["subselect"]?.node("SelectStmt") else { throw UnsupportedExpression(what: "a sub-query that is not a SELECT") }
        switch body["subLinkType"]?.string {
        case "EXISTS_SUBLINK":
            _ = try subquery(select)
            return .known(.boolean)
        case "EXPR_SUBLINK":
            let outputs = try subquery(select)
            guard outputs.count == 1 else { throw UnsupportedExpression(what: "a scalar sub-query with \(outputs.count) columns") }
            return .known(outputs[0].type ?? .text)
        case "ANY_SUBLINK", "ALL_SUBLINK":
            guard let test = body["testexpr"] else { throw UnsupportedExpression(what: "an ANY sub-query without a left side") }
            // `x IN (SELECT ...)` has no operator name; the server prints `= ANY (SELECT ...)` as IN too.
            let names = body["operName"]?.strings ?? ["="]
            guard names.count == 1, Self.comparisons.contains(names[0]), body["operName"] == nil || names[0] != "=", ExpressionMeaning.castIsSpelling(test) else {
                throw UnsupportedExpression(what: "an ANY or ALL sub-query with that operator")
            }
            let left = try type(test)
            let outputs = try subquery(select)
            guard outputs.count == 1, let a = left.type, let b = outputs[0].type, a.unmodified == b.unmodified || Self.integers[a.sql] != nil && Self.integers[b.sql] != nil else {
                throw UnsupportedExpression(what: "an IN sub-query comparing other types")
            }
            return .known(.boolean)
        default:
            throw UnsupportedExpression(what: "a \(body["subLinkType"]?.string ?? "") sub-query")
        }
    }

    static let valueFunctions: [String: DataType] = [
        "SVFOP_CURRENT_DATE": .date, "SVFOP_CURRENT_TIMESTAMP": .timestamptz, "SVFOP_LOCALTIMESTAMP": .timestamp,
        "SVFOP_CURRENT_TIME": DataType("time with time zone"), "SVFOP_LOCALTIME": DataType("time without time zone"),
        "SVFOP_CURRENT_USER": DataType("name"), "SVFOP_SESSION_USER": DataType("name"), "SVFOP_USER": DataType("name"),
        "SVFOP_CURRENT_ROLE": DataType("name"),
    ]

    mutating func expectBoolean(_ node: ParseNode) throws {
        let found = try type(node)
        guard found == .known(.boolean) || found == .unknown else { throw UnsupportedExpression(what: "a condition that is not boolean") }
    }

    /// The one type a list of branches resolves to (CASE, COALESCE, GREATEST): all the same known type
    /// or untyped literals; `text` if all are untyped. A modifier is kept only when all agree.
    mutating func common(_ nodes: [ParseNode], _ construct: String) throws -> ValueType {
        var found: DataType?
        for node in nodes {
            guard let type = try type(node).type else { continue }
            if let known = found, known != type {
                guard known.unmodified == type.unmodified, known.schema == nil else {
                    throw UnsupportedExpression(what: "a \(construct) mixing \(known) and \(type)")
                }
                found = known.unmodified
            } else {
                found = type
            }
        }
        for node in nodes where found != nil { try literal(node, as: found!) }
        return .known(found ?? .text)
    }

    /// `x::type`: the type as declared. A constant cast to a type whose output the server may respell
    /// (a date, a jsonb) is refused, since the diff compares the constant's text.
    mutating func cast(_ body: ParseNode) throws -> ValueType {
        guard let argument = body["arg"], let typeName = body["typeName"] else { throw UnsupportedExpression(what: "an empty cast") }
        let target = try castType(typeName)
        let from = try type(argument)
        if let constant = argument.node("A_Const"), let text = constant["sval"]?["sval"]?.string {
            guard Self.printsAsWritten(text, as: target, enumLabels: enumLabels(target)) else {
                throw UnsupportedExpression(what: "the constant '\(text)' as \(target), which the server may print differently")
            }
        } else if from != .known(target), argument.node("A_Const") != nil {
            // A number cast to a number type prints back as written (`(2)::bigint`); others may not.
            let numbers = ["smallint", "integer", "bigint", "numeric", "real", "double precision"]
            guard let source = from.type, numbers.contains(source.sql), numbers.contains(target.unmodified.sql), target.unmodified == target else {
                throw UnsupportedExpression(what: "a cast of a number or boolean constant to \(target)")
            }
        }
        return .known(target)
    }

    /// Whether a string constant of `type` is printed back by the server exactly as written.
    static func printsAsWritten(_ text: String, as type: DataType, enumLabels: [String]?) -> Bool {
        if let enumLabels { return enumLabels.contains(text) }
        if type.isArray { return text == "{}" }
        switch type.sql {
        case "text", "character varying", "name": return true
        case "interval": return IntervalLiteral.printsAsWritten(text)
        case "integer", "bigint", "smallint":
            return !text.isEmpty && text.drop(while: { $0 == "-" }).allSatisfy(\.isASCIIDigit) && !text.hasPrefix("-0") && (text.first != "0" || text == "0")
        case "boolean": return text == "true" || text == "false"
        default: return false
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension DataType {
    /// The type without its modifier: `numeric(10,2)` → `numeric`, `character varying(20)` →
    /// `character varying`, `timestamp(3) with time zone` → `timestamp with time zone`.
    var unmodified: DataType {
        guard schema == nil, let open = name.firstIndex(of: "("), let close = name[open...].firstIndex(of: ")") else {
            var copy = self
            copy.modifier = nil
            return copy
        }
        var copy = self
        copy.name = String(name[..<open]) + String(name[name.index(after: close)...])
        return copy
    }
}

/// Interval constants the server prints back unchanged: a whole number of days, months (`mons`) or
/// years, spelled as `interval_out` spells them (`1 day`, `7 days`, `1 mon`, `2 years`).
enum IntervalLiteral {
    static func printsAsWritten(_ text: String) -> Bool {
        let parts = text.split(separator: " ")
        guard parts.count == 2, let number = Int(parts[0]), number > 0, String(number) == parts[0] else { return false }
        let unit = number == 1 ? ["day", "mon", "year"] : ["days", "mons", "years"]
        return unit.contains(String(parts[1]))
    }
}
