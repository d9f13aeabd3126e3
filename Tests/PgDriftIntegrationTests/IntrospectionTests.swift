import PgDrift
import PgDriftTestSupport
import Testing

/// A schema holding every object kind the model knows, introspected and checked field by field.
@Suite struct IntrospectionTests {
    static let everyKind = """
        CREATE EXTENSION pg_trgm;
        CREATE SCHEMA app;
        COMMENT ON SCHEMA app IS 'application';
        CREATE TYPE app.mood AS ENUM ('sad', 'ok', 'happy');
        ALTER TYPE app.mood ADD VALUE 'meh' BEFORE 'ok';
        CREATE DOMAIN app.posint AS integer NOT NULL DEFAULT 1 CONSTRAINT positive CHECK (VALUE > 0);
        CREATE TYPE app.pair AS (a integer, b text COLLATE "C");
        CREATE SEQUENCE app.counter AS integer START 10 INCREMENT 5 MAXVALUE 1000 CYCLE;
        CREATE TABLE app."Users" (
          id bigint GENERATED ALWAYS AS IDENTITY (START WITH 100) PRIMARY KEY,
          name varchar(20) NOT NULL DEFAULT 'x',
          email text COLLATE "C" UNIQUE NULLS NOT DISTINCT,
          mood app.mood[],
          n numeric(10,2) CHECK (n > 0),
          tags text[][],
          created timestamptz(3) DEFAULT now(),
          upper_name text GENERATED ALWAYS AS (upper(name)) STORED,
          p app.posint
        );
        CREATE UNLOGGED TABLE app.log (
          id serial PRIMARY KEY,
          user_id bigint REFERENCES app."Users"(id) ON DELETE CASCADE ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED,
          msg text
        );
        ALTER TABLE app.log ADD CONSTRAINT msg_len CHECK (length(msg) < 100) NOT VALID;
        CREATE TABLE app.events (id bigint, at date NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
        CREATE TABLE app.events_2024 PARTITION OF app.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
        CREATE TABLE app.child (extra int) INHERITS (app.log);
        CREATE INDEX users_lower_name ON app."Users" (lower(name) text_pattern_ops DESC NULLS LAST) INCLUDE (email) WHERE n > 1;
        CREATE INDEX users_name_trgm ON app."Users" USING gin (name gin_trgm_ops) WITH (fastupdate = off);
        CREATE INDEX users_created ON app."Users" (created DESC, email COLLATE "POSIX");
        ALTER TABLE app."Users" ENABLE ROW LEVEL SECURITY;
        ALTER TABLE app."Users" FORCE ROW LEVEL SECURITY;
        CREATE POLICY "Own rows" ON app."Users" AS RESTRICTIVE FOR UPDATE TO public USING (name = current_user) WITH CHECK (true);
        CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql SET search_path = app
          AS $$ BEGIN NEW.created := now(); RETURN NEW; END $$;
        CREATE FUNCTION app.add(a integer, b integer DEFAULT 1) RETURNS integer LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
          AS $$ SELECT a + b $$;
        CREATE PROCEDURE app.p(a integer) LANGUAGE sql AS $$ SELECT 1 $$;
        CREATE TRIGGER touch_it BEFORE INSERT OR UPDATE OF name ON app."Users" FOR EACH ROW
          WHEN (NEW.name IS DISTINCT FROM 'x) WHEN (') EXECUTE FUNCTION app.touch('a', 'b c');
        ALTER TABLE app."Users" DISABLE TRIGGER touch_it;
        CREATE VIEW app.v WITH (security_invoker = true) AS SELECT id, name FROM app."Users";
        CREATE MATERIALIZED VIEW app.mv AS SELECT count(*) AS c FROM app.log;
        CREATE UNIQUE INDEX mv_c ON app.mv (c);
        CREATE TABLE public.plain (x int);
        ALTER TABLE public.plain DROP COLUMN x;
        COMMENT ON TABLE app."Users" IS 'people';
        COMMENT ON COLUMN app."Users".name IS 'the name';
        COMMENT ON INDEX app.users_lower_name IS 'lookups';
        COMMENT ON CONSTRAINT msg_len ON app.log IS 'short messages';
        COMMENT ON POLICY "Own rows" ON app."Users" IS 'mine';
        COMMENT ON FUNCTION app.touch() IS 'sets created';
        COMMENT ON TYPE app.mood IS 'feelings';
        """

    let catalog: Catalog

    init() throws {
        catalog = try TestDatabase("every_kind", sql: Self.everyKind).catalog()
    }

    @Test func schemasAndExtensions() throws {
        #expect(catalog.schemas.keys == ["app", "public"])
        #expect(catalog.schemas["app"]?.comment == "application")
        #expect(catalog.extensions.keys == ["pg_trgm"])
        #expect(catalog.extensions["pg_trgm"]?.schema == "public")
        // Objects of extensions are not part of the model.
        #expect(catalog.functions.allSatisfy { $0.name.schema == "app" })
    }

    @Test func types() throws {
        let mood = try #require(catalog.enums[QualifiedName("app", "mood")])
        #expect(mood.values == ["sad", "meh", "ok", "happy"])
        #expect(mood.comment == "feelings")
        let domain = try #require(catalog.domains[QualifiedName("app", "posint")])
        #expect(domain.baseType == .integer)
        #expect(domain.isNotNull)
        #expect(domain.defaultExpression == "1")
        #expect(domain.checks == [DomainCheck(name: "positive", expression: "(VALUE > 0)")])
        let pair = try #require(catalog.compositeTypes[QualifiedName("app", "pair")])
        #expect(pair.attributes == [
            CompositeAttribute(name: "a", type: .integer),
            CompositeAttribute(name: "b", type: .text, collation: QualifiedName("pg_catalog", "C")),
        ])
    }

    @Test func sequences() throws {
        let counter = try #require(catalog.sequences[QualifiedName("app", "counter")])
        #expect(counter.dataType == .integer)
        #expect(counter.options == SequenceOptions(start: 10, increment: 5, minValue: 1, maxValue: 1000, cache: 1, cycle: true))
        #expect(counter.ownedBy == nil)
        let serial = try #require(catalog.sequences[QualifiedName("app", "log_id_seq")])
        #expect(serial.ownedBy == SequenceOwner(table: QualifiedName("app", "log"), column: "id"))
        // The identity column's sequence belongs to its column, not to the list.
        #expect(!catalog.sequences.contains { $0.name.name.hasPrefix("Users") })
    }

    @Test func columns() throws {
        let users = try #require(catalog.tables[QualifiedName("app", "Users")])
        #expect(users.columns.map(\.name) == ["id", "name", "email", "mood", "n", "tags", "created", "upper_name", "p"])
        let id = try #require(users.column(named: "id"))
        #expect(id.type == .bigint && id.isNotNull && id.defaultExpression == nil)
        #expect(id.identity == Identity(
            generation: .always,
            sequence: SequenceOptions(start: 100, increment: 1, minValue: 1, maxValue: Int64.max), sequenceName: "Users_id_seq"))
        #expect(users.column(named: "name") == Column(
            name: "name", type: .varchar(20), isNotNull: true, defaultExpression: "'x'::character varying",
            comment: "the name"))
        #expect(users.column(named: "email")?.collation == QualifiedName("pg_catalog", "C"))
        #expect(users.column(named: "mood")?.type == DataType(schema: "app", name: "mood", arrayDimensions: 1))
        #expect(users.column(named: "n")?.type == .numeric(10, 2))
        #expect(users.column(named: "tags")?.type == DataType("text", arrayDimensions: 2))
        #expect(users.column(named: "created")?.type == DataType("timestamp(3) with time zone"))
        #expect(users.column(named: "created")?.defaultExpression == "now()")
        #expect(users.column(named: "upper_name")?.generatedExpression == "upper((name)::text)")
        #expect(users.column(named: "upper_name")?.defaultExpression == nil)
        #expect(users.column(named: "p")?.type == DataType(schema: "app", name: "posint"))
        #expect(users.comment == "people")
        // Dropped columns leave no trace.
        #expect(catalog.tables[QualifiedName("public", "plain")]?.columns == [])
    }

    @Test func constraints() throws {
        let users = try #require(catalog.tables[QualifiedName("app", "Users")])
        #expect(users.primaryKey == Constraint(name: "Users_pkey", kind: .primaryKey, columns: ["id"]))
        #expect(users.constraints["Users_email_key"] == Constraint(
            name: "Users_email_key", kind: .unique, columns: ["email"], nullsNotDistinct: true))
        #expect(users.constraints["Users_n_check"] == Constraint(
            name: "Users_n_check", kind: .check, expression: "(n > (0)::numeric)"))
        let log = try #require(catalog.tables[QualifiedName("app", "log")])
        #expect(log.isUnlogged)
        #expect(log.constraints["log_user_id_fkey"] == Constraint(
            name: "log_user_id_fkey", kind: .foreignKey, columns: ["user_id"],
            references: ForeignKeyReference(
                table: QualifiedName("app", "Users"), columns: ["id"], onUpdate: .setNull, onDelete: .cascade),
            isDeferrable: true, isInitiallyDeferred: true))
        #expect(log.constraints["msg_len"] == Constraint(
            name: "msg_len", kind: .check, expression: "(length(msg) < 100)", isValidated: false,
            comment: "short messages"))
    }

    @Test func partitionsAndInheritance() throws {
        let events = try #require(catalog.tables[QualifiedName("app", "events")])
        #expect(events.kind == .partitioned)
        #expect(events.partitionKey == "RANGE (at)")
        let partition = try #require(catalog.tables[QualifiedName("app", "events_2024")])
        #expect(partition.partitionOf == QualifiedName("app", "events"))
        #expect(partition.partitionBound == "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')")
        // Inherited columns, keys and indexes belong to the parent.
        #expect(partition.columns.isEmpty && partition.constraints.isEmpty && partition.indexes.isEmpty)
        let child = try #require(catalog.tables[QualifiedName("app", "child")])
        #expect(child.inherits == [QualifiedName("app", "log")])
        #expect(child.columns.map(\.name) == ["extra"])
    }

    @Test func indexes() throws {
        let users = try #require(catalog.tables[QualifiedName("app", "Users")])
        #expect(users.indexes.keys == ["users_created", "users_lower_name", "users_name_trgm"])
        #expect(users.indexes["users_lower_name"] == Index(
            name: "users_lower_name",
            keys: [IndexKey(
                column: nil, expression: "lower(name::text)",
                operatorClass: QualifiedName("pg_catalog", "text_pattern_ops"), descending: true, nullsFirst: false)],
            include: ["email"], predicate: "(n > (1)::numeric)", comment: "lookups"))
        #expect(users.indexes["users_name_trgm"] == Index(
            name: "users_name_trgm", method: "gin",
            keys: [IndexKey(column: "name", expression: nil, operatorClass: QualifiedName("public", "gin_trgm_ops"))],
            options: ["fastupdate=off"]))
        #expect(users.indexes["users_created"]?.keys == [
            .column("created", descending: true),
            IndexKey(column: "email", expression: nil, collation: QualifiedName("pg_catalog", "POSIX")),
        ])
    }

    @Test func rowLevelSecurity() throws {
        let users = try #require(catalog.tables[QualifiedName("app", "Users")])
        #expect(users.rowLevelSecurity && users.forceRowLevelSecurity)
        #expect(users.policies["Own rows"] == Policy(
            name: "Own rows", command: .update, isPermissive: false, roles: ["public"],
            using: "((name)::text = CURRENT_USER)", withCheck: "true", comment: "mine"))
    }

    @Test func functionsAndTriggers() throws {
        let touch = try #require(catalog.functions[FunctionKey(name: QualifiedName("app", "touch"), identityArguments: "")])
        #expect(touch.language == "plpgsql" && touch.returnType == "trigger")
        #expect(touch.body == " BEGIN NEW.created := now(); RETURN NEW; END ")
        #expect(touch.configuration == ["search_path=app"])
        #expect(touch.comment == "sets created")
        let add = try #require(catalog.functions[FunctionKey(
            name: QualifiedName("app", "add"), identityArguments: "a integer, b integer")])
        #expect(add.arguments == "a integer, b integer DEFAULT 1")
        #expect(add.volatility == .immutable && add.isStrict && add.parallel == .safe)
        let procedure = try #require(catalog.functions.first { $0.name.name == "p" })
        #expect(procedure.kind == .procedure && procedure.returnType == nil)

        let users = try #require(catalog.tables[QualifiedName("app", "Users")])
        #expect(users.triggers["touch_it"] == Trigger(
            name: "touch_it", timing: .before, events: [.insert, .update], updateColumns: ["name"],
            function: QualifiedName("app", "touch"), arguments: ["a", "b c"],
            when: "((new.name)::text IS DISTINCT FROM 'x) WHEN ('::text)", enabled: .disabled))
    }

    @Test func views() throws {
        let view = try #require(catalog.views[QualifiedName("app", "v")])
        #expect(!view.isMaterialized)
        #expect(view.options == ["security_invoker=true"])
        #expect(view.columns == [ViewColumn(name: "id", type: .bigint), ViewColumn(name: "name", type: .varchar(20))])
        #expect(view.definition.contains("FROM app.\"Users\""))
        let materialized = try #require(catalog.views[QualifiedName("app", "mv")])
        #expect(materialized.isMaterialized)
        #expect(materialized.indexes.keys == ["mv_c"])
    }

    @Test func schemaFilters() throws {
        let database = try TestDatabase("filters", sql: Self.everyKind)
        let onlyPublic = try database.catalog(IntrospectionOptions(schemas: ["public"]))
        #expect(onlyPublic.tables.keys == [QualifiedName("public", "plain")])
        #expect(onlyPublic.functions.isEmpty)
        let withoutApp = try database.catalog(IntrospectionOptions(excludedSchemas: ["app"]))
        #expect(withoutApp.schemas.keys == ["public"])
        #expect(withoutApp.enums.isEmpty && withoutApp.views.isEmpty)
    }
}
