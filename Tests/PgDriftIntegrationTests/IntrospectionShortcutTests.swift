import PgDrift
import PgDriftTestSupport
import Testing

/// The shortcuts that make introspection fast at 10,000 tables give the same answers as the slow,
/// obvious catalog calls: checks read through pg_get_constraintdef, columns named from attribute
/// numbers on the client, types formatted once per distinct (type, modifier, collation).
@Suite struct IntrospectionShortcutTests {
    static let schema = """
        CREATE SCHEMA other;
        CREATE TABLE other.parent (a int, b text, UNIQUE (b, a));
        CREATE TABLE t (
          x int, y text COLLATE "C", z numeric(6,2), w character(3), v varchar, u int[][], dropped int,
          CHECK (x > 0 OR y IS NULL),
          CONSTRAINT "odd name" CHECK ((x) < (100)) NO INHERIT,
          FOREIGN KEY (y, x) REFERENCES other.parent (b, a)
        );
        ALTER TABLE t DROP COLUMN dropped;
        ALTER TABLE t ADD COLUMN after_drop int DEFAULT 7;
        ALTER TABLE t ADD CONSTRAINT later CHECK (after_drop BETWEEN 1 AND 10) NOT VALID;
        ALTER TABLE t ADD CONSTRAINT both_ways CHECK (z > 0) NO INHERIT NOT VALID;
        ALTER TABLE t ADD CONSTRAINT keyed UNIQUE (after_drop, x);
        CREATE INDEX t_keys ON t (after_drop, y COLLATE "POSIX") INCLUDE (z);
        """

    @Test func checksReadTheWayPgGetExprPrintsThem() throws {
        let database = try TestDatabase("shortcut_checks", sql: Self.schema + IntrospectionTests.everyKind)
        let connection = try database.connect()
        let oracle = try connection.query("""
            SELECT n.nspname, c.relname, con.conname, pg_get_expr(con.conbin, con.conrelid) AS expression
            FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE con.contype = 'c' AND con.conislocal
            """).rows
        #expect(oracle.count >= 6)
        let catalog = try database.catalog()
        for row in oracle {
            let table = catalog.tables[QualifiedName(row["nspname"]!, row["relname"]!)]
            let constraint = table?.constraints[row["conname"]!]
            #expect(constraint?.expression == row["expression"], "\(row["relname"]!).\(row["conname"]!)")
        }
    }

    @Test func columnsAreNamedAcrossDroppedColumnsAndSchemaFilters() throws {
        let database = try TestDatabase("shortcut_names", sql: Self.schema)
        for schemas in [[String](), ["public"]] {
            var options = IntrospectionOptions()
            options.schemas = schemas
            let catalog = try database.catalog(options)
            let table = try #require(catalog.tables[QualifiedName("public", "t")])
            #expect(table.constraints["keyed"]?.columns == ["after_drop", "x"])
            let foreignKey = try #require(table.constraints.first { $0.kind == .foreignKey })
            #expect(foreignKey.columns == ["y", "x"])
            // With only public read, other.parent's columns come from the query, not the client.
            #expect(foreignKey.references?.columns == ["b", "a"])
            let index = try #require(table.indexes["t_keys"])
            #expect(index.keys.map(\.column) == ["after_drop", "y"])
            #expect(index.keys.map(\.collation) == [nil, QualifiedName("pg_catalog", "POSIX")])
            #expect(index.include == ["z"])
        }
    }

    @Test func typesAndCollationsMatchFormatType() throws {
        let database = try TestDatabase("shortcut_types", sql: Self.schema)
        let connection = try database.connect()
        let oracle = try connection.query("""
            SELECT a.attname, format_type(a.atttypid, a.atttypmod) AS type, co.collname
            FROM pg_attribute a LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> 100
            WHERE a.attrelid = 'public.t'::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum
            """).rows
        let table = try #require(try database.catalog().tables[QualifiedName("public", "t")])
        #expect(table.columns.map(\.name) == oracle.map { $0["attname"]! })
        for (column, row) in zip(table.columns, oracle) {
            // format_type writes arrays once ("integer[]") whatever the declared dimensions.
            let type = column.type.isArray ? column.type.element.description + "[]" : column.type.description
            #expect(type == row["type"], "\(column.name)")
            #expect(column.collation?.name == row["collname"], "\(column.name)")
        }
        #expect(table.columns.first { $0.name == "after_drop" }?.defaultExpression == "7")
    }

    @Test func rowByRowQueriesStopCleanlyAndLeaveTheConnectionUsable() throws {
        let database = try TestDatabase("shortcut_rows")
        let connection = try database.connect()
        var seen: [String] = []
        #expect(throws: PostgresError.self) {
            try connection.forEachRow("SELECT (10 / (5 - x))::text AS v FROM generate_series(1, 10) x") { seen.append($0["v"]!) }
        }
        #expect(seen == ["2", "3", "5", "10"])
        struct Stop: Error {}
        var count = 0
        #expect(throws: Stop.self) {
            try connection.forEachRow("SELECT x FROM generate_series(1, 1000) x") { _ in
                count += 1
                if count == 3 { throw Stop() }
            }
        }
        #expect(count == 3)
        #expect(try connection.query("SELECT 41 + 1 AS v").rows[0]["v"] == "42")
    }
}
