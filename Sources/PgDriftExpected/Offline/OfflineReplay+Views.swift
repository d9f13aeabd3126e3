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
        do { try resolved.select(query, source: text[..<statementRange.upperBound]) } catch let unsupported as UnsupportedView {
            throw fallback("\(unsupported.what) is not read offline")
        } catch let unsupported as UnsupportedExpression {
            throw fallback("\(unsupported.what) is not read offline")
        }
        guard let start = try queryStart() else { throw fallback("a view whose query does not start with SELECT") }
        let definition = resolved.text(text, start..<statementRange.upperBound)
        // The text must still be the query it was: one SELECT (a parenthesised query would not be).
        guard let check = try? ParsedScript(definition), check.statements.count == 1, check.statements[0].tag == "SelectStmt" else {
            throw fallback("a view query that cannot be qualified in place")
        }
        let columns = resolved.outputs.map { ViewColumn(name: $0.name, type: $0.type.type ?? .text) }
        var view = View(name: name, definition: definition, options: options, columns: columns, dependsOn: Array(resolved.reads))
        if let old = views[name] {
            guard node["replace"]?.bool == true else { throw fallback("view \(name) already exists") }
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

    /// Where the query starts: the SELECT keyword after the first `AS` outside parentheses.
    private func queryStart() throws -> Int? {
        let statement = String(decoding: text[statementRange], as: UTF8.self)
        var depth = 0
        var afterAs = false
        for token in try SQLTokens.scan(statement) {
            if SQLTokens.openers.contains(token.kind) { depth += 1 }
            if SQLTokens.closers.contains(token.kind) { depth -= 1 }
            if depth == 0 && token.kind == SQLTokens.asKeyword && !afterAs {
                afterAs = true
            } else if afterAs {
                return token.kind == SQLTokens.selectKeyword ? statementRange.lowerBound + token.start : nil
            }
        }
        return nil
    }

    /// `WITH (security_invoker = true, security_barrier)` as `reloptions` stores them: `name=value`,
    /// the value as written (a bare name is `true`).
    private func viewOptions(_ elements: [ParseNode]) throws -> [String] {
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

    /// `DROP VIEW`: refused while another view reads it (the server refuses, or CASCADE drops more).
    mutating func dropView(_ names: [String], missingOK: Bool) throws {
        let (schema, name) = try parts(names)
        guard let view = existing(schema: schema, name: name, in: { views[$0] != nil }) else {
            if missingOK { return }
            throw fallback("view \(name) does not exist")
        }
        try refuseIfViewsRead(view, "dropping view \(view)")
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
