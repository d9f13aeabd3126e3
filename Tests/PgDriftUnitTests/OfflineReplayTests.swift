import PgDrift
import Testing

/// The offline replay on its own (no server): what it builds, what it skips, and where it stops.
@Suite struct OfflineReplayTests {
    static func load(_ sql: String...) throws -> OfflineSchemaLoader.Outcome {
        try OfflineSchemaLoader.load(sql.enumerated().map { (path: "\($0.offset + 1).sql", sql: $0.element) })
    }

    static func catalog(_ sql: String...) throws -> (Catalog, [String]) {
        let outcome = try OfflineSchemaLoader.load(sql.enumerated().map { (path: "\($0.offset + 1).sql", sql: $0.element) })
        guard case .exact(let catalog, let notes) = outcome else {
            Issue.record("fell back: \(outcome)")
            return (Catalog(), [])
        }
        return (catalog, notes)
    }

    @Test func tablesFollowSearchPathRenamesAndIfNotExists() throws {
        let (catalog, notes) = try Self.catalog(
            "CREATE SCHEMA app; SET search_path TO app, public; CREATE TABLE t (id int PRIMARY KEY, name varchar(20) DEFAULT 'x');",
            "INSERT INTO app.t VALUES (1); CREATE TABLE IF NOT EXISTS app.t (other text); ALTER TABLE app.t RENAME COLUMN name TO label;")
        let table = try #require(catalog.tables[QualifiedName("app", "t")])
        #expect(table.columns.map(\.name) == ["id", "label"])
        #expect(table.columns[0].isNotNull)  // a primary key column is NOT NULL
        #expect(table.columns[1].type == DataType("character varying(20)"))
        #expect(table.primaryKey?.name == "t_pkey")
        #expect(catalog.sources[ObjectID(kind: .column, schema: "app", relation: "t", name: "label")] == SourceLocation(file: "2.sql", line: 1))
        #expect(notes == ["read offline; skipped 1 INSERT (no effect on the modelled schema)"])  // SET search_path is applied, not skipped
    }

    @Test func enumValuesInOrder() throws {
        let (catalog, _) = try Self.catalog("""
            CREATE TYPE mood AS ENUM ('sad', 'happy');
            ALTER TYPE mood ADD VALUE 'ok' BEFORE 'happy';
            ALTER TYPE mood ADD VALUE IF NOT EXISTS 'sad';
            ALTER TYPE mood ADD VALUE 'great';
            """)
        #expect(catalog.enums[QualifiedName("public", "mood")]?.values == ["sad", "ok", "happy", "great"])
    }

    /// What the replay cannot reproduce exactly stops it, at the statement's file and line.
    @Test(arguments: [
        ("CREATE TABLE t (id int);\nCREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';", "1.sql:2: CREATE FUNCTION is not read offline"),
        ("CREATE TABLE t (a int, b int);\nCREATE TABLE u (a int REFERENCES t (b));", "1.sql:2: a foreign key the server would refuse or match differently"),
        ("CREATE TABLE t (a int CHECK (a IN (1, 2)));", "1.sql:1: an operator form the server rewrites (IN, BETWEEN, LIKE, ...) is not read offline"),
        ("CREATE TABLE t (a int CHECK (b > 0));", "1.sql:1: a check reading a column that is not in its table"),
        ("CREATE TABLE t (a int);\nBEGIN;\nDROP TABLE t;\nROLLBACK;", "1.sql:4: ROLLBACK is not read offline"),
        ("CREATE TABLE t (a citext);", "1.sql:1: type citext is not read offline"),
    ])
    func stopsWhereTheServerIsNeeded(sql: String, reason: String) throws {
        guard case .needsServer(let found) = try Self.load(sql) else {
            Issue.record("read offline: \(sql)")
            return
        }
        #expect(found == reason)
    }

    @Test func syntaxErrorsAreBadInputWithFileLineAndColumn() {
        #expect(throws: ExpectedSchemaError.self) { try Self.load("CREATE TABLE ok (a int);", "SELECT 1;\nCREATE TABEL t (a int);") }
        do { _ = try Self.load("SELECT 1;\nCREATE TABEL t (a int);") } catch {
            #expect("\(error)" == "1.sql:2:8: syntax error at or near \"TABEL\"")
        }
    }
}
