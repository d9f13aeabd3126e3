import PgDriftModel
import PgDriftSQL

extension OfflineReplay {
    /// `CREATE [OR REPLACE] VIEW name [WITH (options)] AS SELECT ...` for the queries `ViewQuery` resolves.
    /// The definition kept is the query's own text with every relation and column name qualified; the
    /// diff compares it with the server's `pg_get_viewdef` by meaning. Output columns get the types the
    /// server would give them.
    mutating func createView(_ node: ParseNode) throws {
        guard let rangeVar = node["view"], let query = node["query"]?.node("SelectStmt") else { throw fallback("CREATE VIEW without a query") }
        guard rangeVar["relpersistence"].map({ $0.isString("p") }) ?? true else { throw fallback("temporary views are not read offline") }
        guard node["aliases"] == nil else { throw fallback("a view with a column list is not read offline") }
        guard node["withCheckOption"].map({ $0.isString("NO_CHECK_OPTION") }) ?? true else {
            throw fallback("a view WITH CHECK OPTION is not read offline")
        }
        let name = try newName(schema: rangeVar["schemaname"]?.string, name: rangeVar["relname"]?.string ?? "")
        let options = try viewOptions(node["options"]?.elements ?? [])
        let (definition, columns, reads) = try resolveQuery(query)
        var view = View(name: name, definition: definition, options: options, columns: columns, dependsOn: reads)
        if let old = views[name] {
            guard node["replace"]?.bool == true, !old.isMaterialized else { throw fallback("view \(name) already exists") }
            // OR REPLACE keeps the old columns (names and types) and may only add new ones at the end.
            guard old.columns.count <= columns.count, zip(old.columns, columns).allSatisfy({ $0.name == $1.name && $0.type == $1.type }) else {
                throw fallback("CREATE OR REPLACE VIEW changing the columns of \(name)")
            }
            view.comment = old.comment
            for i in old.columns.indices { view.columns[i].comment = old.columns[i].comment }
        } else {
            guard !isNameTaken(name), !isUserType(name) else { throw fallback("\(name) already exists") }
        }
        views[name] = view
    }

    /// A query resolved against the model: its qualified text (from SELECT to the statement's end, or to
    /// `WITH [NO] DATA`), output columns and the relations it reads.
    private mutating func resolveQuery(_ query: ParseNode) throws -> (String, [ViewColumn], [QualifiedName]) {
        // The lookups read the model as it is before this statement (a copy: the dictionaries are shared).
        let model = self
        var resolved = ViewQuery(
            relation: { schema, name in
                guard let found = model.existing(schema: schema, name: name, in: { model.tables[$0] != nil || model.views[$0] != nil }) else { return nil }
                if let table = model.tables[found] { return (found, table.columns.map { ($0.name, $0.type) }) }
                return model.views[found].map { (found, $0.columns.map { ($0.name, $0.type) }) }
            },
            castType: { try model.dataType($0) },
            enumLabels: { type in type.schema.flatMap { model.enums[QualifiedName($0, type.name)]?.values } })
        resolved.userFunction = { schema, name, arguments in model.userFunctionResult(schema: schema, name: name, arguments: arguments) }
        resolved.functionSchemasOnPath = { name in
            let schemas = model.functionSchemas(named: name)
            return model.searchPath.filter(schemas.contains)
        }
        resolved.isExtensionType = { type in
            type.schema.map { model.extensionTypes[QualifiedName($0, type.unmodified.name)] != nil } ?? false
        }
        resolved.source = text[..<statementRange.upperBound]
        // What it does not resolve throws `UnsupportedExpression`, which `replay` turns into the fallback.
        try resolved.select(query)
        guard let range = try queryRange() else { throw fallback("a query that does not start with SELECT or WITH") }
        let definition = resolved.text(text, range)
        // The text must still be the query it was: one SELECT (a parenthesised query would not be).
        guard let check = try? ParsedScript(definition), check.statements.count == 1, check.statements[0].tag == "SelectStmt" else {
            throw fallback("a query that cannot be qualified in place")
        }
        let columns = resolved.outputs.map { ViewColumn(name: $0.name, type: $0.type.type ?? .text) }
        functionsCalledByViews.formUnion(resolved.calledFunctions)
        return (definition, columns, Array(resolved.reads))
    }

    /// The result type of the one function of the model (along the search path) whose parameters are
    /// the arguments' types exactly (an untyped literal for a text parameter); nil for none, several, a
    /// procedure, or a result that is a set, a record or a row of columns.
    func userFunctionResult(schema: String?, name: String, arguments: [ValueType]) -> (function: QualifiedName, type: DataType)? {
        for candidateSchema in schema.map({ [$0] }) ?? searchPath {
            let overloads = functionInputTypes.filter { $0.key.name == QualifiedName(candidateSchema, name) }
            if overloads.isEmpty { continue }
            let matches = overloads.filter { overload in
                overload.value.count == arguments.count && zip(overload.value, arguments).allSatisfy { parameter, argument in
                    argument.type.map { signatureSpelling($0) == parameter } ?? (parameter == "text")
                }
            }
            guard matches.count == 1, let key = matches.first?.key, let function = functions[key], function.kind == .function,
                let result = function.returnType
            else {
                return nil
            }
            return resultType(result).map { (key.name, $0) }
        }
        return nil
    }

    /// A type as a function signature spells it: no modifier, `[]` once, user types qualified.
    private func signatureSpelling(_ type: DataType) -> String {
        let element = type.unmodified
        let base = element.schema.map { SQLQuote.qualified(QualifiedName($0, element.name)) } ?? element.name
        return base + (type.isArray ? "[]" : "")
    }

    /// A function's declared result as a column type: a built-in (or array of one), or a user type.
    private func resultType(_ spelled: String) -> DataType? {
        let dimensions = spelled.hasSuffix("[]") ? 1 : 0
        let element = dimensions == 1 ? String(spelled.dropLast(2)) : spelled
        if Set(Self.builtinTypes.values).contains(element) { return DataType(element, arrayDimensions: dimensions) }
        let userTypes = Array(enums.keys) + Array(domains.keys) + Array(compositeTypes.keys) + Array(extensionTypes.keys)
        guard let user = userTypes.first(where: { SQLQuote.qualified($0) == element }) else { return nil }
        return DataType(schema: user.schema, name: user.name, arrayDimensions: dimensions)
    }

    /// `CREATE MATERIALIZED VIEW` and `CREATE TABLE ... AS SELECT`: the query as a view's; the table
    /// gets the query's columns, nullable, with nothing else on them.
    mutating func createTableAs(_ node: ParseNode) throws {
        guard let into = node["into"], let rangeVar = into["rel"], let query = node["query"]?.node("SelectStmt") else {
            throw fallback("CREATE TABLE AS without a query")
        }
        let isMaterialized = node["objtype"]?.isString("OBJECT_MATVIEW") == true
        guard isMaterialized || node["objtype"]?.isString("OBJECT_TABLE") == true else { throw fallback("CREATE TABLE AS of this kind is not read offline") }
        for unsupported in ["colNames", "options", "tableSpaceName", "accessMethod"] where into[unsupported] != nil {
            throw fallback("CREATE TABLE AS with \(unsupported) is not read offline")
        }
        guard into["onCommit"].map({ $0.isString("ONCOMMIT_NOOP") }) ?? true, rangeVar["relpersistence"].map({ $0.isString("p") }) ?? true else {
            throw fallback("a temporary or unlogged CREATE TABLE AS is not read offline")
        }
        let name = try newName(schema: rangeVar["schemaname"]?.string, name: rangeVar["relname"]?.string ?? "")
        if isNameTaken(name) || isUserType(name) {
            if node["if_not_exists"]?.bool == true { return }
            throw fallback("\(name) already exists")
        }
        let (definition, columns, reads) = try resolveQuery(query)
        if isMaterialized {
            views[name] = View(name: name, isMaterialized: true, definition: definition, columns: columns, dependsOn: reads)
        } else {
            tables[name] = Table(name: name, columns: columns.map { Column(name: $0.name, type: $0.type) })
        }
    }

    /// The query's bytes: from the SELECT (WITH, or opening parenthesis) after the first `AS` outside
    /// parentheses to the statement's end, or to a closing `WITH [NO] DATA`.
    private func queryRange() throws -> Range<Int>? {
        let statement = String(decoding: text[statementRange], as: UTF8.self)
        let tokens = try SQLTokens.scan(statement)
        var depth = 0
        var start: Int?
        for (i, token) in tokens.enumerated() {
            if SQLTokens.openers.contains(token.kind) { depth += 1 }
            if SQLTokens.closers.contains(token.kind) { depth -= 1 }
            guard depth == 0 else { continue }
            if let begin = start {
                if token.keyword == "with", i + 1 < tokens.count, ["data", "no"].contains(tokens[i + 1].keyword) {
                    return (statementRange.lowerBound + begin)..<(statementRange.lowerBound + token.start)
                }
            } else if token.keyword == "as" {
                // A parenthesised query (`(SELECT ... UNION SELECT ...) EXCEPT ...`, as pg_dump prints one) starts at its parenthesis.
                guard i + 1 < tokens.count, tokens[i + 1].kind == 40 || ["select", "with"].contains(tokens[i + 1].keyword) else { return nil }
                start = tokens[i + 1].start
            }
        }
        return start.map { (statementRange.lowerBound + $0)..<statementRange.upperBound }
    }

    /// `WITH (security_invoker = true, security_barrier)` as `reloptions` stores them: `name=value`,
    /// the value as written (a bare name is `true`).
    func viewOptions(_ elements: [ParseNode]) throws -> [String] {
        try elements.compactMap { element in
            guard let option = element.node("DefElem"), let name = option["defname"]?.string else { return nil }
            guard option["defnamespace"] == nil, ["security_barrier", "security_invoker"].contains(name) else {
                throw fallback("view option \(name) is not read offline")
            }
            guard let argument = option["arg"] else { return name + "=true" }
            guard let value = argument.node("String")?["sval"]?.string, ["true", "false", "on", "off"].contains(value) else {
                throw fallback("a view option value other than true, false, on or off")
            }
            return name + "=" + value
        }
    }

    /// `ALTER [MATERIALIZED] VIEW`: `OWNER TO` (not modelled) and, on a view, `SET (...)` and `RESET (...)`
    /// of its options.
    mutating func alterView(_ node: ParseNode) throws {
        // ALTER TABLE names either kind; ALTER VIEW and ALTER MATERIALIZED VIEW their own.
        let kind = node["objtype"]?.string ?? "OBJECT_TABLE"
        guard let rangeVar = node["relation"],
            let view = existing(schema: rangeVar["schemaname"]?.string, name: rangeVar["relname"]?.string ?? "", in: { name in
                views[name].map { kind == "OBJECT_TABLE" || $0.isMaterialized == (kind == "OBJECT_MATVIEW") } ?? false
            })
        else {
            if node["missing_ok"]?.bool == true { return }
            throw fallback("view \(node["relation"]?["relname"]?.string ?? "") does not exist here")
        }
        let materialized = views[view]?.isMaterialized == true
        for command in node["cmds"]?.elements ?? [] {
            guard let command = command.node("AlterTableCmd"), let subtype = command["subtype"]?.string else { continue }
            switch subtype {
            case "AT_ChangeOwner": continue
            case "AT_SetRelOptions" where !materialized:
                // As the server merges reloptions: the old ones not set again, then the new ones in order.
                let new = try viewOptions(command["def"]?.node("List")?["items"]?.elements ?? [])
                let names = Set(new.map { String($0.prefix { $0 != "=" }) })
                let kept = (views[view]?.options ?? []).filter { !names.contains(String($0.prefix { $0 != "=" })) }
                views[view]?.options = kept + new
            case "AT_ResetRelOptions" where !materialized:
                let names = Set((command["def"]?.node("List")?["items"]?.elements ?? []).compactMap { $0.node("DefElem")?["defname"]?.string })
                views[view]?.options.removeAll { names.contains(String($0.prefix { $0 != "=" })) }
            default:
                throw fallback("ALTER VIEW \(subtype.dropFirst(3)) is not read offline")
            }
        }
    }

    /// `ALTER [MATERIALIZED] VIEW ... RENAME TO`: refused while another view reads it (the server
    /// rewrites that view's stored query to the new name).
    mutating func renameView(_ node: ParseNode, to newName: String, materialized: Bool) throws {
        guard let rangeVar = node["relation"],
            let old = existing(schema: rangeVar["schemaname"]?.string, name: rangeVar["relname"]?.string ?? "", in: { views[$0]?.isMaterialized == materialized })
        else {
            if node["missing_ok"]?.bool == true { return }
            throw fallback("view does not exist here")
        }
        let renamed = QualifiedName(old.schema, newName)
        guard !isNameTaken(renamed), !isUserType(renamed) else { throw fallback("\(renamed) already exists") }
        try refuseIfViewsRead(old, "renaming \(old)")
        guard var view = views.removeValue(forKey: old) else { return }
        view.name = renamed
        for index in view.indexes { indexOwners[QualifiedName(old.schema, index.name)] = renamed }
        views[renamed] = view
    }

    /// `DROP [MATERIALIZED] VIEW`: refused while another view reads it (the server refuses, or CASCADE drops more).
    mutating func dropView(_ names: [String], materialized: Bool, missingOK: Bool) throws {
        let (schema, name) = try parts(names)
        guard let view = existing(schema: schema, name: name, in: { views[$0]?.isMaterialized == materialized }) else {
            if missingOK { return }
            throw fallback("view \(name) does not exist")
        }
        try refuseIfViewsRead(view, "dropping view \(view)")
        for index in views[view]?.indexes ?? [] { indexOwners[QualifiedName(view.schema, index.name)] = nil }
        views[view] = nil
    }

    /// Falls back when a change would touch what a view reads: the server refuses most of these, or
    /// rewrites the view's stored query (a rename), which the reader does not.
    func refuseIfViewsRead(_ relation: QualifiedName, _ change: String) throws {
        if let reader = views.values.first(where: { $0.dependsOn.contains(relation) }) {
            throw fallback("\(change), which view \(reader.name) reads, is not read offline")
        }
    }

    /// `COMMENT ON VIEW` and `COMMENT ON COLUMN` of a view.
    mutating func commentOnView(_ names: [String], column: String?, text: String?) throws -> Bool {
        let (schema, name) = try parts(names)
        guard let view = existing(schema: schema, name: name, in: { views[$0] != nil }) else { return false }
        if let column {
            guard let index = views[view]?.columns.firstIndex(where: { $0.name == column }) else {
                throw fallback("column \(column) of view \(view) does not exist")
            }
            views[view]?.columns[index].comment = text
        } else {
            views[view]?.comment = text
        }
        return true
    }
}
