import PgDriftModel

extension View: SchemaElement {
    /// CREATE [MATERIALIZED] VIEW name [WITH (options)] AS query, with the indexes of a materialized view
    /// and the (INSTEAD OF) triggers of a view.
    public init(
        _ name: String, schema: String = "", materialized: Bool = false, options: [String] = [], comment: String? = nil,
        indexes: [Index] = [], triggers: [Trigger] = [], _ query: String
    ) {
        self.init(
            name: QualifiedName(schema, name), isMaterialized: materialized, definition: query, options: options,
            indexes: ObjectSet(indexes), triggers: ObjectSet(triggers), comment: comment)
    }

    /// Adds the view in `schema` unless it names one, replacing a view of the same name.
    public func apply(to catalog: inout Catalog, schema: String) {
        var copy = self
        copy.name = name.resolved(in: schema)
        copy.triggers.modifyEach { trigger in trigger.function = trigger.function.resolved(in: schema) }
        catalog.views.upsert(copy)
    }
}

extension Function: SchemaElement {
    /// CREATE FUNCTION name(arguments) RETURNS type LANGUAGE language AS body. `arguments` is the argument
    /// list as written (`p_payload jsonb, p_limit integer DEFAULT 10`); `cost` and `rows` are COST and
    /// ROWS when not the defaults; `support` the planner support function (`SUPPORT`).
    public init(
        _ name: String, schema: String = "", arguments: String = "", returns: String, language: String = "plpgsql",
        volatility: Volatility = .volatile, strict: Bool = false, securityDefiner: Bool = false,
        leakproof: Bool = false, parallel: Parallel = .unsafe, set configuration: [String] = [],
        cost: Double? = nil, rows: Double? = nil, support: QualifiedName? = nil, comment: String? = nil, body: String
    ) {
        self.init(
            name: QualifiedName(schema, name), kind: .function, identityArguments: arguments, arguments: arguments,
            returnType: returns, language: language, body: body, volatility: volatility, isStrict: strict,
            isSecurityDefiner: securityDefiner, isLeakproof: leakproof, parallel: parallel,
            configuration: configuration, comment: comment, cost: cost.map(Function.estimate), rows: rows.map(Function.estimate),
            support: support)
    }

    /// CREATE PROCEDURE name(arguments) LANGUAGE language AS body.
    public static func procedure(
        _ name: String, schema: String = "", arguments: String = "", language: String = "plpgsql",
        securityDefiner: Bool = false, set configuration: [String] = [], comment: String? = nil, body: String
    ) -> Function {
        Function(
            name: QualifiedName(schema, name), kind: .procedure, identityArguments: arguments, arguments: arguments,
            returnType: nil, language: language, body: body, isSecurityDefiner: securityDefiner,
            configuration: configuration, comment: comment)
    }

    /// Adds the function in `schema` unless it names one, replacing an overload with the same arguments.
    public func apply(to catalog: inout Catalog, schema: String) {
        var copy = self
        copy.name = name.resolved(in: schema)
        catalog.functions.upsert(copy)
    }
}
