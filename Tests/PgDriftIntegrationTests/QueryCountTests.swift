import PgDrift
import PgDriftTestSupport
import Testing

/// Introspection costs a fixed number of queries whatever the schema's size.
@Suite struct QueryCountTests {
    static func schema(tables: Int) -> String {
        (0..<tables).map { i in
            """
            CREATE TABLE t\(i) (id bigint PRIMARY KEY, name text NOT NULL DEFAULT 'n', parent bigint REFERENCES t0(id),
              CHECK (length(name) < 100));
            CREATE INDEX t\(i)_name ON t\(i) (name);
            ALTER TABLE t\(i) ENABLE ROW LEVEL SECURITY;
            CREATE POLICY p\(i) ON t\(i) USING (true);
            CREATE VIEW v\(i) AS SELECT id FROM t\(i);
            CREATE FUNCTION f\(i)() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            CREATE TRIGGER tr\(i) BEFORE INSERT ON t\(i) FOR EACH ROW EXECUTE FUNCTION f\(i)();
            """
        }.joined(separator: "\n")
    }

    func queries(forTables tables: Int) throws -> (Int, Catalog) {
        let database = try TestDatabase("count_\(tables)", sql: Self.schema(tables: tables))
        let connection = try database.connect()
        let before = connection.queryCount
        let catalog = try Introspector().catalog(from: connection).catalog
        return (connection.queryCount - before, catalog)
    }

    @Test func sameNumberOfQueriesForOneAndTwoHundredTables() throws {
        let (small, smallCatalog) = try queries(forTables: 1)
        let (large, largeCatalog) = try queries(forTables: 200)
        #expect(smallCatalog.tables.count == 1)
        #expect(largeCatalog.tables.count == 200)
        #expect(largeCatalog.views.count == 200 && largeCatalog.functions.count == 200)
        #expect(largeCatalog.tables.allSatisfy { $0.policies.count == 1 && $0.triggers.count == 1 && $0.indexes.count == 1 })
        #expect(small == large)
        #expect(small < 25)
    }
}
