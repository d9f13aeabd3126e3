import PgDriftModel
import PgDriftSQL

/// The clauses of a view's SELECT: FROM (tables, views and joins on conditions), the output list,
/// WHERE, GROUP BY, HAVING, ORDER BY and LIMIT. Set operations, WITH, sub-queries, `*`, USING and
/// NATURAL joins are refused.
extension ViewQuery {
    /// A sub-query (`EXISTS (...)`, `(SELECT ...)`, `IN (SELECT ...)`): its own FROM, the outer
    /// relations visible; its edits and reads are the view's. Returns its output types.
    mutating func subquery(_ node: ParseNode) throws -> [ValueType] {
        try subquery(node, includingOuter: true).map(\.type)
    }

    /// A sub-query's outputs; a WITH query does not see the FROM of the query it belongs to.
    mutating func subquery(_ node: ParseNode, includingOuter: Bool) throws -> [Output] {
        var inner = nested(seeing: includingOuter ? [items] + outer : outer)
        try inner.select(node)
        absorb(inner)
        return inner.outputs
    }

    /// Resolves a SELECT (`source` set to the text up to the statement's end).
    mutating func select(_ node: ParseNode) throws {
        if let op = node["op"]?.string, op != "SETOP_NONE" { return try setOperation(node) }
        if let with = node["withClause"] { try commonTableExpressions(with) }
        let clauses = ["windowClause": "WINDOW", "valuesLists": "VALUES", "intoClause": "INTO", "lockingClause": "FOR UPDATE"]
        for (key, clause) in clauses.sorted(by: { $0.key < $1.key }) where node[key] != nil {
            throw UnsupportedExpression(what: "a query with \(clause)")
        }
        guard (node["distinctClause"]?.elements ?? []).allSatisfy({ $0.members.isEmpty }) else {
            throw UnsupportedExpression(what: "DISTINCT ON")
        }
        for item in node["fromClause"]?.elements ?? [] { try from(item) }
        for target in node["targetList"]?.elements ?? [] {
            guard let result = target.node("ResTarget"), let value = result["val"] else { continue }
            if let star = value.node("ColumnRef"), star["fields"]?.elements.last?.node("A_Star") != nil {
                try expandStar(star)
                continue
            }
            let name = result["name"]?.string ?? OutputNames.name(of: value)
            let plain = value.node("ColumnRef")?["fields"]?.strings.last
            try addOutput(name, try type(value), column: plain, castIsSpelling: ExpressionMeaning.castIsSpelling(value))
        }
        if let condition = node["whereClause"] { try expectBoolean(condition) }
        for item in node["groupClause"]?.elements ?? [] {
            guard item.node("A_Const") == nil else { throw UnsupportedExpression(what: "GROUP BY a column number") }
            if let names = item.node("ColumnRef")?["fields"]?.strings, names.count == 1,
                !items.contains(where: { $0.type(of: names[0]) != nil })
            {
                throw UnsupportedExpression(what: "GROUP BY the output column \(names[0])")
            }
            _ = try type(item)
        }
        if let condition = node["havingClause"] { try expectBoolean(condition) }
        try sortItems(node["sortClause"]?.elements ?? [], outputs: true)
        for limit in [node["limitCount"], node["limitOffset"]].compactMap({ $0 }) {
            guard let constant = limit.node("A_Const"), constant["ival"] != nil, let value = constant.integerConstant, value > 0 else {
                throw UnsupportedExpression(what: "a LIMIT or OFFSET other than a positive number")
            }
        }
    }

    mutating func addOutput(_ name: String, _ type: ValueType, column: String?, castIsSpelling: Bool = true) throws {
        guard !outputs.contains(where: { $0.name == name }) else { throw UnsupportedExpression(what: "two output columns named \(name)") }
        outputs.append(Output(name: name, type: type, column: column, castIsSpelling: castIsSpelling))
    }

    /// `a UNION [ALL] b` (INTERSECT, EXCEPT): each side a query of its own; the columns are named by
    /// the left side and typed by both, as the server resolves them. ORDER BY and LIMIT on the whole
    /// are refused.
    mutating func setOperation(_ node: ParseNode) throws {
        guard node["sortClause"] == nil, node["limitCount"] == nil, node["limitOffset"] == nil, node["withClause"] == nil else {
            throw UnsupportedExpression(what: "ORDER BY, LIMIT or WITH on a UNION")
        }
        guard let left = node["larg"], let right = node["rarg"] else { throw UnsupportedExpression(what: "a UNION without two sides") }
        let sides = try [left, right].map { side -> [Output] in
            var inner = nested(seeing: outer)
            try inner.select(side.node("SelectStmt") ?? side)
            absorb(inner)
            return inner.outputs
        }
        guard sides[0].count == sides[1].count else { throw UnsupportedExpression(what: "a UNION of queries with different numbers of columns") }
        for (a, b) in zip(sides[0], sides[1]) {
            outputs.append(Output(name: a.name, type: try Self.unionType(a, b), column: nil, castIsSpelling: false))
        }
    }

    /// The type both sides of a UNION column resolve to: the same type (a modifier kept only when both
    /// have it), an untyped literal taking the other's, or the wider integer, when the server's cast
    /// lands on a column or constant.
    static func unionType(_ a: Output, _ b: Output) throws -> ValueType {
        switch (a.type, b.type) {
        case (.unknown, .unknown): return .known(.text)
        case (.unknown, .known(let type)), (.known(let type), .unknown):
            // A string literal is printed back as written only as text.
            guard type.unmodified == .text || type.unmodified == .varchar() else {
                throw UnsupportedExpression(what: "a UNION of a literal and a \(type)")
            }
            return .known(type.unmodified)
        case (.known(let x), .known(let y)):
            if x == y { return .known(x) }
            if x.unmodified == y.unmodified, a.castIsSpelling, b.castIsSpelling { return .known(x.unmodified) }
            if let p = integers[x.sql], let q = integers[y.sql], (p > q ? b : a).castIsSpelling { return .known(p > q ? x : y) }
            throw UnsupportedExpression(what: "a UNION of \(x) and \(y)")
        }
    }

    /// `*` or `t.*`: every column of every relation (or of `t`), written out in the text as the server
    /// stores them (`t.a, t.b`).
    mutating func expandStar(_ reference: ParseNode) throws {
        let names = reference["fields"]?.strings ?? []
        guard names.count <= 1, let start = reference.location else { throw UnsupportedExpression(what: "a * with a schema") }
        // The server lists a USING join's merged columns first; that order is not rebuilt here.
        guard names.count == 1 || !items.contains(where: { $0.printedAs != nil }) else { throw UnsupportedExpression(what: "a * over a USING join") }
        let expanded = names.isEmpty ? items : items.filter { $0.reference == names[0] }
        guard !expanded.isEmpty else { throw UnsupportedExpression(what: "\(names[0]).*, which the query does not have") }
        // Where the `*` ends: the first `*` token from the reference on (`t . *` is allowed SQL).
        let tail = String(decoding: source[start...], as: UTF8.self)
        guard let star = try SQLTokens.scan(tail).first(where: { $0.kind == 42 }) else { throw UnsupportedExpression(what: "a * the scanner does not find") }
        var written: [String] = []
        for item in expanded {
            for column in item.columns {
                try addOutput(column.name, .known(column.type), column: column.name)
                written.append(SQLQuote.identifier(item.reference) + "." + SQLQuote.identifier(column.name))
            }
        }
        guard !written.isEmpty else { throw UnsupportedExpression(what: "a * over relations without columns") }
        edits.append((start..<(start + star.end), written.joined(separator: ", ")))
    }

    /// `JOIN ... USING (a, b)`: each column, found once on each side, becomes the join's own column.
    /// The server prints it as the left side's (the right side's for a RIGHT join; unqualified, as a
    /// merged value, for a FULL join).
    mutating func mergeColumns(_ names: [String], left: Range<Int>, right: Range<Int>, kind: String) throws {
        var merged = Item(reference: "", columns: [], printedAs: [:])
        for name in names {
            let leftMatches = left.filter { items[$0].offers(name) }
            let rightMatches = right.filter { items[$0].offers(name) }
            guard leftMatches.count == 1, rightMatches.count == 1, let type = items[leftMatches[0]].type(of: name),
                type == items[rightMatches[0]].type(of: name)
            else { throw UnsupportedExpression(what: "USING (\(name)) on columns that are not one of the same type on each side") }
            let printed: String? = switch kind {
            case "JOIN_FULL": nil
            case "JOIN_RIGHT": items[rightMatches[0]].qualifier(of: name)
            default: items[leftMatches[0]].qualifier(of: name)
            }
            items[leftMatches[0]].hidden.insert(name)
            items[rightMatches[0]].hidden.insert(name)
            merged.columns.append((name, type))
            merged.printedAs?[name] = printed
        }
        items.append(merged)
    }

    /// `WITH a AS (SELECT ...), b AS (...)`: each query resolved in turn (a later one may read an
    /// earlier one), then named in FROM like a relation. Recursive ones and column lists are refused.
    mutating func commonTableExpressions(_ with: ParseNode) throws {
        guard with["recursive"]?.bool != true else { throw UnsupportedExpression(what: "WITH RECURSIVE") }
        commonTables.insert([:], at: 0)
        for element in with["ctes"]?.elements ?? [] {
            guard let table = element.node("CommonTableExpr"), let name = table["ctename"]?.string,
                let query = table["ctequery"]?.node("SelectStmt")
            else { throw UnsupportedExpression(what: "a WITH query that is not a SELECT") }
            guard table["aliascolnames"] == nil, commonTables[0][name] == nil else { throw UnsupportedExpression(what: "a WITH query with a column list") }
            let outputs = try subquery(query, includingOuter: false)
            commonTables[0][name] = outputs.map { ($0.name, $0.type.type ?? .text) }
        }
    }

    /// One FROM item: a table or view (qualified in the text when it is not), or a join of two.
    mutating func from(_ node: ParseNode) throws {
        if let range = node.node("RangeVar") {
            guard range["alias"]?["colnames"] == nil else { throw UnsupportedExpression(what: "a table alias with column names") }
            guard range["relpersistence"].map({ $0.isString("p") }) ?? true, let name = range["relname"]?.string else {
                throw UnsupportedExpression(what: "a temporary relation")
            }
            let schema = range["schemaname"]?.string
            let reference = range["alias"]?["aliasname"]?.string ?? name
            if schema == nil, let columns = commonTables.lazy.compactMap({ $0[name] }).first {
                // A WITH query: named as written, read through its own query.
                guard !items.contains(where: { $0.reference == reference }) else { throw UnsupportedExpression(what: "two relations called \(reference)") }
                items.append(Item(reference: reference, columns: columns))
                return
            }
            guard range["catalogname"] == nil, let (qualified, columns) = relation(schema, name) else {
                throw UnsupportedExpression(what: "relation \(name), which does not exist here")
            }
            guard !items.contains(where: { $0.reference == reference }) else {
                throw UnsupportedExpression(what: "two relations called \(reference)")
            }
            if schema == nil, let location = range.location {
                insert(SQLQuote.identifier(qualified.schema) + ".", at: location)
            }
            items.append(Item(reference: reference, columns: columns))
            reads.insert(qualified)
        } else if let join = node.node("JoinExpr") {
            guard join["isNatural"]?.bool != true, join["alias"] == nil, join["join_using_alias"] == nil else {
                throw UnsupportedExpression(what: "a NATURAL join, or a join with an alias")
            }
            let kind = join["jointype"]?.string ?? "JOIN_INNER"
            guard ["JOIN_INNER", "JOIN_LEFT", "JOIN_RIGHT", "JOIN_FULL"].contains(kind) else {
                throw UnsupportedExpression(what: "a \(kind) join")
            }
            let before = items.count
            if let left = join["larg"] { try from(left) }
            let middle = items.count
            if let right = join["rarg"] { try from(right) }
            if let using = join["usingClause"] { try mergeColumns(using.strings, left: before..<middle, right: middle..<items.count, kind: kind) }
            if let condition = join["quals"] {
                // ON sees only the join's own relations.
                let outer = Array(items[..<before])
                items.removeFirst(before)
                defer { items = outer + items }
                try expectBoolean(condition)
            }
        } else {
            throw UnsupportedExpression(what: "a \(node.tagged?.0 ?? "") in FROM")
        }
    }
}
