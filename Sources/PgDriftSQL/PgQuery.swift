import CPgQuery

/// PostgreSQL's own parser, through libpg_query: 18's grammar when scripts/fetch-pg-query built it,
/// else Debian's libpg-query-dev (15's grammar). The code reads the parse trees of both.
package enum PgQuery {
    /// The PostgreSQL version whose grammar the linked libpg_query parses, such as 180006 or 150001.
    package static let grammarVersion = Int(PG_VERSION_NUM)

    /// The major version of that grammar: 18 or 15.
    package static var grammarMajor: Int { grammarVersion / 10000 }

    /// Parses `sql` and returns libpg_query's JSON parse tree, or the parser's error with its position.
    package static func parseToJSON(_ sql: String) throws -> String {
        let result = pg_query_parse(sql)
        defer { pg_query_free_parse_result(result) }
        if let error = result.error {
            throw SQLSyntaxError(error.pointee, in: sql)
        }
        return result.parse_tree.map { String(cString: $0) } ?? "{}"
    }

    /// Splits a script into its statements (byte ranges into the UTF-8 text) with the parser, so
    /// semicolons inside strings, comments and function bodies are not split on.
    package static func splitStatements(_ sql: String) throws -> [(offset: Int, length: Int)] {
        let result = pg_query_split_with_parser(sql)
        defer { pg_query_free_split_result(result) }
        if let error = result.error {
            throw SQLSyntaxError(error.pointee, in: sql)
        }
        guard let statements = result.stmts else { return [] }
        return (0..<Int(result.n_stmts)).compactMap { i in
            statements[i].map { (Int($0.pointee.stmt_location), Int($0.pointee.stmt_len)) }
        }
    }
}

/// The grammar pgdrift reads SQL with: the PostgreSQL version of the libpg_query it was built with.
/// A migration in newer syntax than this (18's `VIRTUAL`, `NOT ENFORCED`, `WITHOUT OVERLAPS`; 17's
/// `JSON_TABLE`) is a syntax error to an older parser.
public enum SQLGrammar {
    /// Such as 180006 for PostgreSQL 18.6.
    public static var versionNumber: Int { PgQuery.grammarVersion }

    /// Such as `PostgreSQL 18.6`.
    public static var name: String {
        let number = PgQuery.grammarVersion
        return "PostgreSQL \(number / 10000).\(number % 100)"
    }
}

/// A syntax error from PostgreSQL's parser, located by line and column in the text it was given.
public struct SQLSyntaxError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The parser's message, such as `syntax error at or near "tabel"`.
    public var message: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, in characters.
    public var column: Int

    /// Creates a syntax error from its parts.
    public init(message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }

    init(_ error: PgQueryError, in sql: String) {
        message = error.message.map { String(cString: $0) } ?? "syntax error"
        (line, column) = Self.lineAndColumn(cursor: Int(error.cursorpos), in: sql)
    }

    /// libpg_query's cursor is a 1-based byte offset (0 when unknown); people want line:column.
    static func lineAndColumn(cursor: Int, in sql: String) -> (Int, Int) {
        guard cursor > 0 else { return (1, 1) }
        var line = 1
        var column = 1
        var offset = 0
        for scalar in sql.unicodeScalars {
            if offset >= cursor - 1 { break }
            offset += String(scalar).utf8.count
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }

    /// `line:column: message`, such as `3:7: syntax error at or near "tabel"`.
    public var description: String { "\(line):\(column): \(message)" }
}
