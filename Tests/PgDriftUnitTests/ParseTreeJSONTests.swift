import Foundation
import PgDrift
import Testing

/// The tape reader over libpg_query's JSON: lookups, escapes, lists, and the parser's own output.
@Suite struct ParseTreeJSONTests {
    static func document(_ text: String) throws -> ParseTreeJSON { try ParseTreeJSON(bytes: Array(text.utf8)) }

    @Test func membersArraysAndScalars() throws {
        let root = try Self.document(#"{"a": {"b": [1, -20, 3], "c": true, "d": null}, "e": "x", "f": false}"#).root
        #expect(root["a"]?["b"]?.elements.compactMap(\.int) == [1, -20, 3])
        #expect(root["a"]?["c"]?.bool == true)
        #expect(root["a"]?["d"]?.string == nil)
        #expect(root["e"]?.string == "x")
        #expect(root["f"]?.bool == false)
        #expect(root["missing"] == nil)
        #expect(root.members.map(\.key) == ["a", "e", "f"])
        // A key inside a nested object is not a member of the outer one.
        #expect(root["b"] == nil)
    }

    @Test func escapesAreDecoded() throws {
        let root = try Self.document(#"{"s": "q\"b\\n\nt\tu\u00e9\ud83d\ude00/"}"#).root
        #expect(root["s"]?.string == "q\"b\\n\nt\tué😀/")
        #expect(root["s"]?.isString("q\"b\\n\nt\tué😀/") == false)  // isString compares raw text, for keys and tags
    }

    @Test func malformedInputThrows() {
        #expect(throws: ParseTreeJSONError.self) { try Self.document(#"{"a": [1, 2"#) }
        #expect(throws: ParseTreeJSONError.self) { try Self.document(#"{"a" 1}"#) }
    }

    @Test func parserOutputOfACreateTable() throws {
        let sql = "-- comment\nCREATE TABLE \"Mixed\".t (\n  id int PRIMARY KEY,\n  \"Name\" text CHECK (length(\"Name\") > 0)\n);\n"
        let script = try ParsedScript(sql)
        let statement = try #require(script.statements.first)
        #expect(statement.tag == "CreateStmt")
        #expect(script.lines.line(ofByte: statement.offset) == 2)
        #expect(statement.node["relation"]?["schemaname"]?.string == "Mixed")
        let columns = statement.node["tableElts"]?.elements.compactMap { $0.node("ColumnDef") } ?? []
        #expect(columns.compactMap { $0["colname"]?.string } == ["id", "Name"])
        #expect(columns.compactMap { $0["location"]?.int }.map(script.lines.line(ofByte:)) == [3, 4])
        let references = columns[1].descendants("ColumnRef").compactMap { $0["fields"]?.strings.last }
        #expect(references == ["Name"])
        #expect(columns[0]["typeName"].flatMap(TypeNames.display) == "integer")
    }

    @Test func statementsStartAfterCommentsAndBlankLines() throws {
        let sql = "SELECT 1;\n\n/* a /* nested */ block */\n-- line\n  ALTER TABLE t ADD COLUMN c int;"
        let script = try ParsedScript(sql)
        #expect(script.statements.map(\.tag) == ["SelectStmt", "AlterTableStmt"])
        #expect(script.statements.map { script.lines.line(ofByte: $0.offset) } == [1, 5])
        #expect(script.lines.column(ofByte: script.statements[1].offset) == 3)
    }

    @Test func syntaxErrorsCarryLineAndColumn() {
        #expect(throws: SQLSyntaxError(message: "syntax error at or near \"TABEL\"", line: 2, column: 8)) {
            try ParsedScript("-- x\nCREATE TABEL t (a int);")
        }
    }
}

/// Inputs the fuzzers (scripts/fuzz) crashed on, kept as regression tests.
@Suite struct FuzzRegressionTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/fuzz")

    @Test func deeplyNestedExpressionsAreRefusedNotAStackOverflow() throws {
        // libpg_query parses three thousand nested unary `+`; the tree reader used to recurse off the stack.
        let sql = try String(contentsOf: Self.fixtures.appendingPathComponent("deeply-nested-unary-plus.sql"), encoding: .utf8)
        #expect(throws: ParseTreeJSONError.self) { _ = try RoleReferences.roles(in: sql) }
        #expect(throws: (any Error).self) { _ = try OfflineSchemaLoader.load([(path: "deep.sql", sql: sql)]) }
        let deep = "SELECT " + String(repeating: "+", count: 3_000) + "1;"
        #expect(throws: ParseTreeJSONError.self) { _ = try RoleReferences.roles(in: deep) }
        // Ordinary nesting still reads.
        #expect(try RoleReferences.roles(in: "SELECT " + String(repeating: "+", count: 100) + "1;").isEmpty)
    }
}
