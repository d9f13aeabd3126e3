import PgDrift
import Testing

/// Where each object of a set of migrations was declared, and which statement wins when several touch it.
@Suite struct SourceMapTests {
    static func sources(_ files: [(String, String)], functions: [Function] = []) throws -> [ObjectID: PgDriftModel.SourceLocation] {
        var recorder = SourceMapRecorder()
        for (name, sql) in files { recorder.record(try ParsedScript(sql), file: name) }
        return recorder.sources(for: Catalog(functions: ObjectSet(functions)))
    }

    /// `file:line` of an object, for short expectations.
    static func line(
        _ sources: [ObjectID: PgDriftModel.SourceLocation], _ kind: ObjectKind, _ name: String, schema: String = "public", on relation: String? = nil
    ) -> String? {
        sources[ObjectID(kind: kind, schema: schema, relation: relation, name: name)].map { "\($0.file):\($0.line)" }
    }

    @Test func tablesColumnsAndGeneratedConstraintNames() throws {
        let sources = try Self.sources([("1.sql", """
            CREATE TABLE users (
                id bigint PRIMARY KEY,
                email text UNIQUE,
                age int CHECK (age > 0),
                team_id int REFERENCES teams (id),
                a int, b int,
                CHECK (a < b),
                UNIQUE (a, b)
            );
            CREATE INDEX ON users (lower(email));
            CREATE INDEX ON users (a);
            CREATE INDEX ON users (a);
            """)])
        #expect(Self.line(sources, .table, "users") == "1.sql:1")
        #expect(Self.line(sources, .column, "email", on: "users") == "1.sql:3")
        #expect(Self.line(sources, .constraint, "users_pkey", on: "users") == "1.sql:2")
        #expect(Self.line(sources, .constraint, "users_email_key", on: "users") == "1.sql:3")
        #expect(Self.line(sources, .constraint, "users_age_check", on: "users") == "1.sql:4")
        #expect(Self.line(sources, .constraint, "users_team_id_fkey", on: "users") == "1.sql:5")
        #expect(Self.line(sources, .constraint, "users_check", on: "users") == "1.sql:7")
        #expect(Self.line(sources, .constraint, "users_a_b_key", on: "users") == "1.sql:8")
        #expect(Self.line(sources, .index, "users_lower_idx", on: "users") == "1.sql:10")
        #expect(Self.line(sources, .index, "users_a_idx", on: "users") == "1.sql:11")
        #expect(Self.line(sources, .index, "users_a_idx1", on: "users") == "1.sql:12")
    }

    @Test func laterStatementsMoveRenameAndDrop() throws {
        let sources = try Self.sources([
            ("001.sql", "CREATE TABLE t (a int, b int, c int);\nCREATE TABLE gone (x int);\n"),
            ("002.sql", """
                ALTER TABLE t
                    ALTER COLUMN a TYPE bigint;
                ALTER TABLE t ALTER COLUMN b SET DEFAULT 1;
                ALTER TABLE t RENAME COLUMN c TO d;
                ALTER TABLE t ADD COLUMN IF NOT EXISTS a int;
                ALTER TABLE t RENAME TO renamed;
                DROP TABLE gone;
                CREATE TABLE IF NOT EXISTS renamed (z int);
                """),
        ])
        #expect(Self.line(sources, .column, "a", on: "renamed") == "002.sql:2")
        #expect(Self.line(sources, .column, "b", on: "renamed") == "002.sql:3")
        #expect(Self.line(sources, .column, "c", on: "renamed") == nil)
        #expect(Self.line(sources, .column, "d", on: "renamed") == "002.sql:4")
        #expect(Self.line(sources, .table, "renamed") == "002.sql:6")
        #expect(Self.line(sources, .column, "z", on: "renamed") == nil)
        #expect(Self.line(sources, .table, "t") == nil)
        #expect(Self.line(sources, .table, "gone") == nil)
    }

    @Test func searchPathQuotedNamesAndSchemaObjects() throws {
        let sources = try Self.sources([("s.sql", """
            CREATE SCHEMA "App";
            SET search_path TO "App", public;
            CREATE TYPE mood AS ENUM ('a');
            CREATE TABLE "Users" ("Id" serial PRIMARY KEY);
            ALTER TYPE mood ADD VALUE 'b';
            CREATE POLICY "Read all" ON "Users" FOR SELECT USING (true);
            CREATE SEQUENCE public.counter;
            CREATE VIEW v AS SELECT 1 AS one;
            CREATE TRIGGER t BEFORE INSERT ON "Users" FOR EACH ROW EXECUTE FUNCTION f();
            """)])
        #expect(Self.line(sources, .schema, "App", schema: "App") == "s.sql:1")
        #expect(Self.line(sources, .enum, "mood", schema: "App") == "s.sql:5")
        #expect(Self.line(sources, .table, "Users", schema: "App") == "s.sql:4")
        #expect(Self.line(sources, .column, "Id", schema: "App", on: "Users") == "s.sql:4")
        #expect(Self.line(sources, .sequence, "Users_Id_seq", schema: "App") == "s.sql:4")
        #expect(Self.line(sources, .constraint, "Users_pkey", schema: "App", on: "Users") == "s.sql:4")
        #expect(Self.line(sources, .policy, "Read all", schema: "App", on: "Users") == "s.sql:6")
        #expect(Self.line(sources, .sequence, "counter") == "s.sql:7")
        #expect(Self.line(sources, .view, "v", schema: "App") == "s.sql:8")
        #expect(Self.line(sources, .trigger, "t", schema: "App", on: "Users") == "s.sql:9")
    }

    @Test func functionsMatchTheCatalogsIdentityArguments() throws {
        let functions = [
            Function(name: QualifiedName("public", "f"), identityArguments: "a integer", returnType: "integer", language: "sql", body: ""),
            Function(name: QualifiedName("public", "f"), identityArguments: "a text, VARIADIC b character varying[]", returnType: "integer", language: "sql", body: ""),
            Function(name: QualifiedName("public", "g"), identityArguments: "", returnType: "integer", language: "sql", body: ""),
        ]
        let sources = try Self.sources([("f.sql", """
            CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'SELECT 1';
            CREATE FUNCTION f(a text, OUT x int, VARIADIC b varchar[]) LANGUAGE sql AS 'SELECT 1';
            CREATE FUNCTION g() RETURNS int LANGUAGE sql AS 'SELECT 1';
            CREATE OR REPLACE FUNCTION f(a integer) RETURNS int LANGUAGE sql AS 'SELECT 2';
            CREATE FUNCTION h() RETURNS int LANGUAGE sql AS 'SELECT 1';
            DROP FUNCTION h();
            """)], functions: functions)
        #expect(Self.line(sources, .function, "f(a integer)") == "f.sql:4")
        #expect(Self.line(sources, .function, "f(a text, VARIADIC b character varying[])") == "f.sql:2")
        #expect(Self.line(sources, .function, "g()") == "f.sql:3")
        #expect(!sources.keys.contains { $0.name.hasPrefix("h(") })
    }
}
