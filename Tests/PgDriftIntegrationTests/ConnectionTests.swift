import Foundation
import PgDrift
import PgDriftTestSupport
import Testing

@Suite struct ConnectionTests {
    @Test func parametersAreBoundNotSpliced() throws {
        let connection = try TestDatabase("params").connect()
        let hostile = "x'); DROP TABLE t; --"
        let row = try #require(try connection.query("SELECT $1::text AS v, $2::int + 1 AS n, $3::text AS missing",
                                                   [hostile, "41", nil]).rows.first)
        #expect(try row.string("v") == hostile)
        #expect(try row.int("n") == 42)
        #expect(try row.optionalString("missing") == nil)
    }

    @Test func typedArraysRoundTrip() throws {
        let connection = try TestDatabase("arrays").connect()
        let values = ["plain", "with space", "quote\"d", "back\\slash", "comma,here", "{braces}", "NULL", "", "ünïcode"]
        let row = try #require(try connection.query("SELECT $1::text[] AS a", [PostgresArray.literal(values)]).rows.first)
        #expect(try row.stringArray("a") == values)
    }

    @Test func serverErrorsCarrySQLStateAndMessage() throws {
        let connection = try TestDatabase("errors").connect()
        let error = #expect(throws: PostgresError.self) { try connection.query("SELECT * FROM no_such_table") }
        #expect(error?.sqlState == "42P01")
        #expect(error?.description == "relation \"no_such_table\" does not exist")
        #expect(error?.position == 15)
    }

    @Test func statementTimeoutIsReported() throws {
        let connection = try TestDatabase("timeout").connect()
        let error = #expect(throws: PostgresError.self) {
            try connection.readOnlySnapshot(statementTimeoutMilliseconds: 50) {
                try connection.query("SELECT pg_sleep(5)")
            }
        }
        #expect(error?.isTimeout == true)
    }

    @Test func readOnlySnapshotCannotWrite() throws {
        let connection = try TestDatabase("read_only", sql: "CREATE TABLE t (id int)").connect()
        let error = #expect(throws: PostgresError.self) {
            try connection.readOnlySnapshot { try connection.execute("INSERT INTO t VALUES (1)") }
        }
        #expect(error?.sqlState == "25006")
        // The connection is usable afterwards: the transaction was rolled back.
        #expect(try connection.query("SELECT count(*) AS n FROM t").rows.first?.int("n") == 0)
    }

    @Test func everyLibpqFormConnects() throws {
        let database = try TestDatabase("forms")
        let server = try TestServer.server()
        let keyValue = "host=\(server.directory) user=postgres dbname=\(database.name)"
        let url = "postgresql://postgres@/\(database.name)?host=\(server.directory)"
        for form in [keyValue, url] {
            let connection = try PostgresConnection(form)
            #expect(try connection.query("SELECT current_database() AS d").rows.first?.string("d") == database.name)
        }
    }

    @Test func passwordsNeverAppearInErrors() throws {
        let server = try TestServer.server()
        let secret = "hunter2-very-secret"
        let forms = [
            "postgresql://nobody:\(secret)@/nodb?host=\(server.directory)",
            "host=\(server.directory) user=nobody password=\(secret) dbname=nodb",
            "host=\(server.directory) user=nobody password='\(secret)' dbname=nodb connect_timeout=bogus",
            "postgresql://nobody:\(secret)@localhost:1/nodb",
            "host=x password=\(secret) nonsense",
        ]
        for form in forms {
            let error = #expect(throws: PostgresError.self) { try PostgresConnection(form) }
            let text = "\(error.map { "\($0)" } ?? "") \(ConnectionString(form))"
            #expect(!text.contains(secret), "leaked in: \(text)")
            #expect(error?.kind == .connection)
        }
    }
}
