import PgDrift
import Testing

@Suite struct PostgresArrayTests {
    @Test func parsesArrayOutput() throws {
        #expect(try PostgresArray.parse("{}") == [])
        #expect(try PostgresArray.parse("{a,b}") == ["a", "b"])
        #expect(try PostgresArray.parse("{\"with space\",NULL,\"NULL\",\"q\\\"uote\",\"back\\\\slash\"}")
            == ["with space", nil, "NULL", "q\"uote", "back\\slash"])
        #expect(try PostgresArray.parse("[0:1]={x,y}") == ["x", "y"])
        #expect(throws: PostgresError.self) { try PostgresArray.parse("not an array") }
    }

    @Test func writesLiteralsThatQuoteEverything() {
        #expect(PostgresArray.literal([]) == "{}")
        #expect(PostgresArray.literal(["a", "b \"c\"", "d\\e"]) == "{\"a\",\"b \\\"c\\\"\",\"d\\\\e\"}")
    }
}
