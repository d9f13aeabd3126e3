/// The name PostgreSQL gives an index column when it makes up the index's name
/// (`FigureIndexColname`): `lower(email)` is `lower`, `(a)::text` is `a`, `'x'::text` is `text`, and
/// anything it cannot name is `expr` — so `CREATE INDEX ON users (lower(email))` is `users_lower_idx`.
public enum IndexColumnNames {
    /// The name PostgreSQL would give this index expression's column; `expr` when it finds none.
    public static func name(of expression: ParseNode) -> String {
        figure(expression)?.name ?? "expr"
    }

    /// The name and its strength (2: a column or function name, 1: a type name), as the server ranks them.
    private static func figure(_ node: ParseNode) -> (name: String, strength: Int)? {
        guard let (tag, body) = node.tagged else { return nil }
        switch tag {
        case "ColumnRef":
            guard let last = body["fields"]?.elements.last, let name = last.node("String")?["sval"]?.string else { return nil }
            return (name, 2)
        case "FuncCall":
            return body["funcname"]?.strings.last.map { ($0, 2) }
        case "TypeCast":
            let inner = body["arg"].flatMap(figure)
            if let inner, inner.strength > 1 { return inner }
            return body["typeName"]?["names"]?.strings.last.map { ($0, 1) } ?? inner
        case "A_Expr":
            return body["kind"]?.isString("AEXPR_NULLIF") == true ? ("nullif", 2) : nil
        case "CoalesceExpr": return ("coalesce", 2)
        case "CaseExpr": return ("case", 2)
        case "A_ArrayExpr": return ("array", 2)
        case "MinMaxExpr": return (body["op"]?.isString("IS_GREATEST") == true ? "greatest" : "least", 2)
        case "SQLValueFunction":
            guard let op = body["op"]?.string, op.hasPrefix("SVFOP_") else { return nil }
            return (op.dropFirst(6).lowercased(), 2)
        default:
            return nil
        }
    }
}
