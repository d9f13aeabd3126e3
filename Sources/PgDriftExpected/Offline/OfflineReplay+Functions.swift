import PgDriftModel
import PgDriftSQL

extension OfflineReplay {
    /// `CREATE [OR REPLACE] FUNCTION | PROCEDURE` in SQL or PL/pgSQL with the body as a string, built as
    /// the catalog prints it: `pg_get_function_arguments`, `pg_get_function_result`, `prosrc`, `proconfig`.
    mutating func createFunction(_ node: ParseNode) throws {
        let (schema, name) = try parts(node["funcname"]?.strings ?? [])
        let qualified = try newName(schema: schema, name: name)
        let isProcedure = node["is_procedure"]?.bool == true
        guard node["sql_body"] == nil else { throw fallback("a SQL-standard function body is not read offline") }
        let signature = try functionSignature(node["parameters"]?.elements ?? [], isProcedure: isProcedure)
        let options = try functionOptions(node["options"]?.elements ?? [])
        let result = try functionResult(node["returnType"], signature: signature, isProcedure: isProcedure)
        try checkBody(options, arguments: signature.arguments, result: result)
        if options.rowsGiven, !Self.returnsSet(result) { throw fallback("ROWS on a function that does not return a set") }
        var function = Function(
            name: qualified, kind: isProcedure ? .procedure : .function, identityArguments: signature.identity,
            arguments: signature.arguments, returnType: result, language: options.language, body: options.body,
            volatility: options.volatility, isStrict: options.isStrict, isSecurityDefiner: options.isSecurityDefiner,
            isLeakproof: options.isLeakproof, parallel: options.parallel, configuration: options.configuration,
            cost: options.cost, rows: options.rows)
        if let old = functionKey(qualified, inputTypes: signature.inputTypes) {
            // The server refuses to change a replaced routine's kind, result or argument names and defaults.
            guard node["replace"]?.bool == true else { throw fallback("function \(old) already exists") }
            guard let existing = functions[old], existing.kind == function.kind, existing.returnType == result,
                existing.arguments == signature.arguments
            else { throw fallback("CREATE OR REPLACE changing a function's signature or result is not read offline") }
            function.comment = existing.comment
            functions[old] = nil
        }
        functions[function.key] = function
        functionInputTypes[function.key] = signature.inputTypes
    }

    /// The function named `name` whose input argument types are `inputTypes` (the server's identity).
    func functionKey(_ name: QualifiedName, inputTypes: [String]) -> FunctionKey? {
        functionInputTypes.first { $0.key.name == name && $0.value == inputTypes }?.key
    }

    /// The function an `ObjectWithArgs` (DROP, COMMENT ON) names, looked up along the search path; nil if none.
    func namedFunction(_ object: ParseNode?) throws -> FunctionKey? {
        guard let object else { return nil }
        let (schema, name) = try parts(object["objname"]?.strings ?? [])
        let schemas = schema.map { [$0] } ?? searchPath
        if object["args_unspecified"]?.bool == true {
            for schema in schemas {
                let named = functions.keys.filter { $0.name == QualifiedName(schema, name) }
                if named.count > 1 { throw fallback("function \(name) is ambiguous") }
                if let key = named.first { return key }
            }
            return nil
        }
        let types = try (object["objargs"]?.elements ?? []).map { try signatureType($0.node("TypeName")) }
        for schema in schemas {
            if let key = functionKey(QualifiedName(schema, name), inputTypes: types) { return key }
        }
        return nil
    }

    /// `DROP FUNCTION | PROCEDURE | ROUTINE`, unless a trigger still calls it (the server refuses).
    mutating func dropFunction(_ object: ParseNode, missingOK: Bool) throws {
        guard let key = try namedFunction(object.node("ObjectWithArgs")) else {
            if missingOK { return }
            throw fallback("function to drop does not exist here")
        }
        guard !functionsCalledByViews.contains(key.name) else { throw fallback("dropping function \(key.name), which a view calls") }
        guard !expressionsCall(key.name) else { throw fallback("dropping function \(key.name), which an expression calls") }
        let called = tables.values.contains { table in table.triggers.contains { $0.function == key.name } }
        guard !called || functions.keys.filter({ $0.name == key.name }).count > 1 else {
            throw fallback("dropping function \(key), which a trigger calls")
        }
        functions[key] = nil
        functionInputTypes[key] = nil
    }

    /// `ALTER FUNCTION ... RENAME TO`: triggers call it by its new name (they hold the function, not its name).
    mutating func renameFunction(_ object: ParseNode?, to newName: String) throws {
        guard let old = try namedFunction(object), var function = functions.removeValue(forKey: old),
            let inputTypes = functionInputTypes.removeValue(forKey: old)
        else { throw fallback("function to rename does not exist here") }
        guard !functionsCalledByViews.contains(old.name) else { throw fallback("renaming function \(old.name), which a view calls") }
        guard !expressionsCall(old.name) else { throw fallback("renaming function \(old.name), which an expression calls") }
        let renamed = QualifiedName(old.name.schema, newName)
        guard functionKey(renamed, inputTypes: inputTypes) == nil else { throw fallback("function \(newName) already exists") }
        let callers = tables.values.filter { $0.triggers.contains { $0.function == old.name } }
        // Overloads share a name: which one a trigger calls is the server's to tell.
        guard callers.isEmpty || !functions.keys.contains(where: { $0.name == old.name }) else {
            throw fallback("renaming one of several overloads a trigger may call")
        }
        function.name = renamed
        functions[function.key] = function
        functionInputTypes[function.key] = inputTypes
        for table in callers {
            tables[table.name]?.triggers.modifyEach { if $0.function == old.name { $0.function = renamed } }
        }
    }

    /// A parameter list as the catalog prints it, whole and as identity, with the identity's types, the
    /// OUT types and the TABLE columns.
    struct FunctionSignature {
        var arguments = ""
        var identity = ""
        var inputTypes: [String] = []
        var outputs: [String] = []
        var tableColumns: [String] = []
    }

    private func functionSignature(_ parameters: [ParseNode], isProcedure: Bool) throws -> FunctionSignature {
        var arguments: [String] = []
        var identity: [String] = []
        var inputTypes: [String] = []
        var outputs: [String] = []
        var tableColumns: [String] = []
        for parameter in parameters {
            guard let parameter = parameter.node("FunctionParameter") else { throw fallback("an unreadable parameter") }
            let type = try signatureType(parameter["argType"])
            let name = parameter["name"]?.string.map(SQLQuote.identifier)
            let named = (name.map { $0 + " " } ?? "") + type
            let mode = parameter["mode"]?.string ?? "FUNC_PARAM_DEFAULT"
            if mode == "FUNC_PARAM_TABLE" {
                guard name != nil else { throw fallback("a TABLE column without a name") }
                tableColumns.append(named)
                continue
            }
            // Procedures mark every argument's mode; functions leave IN out.
            let prefix: String
            switch mode {
            case "FUNC_PARAM_IN", "FUNC_PARAM_DEFAULT": prefix = isProcedure ? "IN " : ""
            case "FUNC_PARAM_INOUT": prefix = "INOUT "
            case "FUNC_PARAM_VARIADIC": prefix = "VARIADIC "
            case "FUNC_PARAM_OUT":
                guard !isProcedure else { throw fallback("a procedure with OUT arguments is not read offline") }
                prefix = "OUT "
            default: throw fallback("parameter mode \(mode) is not read offline")
            }
            var text = prefix + named
            if let expression = parameter["defexpr"] {
                guard mode != "FUNC_PARAM_OUT" else { throw fallback("an OUT argument with a default") }
                text += " DEFAULT " + (try argumentDefault(expression, type: parameter["argType"]))
            }
            arguments.append(text)
            if mode == "FUNC_PARAM_OUT" || mode == "FUNC_PARAM_INOUT" { outputs.append(type) }
            // The printed identity lists OUT arguments too; the server tells overloads apart by the others.
            identity.append(prefix + named)
            if mode != "FUNC_PARAM_OUT" { inputTypes.append(type) }
        }
        guard tableColumns.isEmpty || outputs.isEmpty else { throw fallback("TABLE columns with OUT arguments") }
        return FunctionSignature(
            arguments: arguments.joined(separator: ", "), identity: identity.joined(separator: ", "), inputTypes: inputTypes,
            outputs: outputs, tableColumns: tableColumns)
    }

    /// `pg_get_function_result`: `SETOF t`, `TABLE(a t, ...)`, the single OUT type or `record`.
    private func functionResult(_ returnType: ParseNode?, signature: FunctionSignature, isProcedure: Bool) throws -> String? {
        if isProcedure {
            guard returnType == nil else { throw fallback("a procedure with a result") }
            return nil
        }
        if !signature.tableColumns.isEmpty { return "TABLE(" + signature.tableColumns.joined(separator: ", ") + ")" }
        guard let returnType else {
            switch signature.outputs.count {
            case 0: throw fallback("a function without a result")
            case 1: return signature.outputs[0]
            default: return "record"
            }
        }
        let type = try signatureType(returnType)
        // A declared result must agree with the OUT arguments; only the server says how when it does not.
        if signature.outputs.count == 1 && type != signature.outputs[0] || signature.outputs.count > 1 && type != "record" {
            throw fallback("a result that differs from the OUT arguments")
        }
        return returnType["setof"]?.bool == true ? "SETOF " + type : type
    }

    /// A type as `format_type` prints it in a signature: no modifier, `[]` once for any array, user
    /// types qualified (introspection runs with an empty search_path).
    func signatureType(_ typeName: ParseNode?) throws -> String {
        guard let typeName, typeName["pct_type"]?.bool != true else { throw fallback("%TYPE is not read offline") }
        let (schema, name) = try parts(typeName["names"]?.strings ?? [])
        let array = typeName["arrayBounds"] != nil ? "[]" : ""
        if schema == nil || schema == "pg_catalog" {
            // pg_catalog comes first on the search path: built-in names win over user types.
            if let builtin = Self.builtinTypes[name] ?? Self.pseudoTypes[name] {
                guard array.isEmpty || Self.pseudoTypes[name] == nil else { throw fallback("an array of \(name)") }
                return builtin + array
            }
            guard schema == nil else { throw fallback("type pg_catalog.\(name) is not read offline") }
        }
        guard let user = existing(schema: schema, name: name, in: { isUserType($0) }) else {
            throw fallback("type \(name) is not read offline")
        }
        return SQLQuote.identifier(user.schema) + "." + SQLQuote.identifier(user.name) + array
    }

    /// Pseudo-types a routine may take or return.
    static let pseudoTypes = ["trigger": "trigger", "void": "void", "record": "record"]

    /// Whether a user type (enum, domain, composite, or an extension's type) has this name.
    func isUserType(_ name: QualifiedName) -> Bool {
        enums[name] != nil || domains[name] != nil || compositeTypes[name] != nil || extensionTypes[name] != nil
    }

    /// An argument default as `pg_get_function_arguments` prints it, for the constants whose printed
    /// form is known without the server: numbers on number types, booleans, NULL, strings on text,
    /// varchar and enums. Anything else (a string the type's input function would rewrite, a call)
    /// falls back.
    private func argumentDefault(_ expression: ParseNode, type typeName: ParseNode?) throws -> String {
        let type = try signatureType(typeName)
        let enumType = enums.values.first { SQLQuote.qualified($0.name) == type }
        var value = expression
        if let cast = expression.node("TypeCast") {
            // `'x'::t` on an argument of type t is the same constant.
            guard let argument = cast["arg"], try signatureType(cast["typeName"]) == type else {
                throw fallback("a cast default is not read offline")
            }
            value = argument
        }
        guard let constant = value.node("A_Const"), type.hasSuffix("[]") == false else {
            throw fallback("a default other than a constant is not read offline")
        }
        if constant["isnull"]?.bool == true { return "NULL::" + type }
        if constant["ival"] != nil, ["smallint", "integer", "bigint", "numeric"].contains(type),
            let number = constant.integerConstant, number >= 0
        {
            return String(number)
        }
        if let number = constant["fval"]?["fval"]?.string, type == "numeric", !number.hasPrefix("-") { return number }
        if let flag = constant["boolval"], type == "boolean" { return flag["boolval"]?.bool == true ? "true" : "false" }
        // A backslash would make SQLQuote write E'...', which the server does not print.
        if let text = constant["sval"]?["sval"]?.string ?? (constant["sval"] != nil ? "" : nil), !text.contains("\\"),
            type == "text" || type == "character varying" || enumType?.values.contains(text) == true
        {
            return SQLQuote.literal(text) + "::" + type
        }
        throw fallback("a default of this type is not read offline")
    }

    /// What the options of `CREATE FUNCTION` set.
    struct RoutineOptions {
        var language = ""
        var body = ""
        var volatility = Function.Volatility.volatile
        var isStrict = false
        var isSecurityDefiner = false
        var isLeakproof = false
        var parallel = Function.Parallel.unsafe
        var configuration: [String] = []
        /// COST and ROWS as the catalog keeps them (nil for the default: COST 100 for SQL and PL/pgSQL,
        /// ROWS 1000); `rowsGiven` says ROWS was written, which the server accepts only for a set-returning function.
        var cost: Double?
        var rows: Double?
        var rowsGiven = false
    }

    /// Whether a result (`pg_get_function_result`'s text) is a set: `SETOF ...` or `TABLE(...)`.
    static func returnsSet(_ result: String?) -> Bool {
        guard let result else { return false }
        return result.hasPrefix("SETOF ") || result.hasPrefix("TABLE(")
    }

    private func functionOptions(_ options: [ParseNode]) throws -> RoutineOptions {
        var result = RoutineOptions()
        var hasBody = false
        for option in options {
            guard let option = option.node("DefElem"), let name = option["defname"]?.string else { continue }
            let argument = option["arg"]
            switch name {
            case "language": result.language = argument?.node("String")?["sval"]?.string ?? ""
            case "as":
                let parts = argument?.node("List")?["items"]?.strings ?? []
                guard parts.count == 1 else { throw fallback("a function in a loadable module is not read offline") }
                result.body = parts[0]
                hasBody = true
            default:
                guard try applyRoutineOption(name, argument, to: &result) else {
                    throw fallback("function option \(name.uppercased()) is not read offline")
                }
            }
        }
        // Only the two languages every database has.
        guard result.language == "sql" || result.language == "plpgsql", hasBody else {
            throw fallback("a function in language \(result.language.isEmpty ? "(none)" : result.language) is not read offline")
        }
        return result
    }

    /// An option `CREATE` and `ALTER FUNCTION` share; false for one this does not know.
    private func applyRoutineOption(_ name: String, _ argument: ParseNode?, to result: inout RoutineOptions) throws -> Bool {
        let flag = argument?.node("Boolean")?["boolval"]?.bool == true
        switch name {
        case "volatility":
            guard let value = argument?.node("String")?["sval"]?.string, let volatility = Function.Volatility(rawValue: value.uppercased()) else {
                throw fallback("an unknown volatility")
            }
            result.volatility = volatility
        case "strict": result.isStrict = flag
        case "security": result.isSecurityDefiner = flag
        case "leakproof": result.isLeakproof = flag
        case "parallel":
            guard let value = argument?.node("String")?["sval"]?.string, let parallel = Function.Parallel(rawValue: value.uppercased()) else {
                throw fallback("an unknown PARALLEL setting")
            }
            result.parallel = parallel
        case "cost", "rows":
            // A positive number; libpg_query writes 0 and negative integers as an empty Integer.
            let text = argument?.node("Float")?["fval"]?.string ?? argument?.node("Integer")?["ival"]?.int.map(String.init)
            guard let text, let value = Double(text), value > 0 else { throw fallback("\(name.uppercased()) that is not positive") }
            let estimate = Function.estimate(value)
            if name == "cost" {
                result.cost = estimate == 100 ? nil : estimate
            } else {
                result.rows = estimate == 1000 ? nil : estimate
                result.rowsGiven = true
            }
        case "set":
            try addSetting(argument?.node("VariableSetStmt"), to: &result.configuration)
        default:
            return false
        }
        return true
    }

    /// `ALTER FUNCTION | PROCEDURE | ROUTINE ... action [...]`: the options CREATE takes.
    mutating func alterFunction(_ node: ParseNode) throws {
        guard let key = try namedFunction(node["func"]?.node("ObjectWithArgs") ?? node["func"]), var function = functions[key] else {
            throw fallback("ALTER FUNCTION of a function that does not exist here")
        }
        var options = RoutineOptions(
            language: function.language, body: function.body, volatility: function.volatility, isStrict: function.isStrict,
            isSecurityDefiner: function.isSecurityDefiner, isLeakproof: function.isLeakproof, parallel: function.parallel,
            configuration: function.configuration, cost: function.cost, rows: function.rows)
        for action in node["actions"]?.elements ?? [] {
            guard let option = action.node("DefElem"), let name = option["defname"]?.string else { continue }
            guard try applyRoutineOption(name, option["arg"], to: &options) else {
                throw fallback("ALTER FUNCTION \(name.uppercased()) is not read offline")
            }
        }
        function.volatility = options.volatility
        function.isStrict = options.isStrict
        function.isSecurityDefiner = options.isSecurityDefiner
        function.isLeakproof = options.isLeakproof
        function.parallel = options.parallel
        function.configuration = options.configuration
        if options.rowsGiven, !Self.returnsSet(function.returnType) { throw fallback("ROWS on a function that does not return a set") }
        function.cost = options.cost
        function.rows = options.rows
        functions[key] = function
    }

    /// The server checks a body when it creates the routine; one libpg_query cannot parse is left for
    /// the server to report.
    private func checkBody(_ options: RoutineOptions, arguments: String, result: String?) throws {
        do {
            if options.language == "sql" {
                _ = try ParsedScript(options.body)
            } else {
                // PL/pgSQL's parser needs the header: arguments are variables, a trigger has NEW and OLD.
                let header = result.map { "CREATE FUNCTION pgdrift_body(\(arguments)) RETURNS \($0)" }
                    ?? "CREATE PROCEDURE pgdrift_body(\(arguments))"
                _ = try PgQuery.parsePLpgSQLToJSON("\(header) LANGUAGE plpgsql AS \(SQLQuote.dollarQuoted(options.body))")
            }
        } catch {
            throw fallback("a function body libpg_query cannot parse")
        }
    }

    /// Settings whose name the catalog keeps as written, and whether list items are quoted
    /// (`GUC_LIST_QUOTE`), as `proconfig` stores them.
    static let functionSettings: [String: Bool] = [
        "search_path": true, "statement_timeout": false, "lock_timeout": false, "work_mem": false,
        "client_min_messages": false, "row_security": false,
    ]

    /// `SET name = value` of a routine, as `name=value` in `proconfig` (a repeated name replaces the
    /// value), and `RESET name | ALL`.
    private func addSetting(_ set: ParseNode?, to configuration: inout [String]) throws {
        // RESET comes as a SET too.
        if set?["kind"]?.isString("VAR_RESET_ALL") == true {
            configuration = []
            return
        }
        if set?["kind"]?.isString("VAR_RESET") == true, let name = set?["name"]?.string {
            configuration.removeAll { $0.hasPrefix(name + "=") }
            return
        }
        guard let set, set["kind"]?.isString("VAR_SET_VALUE") == true, let name = set["name"]?.string,
            let quotesItems = Self.functionSettings[name]
        else { throw fallback("this SET of a function is not read offline") }
        var values: [String] = []
        for argument in set["args"]?.elements ?? [] {
            guard let constant = argument.node("A_Const") else { throw fallback("a SET value that is not a constant") }
            if constant["ival"] != nil, let number = constant.integerConstant {
                values.append(String(number))
            } else if let text = constant["sval"]?["sval"]?.string ?? (constant["sval"] != nil ? "" : nil) {
                values.append(quotesItems ? SQLQuote.identifier(text) : text)
            } else {
                throw fallback("a SET value that is not a string or integer")
            }
        }
        guard !values.isEmpty, quotesItems || values.count == 1 else { throw fallback("a SET with several values") }
        let entry = name + "=" + values.joined(separator: ", ")
        if let index = configuration.firstIndex(where: { $0.hasPrefix(name + "=") }) {
            configuration[index] = entry
        } else {
            configuration.append(entry)
        }
    }
}
