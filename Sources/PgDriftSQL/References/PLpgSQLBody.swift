import PgDriftModel

/// A PL/pgSQL body compiled by PL/pgSQL's parser: its variables, and the SQL of each statement and
/// expression with the line of the statement that holds it.
struct PLpgSQLBody {
    /// How a piece of SQL in the tree is to be read.
    enum Role {
        /// A whole statement (the SQL of an UPDATE, a FOR ... IN SELECT, PERFORM's SELECT, ...).
        case statement
        /// An expression, read as `SELECT expression` (conditions, RETURN, RAISE arguments, ...).
        case expression
        /// `target := expression`: only the expression names things to look up.
        case assignment
        /// EXECUTE and friends: an expression that builds SQL at run time.
        case dynamic
    }

    /// Variables PL/pgSQL declares in trigger and event-trigger functions without listing them.
    static let triggerVariables: Set<String> = [
        "tg_name", "tg_when", "tg_level", "tg_op", "tg_relid", "tg_relname", "tg_table_name", "tg_table_schema",
        "tg_nargs", "tg_argv", "tg_event", "tg_tag",
    ]

    /// Fields that hold a whole SQL statement, by statement type; every other PLpgSQL_expr is an expression.
    static let statementFields: [String: Set<String>] = [
        "PLpgSQL_stmt_execsql": ["sqlstmt"], "PLpgSQL_stmt_fors": ["query"], "PLpgSQL_stmt_open": ["query"],
        "PLpgSQL_stmt_return_query": ["query"], "PLpgSQL_stmt_perform": ["expr"], "PLpgSQL_stmt_call": ["expr"],
        "PLpgSQL_var": ["cursor_explicit_expr"],
    ]
    static let dynamicFields: [String: Set<String>] = [
        "PLpgSQL_stmt_dynexecute": ["query"], "PLpgSQL_stmt_dynfors": ["query"],
        "PLpgSQL_stmt_return_query": ["dynquery"], "PLpgSQL_stmt_open": ["dynquery"],
    ]

    let body: String
    let arguments: String
    let returnType: String?

    func references() throws -> FunctionBodyReferences {
        var reader = Reader(lines: LineIndex(body))
        for function in try Self.compile(body: body, arguments: arguments, returnType: returnType) {
            reader.variables = function.variables
            for piece in function.pieces { reader.read(piece.query, line: piece.line, role: piece.role) }
        }
        return reader.result.deduplicated()
    }

    /// One piece of SQL inside a compiled body: its text, its role and the line of its statement.
    struct Piece {
        var query: String
        var line: Int
        var role: Role
    }

    /// A compiled function: its variables and every piece of SQL, in the order of the tree.
    struct Compiled {
        var variables: Set<String>
        var pieces: [Piece]
    }

    /// Compiles a body with PL/pgSQL's parser (`returnType` nil: a procedure or DO block) and lists its
    /// pieces of SQL.
    static func compile(body: String, arguments: String = "", returnType: String?) throws -> [Compiled] {
        let header = returnType.map { "CREATE FUNCTION pgdrift_body(\(arguments)) RETURNS \($0)" }
            ?? "CREATE PROCEDURE pgdrift_body(\(arguments))"
        let tree = try ParseTree(json: PgQuery.parsePLpgSQLToJSON(
            "\(header) LANGUAGE plpgsql AS \(SQLQuote.dollarQuoted(body))"))
        return tree.items.compactMap { function in
            guard let function = function.node("PLpgSQL_function") else { return nil }
            var pieces: [Piece] = []
            for datum in function["datums"]?.items ?? [] { collect(datum, line: 1, role: .expression, into: &pieces) }
            function["action"].map { collect($0, line: 1, role: .expression, into: &pieces) }
            return Compiled(
                variables: triggerVariables.union(variables(in: function["datums"]?.items ?? [])), pieces: pieces)
        }
    }

    /// Walks the compiled tree, giving each piece of SQL its role.
    private static func collect(_ tree: ParseTree, line: Int, role: Role, into pieces: inout [Piece]) {
        if let (type, body) = tree.node {
            if type == "PLpgSQL_expr" {
                if let query = body["query"]?.string { pieces.append(Piece(query: query, line: line, role: role)) }
                return
            }
            let line = body["lineno"]?.int ?? line
            for (key, member) in body.members {
                let role: Role = statementFields[type]?.contains(key) == true ? .statement
                    : dynamicFields[type]?.contains(key) == true ? .dynamic
                    : type == "PLpgSQL_stmt_assign" && key == "expr" ? .assignment : .expression
                collect(member, line: line, role: role, into: &pieces)
            }
            return
        }
        for item in tree.items { collect(item, line: line, role: role, into: &pieces) }
        for (_, member) in tree.members { collect(member, line: line, role: role, into: &pieces) }
    }

    /// The names of every variable, parameter, record and row (and a row's fields).
    static func variables(in datums: [ParseTree]) -> Set<String> {
        var names: Set<String> = []
        for datum in datums {
            guard let (_, body) = datum.node else { continue }
            if let name = body["refname"]?.string, name != "(unnamed row)" { names.insert(name) }
            for field in body["fields"]?.items ?? [] {
                if let name = field["name"]?.string { names.insert(name) }
            }
        }
        return names
    }

    /// Reads each piece of SQL by its role.
    struct Reader {
        let lines: LineIndex
        var variables: Set<String> = []
        var result = FunctionBodyReferences()

        init(lines: LineIndex) {
            self.lines = lines
        }

        /// Reads one piece of SQL of the statement on `line`. A piece PostgreSQL's parser rejects is left
        /// alone: it fails at run time with its own message, not for a missing name.
        mutating func read(_ query: String, line: Int, role: Role) {
            // Pieces are verbatim slices of the body (except SELECT ... INTO, whose INTO is blanked out),
            // found from their statement's line on; the statement's line is the fallback.
            let start = lines.offset(of: query, from: lines.start(ofLine: line)) ?? lines.start(ofLine: line)
            var found: StatementReferences?
            var shift = 0
            switch role {
            case .statement:
                found = try? StatementReferences.read(query, variables: variables)
            case .expression:
                found = try? StatementReferences.readExpression(query, variables: variables)
            case .dynamic:
                result.dynamicSQLLines.append(line)
                found = try? StatementReferences.readExpression(query, variables: variables)
            case .assignment:
                guard let valueOffset = try? SQLTokens.assignmentValueOffset(query) else { return }
                let value = String(decoding: Array(query.utf8)[valueOffset...], as: UTF8.self)
                shift = valueOffset
                found = try? StatementReferences.readExpression(value, variables: variables)
            }
            guard let found else { return }
            for reference in found.references {
                result.references.append(.init(reference.target, line: lines.line(at: start + shift + reference.offset)))
            }
            result.createdRelations += found.createdRelations
        }
    }
}
