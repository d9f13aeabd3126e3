/// A relation as a statement names it, before any lookup: `schema` is nil when the name is unqualified
/// (the search_path decides).
package struct RelationName: Hashable, Sendable, CustomStringConvertible {
    /// The schema as the parser reads it (unquoted, folded), or nil when the name is unqualified.
    package var schema: String?
    /// The relation's name as the parser reads it (unquoted, folded).
    package var name: String

    /// Creates a relation name from its parts; unqualified by default.
    package init(schema: String? = nil, _ name: String) {
        self.schema = schema
        self.name = name
    }

    /// `schema.name`, or `name` alone when unqualified; the parts are not quoted.
    package var description: String { [schema, name].compactMap { $0 }.joined(separator: ".") }
}

/// A name a SQL statement needs to exist to run: a table or view, or a column of one. Read from
/// PostgreSQL's parse tree, with aliases, CTEs and scopes taken into account; not yet looked up in
/// any catalog.
package struct SQLReference: Hashable, Sendable {
    /// What a reference names: a relation, a column of one, or a column to find among those in scope.
    package enum Target: Hashable, Sendable {
        /// A table or view in FROM, JOIN, INSERT INTO, UPDATE, DELETE FROM or TRUNCATE.
        case relation(RelationName)
        /// A column of a known relation: qualified (`c.total`, `creators_hot.total`), a SET or INSERT
        /// target, an ON CONFLICT column, EXCLUDED.x, or RETURNING over the target.
        case column(RelationName, String)
        /// An unqualified column in an expression: it must be a column of one of these relations, the
        /// FROM items in scope, innermost scope first. Only recorded when every item in scope is a
        /// named relation (not a subquery, CTE or function), so a lookup can decide.
        case unqualifiedColumn(String, scopes: [[RelationName]])
    }

    /// The relation or column named.
    package var target: Target
    /// Byte offset of the name in the text it was read from.
    package var offset: Int

    /// Creates a reference from its parts.
    package init(_ target: Target, offset: Int) {
        self.target = target
        self.offset = offset
    }
}

/// The references of one or more SQL statements.
package struct StatementReferences: Sendable {
    /// The names the statements need, in the order the walk meets them.
    package var references: [SQLReference] = []
    /// Tables the statements create (CREATE [TEMP] TABLE, SELECT INTO, CREATE TABLE AS): later
    /// statements may use them without their being in any catalog.
    package var createdRelations: [RelationName] = []

    /// Creates an empty set of references.
    package init() {}

    /// The references of every statement in `sql`. Names in `variables` (PL/pgSQL variables, function
    /// parameters) are not columns.
    package static func read(_ sql: String, variables: Set<String> = []) throws -> StatementReferences {
        let tree = try ParseTree(json: PgQuery.parseToJSON(sql))
        var walker = StatementWalker(variables: variables)
        for statement in tree["stmts"]?.items ?? [] {
            if let node = statement["stmt"] { walker.statement(node, outer: [], ctes: []) }
        }
        return walker.result
    }

    /// The references of one SQL expression (a policy's USING, a PL/pgSQL condition), read as
    /// `SELECT expression`; offsets are into `expression`. `scope` names the relations in scope and
    /// what they are called: a policy's table by its name, a trigger's table as `new` and `old`.
    package static func readExpression(
        _ expression: String, scope: [(name: String, relation: RelationName)] = [], variables: Set<String> = []
    ) throws -> StatementReferences {
        let prefix = "SELECT "
        let tree = try ParseTree(json: PgQuery.parseToJSON(prefix + expression))
        var walker = StatementWalker(variables: variables)
        var level = StatementWalker.Level()
        level.items = scope.map { StatementWalker.FromItem(reference: $0.name, relation: $0.relation) }
        for statement in tree["stmts"]?.items ?? [] {
            guard let select = statement["stmt"]?.node("SelectStmt") else { continue }
            for target in select["targetList"]?.items ?? [] {
                walker.expression(target, levels: [level], ctes: [])
            }
        }
        var result = walker.result
        result.references = result.references.map { SQLReference($0.target, offset: max(0, $0.offset - prefix.utf8.count)) }
        return result
    }
}
