import PgDriftModel
import PgDriftSQL

/// Statements the replay passes over: only those that provably change no modelled object. Anything
/// else — a DO block with DDL or EXECUTE, a call of a function that might run DDL, a setting that
/// changes how constants read — is the shadow database's to run. An allow-list: what is not known to
/// be inert defers.
extension OfflineReplay {
    /// Why `statement` cannot be passed over, or nil when it changes nothing the model holds. `what` is
    /// its name in the note that counts skipped statements.
    func deferralReason(_ tag: String, _ node: ParseNode) -> String? {
        switch tag {
        case "DoStmt": return doBlockReason(node)
        case "SelectStmt", "InsertStmt", "UpdateStmt", "DeleteStmt": return queryReason(node)
        case "VariableSetStmt": return settingReason(node)
        default: return nil
        }
    }

    /// A DO block is inert when PL/pgSQL's parser shows only queries that are (no DDL, no EXECUTE, no
    /// CALL, no call of a function that might run DDL).
    private func doBlockReason(_ node: ParseNode) -> String? {
        let (language, body) = DoBlockSQL.languageAndBody(node)
        guard language == "plpgsql", let body else { return "a DO block in \(language) is not read offline" }
        guard let pieces = try? DoBlockSQL.pieces(ofPLpgSQL: body) else { return "a DO block PL/pgSQL cannot compile is not read offline" }
        for piece in pieces {
            if piece.isDynamic { return "a DO block with EXECUTE is not read offline" }
            guard let script = try? ParsedScript(piece.isStatement ? piece.sql : "SELECT " + piece.sql) else {
                return "a DO block whose SQL does not parse is not read offline"
            }
            for inner in script.statements {
                guard ["SelectStmt", "InsertStmt", "UpdateStmt", "DeleteStmt"].contains(inner.tag) else {
                    return "a DO block that runs \(Self.statementName(inner.tag)) is not read offline"
                }
                if let reason = queryReason(inner.node) { return reason }
            }
        }
        return nil
    }

    /// A query is inert when every function it calls is a built-in one known not to change the schema,
    /// and it writes no system catalog.
    private func queryReason(_ node: ParseNode) -> String? {
        // INSERT, UPDATE and DELETE name their table in a plain field, not a RangeVar node.
        let relations = node.descendants("RangeVar") + [node["relation"]].compactMap { $0 }
        for relation in relations where relation["schemaname"]?.isString("pg_catalog") == true {
            if relation["relname"]?.string.map({ $0.hasPrefix("pg_") }) == true { return "a statement on a system catalog is not read offline" }
        }
        for call in node.descendants("FuncCall") {
            let name = call["funcname"]?.strings ?? []
            guard let last = name.last?.lowercased() else { continue }
            // A function of an extension taken from the database (`cron.schedule`, `vault.create_secret`):
            // called for its effect on the extension's own state, not the schema's.
            if databaseExtensionFunction(name) != nil { continue }
            let builtIn = name.count == 1 || name.first == "pg_catalog"
            guard builtIn, Self.inertFunctions.contains(last), !isUserFunction(last) else {
                return "a statement calling \(name.joined(separator: "."))() is not read offline"
            }
            if last == "set_config" {
                let arguments = call["args"]?.elements ?? []
                guard let setting = arguments.first?.node("A_Const")?["sval"]?["sval"]?.string?.lowercased() else {
                    return "set_config() of a setting named at run time is not read offline"
                }
                // search_path is applied only from pg_dump's own statement (`searchPathSetting`); set
                // anywhere else (a DO block, a query with more to it) it would move later objects unseen.
                if ["timezone", "datestyle", "intervalstyle", "search_path"].contains(setting) {
                    return "set_config('\(setting)', ...) is not read offline"
                }
            }
        }
        return nil
    }

    /// The function of an extension taken from the database that a call names (qualified, or the first
    /// along the search path, pg_catalog's own names winning), if any.
    func databaseExtensionFunction(_ written: [String]) -> QualifiedName? {
        guard !databaseExtensions.isEmpty, let last = written.last else { return nil }
        let candidates: [QualifiedName]
        switch written.count {
        case 1:
            guard !BuiltinNames.functions.contains(last) else { return nil }
            candidates = searchPath.map { QualifiedName($0, last) }
        case 2: candidates = [QualifiedName(written[0], last)]
        default: return nil
        }
        return candidates.first { extensionFunctions[$0].map { databaseExtensions[$0] != nil } == true }
    }

    /// Counts the calls of such functions in a statement passed over, for the note.
    mutating func recordExtensionCalls(_ tag: String, _ node: ParseNode) {
        guard !databaseExtensions.isEmpty, ["SelectStmt", "InsertStmt", "UpdateStmt", "DeleteStmt"].contains(tag) else { return }
        for call in node.descendants("FuncCall") {
            guard let function = databaseExtensionFunction(call["funcname"]?.strings ?? []) else { continue }
            passedOverCalls["\(function)", default: 0] += 1
            if extensionFunctions[function] == "pg_cron" { recordCronCall(function.name, call) }
        }
    }

    /// `cron.schedule([name,] schedule, command)` and `cron.unschedule(name)` with constant arguments
    /// change the jobs the migrations expect; any other call of pg_cron's, or other arguments, make them
    /// unknown.
    private mutating func recordCronCall(_ name: String, _ call: ParseNode) {
        let arguments = (call["args"]?.elements ?? []).map { $0.node("A_Const")?["sval"]?["sval"]?.string }
        let constants = arguments.compactMap { $0 }
        guard constants.count == arguments.count else {
            scheduledJobs = nil
            return
        }
        switch (name, constants.count) {
        case ("schedule", 3):
            scheduledJobs?.removeAll { $0.name == constants[0] }
            scheduledJobs?.append(ScheduledJob(name: constants[0], schedule: constants[1], command: constants[2]))
        case ("schedule", 2):
            scheduledJobs?.append(ScheduledJob(name: nil, schedule: constants[0], command: constants[1]))
        case ("unschedule", 1):
            scheduledJobs?.removeAll { $0.name == constants[0] }
        default:
            scheduledJobs = nil
        }
    }

    /// `SELECT pg_catalog.set_config('search_path', 'a, b', false)` (how pg_dump sets it): the same
    /// setting as a `SET search_path` statement's node, for `applySearchPath`. Only this exact form: a
    /// local setting (`true`) ends with its transaction, and other queries defer (`queryReason`).
    func searchPathSetting(_ statement: ParsedScript.Statement) -> ParseNode? {
        guard statement.tag == "SelectStmt", let targets = statement.node["targetList"]?.elements, targets.count == 1,
            statement.node["fromClause"] == nil, statement.node["whereClause"] == nil,
            let call = targets[0].node("ResTarget")?["val"]?.node("FuncCall"),
            [["set_config"], ["pg_catalog", "set_config"]].contains(call["funcname"]?.strings ?? []), !isUserFunction("set_config"),
            let arguments = call["args"]?.elements, arguments.count == 3,
            arguments[0].node("A_Const")?["sval"]?["sval"]?.string?.lowercased() == "search_path",
            let value = arguments[1].node("A_Const")?["sval"]?["sval"]?.string,
            let isLocal = arguments[2].node("A_Const")?["boolval"], isLocal["boolval"]?.bool != true
        else { return nil }
        // An empty path: nothing is found unqualified and nothing can be created so.
        let setting = value.trimmingCharacters(in: .whitespaces).isEmpty ? "SET search_path = ''" : "SET search_path = \(value)"
        guard let parsed = try? ParsedScript(setting), parsed.statements.count == 1 else { return nil }
        return parsed.statements[0].node
    }

    /// Whether the migrations define a function of this name (which would shadow a built-in one).
    private func isUserFunction(_ name: String) -> Bool {
        functions.keys.contains { $0.name.name == name }
    }

    /// Settings that change nothing the replay reads. `search_path` is applied, not skipped; TimeZone,
    /// DateStyle and IntervalStyle change how constants read, and anything unknown may matter.
    private func settingReason(_ node: ParseNode) -> String? {
        guard let name = node["name"]?.string?.lowercased() else { return nil }  // SET TRANSACTION and the like
        if Self.inertSettings.contains(name) || name == "search_path" || name.hasPrefix("transaction") { return nil }
        if name == "standard_conforming_strings" || name == "default_table_access_method" || name == "default_tablespace" {
            let value = (node["args"]?.elements ?? []).first?.node("A_Const")?["sval"]?["sval"]?.string?.lowercased()
            let expected = ["standard_conforming_strings": "on", "default_table_access_method": "heap", "default_tablespace": ""][name]
            if node["kind"]?.isString("VAR_SET_VALUE") != true || value == expected { return nil }
        }
        return "SET \(name) is not read offline"
    }

    /// Built-in functions a migration's queries call that change no schema object.
    static let inertFunctions: Set<String> = [
        "set_config", "current_setting", "setval", "nextval", "currval", "now", "clock_timestamp", "statement_timestamp",
        "transaction_timestamp", "pg_advisory_lock", "pg_advisory_unlock", "pg_advisory_xact_lock", "pg_try_advisory_lock",
        "pg_try_advisory_xact_lock", "pg_notify", "pg_sleep", "count", "min", "max", "sum", "avg", "array_agg",
        "string_agg", "jsonb_agg", "json_agg", "bool_and", "bool_or", "row_number", "lower", "upper", "trim", "btrim",
        "ltrim", "rtrim", "length", "char_length", "substring", "substr", "replace", "concat", "concat_ws", "format",
        "left", "right", "split_part", "regexp_replace", "md5", "random", "gen_random_uuid", "uuid_generate_v4",
        "to_char", "to_date", "to_timestamp", "to_number", "date_trunc", "date_part", "extract", "age", "make_date",
        "make_interval", "jsonb_build_object", "json_build_object", "jsonb_build_array", "json_build_array",
        "to_jsonb", "to_json", "jsonb_set", "array_length", "unnest", "generate_series", "current_database",
        "current_schema", "current_schemas", "current_user", "session_user", "quote_ident", "quote_literal",
        "quote_nullable", "to_regclass", "to_regtype", "to_regproc", "to_regprocedure", "to_regnamespace",
        "to_regrole", "has_table_privilege", "has_schema_privilege", "has_function_privilege", "pg_has_role",
        "version", "abs", "round", "floor", "ceil", "greatest", "least", "nullif", "encode", "decode", "convert_to",
        "convert_from", "sha256", "digest", "hmac", "crypt", "gen_salt", "obj_description", "col_description",
        "format_type", "pg_get_serial_sequence", "pg_table_is_visible", "array_to_string", "string_to_array",
        "array_append", "array_remove", "coalesce", "exists",
    ]

    /// Settings that change nothing the replay reads (timeouts, messages, the role that owns new objects).
    static let inertSettings: Set<String> = [
        "check_function_bodies", "client_encoding", "client_min_messages", "statement_timeout", "lock_timeout",
        "idle_in_transaction_session_timeout", "row_security", "xmloption", "role", "session_authorization",
        "application_name", "synchronous_commit", "maintenance_work_mem", "work_mem", "default_with_oids",
        "escape_string_warning", "log_min_messages", "log_statement", "search_path", "constraint_exclusion",
        "max_parallel_maintenance_workers", "max_parallel_workers_per_gather", "jit", "temp_buffers",
        "default_transaction_isolation", "default_transaction_read_only", "transaction_isolation",
    ]
}
