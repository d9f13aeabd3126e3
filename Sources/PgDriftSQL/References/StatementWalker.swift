/// Walks the parse tree of SQL statements and records the tables and columns they name, resolving
/// aliases and scopes the way PostgreSQL does. Where it cannot be sure what a name means (a
/// subquery's or function's columns, a composite field, a label), it records nothing: a reference it
/// records is one the statement needs.
struct StatementWalker {
    /// One FROM item: what it is called in the statement, and the relation behind it (nil for a
    /// subquery, CTE, function or aliased join, whose columns are not looked up).
    struct FromItem {
        var reference: String?
        var relation: RelationName?
        /// Whether the relation kept its own name (`FROM s.t`), so `s.t.col` can name its columns.
        var isUnaliased = false
    }

    /// The FROM items of one query level, and its output column names (ORDER BY and GROUP BY may
    /// use them).
    struct Level {
        var items: [FromItem] = []
        var outputNames: Set<String> = []
    }

    /// Columns every table has.
    static let systemColumns: Set<String> = ["ctid", "xmin", "xmax", "cmin", "cmax", "tableoid"]

    let variables: Set<String>
    private var found = StatementReferences()

    /// What was found, in text order.
    var result: StatementReferences {
        var sorted = found
        sorted.references = found.references.enumerated()
            .sorted { ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset) }.map(\.element)
        return sorted
    }

    init(variables: Set<String>) {
        self.variables = variables
    }

    // MARK: statements

    mutating func statement(_ tree: ParseTree, outer: [Level], ctes: Set<String>) {
        guard let (type, body) = tree.node else { return }
        switch type {
        case "SelectStmt": select(body, outer: outer, ctes: ctes)
        case "InsertStmt": insert(body, outer: outer, ctes: ctes)
        case "UpdateStmt": update(body, outer: outer, ctes: ctes)
        case "DeleteStmt": delete(body, outer: outer, ctes: ctes)
        case "TruncateStmt":
            for relation in body["relations"]?.items ?? [] {
                _ = relationItem(relation.plain("RangeVar"), ctes: ctes)
            }
        case "CreateStmt":
            if let range = body["relation"] { found.createdRelations.append(Self.name(of: range)) }
        case "CreateTableAsStmt":
            if let range = body["into"]?.plain("IntoClause")["rel"] { found.createdRelations.append(Self.name(of: range)) }
            if let query = body["query"] { statement(query, outer: outer, ctes: ctes) }
        case "ExplainStmt", "DeclareCursorStmt":
            if let query = body["query"] { statement(query, outer: outer, ctes: ctes) }
        case "CallStmt":
            if let call = body["funccall"] { expression(call, levels: outer, ctes: ctes) }
        default:
            break  // DDL and other utility statements name objects they create, drop or alter.
        }
    }

    private mutating func with(_ body: ParseTree, outer: [Level], ctes: Set<String>) -> Set<String> {
        guard let clause = body["withClause"]?.plain("WithClause") else { return ctes }
        var visible = ctes
        let definitions = clause["ctes"]?.items.compactMap { $0.node("CommonTableExpr") } ?? []
        for definition in definitions {
            if let name = definition["ctename"]?.string { visible.insert(name) }
        }
        for definition in definitions {
            if let query = definition["ctequery"] { statement(query, outer: outer, ctes: visible) }
        }
        return visible
    }

    private mutating func select(_ body: ParseTree, outer: [Level], ctes: Set<String>) {
        let ctes = with(body, outer: outer, ctes: ctes)
        if let op = body["op"]?.string, op != "SETOP_NONE" {
            // A UNION's ORDER BY names output columns only.
            if let left = body["larg"]?.plain("SelectStmt") { select(left, outer: outer, ctes: ctes) }
            if let right = body["rarg"]?.plain("SelectStmt") { select(right, outer: outer, ctes: ctes) }
            for key in ["limitCount", "limitOffset"] { body[key].map { expression($0, levels: outer, ctes: ctes) } }
            return
        }
        for row in body["valuesLists"]?.items ?? [] { expression(row, levels: outer, ctes: ctes) }

        var level = Level()
        for item in body["fromClause"]?.items ?? [] { fromItem(item, into: &level, outer: outer, ctes: ctes) }
        level.outputNames = Self.outputNames(body["targetList"]?.items ?? [])
        let levels = [level] + outer
        for key in ["targetList", "whereClause", "havingClause", "windowClause", "distinctClause", "limitCount", "limitOffset"] {
            body[key].map { expression($0, levels: levels, ctes: ctes) }
        }
        for key in ["groupClause", "sortClause"] {
            body[key].map { expression($0, levels: levels, ctes: ctes, outputNames: level.outputNames) }
        }
        if let range = body["intoClause"]?.plain("IntoClause")["rel"] {
            found.createdRelations.append(Self.name(of: range))
        }
    }

    private mutating func insert(_ body: ParseTree, outer: [Level], ctes: Set<String>) {
        let ctes = with(body, outer: outer, ctes: ctes)
        guard let range = body["relation"]?.plain("RangeVar"), let target = relationItem(range, ctes: ctes) else { return }
        for column in body["cols"]?.items ?? [] { targetColumn(column, of: target) }
        if let query = body["selectStmt"] { statement(query, outer: outer, ctes: ctes) }

        let targetLevel = Level(items: [target])
        if let conflict = body["onConflictClause"]?.plain("OnConflictClause") {
            if let infer = conflict["infer"]?.plain("InferClause") {
                for element in infer["indexElems"]?.items ?? [] {
                    guard let index = element.node("IndexElem") else { continue }
                    if let name = index["name"]?.string, let relation = target.relation {
                        record(.column(relation, name), at: infer.location ?? range.location)
                    }
                    index["expr"].map { expression($0, levels: [targetLevel] + outer, ctes: ctes) }
                }
                infer["whereClause"].map { expression($0, levels: [targetLevel] + outer, ctes: ctes) }
            }
            var conflictLevel = targetLevel
            conflictLevel.items.append(FromItem(reference: "excluded", relation: target.relation))
            for assignment in conflict["targetList"]?.items ?? [] {
                targetColumn(assignment, of: target)
                assignment.node("ResTarget")?["val"].map { expression($0, levels: [conflictLevel] + outer, ctes: ctes) }
            }
            conflict["whereClause"].map { expression($0, levels: [conflictLevel] + outer, ctes: ctes) }
        }
        Self.returning(body).map { expression($0, levels: [targetLevel] + outer, ctes: ctes) }
    }

    /// The RETURNING list: `returningList` in 15's parse tree, `returningClause.exprs` from 18 on (which
    /// added `RETURNING OLD/NEW`).
    private static func returning(_ body: ParseTree) -> ParseTree? {
        body["returningList"] ?? body["returningClause"]?["exprs"]
    }

    private mutating func update(_ body: ParseTree, outer: [Level], ctes: Set<String>) {
        let ctes = with(body, outer: outer, ctes: ctes)
        guard let range = body["relation"]?.plain("RangeVar"), let target = relationItem(range, ctes: ctes) else { return }
        var level = Level(items: [target])
        for item in body["fromClause"]?.items ?? [] { fromItem(item, into: &level, outer: outer, ctes: ctes) }
        let levels = [level] + outer
        for assignment in body["targetList"]?.items ?? [] {
            targetColumn(assignment, of: target)
            assignment.node("ResTarget")?["val"].map { expression($0, levels: levels, ctes: ctes) }
        }
        body["whereClause"].map { expression($0, levels: levels, ctes: ctes) }
        Self.returning(body).map { expression($0, levels: levels, ctes: ctes) }
    }

    private mutating func delete(_ body: ParseTree, outer: [Level], ctes: Set<String>) {
        let ctes = with(body, outer: outer, ctes: ctes)
        guard let range = body["relation"]?.plain("RangeVar"), let target = relationItem(range, ctes: ctes) else { return }
        var level = Level(items: [target])
        for item in body["usingClause"]?.items ?? [] { fromItem(item, into: &level, outer: outer, ctes: ctes) }
        let levels = [level] + outer
        body["whereClause"].map { expression($0, levels: levels, ctes: ctes) }
        Self.returning(body).map { expression($0, levels: levels, ctes: ctes) }
    }

    /// A SET or INSERT column (`ResTarget.name`): always a column of the target table. Subscripts and
    /// field selections after it (`tags[1]`, `point.x`) still need the column.
    private mutating func targetColumn(_ tree: ParseTree, of target: FromItem) {
        guard let column = tree.node("ResTarget"), let name = column["name"]?.string, let relation = target.relation else { return }
        record(.column(relation, name), at: column.location)
    }

    // MARK: FROM

    /// A RangeVar: a CTE (opaque) or a relation, whose name is recorded.
    private mutating func relationItem(_ range: ParseTree, ctes: Set<String>) -> FromItem? {
        guard let relname = range["relname"]?.string else { return nil }
        let alias = range["alias"]?.plain("Alias")["aliasname"]?.string
        let schema = range["schemaname"]?.string
        if schema == nil && ctes.contains(relname) { return FromItem(reference: alias ?? relname, relation: nil) }
        let name = RelationName(schema: schema, relname)
        record(.relation(name), at: range.location)
        return FromItem(reference: alias ?? relname, relation: name, isUnaliased: alias == nil)
    }

    private mutating func fromItem(_ tree: ParseTree, into level: inout Level, outer: [Level], ctes: Set<String>) {
        guard let (type, body) = tree.node else { return }
        let alias = body["alias"]?.plain("Alias")["aliasname"]?.string
        switch type {
        case "RangeVar":
            if let item = relationItem(body, ctes: ctes) { level.items.append(item) }
        case "RangeSubselect":
            let scope = body["lateral"]?.bool == true ? [level] + outer : outer
            body["subquery"].map { statement($0, outer: scope, ctes: ctes) }
            level.items.append(FromItem(reference: alias, relation: nil))
        case "RangeFunction":
            // Functions in FROM see the items before them (they are implicitly LATERAL).
            body["functions"].map { expression($0, levels: [level] + outer, ctes: ctes) }
            level.items.append(FromItem(reference: alias, relation: nil))
        case "RangeTableSample":
            if let relation = body["relation"] { fromItem(relation, into: &level, outer: outer, ctes: ctes) }
            body["args"].map { expression($0, levels: [level] + outer, ctes: ctes) }
        case "JoinExpr":
            var joined = Level()
            body["larg"].map { fromItem($0, into: &joined, outer: outer, ctes: ctes) }
            body["rarg"].map { fromItem($0, into: &joined, outer: outer, ctes: ctes) }
            var scope = level
            scope.items += joined.items
            body["quals"].map { expression($0, levels: [scope] + outer, ctes: ctes) }
            // An aliased join hides the names inside it.
            if let alias { level.items.append(FromItem(reference: alias, relation: nil)) } else { level.items += joined.items }
        default:
            level.items.append(FromItem(reference: alias, relation: nil))
        }
    }

    // MARK: expressions

    /// Walks an expression (or a list of them), recording column references and walking subqueries.
    mutating func expression(_ tree: ParseTree, levels: [Level], ctes: Set<String>, outputNames: Set<String> = []) {
        if let (type, body) = tree.node {
            switch type {
            case "ColumnRef":
                columnReference(body, levels: levels, outputNames: outputNames)
                return
            case "SubLink":
                body["testexpr"].map { expression($0, levels: levels, ctes: ctes, outputNames: outputNames) }
                body["subselect"].map { statement($0, outer: levels, ctes: ctes) }
                return
            case "SelectStmt", "InsertStmt", "UpdateStmt", "DeleteStmt":
                statement(tree, outer: levels, ctes: ctes)
                return
            default:
                expression(body, levels: levels, ctes: ctes, outputNames: outputNames)
                return
            }
        }
        for item in tree.items { expression(item, levels: levels, ctes: ctes, outputNames: outputNames) }
        for (_, member) in tree.members { expression(member, levels: levels, ctes: ctes, outputNames: outputNames) }
    }

    private mutating func columnReference(_ body: ParseTree, levels: [Level], outputNames: Set<String>) {
        let fields = body["fields"]?.items ?? []
        guard fields.last?.node("A_Star") == nil else { return }  // `*` and `t.*`
        let names = fields.compactMap(\.stringNode)
        guard names.count == fields.count else { return }
        let location = body.location
        switch names.count {
        case 1:
            let name = names[0]
            if variables.contains(name) || Self.systemColumns.contains(name) || outputNames.contains(name) { return }
            // A FROM item's name alone is its whole row; a subquery or function in scope may have the column.
            if levels.contains(where: { $0.items.contains { $0.reference == name || $0.relation == nil } }) { return }
            let scopes = levels.map { $0.items.compactMap(\.relation) }.filter { !$0.isEmpty }
            guard !scopes.isEmpty else { return }
            record(.unqualifiedColumn(name, scopes: scopes), at: location)
        case 2:
            let (qualifier, name) = (names[0], names[1])
            // A record variable's field, or a name PL/pgSQL resolves (the function's name, a label).
            if variables.contains(qualifier) { return }
            guard let item = Self.item(named: qualifier, in: levels), let relation = item.relation else { return }
            if Self.systemColumns.contains(name) { return }
            record(.column(relation, name), at: location)
        case 3:
            let (schema, table, name) = (names[0], names[1], names[2])
            for level in levels {
                if let item = level.items.first(where: { $0.isUnaliased && $0.relation == RelationName(schema: schema, table) }),
                    let relation = item.relation
                {
                    if !Self.systemColumns.contains(name) { record(.column(relation, name), at: location) }
                    return
                }
            }
        default:
            return  // composite fields of columns or variables
        }
    }

    // MARK: helpers

    private mutating func record(_ target: SQLReference.Target, at location: Int?) {
        found.references.append(SQLReference(target, offset: location ?? 0))
    }

    /// The innermost FROM item called `name`.
    private static func item(named name: String, in levels: [Level]) -> FromItem? {
        for level in levels {
            if let item = level.items.last(where: { $0.reference == name }) { return item }
        }
        return nil
    }

    private static func name(of range: ParseTree) -> RelationName {
        let body = range.plain("RangeVar")
        return RelationName(schema: body["schemaname"]?.string, body["relname"]?.string ?? "")
    }

    /// The names a query's output columns go by: aliases, and the column of a bare column reference.
    private static func outputNames(_ targets: [ParseTree]) -> Set<String> {
        var names: Set<String> = []
        for target in targets {
            guard let body = target.node("ResTarget") else { continue }
            if let name = body["name"]?.string {
                names.insert(name)
            } else if let fields = body["val"]?.node("ColumnRef")?["fields"]?.items, let last = fields.last?.stringNode {
                names.insert(last)
            }
        }
        return names
    }
}
