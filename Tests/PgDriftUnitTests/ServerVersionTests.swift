import PgDrift
import Testing

/// Issue 20: servers older than 15 get one clear line (exit 3 from the CLI, as a database error).
@Suite struct ServerVersionTests {
    @Test func olderServersAreRefusedInOneLine() {
        #expect(Introspector.refusal(ofServerVersion: 140011)?.description == "PostgreSQL 14.11 is not supported: pgdrift reads PostgreSQL 15 to 18")
        #expect(Introspector.refusal(ofServerVersion: 90624)?.description == "PostgreSQL 9.6.24 is not supported: pgdrift reads PostgreSQL 15 to 18")
        #expect(Introspector.refusal(ofServerVersion: 150020) == nil)
        #expect(Introspector.refusal(ofServerVersion: 180006) == nil)
    }
}
