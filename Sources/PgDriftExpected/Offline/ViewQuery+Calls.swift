import PgDriftModel
import PgDriftSQL

/// Function calls, windows and ORDER BY in a view's query, for the built-ins whose result type follows
/// from their arguments' without the server's catalog.
extension ViewQuery {
    mutating func call(_ body: ParseNode) throws -> ValueType {
        let names = body["funcname"]?.strings ?? []
        guard let name = names.last, names.count <= 2 else { throw UnsupportedExpression(what: "a call of \(names.joined(separator: "."))") }
        if names.count == 2 && names[0] != "pg_catalog" || !Self.builtinFunctions.contains(name) {
            return try userCall(body, schema: names.count == 2 ? names[0] : nil, name: name)
        }
        if names.count == 1, let schema = functionSchemasOnPath(name).first {
            throw UnsupportedExpression(what: "a call of \(name), both a built-in function and one of schema \(schema)")
        }
        guard body["funcformat"]?.isString("COERCE_EXPLICIT_CALL") ?? true else {
            throw UnsupportedExpression(what: "\(name) in SQL syntax")
        }
        for unsupported in ["agg_order", "agg_within_group", "func_variadic"] where body[unsupported] != nil && body[unsupported]?.bool != false {
            throw UnsupportedExpression(what: "a call of \(name) with \(unsupported)")
        }
        if let filter = body["agg_filter"] { try expectBoolean(filter) }
        if let window = body["over"] { try self.window(window) }
        let arguments = body["args"]?.elements ?? []
        if body["agg_star"]?.bool == true {
            guard name == "count" else { throw UnsupportedExpression(what: "\(name)(*)") }
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
            if first?.unmodified == .varchar(), ExpressionMeaning.castIsSpelling(arguments[0]) { return .known(.text) }
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
            guard types[0] == .unknown || types[0] == .known(.text) && ExpressionMeaning.castIsSpelling(arguments[0]) else { break }
            if let first = types[1].type?.unmodified, [DataType.timestamptz, .timestamp, DataType("interval")].contains(first) { return .known(first) }
        case ("jsonb_agg", 1), ("to_jsonb", 1): return .known(.jsonb)
        case ("json_agg", 1), ("to_json", 1): return .known(.json)
        case ("jsonb_build_object", _), ("jsonb_build_array", _): return .known(.jsonb)
        case ("json_build_object", _), ("json_build_array", _): return .known(.json)
        case ("array_agg", 1):
            if let first, !first.isArray, first.modifier == nil, first.unmodified == first { return .known(first.array) }
        default: break
        }
        throw UnsupportedExpression(what: "a call of \(name)(\(types.map { $0.type?.sql ?? "unknown" }.joined(separator: ", "))) in a view")
    }

    /// The built-in functions `call` types (pg_catalog comes first on the search path, so these names
    /// are never a user's function).
    static let builtinFunctions: Set = [
        "count", "rank", "dense_rank", "row_number", "percent_rank", "cume_dist", "now", "transaction_timestamp",
        "statement_timestamp", "clock_timestamp", "gen_random_uuid", "sum", "avg", "min", "max", "bool_and", "bool_or", "every",
        "lower", "upper", "btrim", "ltrim", "rtrim", "initcap", "md5", "length", "char_length", "string_agg", "abs", "round",
        "trunc", "date_trunc", "jsonb_agg", "to_jsonb", "json_agg", "to_json", "jsonb_build_object", "jsonb_build_array",
        "json_build_object", "json_build_array", "array_agg",
    ]

    /// A call of a function the migrations created: plain arguments only, its result type from the model.
    mutating func userCall(_ body: ParseNode, schema: String?, name: String) throws -> ValueType {
        for flag in ["agg_star", "agg_distinct", "agg_filter", "over", "agg_order", "agg_within_group", "func_variadic"]
        where body[flag] != nil && body[flag]?.bool != false {
            throw UnsupportedExpression(what: "a call of \(name) with \(flag)")
        }
        guard body["funcformat"]?.isString("COERCE_EXPLICIT_CALL") ?? true else { throw UnsupportedExpression(what: "\(name) in SQL syntax") }
        var types: [ValueType] = []
        for argument in body["args"]?.elements ?? [] {
            // An argument the server would cast is one the comparison may not see through.
            guard ExpressionMeaning.castIsSpelling(argument) || argument.node("FuncCall") != nil || argument.node("A_Expr") != nil else {
                throw UnsupportedExpression(what: "an argument of \(name) of that form")
            }
            types.append(try type(argument))
        }
        guard let result = userFunction(schema, name, types) else {
            throw UnsupportedExpression(what: "a call of \(name)(\(types.map { $0.type?.sql ?? "unknown" }.joined(separator: ", "))), which no one function of the migrations takes")
        }
        calledFunctions.insert(result.function)
        // The server prints a function outside pg_catalog qualified: so is the stored text.
        if schema == nil {
            guard let location = body.location else { throw UnsupportedExpression(what: "a call of \(name) without a location") }
            insert(SQLQuote.identifier(result.function.schema) + ".", at: location)
        }
        return .known(result.type)
    }

    /// A text argument: text, an untyped literal, or a varchar column or constant (whose cast the
    /// comparison leaves out).
    func expectText(_ node: ParseNode, _ found: ValueType) throws {
        switch found {
        case .unknown, .known(.text): return
        case .known(let type) where type.unmodified == .varchar() && ExpressionMeaning.castIsSpelling(node): return
        default: throw UnsupportedExpression(what: "a \(found.type?.sql ?? "") where text is expected")
        }
    }

    /// `OVER (PARTITION BY ... ORDER BY ...)` with the default frame.
    mutating func window(_ node: ParseNode) throws {
        let definition = node.node("WindowDef") ?? node
        guard definition["refname"] == nil, definition["name"] == nil else { throw UnsupportedExpression(what: "a named window") }
        // FRAMEOPTION_DEFAULTS: RANGE UNBOUNDED PRECEDING AND CURRENT ROW, as the server prints nothing.
        guard definition["frameOptions"]?.int ?? 1058 == 1058 else { throw UnsupportedExpression(what: "a window frame") }
        for item in definition["partitionClause"]?.elements ?? [] { _ = try type(item) }
        try sortItems(definition["orderClause"]?.elements ?? [], outputs: false)
    }

    /// ORDER BY items: expressions with an ordering the server prints back the same way.
    mutating func sortItems(_ items: [ParseNode], outputs: Bool) throws {
        for item in items {
            guard let sort = item.node("SortBy"), let expression = sort["node"] else { continue }
            guard sort["useOp"] == nil else { throw UnsupportedExpression(what: "ORDER BY ... USING") }
            let descending = sort["sortby_dir"]?.isString("SORTBY_DESC") == true
            switch sort["sortby_nulls"]?.string {
            case "SORTBY_NULLS_FIRST" where descending, "SORTBY_NULLS_LAST" where !descending:
                throw UnsupportedExpression(what: "a NULLS FIRST/LAST that is the default")
            default: break
            }
            if expression.node("A_Const") != nil { throw UnsupportedExpression(what: "ORDER BY a column number") }
            if outputs, let names = expression.node("ColumnRef")?["fields"]?.strings, names.count == 1,
                let output = self.outputs.first(where: { $0.name == names[0] })
            {
                // ORDER BY an output name sorts by that output; the server prints its expression.
                guard output.column == names[0] else {
                    throw UnsupportedExpression(what: "ORDER BY the output column \(names[0])")
                }
            }
            _ = try type(expression)
        }
    }
}
