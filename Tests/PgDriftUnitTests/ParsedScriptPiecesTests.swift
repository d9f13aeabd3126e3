import PgDriftSQL
import Testing

/// A large script is parsed in pieces of whole statements on several threads; what comes out is the
/// same as one parse of the whole text: the same statements, at the same offsets, with locations and
/// constants read from the whole script.
@Suite struct ParsedScriptPiecesTests {
    /// About 1.5 MB of DDL with semicolons in strings, comments, dollar quotes and BEGIN ATOMIC bodies.
    static func script(tables: Int) -> String {
        var parts: [String] = []
        for t in 0..<tables {
            parts.append("""
                -- table \(t); not a statement end
                CREATE TABLE t\(t) (id bigint PRIMARY KEY, note text DEFAULT 'a;b', n int DEFAULT -\(t % 7), \
                c\(t) numeric(10,2) CHECK (c\(t) > 0));
                /* a block; comment */ CREATE INDEX t\(t)_note ON t\(t) (note);
                CREATE FUNCTION f\(t)() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT \(t); END;
                CREATE FUNCTION g\(t)() RETURNS text LANGUAGE plpgsql AS $$ BEGIN RETURN 'x;y'; END $$;
                """)
        }
        return parts.joined(separator: "\n")
    }

    @Test func piecesGiveTheSameStatementsAsOneParse() throws {
        let sql = Self.script(tables: 4_000)
        #expect(sql.utf8.count > 1_000_000)
        let script = try ParsedScript(sql)
        let split = try PgQuery.splitStatements(sql)
        #expect(script.statements.count == split.count)
        let tags = Set(script.statements.map(\.tag))
        #expect(tags == ["CreateStmt", "IndexStmt", "CreateFunctionStmt"])
        // Every statement starts at its first token, in order, with no gaps or overlaps in the count.
        let utf8 = Array(sql.utf8)
        for statement in script.statements {
            let first = String(decoding: utf8[statement.offset..<statement.offset + 6], as: UTF8.self)
            #expect(first == "CREATE", "at \(statement.offset)")
        }
        #expect(script.statements.map(\.offset) == script.statements.map(\.offset).sorted())
        // Locations inside a statement count from the start of the whole script.
        let last = try #require(script.statements.last { $0.tag == "CreateStmt" })
        let column = try #require(last.node["tableElts"]?.elements.first?.node("ColumnDef"))
        let location = try #require(column.location)
        #expect(String(decoding: utf8[location..<location + 2], as: UTF8.self) == "id")
        // Negative constants are read back from the SQL at the right place.
        let defaults = script.statements.filter { $0.tag == "CreateStmt" }.compactMap { statement in
            statement.node["tableElts"]?.elements.compactMap { $0.node("ColumnDef") }
                .first { $0["colname"]?.isString("n") == true }?["constraints"]?.elements.first?.node("Constraint")?["raw_expr"]
        }
        #expect(defaults.count == 4_000)
    }

    @Test func aSyntaxErrorIsReportedAtItsPlaceInTheWholeScript() throws {
        let sql = Self.script(tables: 2_000) + "\nCREATE TABLE broken (id int,);\n" + Self.script(tables: 10)
        do {
            _ = try ParsedScript(sql)
            Issue.record("expected a syntax error")
        } catch let error as SQLSyntaxError {
            let brokenLine = sql.prefix { $0 != "\u{0}" }.components(separatedBy: "\n").firstIndex { $0.contains("broken") }! + 1
            #expect(error.line == brokenLine)
            #expect(error.message.contains("syntax error"))
        }
    }
}
