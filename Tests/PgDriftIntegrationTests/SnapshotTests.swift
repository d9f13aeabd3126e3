import Foundation
import PgDrift
import PgDriftTestSupport
import Testing

@Suite struct SnapshotTests {
    @Test func sameDatabaseGivesIdenticalBytes() throws {
        let database = try TestDatabase("determinism", sql: IntrospectionTests.everyKind)
        let first = try Snapshot(catalog: database.catalog()).jsonData()
        let second = try Snapshot(catalog: database.catalog()).jsonData()
        #expect(first == second)
        // And two databases built from the same SQL give the same snapshot too.
        let twin = try TestDatabase("determinism_twin", sql: IntrospectionTests.everyKind)
        #expect(try Snapshot(catalog: twin.catalog()).jsonData() == first)
    }

    @Test func roundTripsThroughJSON() throws {
        let catalog = try TestDatabase("round_trip", sql: IntrospectionTests.everyKind).catalog()
        let decoded = try Snapshot.decode(Snapshot(catalog: catalog, serverVersion: 150000).jsonData())
        #expect(decoded.catalog == catalog)
        #expect(decoded.serverVersion == 150000)
    }

    @Test func privilegesAreReadOnlyWhenAsked() throws {
        try TestDatabase.executeInCluster("""
            DO $$ BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pgdrift_reader') THEN
                CREATE ROLE pgdrift_reader;
              END IF;
            END $$
            """)
        let database = try TestDatabase("grants", sql: """
            CREATE TABLE t (id int);
            GRANT SELECT, INSERT ON t TO pgdrift_reader;
            GRANT UPDATE ON t TO PUBLIC;
            CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';
            REVOKE EXECUTE ON FUNCTION f() FROM PUBLIC;
            GRANT EXECUTE ON FUNCTION f() TO pgdrift_reader WITH GRANT OPTION;
            """)
        let without = try database.catalog()
        #expect(without.tables[QualifiedName("public", "t")]?.grants == [])
        let with = try database.catalog(IntrospectionOptions(includePrivileges: true))
        #expect(with.tables[QualifiedName("public", "t")]?.grants == [
            Grant(grantee: "PUBLIC", privilege: "UPDATE"),
            Grant(grantee: "pgdrift_reader", privilege: "INSERT"),
            Grant(grantee: "pgdrift_reader", privilege: "SELECT"),
        ])
        #expect(with.functions.sorted.first?.grants == [Grant(grantee: "pgdrift_reader", privilege: "EXECUTE", isGrantable: true)])
    }
}
