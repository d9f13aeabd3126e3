import PgDriftModel

/// The tables and columns a function's body names, each with its line in the body — counted as
/// PostgreSQL counts in its error context ("PL/pgSQL function f() line 13"): line 1 is the rest of the
/// line that opens the body (`AS $$`).
///
/// PL/pgSQL bodies are compiled with PL/pgSQL's own parser (`pg_query_parse_plpgsql`), which gives the
/// variables and every SQL statement and expression; each of those is then parsed with PostgreSQL's
/// parser. SQL-language bodies are parsed directly. Names that are variables or parameters are not
/// columns.
package struct FunctionBodyReferences: Sendable, Equatable {
    /// One reference and the body line it is on.
    package struct Reference: Hashable, Sendable {
        /// The table, view or column named.
        package var target: SQLReference.Target
        /// The body line it is on, counted from 1 as PostgreSQL's error context counts.
        package var line: Int

        /// Creates a reference from its parts.
        package init(_ target: SQLReference.Target, line: Int) {
            self.target = target
            self.line = line
        }
    }

    /// The tables and columns the body names; `read` gives each once, in line order.
    package var references: [Reference] = []
    /// Lines of EXECUTE and other dynamic SQL, whose text is only known when it runs.
    package var dynamicSQLLines: [Int] = []
    /// Tables the body creates itself (CREATE TEMP TABLE ...), which need not exist beforehand.
    package var createdRelations: [RelationName] = []

    /// Creates an empty set of references.
    package init() {}

    /// The references of a function's body. Nil for languages whose bodies are not SQL (C, internal,
    /// PL/Python, ...) and for SQL bodies kept as a parse tree (`BEGIN ATOMIC`, empty source); throws
    /// when the body cannot be parsed (PL/pgSQL's parser without a catalog rejects explicit cursors,
    /// for one).
    package static func read(
        body: String, language: String, arguments: String, returnType: String?
    ) throws -> FunctionBodyReferences? {
        guard !body.allSatisfy(\.isWhitespace) else { return nil }
        switch language {
        case "sql":
            return try sql(body, variables: parameterNames(arguments))
        case "plpgsql":
            return try PLpgSQLBody(body: body, arguments: arguments, returnType: returnType).references()
        default:
            return nil
        }
    }

    /// An SQL-language body: its statements, parameters by name.
    static func sql(_ body: String, variables: Set<String>) throws -> FunctionBodyReferences {
        let statements = try StatementReferences.read(body, variables: variables)
        let lines = LineIndex(body)
        var result = FunctionBodyReferences()
        result.references = statements.references.map { Reference($0.target, line: lines.line(at: $0.offset)) }
        result.createdRelations = statements.createdRelations
        return result.deduplicated()
    }

    /// The names of the parameters in `pg_get_function_arguments` text, read by parsing a
    /// `CREATE FUNCTION` with them.
    static func parameterNames(_ arguments: String) throws -> Set<String> {
        guard !arguments.isEmpty else { return [] }
        let tree = try ParseTree(json: PgQuery.parseToJSON("CREATE FUNCTION pgdrift_parameters(\(arguments)) RETURNS void LANGUAGE sql AS ''"))
        let create = tree["stmts"]?.items.first?["stmt"]?.node("CreateFunctionStmt")
        return Set(create?["parameters"]?.items.compactMap { $0.node("FunctionParameter")?["name"]?.string } ?? [])
    }

    /// One entry per target and line, in body order.
    func deduplicated() -> FunctionBodyReferences {
        var seen = Set<Reference>()
        var copy = self
        copy.references = references.filter { seen.insert($0).inserted }.enumerated()
            .sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        copy.dynamicSQLLines = Array(Set(dynamicSQLLines)).sorted()
        return copy
    }
}

/// Line numbers of byte offsets in a function body (`ScriptLines`), and searches in its bytes.
struct LineIndex {
    let bytes: [UInt8]
    private let lines: ScriptLines

    init(_ text: String) {
        bytes = Array(text.utf8)
        lines = ScriptLines(bytes)
    }

    /// The 1-based line of a byte offset.
    func line(at offset: Int) -> Int { lines.line(ofByte: offset) }

    /// Where a 1-based line starts.
    func start(ofLine line: Int) -> Int { lines.start(ofLine: line) }

    /// The first byte offset at or after `from` where `needle` occurs.
    func offset(of needle: String, from: Int) -> Int? {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, pattern.count <= bytes.count else { return nil }
        var position = max(0, from)
        while position + pattern.count <= bytes.count {
            if bytes[position] == pattern[0] && bytes[position..<position + pattern.count].elementsEqual(pattern) {
                return position
            }
            position += 1
        }
        return nil
    }
}
