import PgDrift
import Testing

@Suite struct QuotingTests {
    @Test(arguments: [
        ("users", "users"),
        ("Users", "\"Users\""),
        ("user", "\"user\""),
        ("select", "\"select\""),
        ("with space", "\"with space\""),
        ("x\"; DROP TABLE t; --", "\"x\"\"; DROP TABLE t; --\""),
        ("1abc", "\"1abc\""),
        ("café", "\"café\""),
        ("", "\"\""),
        ("total_play_count", "total_play_count"),
    ])
    func identifier(raw: String, quoted: String) {
        #expect(SQLQuote.identifier(raw) == quoted)
    }

    @Test func literals() {
        #expect(SQLQuote.literal("it's") == "'it''s'")
        #expect(SQLQuote.literal("a\\b") == "E'a\\\\b'")
        #expect(SQLQuote.literal("'; DROP TABLE t; --") == "'''; DROP TABLE t; --'")
    }

    @Test func qualifiedNames() {
        #expect(QualifiedName("public", "Mixed Case").description == "public.\"Mixed Case\"")
    }
}
