/// The name PostgreSQL gives an output column written without `AS` (the parser's FigureColname), so
/// a query read from a file and the same query printed by the server name their columns alike.
package enum OutputNames {
    /// The output name of a SELECT item's expression, `?column?` when it has none.
    package static func name(of node: ParseNode) -> String {
        figure(node)?.name ?? "?column?"
    }

    /// The name and its strength, as the parser ranks them (`FigureColnameInternal`): 2 for a column,
    /// function or construct name, 1 for a fallback such as a cast's type name. Index column names
    /// (`IndexColumnNames`) come from the same function.
    static func figure(_ node: ParseNode) -> (name: String, strength: Int)? {
        guard let (tag, body) = node.tagged else { return nil }
        switch tag {
        case "ColumnRef":
            guard let last = body["fields"]?.elements.last?.node("String")?["sval"]?.string else { return nil }
            return (last, 2)
        case "FuncCall": return body["funcname"]?.strings.last.map { ($0, 2) }
        case "A_Expr": return body["kind"]?.isString("AEXPR_NULLIF") == true ? ("nullif", 2) : nil
        case "TypeCast":
            let inner = body["arg"].flatMap(figure)
            if let inner, inner.strength > 1 { return inner }
            return body["typeName"]?["names"]?.strings.last.map { ($0, 1) } ?? inner
        case "CaseExpr":
            if let inner = body["defresult"].flatMap(figure), inner.strength > 1 { return inner }
            return ("case", 1)
        case "CoalesceExpr": return ("coalesce", 2)
        case "A_ArrayExpr": return ("array", 2)
        case "MinMaxExpr": return (body["op"]?.isString("IS_GREATEST") == true ? "greatest" : "least", 2)
        case "SQLValueFunction":
            guard let op = body["op"]?.string, op.hasPrefix("SVFOP_") else { return nil }
            return (op.dropFirst(6).lowercased(), 2)
        default: return nil
        }
    }
}
