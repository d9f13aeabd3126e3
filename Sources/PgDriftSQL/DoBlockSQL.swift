/// The SQL a `DO` block runs, read with PL/pgSQL's own parser: each statement and expression of its
/// body, with the line (in the body) of the statement that holds it.
package struct DoBlockSQL {
    /// One piece of SQL in the body.
    package struct Piece: Sendable, Equatable {
        /// The SQL as written: a whole statement, or an expression (a condition, an assignment's value).
        package var sql: String
        /// Whether `sql` is a whole statement (else an expression, readable as `SELECT sql`).
        package var isStatement: Bool
        /// Whether it builds SQL at run time (`EXECUTE`): what that SQL is, only running it tells.
        package var isDynamic: Bool
        /// The line in the body (line 1 is the rest of the line the body starts on).
        package var line: Int
    }

    /// The block's language (`plpgsql` unless it says otherwise) and body, from a `DoStmt` node.
    package static func languageAndBody(_ doStatement: ParseNode) -> (language: String, body: String?) {
        var language = "plpgsql"
        var body: String?
        for element in doStatement["args"]?.elements ?? [] {
            guard let option = element.node("DefElem") else { continue }
            let value = option["arg"]?.node("String")?["sval"]?.string
            if option["defname"]?.isString("language") == true, let value { language = value.lowercased() }
            if option["defname"]?.isString("as") == true { body = value }
        }
        return (language, body)
    }

    /// The pieces of a PL/pgSQL body; throws `SQLSyntaxError` when PL/pgSQL's parser rejects it.
    package static func pieces(ofPLpgSQL body: String) throws -> [Piece] {
        try PLpgSQLBody.compile(body: body, returnType: nil).flatMap(\.pieces).map { piece in
            switch piece.role {
            case .statement: return Piece(sql: piece.query, isStatement: true, isDynamic: false, line: piece.line)
            case .dynamic: return Piece(sql: piece.query, isStatement: false, isDynamic: true, line: piece.line)
            case .expression, .assignment: return Piece(sql: piece.query, isStatement: false, isDynamic: false, line: piece.line)
            }
        }
    }
}
