import PgDrift
import PgDriftIntrospection
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

    /// Checks are deparsed once per distinct tree and column names: trees equal but for where they
    /// stood in their statement share a text; equal trees naming other columns, a whole row or a
    /// system column do not.
    @Test func checksSharingATreeAreDeparsedOnceAndNamedByTheirOwnColumns() throws {
        let database = try TestDatabase("shortcut_shared_checks", sql: """
            CREATE TABLE a (x int CHECK (x > 0));
            CREATE TABLE a_longer_name (x int CHECK (x > 0));
            CREATE TABLE b (y int CHECK (y > 0));
            CREATE TABLE c (p int, q int, CHECK (p > q));
            CREATE TABLE d (q int, p int, CHECK (q > p));
            CREATE TABLE e (p int, q int, CHECK (p > q) NO INHERIT);
            CREATE TABLE f (x int, CONSTRAINT whole CHECK (f IS NOT NULL));
            CREATE TABLE g (x int, CONSTRAINT whole CHECK (g IS NOT NULL));
            CREATE TABLE h (x int, CONSTRAINT system CHECK (tableoid <> 0 AND x > 0));
            CREATE TABLE i (x int, CONSTRAINT system CHECK (tableoid <> 0 AND x > 0));
            """)
        let catalog = try database.catalog()
        func check(_ table: String) -> String? { catalog.tables[QualifiedName("public", table)]?.constraints.sorted.first?.expression }
        #expect(check("a") == "(x > 0)")
        #expect(check("a_longer_name") == "(x > 0)")
        #expect(check("b") == "(y > 0)")
        #expect(check("c") == "(p > q)")
        #expect(check("d") == "(q > p)")
        #expect(check("e") == "(p > q)")
        #expect(catalog.tables[QualifiedName("public", "e")]?.constraints.sorted.first?.isNoInherit == true)
        #expect(check("f") == "(f.* IS NOT NULL)")
        #expect(check("g") == "(g.* IS NOT NULL)")
        #expect(check("h") == "((tableoid <> (0)::oid) AND (x > 0))")
        #expect(check("i") == "((tableoid <> (0)::oid) AND (x > 0))")
    }

    @Test func aTreeWithoutItsSourcePositions() {
        let tree = "{OPEXPR :opno 521 :args ({VAR :varno 1 :varattno 1 :location 36} {CONST :consttype 23 :location -1 :constvalue 4 [ 0 0 0 0 0 0 0 0 ]}) :location 38}"
        #expect(CheckExpressionsQuery.withoutLocations(tree)
            == "{OPEXPR :opno 521 :args ({VAR :varno 1 :varattno 1} {CONST :consttype 23 :constvalue 4 [ 0 0 0 0 0 0 0 0 ]})}")
        #expect(CheckExpressionsQuery.withoutLocations(":locations 5 :location") == ":locations 5 :location")
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
        #expect(Self.rowsSeen(stoppingAt: 3, of: 1000, on: connection) == 3)
        #expect(try connection.query("SELECT 41 + 1 AS v").rows[0]["v"] == "42")
    }

    /// Reads `total` rows with `forEachRow`, its body throwing at row `stop`: the rows the body saw,
    /// or -1 if the error did not come out.
    static func rowsSeen(stoppingAt stop: Int, of total: Int, on connection: PostgresConnection) -> Int {
        struct Stop: Error {}
        var count = 0
        do {
            try connection.forEachRow("SELECT x FROM generate_series(1, $1::int) x", [String(total)]) { _ in
                count += 1
                if count == stop { throw Stop() }
            }
        } catch is Stop {
            return count
        } catch {}
        return -1
    }

    /// In a transaction the rows come through a cursor, a page at a time: every row once and in order
    /// across pages (a last page that is full, and one that is not), an error or a stop mid-way leaves
    /// no cursor behind, and each read counts as one query.
    @Test func cursorReadsPageByPage() throws {
        let database = try TestDatabase("shortcut_pages")
        let connection = try database.connect()
        try connection.readOnlySnapshot {
            for total in [0, 1, 40_000, 45_001] {
                var seen = 0
                var inOrder = true
                let before = connection.queryCount
                try connection.forEachRow("SELECT x FROM generate_series(1, $1::int) x", [String(total)]) { row in
                    seen += 1
                    if try row.int(at: 0) != seen { inOrder = false }
                }
                #expect(seen == total && inOrder, "\(total) rows")
                #expect(connection.queryCount == before + 1)
            }
            #expect(Self.rowsSeen(stoppingAt: 30_000, of: 50_000, on: connection) == 30_000)
            // The cursor was closed: its name is free for the next read.
            var after = 0
            try connection.forEachRow("SELECT 1 AS v") { _ in after += 1 }
            #expect(after == 1)
        }
        #expect(throws: PostgresError.self) {
            try connection.readOnlySnapshot {
                try connection.forEachRow("SELECT (1 / (30000 - x))::text AS v FROM generate_series(1, 40000) x") { _ in }
            }
        }
        #expect(try connection.query("SELECT 41 + 1 AS v").rows[0]["v"] == "42")
    }
}
