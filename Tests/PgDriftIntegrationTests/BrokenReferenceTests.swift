import PgDrift
import PgDriftTestSupport
import Testing

/// broken_reference against real databases: every kind of function body that is fine gives nothing;
/// dropping what a function uses gives one finding per function and missing name, at its body line.
@Suite struct BrokenReferenceTests {
    /// Functions of many shapes over tables they may use.
    static let healthy = """
        CREATE SCHEMA app;
        CREATE TYPE app.pair AS (a integer, b text);
        CREATE TABLE app.items (id bigint PRIMARY KEY, owner text, name text, total bigint DEFAULT 0, pair app.pair);
        CREATE TABLE app.parts (item_id bigint, weight int);
        CREATE TABLE app.archive (archived_at timestamptz) INHERITS (app.items);
        CREATE TABLE public.audit (row_id bigint, op text, at timestamptz DEFAULT now());
        CREATE VIEW app.heavy AS SELECT item_id, sum(weight) AS weight FROM app.parts GROUP BY item_id;
        CREATE FUNCTION app.stamp() RETURNS trigger LANGUAGE plpgsql SET search_path = app, public AS $$
        BEGIN
            IF TG_OP = 'UPDATE' AND OLD.name IS DISTINCT FROM NEW.name THEN
                INSERT INTO audit (row_id, op) VALUES (NEW.id, TG_OP);
            END IF;
            NEW.total := coalesce(NEW.total, 0);
            RETURN NEW;
        END $$;
        CREATE FUNCTION app.recount(p_owner text, OUT n bigint) LANGUAGE plpgsql SET search_path = app AS $$
        DECLARE
            r record;
            it items%ROWTYPE;
            total_weight bigint := 0;
        BEGIN
            FOR r IN SELECT i.id, i.name, (i.pair).a AS a FROM items i WHERE i.owner = p_owner LOOP
                PERFORM pg_notify('items', r.name || r.a);
                total_weight := total_weight + (SELECT coalesce(sum(weight), 0) FROM parts WHERE parts.item_id = r.id);
            END LOOP;
            WITH heavy_items AS (SELECT item_id, weight FROM heavy WHERE weight > 10)
            UPDATE items SET total = h.weight FROM heavy_items h WHERE h.item_id = items.id;
            SELECT * INTO it FROM items WHERE id = 1;
            SELECT count(*) INTO n FROM archive a WHERE a.owner = p_owner AND a.archived_at IS NOT NULL;
            CREATE TEMP TABLE IF NOT EXISTS scratch (id bigint);
            INSERT INTO scratch (id) SELECT id FROM items ORDER BY id;
            DELETE FROM scratch s USING items i WHERE s.id = i.id RETURNING s.id INTO n;
            n := n + total_weight + (it.pair).a;
        END $$;
        CREATE FUNCTION app.names(p_owner text) RETURNS TABLE(id bigint, label text) LANGUAGE plpgsql STABLE AS $$
        BEGIN
            RETURN QUERY SELECT i.id, i.name FROM app.items i WHERE i.owner = p_owner ORDER BY label;
            RETURN QUERY SELECT x.n::bigint, x.n::text FROM generate_series(1, 3) AS x(n);
        END $$;
        CREATE FUNCTION app.weight_of(bigint) RETURNS bigint LANGUAGE sql STABLE AS
            'SELECT sum(weight) FROM app.parts WHERE item_id = $1';
        CREATE FUNCTION public.owners() RETURNS SETOF text LANGUAGE sql AS $$
            SELECT DISTINCT owner FROM app.items UNION SELECT op FROM audit ORDER BY 1;
        $$;
        CREATE FUNCTION public.count_rel(p_name text) RETURNS bigint LANGUAGE plpgsql AS $$
        BEGIN
            RETURN (SELECT count(*) FROM pg_class WHERE relname = p_name)
                 + (SELECT count(*) FROM information_schema.tables t WHERE t.table_name = p_name);
        END $$;
        CREATE TRIGGER stamp BEFORE UPDATE ON app.items FOR EACH ROW EXECUTE FUNCTION app.stamp();
        """

    @Test func healthyFunctionsHaveNoBrokenReferences() throws {
        let database = try TestDatabase("refs_healthy", sql: Self.healthy)
        let inspection = try Introspector().inspect(from: database.connect())
        #expect(inspection.catalog.functions.count == 6)
        let findings = BrokenReferences.findings(in: inspection.catalog, access: inspection.access)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    @Test func introspectionTestFunctionsHaveNoBrokenReferences() throws {
        let database = try TestDatabase("refs_every_kind", sql: IntrospectionTests.everyKind)
        let inspection = try Introspector().inspect(from: database.connect())
        let findings = BrokenReferences.findings(in: inspection.catalog, access: inspection.access)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    @Test func droppedColumnsAndTablesAreReportedAtTheirLines() throws {
        let database = try TestDatabase("refs_dropped", sql: Self.healthy + """

            ALTER TABLE app.items DROP COLUMN total CASCADE;
            ALTER TABLE app.parts RENAME COLUMN weight TO grams;
            ALTER TABLE public.audit RENAME TO audit_log;
            """)
        let inspection = try Introspector().inspect(from: database.connect())
        let findings = BrokenReferences.findings(in: inspection.catalog, access: inspection.access)
        // stamp()'s NEW.total is a field of the trigger's row, not a column the body looks up: not reported.
        #expect(findings.map(\.message).sorted() == [
            "function app.recount(p_owner text, OUT n bigint) refers to column items.total, which does not exist (line 12 of its body)",
            "function app.recount(p_owner text, OUT n bigint) refers to column parts.weight, which does not exist (line 9 of its body)",
            "function app.weight_of(bigint) refers to column parts.weight, which does not exist (line 1 of its body)",
            "function app.stamp() refers to table app.audit, which does not exist (line 4 of its body)",
            "function public.owners() refers to table public.audit, which does not exist (line 2 of its body)",
        ].sorted())
    }

    /// Names pgdrift does not model are not missing: sequences read as relations, extension tables, schemas
    /// left out with --exclude-schema.
    @Test func unmodelledRelationsAreNotMissing() throws {
        let database = try TestDatabase("refs_unmodelled", sql: """
            CREATE SCHEMA auth;
            CREATE TABLE auth.users (id uuid);
            CREATE SEQUENCE public.counter;
            CREATE FUNCTION public.peek() RETURNS bigint LANGUAGE sql AS
                'SELECT last_value FROM counter WHERE EXISTS (SELECT 1 FROM auth.users u WHERE u.id IS NOT NULL)';
            """)
        let inspection = try Introspector(options: IntrospectionOptions(excludedSchemas: ["auth"])).inspect(from: database.connect())
        #expect(inspection.catalog.tables.isEmpty)
        #expect(BrokenReferences.findings(in: inspection.catalog, access: inspection.access).isEmpty)
        // Without the role's access, only the model is known: auth is unknown (not reported), counter is missing.
        #expect(BrokenReferences.findings(in: inspection.catalog).map(\.message) == [
            "function public.peek() refers to table public.counter, which does not exist (line 1 of its body)",
        ])
    }

    @Test func dynamicSQLIsAnInfo() throws {
        let database = try TestDatabase("refs_dynamic", sql: """
            CREATE FUNCTION wipe(p_table text) RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
                EXECUTE format('TRUNCATE %I', p_table);
            END $$;
            """)
        let inspection = try Introspector().inspect(from: database.connect())
        let findings = BrokenReferences.findings(in: inspection.catalog, access: inspection.access)
        #expect(findings.map { "\($0.kind.rawValue) \($0.severity)" } == ["unchecked_dynamic_sql info"])
        #expect(findings.first?.message == "function public.wipe(p_table text) runs dynamic SQL (line 3): the names it uses are only known when it runs")
    }
}
