import PgDrift
import Testing

/// psql's backslash commands (pg_dump's `\restrict`) are blanked where the scanner finds them, and only there.
@Suite struct PsqlMetaCommandsTests {
    @Test func pgDumpsRestrictLinesAreBlankedInPlace() throws {
        let sql = "\\restrict abc123\nCREATE TABLE t (a int);\n\\unrestrict abc123\n"
        let blanked = PsqlMetaCommands.blanked(sql)
        #expect(blanked == String(repeating: " ", count: 16) + "\nCREATE TABLE t (a int);\n" + String(repeating: " ", count: 18) + "\n")
        #expect(try ParsedScript(blanked).statements.map(\.tag) == ["CreateStmt"])
    }

    /// A key starting with a digit is a malformed number to PostgreSQL 15's scanner.
    @Test func aKeyTheScannerRefusesIsBlankedToo() throws {
        let sql = "\\restrict 0Bs0GKbzDOPpIEIz\nCREATE TABLE t (a int);\n"
        #expect(try ParsedScript(PsqlMetaCommands.blanked(sql)).statements.map(\.tag) == ["CreateStmt"])
    }

    @Test func aBackslashInsideAStringOrBodyIsKept() {
        let sql = "CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$\n\\not a command\n$$;\nSELECT '\n\\also not';\n"
        #expect(PsqlMetaCommands.blanked(sql) == sql)
    }

    @Test func textWithoutBackslashCommandsIsReturnedAsIs() {
        let sql = "SELECT 'a\\b';\n"
        #expect(PsqlMetaCommands.blanked(sql) == sql)
    }
}
