import PgDrift
import PgDriftTestSupport
import Testing

/// check and explain read the role's access with the schema: still a fixed number of queries.
@Suite struct InspectionQueryCountTests {
    func statements(forTables tables: Int) throws -> (catalog: Int, inspection: Int, explain: Int) {
        let database = try TestDatabase("inspect_count_\(tables)", sql: QueryCountTests.schema(tables: tables))
        let connection = try database.connect()
        var before = connection.queryCount
        _ = try Introspector().catalog(from: connection)
        let catalog = connection.queryCount - before
        before = connection.queryCount
        let inspection = try Introspector().inspect(from: connection)
        #expect(inspection.catalog.tables.count == tables)
        // A table and a view each (no sequences: the keys are not serial).
        #expect(inspection.access.relations.count == 2 * tables)
        let inspected = connection.queryCount - before
        before = connection.queryCount
        _ = try Introspector().inspect(from: connection) { connection, _ in try connection.query("SELECT 1") }
        return (catalog, inspected, connection.queryCount - before)
    }

    @Test func sameNumberOfStatementsForOneAndTwoHundredTables() throws {
        let small = try statements(forTables: 1)
        let large = try statements(forTables: 200)
        #expect(small == large)
        #expect(small.catalog == 23 && small.inspection == 26 && small.explain == 27)
    }
}
