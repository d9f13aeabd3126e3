import PgDrift
import PgDriftTestSupport
import Testing

/// The offline replay on its own (no server): what it builds, what it skips, and where it stops.
@Suite struct OfflineReplayTests {
    static func load(_ sql: String...) throws -> OfflineSchemaLoader.Outcome {
        // Statements only a superuser may run are refused by default (ShadowSafetyTests): here, where the
        // replay stops is what is tested.
        try OfflineSchemaLoader.load(sql.enumerated().map { (path: "\($0.offset + 1).sql", sql: $0.element) }, refuseSuperuserStatements: false)
    }

    static func catalog(_ sql: String...) throws -> (Catalog, [String]) {
        let outcome = try OfflineSchemaLoader.load(sql.enumerated().map { (path: "\($0.offset + 1).sql", sql: $0.element) })
        guard case .exact(let catalog, let notes) = outcome else {
            Issue.record("fell back: \(outcome)")
            return (Catalog(), [])
        }
        return (catalog, notes)
    }

    /// COMMENT ON POLICY is read (it deferred); a range type defers, saying which statement.
    @Test func policyCommentsReadAndRangeTypesDefer() throws {
        let (catalog, _) = try Self.catalog(
            "CREATE TABLE t (id int); CREATE POLICY reads ON t FOR SELECT USING (true); COMMENT ON POLICY reads ON t IS 'everyone';")
        #expect(catalog.tables[QualifiedName("public", "t")]?.policies["reads"]?.comment == "everyone")
        let outcome = try Self.load("CREATE TYPE span AS RANGE (subtype = integer);")
        guard case .needsServer(let reason) = outcome else {
            Issue.record("read a range type offline: \(outcome)")
            return
        }
        #expect(reason == "1.sql:1: CREATE TYPE AS RANGE is not read offline")
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

    /// What provably changes no modelled object is passed over and counted: a DO block of queries and
    /// notices, DML, pg_dump's settings, and `set_config('search_path', ...)`, which is applied.
    @Test func inertStatementsArePassedOver() throws {
        let (catalog, notes) = try Self.catalog("""
            SET statement_timeout = 0;
            SET standard_conforming_strings = on;
            SELECT pg_catalog.set_config('search_path', 'app, public', false);
            CREATE SCHEMA app;
            CREATE TABLE t (id int);
            INSERT INTO t VALUES (1);
            DO $$
            DECLARE n int;
            BEGIN
              SELECT count(*) INTO n FROM t;
              IF n > 0 THEN RAISE NOTICE 'rows: %', n; END IF;
              UPDATE t SET id = id + 1 WHERE lower('x') = 'x';
            END $$;
            """)
        #expect(catalog.tables.map(\.name.description) == ["app.t"])
        #expect(notes == ["read offline; skipped 1 DO block, 1 INSERT, 1 SELECT, 2 SETs (no effect on the modelled schema)"])
    }

    /// Found by the real-world corpus: bacula's catalog (SET STATISTICS) and PowerDNS's schema
    /// (text_pattern_ops on a varchar column) fell back to a shadow database.
    @Test func statisticsStorageAndPatternOpsOnVarcharAreReadOffline() throws {
        let (catalog, _) = try Self.catalog("""
            CREATE TABLE r (id bytea, ordername varchar(255));
            ALTER TABLE r ALTER COLUMN ordername SET STATISTICS 1000;
            ALTER TABLE r ALTER COLUMN id SET STORAGE PLAIN;
            CREATE INDEX recordorder ON r (ordername text_pattern_ops);
            """)
        let index = try #require(catalog.tables[QualifiedName("public", "r")]?.indexes["recordorder"])
        #expect(index.keys.map(\.operatorClass) == [QualifiedName("pg_catalog", "text_pattern_ops")])
        guard case .needsServer(let why) = try Self.load("CREATE TABLE r (a text); ALTER TABLE r ALTER COLUMN b SET STATISTICS 10;") else {
            Issue.record("a missing column was read offline")
            return
        }
        #expect(why.hasSuffix("ALTER TABLE SetStatistics of a column that does not exist here"), "\(why)")
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
        ("CREATE TABLE t (id int);\nCREATE FUNCTION f() RETURNS int LANGUAGE c AS 'lib', 'f';", "1.sql:2: a function in a loadable module is not read offline"),
        ("CREATE FUNCTION f(a jsonb DEFAULT '{}') RETURNS int LANGUAGE sql AS 'SELECT 1';", "1.sql:1: a default of this type is not read offline"),
        ("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';\nCREATE OR REPLACE FUNCTION f() RETURNS bigint LANGUAGE sql AS 'SELECT 1';",
         "1.sql:2: CREATE OR REPLACE changing a function's signature or result is not read offline"),
        ("CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS 'BEGIN RETURN 1 END';", "1.sql:1: a function body libpg_query cannot parse"),
        ("CREATE FUNCTION f() RETURNS int LANGUAGE sql RETURN 1;", "1.sql:1: a SQL-standard function body is not read offline"),
        ("CREATE TABLE t (a int);\nCREATE FUNCTION g() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';\n"
            + "CREATE TRIGGER tg BEFORE UPDATE ON t FOR EACH ROW WHEN (NEW.a > 0) EXECUTE FUNCTION g();\nALTER TABLE t RENAME a TO b;",
         "1.sql:4: renaming column a, which a check, index, policy or trigger condition reads"),
        ("CREATE TABLE t (a int);\nCREATE FUNCTION g() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';\n"
            + "CREATE TRIGGER tg BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION g();\nDROP FUNCTION g();", "1.sql:4: dropping function public.g(), which a trigger calls"),
        ("CREATE TABLE t (a int);\nCREATE TRIGGER tg AFTER INSERT ON t EXECUTE FUNCTION suppress_redundant_updates_trigger();",
         "1.sql:2: trigger function suppress_redundant_updates_trigger() is not read offline"),
        ("CREATE TABLE t (a int, b int);\nCREATE TABLE u (a int REFERENCES t (b));", "1.sql:2: a foreign key the server would refuse or match differently"),
        ("CREATE TABLE t (a int CHECK (a BETWEEN SYMMETRIC 1 AND 2));", "1.sql:1: an operator form the server rewrites (IN, BETWEEN, LIKE, ...) is not read offline"),
        ("CREATE TABLE t (a int CHECK (b > 0));", "1.sql:1: a check reading a column that is not in its table"),
        ("BEGIN;\nCREATE TABLE t (a int);\nCOMMIT AND CHAIN;\nCOMMIT;", "1.sql:3: COMMIT AND CHAIN is not read offline"),
        ("BEGIN;\nCREATE TABLE t (a int);", "1.sql:2: a transaction left open at the end of the file"),
        ("CREATE TABLE t (a citext);", "1.sql:1: type citext is not read offline"),
        ("CREATE EXTENSION IF NOT EXISTS plpgsql;\nCREATE EXTENSION plpgsql;", "1.sql:2: extension plpgsql already exists"),
        ("CREATE TABLE t (a int);\nCREATE VIEW v AS SELECT a FROM t UNION SELECT a FROM t ORDER BY a;", "1.sql:2: ORDER BY, LIMIT or WITH on a UNION is not read offline"),
        ("CREATE TABLE t (a int);\nCREATE MATERIALIZED VIEW v WITH (fillfactor = 50) AS SELECT a FROM t;",
         "1.sql:2: CREATE TABLE AS with options is not read offline"),
        ("CREATE TABLE p (a int) PARTITION BY RANGE ((a + 1));", "1.sql:1: a partition key with an expression, collation or operator class is not read offline"),
        ("CREATE TABLE p (a date) PARTITION BY RANGE (a);\nCREATE TABLE c PARTITION OF p FOR VALUES FROM ('2025-02-29') TO ('2026-01-01');",
         "1.sql:2: a date bound not written as YYYY-MM-DD is not read offline"),
        ("CREATE TABLE p (a int) PARTITION BY LIST (a);\nCREATE FUNCTION g() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';\n"
            + "CREATE TRIGGER tg AFTER INSERT ON p FOR EACH ROW EXECUTE FUNCTION g();", "1.sql:3: a trigger on a partitioned table or partition is not read offline"),
        ("CREATE TABLE p (a int GENERATED ALWAYS AS IDENTITY) PARTITION BY LIST (a);",
         "1.sql:1: an identity or generated column in a partitioned table is not read offline"),
        ("CREATE TABLE p (a int);\nCREATE TABLE c (b int) INHERITS (p);", "1.sql:2: CREATE TABLE ... INHERITS is not read offline"),
        ("CREATE TABLE p (a timestamptz) PARTITION BY RANGE (a);\nCREATE TABLE c PARTITION OF p FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');",
         "1.sql:2: a partition bound on a timestamp with time zone key is not read offline"),
        ("CREATE TABLE p (a int) PARTITION BY LIST (a);\nCREATE TABLE c PARTITION OF p FOR VALUES IN (1);\nALTER TABLE p DETACH PARTITION c;",
         "1.sql:3: ALTER TABLE DetachPartition on a partitioned table or partition is not read offline"),
        ("CREATE TABLE p (a int) PARTITION BY LIST (a);\nCREATE TABLE c (a bigint);\nALTER TABLE p ATTACH PARTITION c FOR VALUES IN (1);",
         "1.sql:3: attaching a partition whose columns are not its parent's"),
        ("CREATE TABLE t (a text COLLATE \"en_US\");", "1.sql:1: collation en_US is not read offline"),
        ("CREATE DOMAIN d AS text COLLATE \"C\";", "1.sql:1: a domain COLLATE is not read offline"),
        // DO blocks, queries and settings are passed over only when provably inert (issue 15, class 2).
        ("CREATE TABLE t (a int);\nDO $$ BEGIN\n  CREATE POLICY p ON t USING (true);\nEXCEPTION WHEN duplicate_object THEN NULL;\nEND $$;",
         "1.sql:2: a DO block that runs CREATE POLICY is not read offline"),
        ("CREATE TABLE t (a int);\nDO $$ BEGIN ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0); END $$;",
         "1.sql:2: a DO block that runs ALTER TABLE is not read offline"),
        ("DO $$ BEGIN EXECUTE 'CREATE TABLE t (a int)'; END $$;", "1.sql:1: a DO block with EXECUTE is not read offline"),
        ("DO $$ BEGIN PERFORM make_things(); END $$;", "1.sql:1: a statement calling make_things() is not read offline"),
        ("DO LANGUAGE plperl $$ 1; $$;", "1.sql:1: a DO block in plperl is not read offline"),
        ("CREATE FUNCTION mk() RETURNS void LANGUAGE sql AS 'SELECT 1';\nSELECT mk();", "1.sql:2: a statement calling mk() is not read offline"),
        ("SELECT create_hypertable('t', 'at');", "1.sql:1: a statement calling create_hypertable() is not read offline"),
        ("SELECT lower('X');\nSELECT app.setup();", "1.sql:2: a statement calling app.setup() is not read offline"),
        ("UPDATE pg_catalog.pg_attribute SET attnotnull = true WHERE false;", "1.sql:1: a statement on a system catalog is not read offline"),
        ("SET TimeZone = 'Europe/Paris';", "1.sql:1: SET timezone is not read offline"),
        ("SET standard_conforming_strings = off;", "1.sql:1: SET standard_conforming_strings is not read offline"),
        ("SELECT set_config('DateStyle', 'SQL', false);", "1.sql:1: set_config('datestyle', ...) is not read offline"),
        ("CREATE SCHEMA s;\nCREATE TABLE s.t (a int);\nCREATE SEQUENCE q OWNED BY s.t.a;", "1.sql:3: OWNED BY a column that does not exist or is in another schema"),
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

    /// Routines as the catalog prints them: identity and full arguments, result, settings.
    @Test func functionsAsTheCatalogPrintsThem() throws {
        let (catalog, _) = try Self.catalog("""
            CREATE TYPE mood AS ENUM ('sad', 'happy');
            CREATE FUNCTION f("Name" varchar(20), m mood DEFAULT 'happy', n int DEFAULT NULL, OUT total bigint, OUT "Label" text)
                LANGUAGE sql STABLE SET search_path = "$user", public AS $$ SELECT 1::bigint, 'x' $$;
            CREATE PROCEDURE p(a int[], INOUT b text DEFAULT 'x') LANGUAGE plpgsql AS $$ BEGIN b := a[1]; END $$;
            CREATE FUNCTION t(x numeric) RETURNS TABLE(a int, "B" timestamptz) LANGUAGE sql AS $$ SELECT 1, now() $$;
            COMMENT ON FUNCTION f(varchar, mood, int) IS 'f';
            """, "SET search_path TO nowhere, public;\nCOMMENT ON PROCEDURE p IS 'p';")
        let f = try #require(catalog.overloads(of: QualifiedName("public", "f")).first)
        #expect(f.identityArguments == "\"Name\" character varying, m public.mood, n integer, OUT total bigint, OUT \"Label\" text")
        #expect(f.arguments == "\"Name\" character varying, m public.mood DEFAULT 'happy'::public.mood, n integer DEFAULT NULL::integer, OUT total bigint, OUT \"Label\" text")
        #expect(f.returnType == "record")
        #expect(f.volatility == .stable && f.configuration == ["search_path=\"$user\", public"] && f.comment == "f")
        let p = try #require(catalog.overloads(of: QualifiedName("public", "p")).first)
        #expect(p.kind == .procedure && p.returnType == nil && p.comment == "p")
        #expect(p.arguments == "IN a integer[], INOUT b text DEFAULT 'x'::text")
        let t = try #require(catalog.overloads(of: QualifiedName("public", "t")).first)
        #expect(t.arguments == "x numeric" && t.returnType == "TABLE(a integer, \"B\" timestamp with time zone)")
        #expect(catalog.sources[ObjectID(kind: .function, schema: "public", name: "t(x numeric)")] == SourceLocation(file: "1.sql", line: 5))
    }

    @Test func triggersFollowRenamesAndSwitches() throws {
        let (catalog, _) = try Self.catalog("""
            CREATE TABLE t (a int, b int);
            CREATE FUNCTION g() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            CREATE TRIGGER tg BEFORE INSERT OR UPDATE OF a, b ON t FOR EACH ROW EXECUTE FUNCTION g('x', 1);
            """, """
            ALTER TABLE t RENAME COLUMN a TO c;
            ALTER TABLE t DISABLE TRIGGER tg;
            ALTER TRIGGER tg ON t RENAME TO tg2;
            """)
        let trigger = try #require(catalog.tables[QualifiedName("public", "t")]?.triggers["tg2"])
        #expect(trigger.updateColumns == ["c", "b"] && trigger.events == [.insert, .update] && trigger.timing == .before)
        #expect(trigger.arguments == ["x", "1"] && trigger.enabled == .disabled && trigger.function == QualifiedName("public", "g"))
    }

    /// Partition keys and bounds as `pg_get_partkeydef` and `pg_get_expr` print them.
    @Test func partitionsAsTheCatalogPrintsThem() throws {
        let (catalog, _) = try Self.catalog("""
            CREATE TABLE "Log" (id int NOT NULL, "Day" date NOT NULL, PRIMARY KEY (id, "Day")) PARTITION BY RANGE (id, "Day");
            CREATE TABLE log_a PARTITION OF "Log" FOR VALUES FROM (MINVALUE, MINVALUE) TO (10, '2025-02-28');
            CREATE TABLE log_b PARTITION OF "Log" DEFAULT;
            CREATE TABLE h (k bigint) PARTITION BY HASH (k);
            CREATE TABLE h0 PARTITION OF h FOR VALUES WITH (MODULUS 4, REMAINDER 3);
            CREATE TABLE l (k text) PARTITION BY LIST (k);
            CREATE TABLE l1 PARTITION OF l FOR VALUES IN ('a', 'it''s');
            """)
        let parent = try #require(catalog.tables[QualifiedName("public", "Log")])
        #expect(parent.kind == .partitioned && parent.partitionKey == "RANGE (id, \"Day\")")
        let a = try #require(catalog.tables[QualifiedName("public", "log_a")])
        #expect(a.partitionOf == parent.name && a.columns.isEmpty && a.constraints.isEmpty)
        #expect(a.partitionBound == "FOR VALUES FROM (MINVALUE, MINVALUE) TO (10, '2025-02-28')")
        #expect(catalog.tables[QualifiedName("public", "log_b")]?.partitionBound == "DEFAULT")
        #expect(catalog.tables[QualifiedName("public", "h0")]?.partitionBound == "FOR VALUES WITH (modulus 4, remainder 3)")
        #expect(catalog.tables[QualifiedName("public", "l1")]?.partitionBound == "FOR VALUES IN ('a', 'it''s')")
    }

    /// A domain's unnamed checks are named as the server names them, numbered when taken.
    @Test func domainChecksAreNamedAsTheServerNamesThem() throws {
        let (catalog, _) = try Self.catalog("CREATE DOMAIN d AS int NOT NULL CHECK (VALUE > 0) CHECK (VALUE < 10) DEFAULT 1;")
        let domain = try #require(catalog.domains[QualifiedName("public", "d")])
        #expect(domain.checks.map(\.name) == ["d_check", "d_check1"] && domain.isNotNull && domain.defaultExpression == "1")
    }

    /// A view keeps its query's text with every relation and column name qualified, so it reads the same
    /// objects whatever the search path is later; its columns get the types the server would give.
    @Test func viewsAreQualifiedAndTyped() throws {
        let (catalog, _) = try Self.catalog(
            "CREATE SCHEMA app; SET search_path = app; CREATE TABLE items (id bigint, label varchar(20), price numeric(8,2));",
            """
            CREATE VIEW cheap WITH (security_invoker) AS
            SELECT id, "label", price * 2 AS doubled, count(*) OVER (PARTITION BY label) AS same_label
            FROM items i WHERE price < 10;
            """)
        let view = try #require(catalog.views[QualifiedName("app", "cheap")])
        #expect(view.definition == """
            SELECT i.id, i."label", i.price * 2 AS doubled, count(*) OVER (PARTITION BY i.label) AS same_label
            FROM app.items i WHERE i.price < 10
            """)
        #expect(view.columns.map(\.name) == ["id", "label", "doubled", "same_label"])
        #expect(view.columns.map(\.type) == [.bigint, .varchar(20), .numeric, .bigint])
        #expect(view.options == ["security_invoker=true"])
        #expect(catalog.sources[ObjectID(kind: .view, schema: "app", name: "cheap")] == SourceLocation(file: "2.sql", line: 1))
        #expect(view.dependsOn == [QualifiedName("app", "items")])
    }

    @Test func aStarIsWrittenOutColumnByColumn() throws {
        let (catalog, _) = try Self.catalog(
            "CREATE TABLE a (aid int, \"Note\" text); CREATE TABLE b (id int, a_id int);",
            "CREATE VIEW v AS SELECT b . *, a.* FROM a JOIN b ON b.a_id = aid;")
        let view = try #require(catalog.views[QualifiedName("public", "v")])
        #expect(view.definition == "SELECT b.id, b.a_id, a.aid, a.\"Note\" FROM public.a JOIN public.b ON b.a_id = a.aid")
        #expect(view.columns.map(\.name) == ["id", "a_id", "aid", "Note"])
    }

    /// A file runs as one query: BEGIN takes in the statements before it, ROLLBACK outside BEGIN undoes them.
    @Test func transactionsFollowTheImplicitTransactionOfTheFile() throws {
        let (catalog, _) = try Self.catalog(
            "CREATE TABLE kept (a int);",
            "CREATE TABLE undone (a int);\nBEGIN;\nCREATE TABLE also_undone (a int);\nROLLBACK;\nCREATE TABLE after (a int);",
            "CREATE TABLE first (a int);\nROLLBACK;\nCREATE TABLE second (a int);")
        #expect(catalog.tables.map(\.name.name).sorted() == ["after", "kept", "second"])
    }
}

/// Issue 20: migrations in PostgreSQL 18's syntax, read by 18's parser (scripts/fetch-pg-query). With
/// Debian's parser (15's grammar) they are syntax errors, and these tests are skipped.
@Suite(.enabled(if: SQLGrammar.versionNumber >= 180000, "pgdrift was built with \(SQLGrammar.name)'s parser (scripts/fetch-pg-query builds 18's)"))
struct EighteenSyntaxOfflineTests {
    /// Virtual and stored generated columns, NOT ENFORCED checks and foreign keys written on a column,
    /// on the table and added later: each read as the catalog reads it.
    @Test func virtualColumnsAndNotEnforcedConstraints() throws {
        let (catalog, _) = try OfflineReplayTests.catalog(EighteenSyntax.bookings)
        let bookings = try #require(catalog.tables[QualifiedName("public", "bookings")])
        #expect(bookings.columns.map { "\($0.name) \($0.generationClause ?? "-") \($0.isNotNull)" } == [
            "id - true", "hotel_id - false", "nights - false", "price - false", "note - true",
            "total GENERATED ALWAYS AS ((nights * price)) VIRTUAL false",
            "stored_total GENERATED ALWAYS AS ((nights * price)) STORED false",
        ])
        #expect(bookings.constraints.sorted { $0.name < $1.name }.map { Describe.constraint($0) } == [
            "FOREIGN KEY (hotel_id) REFERENCES public.hotels(id) NOT ENFORCED",
            "FOREIGN KEY (hotel_id) REFERENCES public.hotels(id) NOT ENFORCED",
            "CHECK ((nights > 0)) NOT ENFORCED",
            "PRIMARY KEY (id)",
            "CHECK ((price > 0))",
            "CHECK ((nights IS NOT NULL)) NOT VALID",
            "CHECK ((nights < 100)) NOT ENFORCED",
            "CHECK ((price < 1000)) NOT ENFORCED",
        ])
        #expect(bookings.constraints.sorted { $0.name < $1.name }.map(\.name) == [
            "bookings_hotel", "bookings_hotel_id_fkey", "bookings_nights_check", "bookings_pkey", "bookings_price_check",
            "nights_known", "nights_small", "price_small",
        ])
    }
}
