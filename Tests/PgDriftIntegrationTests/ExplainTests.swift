import PgDrift
import PgDriftTestSupport
import Testing

/// `explain` against real databases: each answer it can give, from the database's and the expected
/// schema's side, as the owner and as a role without privileges.
@Suite struct ExplainTests {
    static let schema = """
        CREATE SCHEMA app;
        CREATE SCHEMA locked;
        CREATE TABLE public.creators (id bigint PRIMARY KEY, videos_count int NOT NULL DEFAULT 0, "Total_Play_Count" bigint, status text);
        CREATE TABLE public.videos (id bigint PRIMARY KEY, creator_id bigint REFERENCES public.creators (id), views_count bigint);
        CREATE TABLE app.events (id int, creator_id bigint);
        CREATE TABLE locked.vault (id int);
        CREATE VIEW public.leaderboard AS
            SELECT c.id, c.videos_count, (SELECT sum(v.views_count) FROM videos v WHERE v.creator_id = c.id) AS total_views
            FROM creators c;
        CREATE INDEX creators_videos ON creators (videos_count DESC) WHERE status = 'active';
        CREATE INDEX creators_lower_status ON creators (lower(status));
        ALTER TABLE creators ADD CONSTRAINT positive_count CHECK (videos_count >= 0);
        ALTER TABLE creators ENABLE ROW LEVEL SECURITY;
        CREATE POLICY active_only ON creators FOR SELECT USING (status = 'active');
        CREATE POLICY own_videos ON videos USING (EXISTS (SELECT 1 FROM public.creators c WHERE c.id = videos.creator_id AND c.status = 'active'));
        CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        CREATE TRIGGER creators_touch BEFORE UPDATE OF videos_count ON creators FOR EACH ROW
            WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION touch();
        CREATE FUNCTION recount() RETURNS void LANGUAGE plpgsql SET search_path = public AS $$
        BEGIN
            UPDATE creators c
            SET videos_count = (SELECT count(*) FROM videos v WHERE v.creator_id = c.id),
                total_videos_count = 0;
        END $$;
        """

    /// Reads and explains `name` in a fresh database holding `schema` (as `role` when given).
    static func explain(
        _ name: String, label: String = #function, role: String? = nil, grants: String = "", expected: Catalog? = nil
    ) throws -> Explanation {
        let database = try TestDatabase(label, sql: schema + grants)
        let parsed = try ObjectName.parse(name)
        let connection = database.connectionString + (role.map { " user=\($0)" } ?? "")
        let reading = try Explain.read(parsed, from: connection)
        return Explain.explain(parsed, database: reading, expected: expected, expectedSource: "test")
    }

    static func used(_ explanation: Explanation) -> [String] {
        explanation.referencedBy.map { "\($0.kind.rawValue) \($0.name)" + ($0.lines.map { " \($0)" } ?? "") }
    }

    static func reasons(_ explanation: Explanation) -> [String] { explanation.reasons.map(\.kind.rawValue) }

    @Test func anExistingTableAndEverythingThatUsesIt() throws {
        let explanation = try Self.explain("creators")
        #expect(explanation.exists && explanation.kind == .table)
        #expect(explanation.database.object == ObjectRef(schema: "public", table: "creators", relationKind: "table"))
        #expect(explanation.database.visibleToRole == true)
        #expect(explanation.similar.isEmpty)
        #expect(Set(Self.used(explanation)) == [
            "view public.leaderboard", "function public.recount() [3]", "trigger creators_touch", "policy active_only",
            "index creators_lower_status", "index creators_videos", "constraint videos_creator_id_fkey", "policy own_videos",
        ])
    }

    @Test func anExistingColumnAndWhatUsesThatColumn() throws {
        let count = try Self.explain("creators.videos_count", label: "explain_count")
        #expect(count.exists)
        #expect(count.database.object?.type == "integer NOT NULL DEFAULT 0")
        #expect(Set(Self.used(count)) == [
            "view public.leaderboard", "function public.recount() [4]", "trigger creators_touch", "index creators_videos",
            "constraint positive_count",
        ])
        let status = try Self.explain("public.creators.status", label: "explain_status")
        #expect(Set(Self.used(status)) == [
            "trigger creators_touch", "policy active_only", "index creators_lower_status", "index creators_videos", "policy own_videos",
        ])
    }

    @Test func aMissingColumnPointsAtSimilarNamesAndAtTheFunctionUsingIt() throws {
        let explanation = try Self.explain("creators.total_videos_count")
        #expect(!explanation.exists)
        #expect(Self.reasons(explanation) == ["nowhere"])
        #expect(explanation.similar.prefix(2).map(\.object.description) == ["public.creators.videos_count", "public.leaderboard.videos_count"])
        #expect(explanation.similar.first?.sharedParts == ["videos", "count"])
        #expect(Self.used(explanation) == ["function public.recount() [5]"])
        #expect(explanation.text.contains("similar   videos_count in public.creators, public.leaderboard (view) — shares videos, count"))
    }

    @Test func aNameDifferingOnlyByCase() throws {
        let explanation = try Self.explain("creators.Total_Play_Count")
        #expect(explanation.target.column == "total_play_count")
        #expect(!explanation.exists)
        #expect(Self.reasons(explanation) == ["case_or_quoting"])
        #expect(explanation.reasons[0].message.hasPrefix("differs only by case or quoting: public.creators has \"Total_Play_Count\""))
        let quoted = try Self.explain("creators.\"Total_Play_Count\"", label: "explain_quoted")
        #expect(quoted.exists)
    }

    @Test func anotherSchemaAndOutsideTheSearchPath() throws {
        let qualified = try Self.explain("public.events.creator_id", label: "explain_public_events")
        #expect(!qualified.exists)
        #expect(Self.reasons(qualified) == ["other_schema", "missing_table"])
        #expect(qualified.reasons[0].objects.map(\.description) == ["app.events"])

        let unqualified = try Self.explain("events", label: "explain_events")
        #expect(unqualified.exists)
        #expect(unqualified.database.object?.schema == "app")
        #expect(Self.reasons(unqualified) == ["outside_search_path"])
        #expect(unqualified.reasons[0].message.contains("not on the search_path of role"))

        // Two parts naming no table but a schema: schema.table.
        let schemaTable = try Self.explain("app.events", label: "explain_app_events")
        #expect(schemaTable.kind == .table && schemaTable.exists && schemaTable.reasons.isEmpty)
    }

    @Test func columnsOfViews() throws {
        let viewColumn = try Self.explain("leaderboard.total_views", label: "explain_view_column")
        #expect(viewColumn.exists)
        #expect(viewColumn.database.object?.relationKind == "view")
        #expect(Self.reasons(viewColumn) == ["view_column"])

        let elsewhere = try Self.explain("videos.videos_count", label: "explain_elsewhere")
        #expect(!elsewhere.exists)
        #expect(Self.reasons(elsewhere) == ["view_column", "other_tables"])
        #expect(elsewhere.reasons.flatMap(\.objects).map(\.description) == ["public.leaderboard.videos_count", "public.creators.videos_count"])
    }

    @Test func aColumnOfAMissingTable() throws {
        let explanation = try Self.explain("nope.id")
        #expect(!explanation.exists)
        #expect(Self.reasons(explanation) == ["nowhere", "missing_table"])
    }

    @Test func aRoleWithoutPrivilegesSeesThatItExistsButIsHidden() throws {
        try TestDatabase.executeInCluster("DROP ROLE IF EXISTS pgdrift_explain_reader; CREATE ROLE pgdrift_explain_reader LOGIN")
        let grants = "GRANT SELECT (id) ON public.videos TO pgdrift_explain_reader;"
        let locked = try Self.explain("locked.vault", label: "explain_locked", role: "pgdrift_explain_reader", grants: grants)
        #expect(locked.exists)
        #expect(locked.database.role == "pgdrift_explain_reader")
        #expect(locked.database.visibleToRole == false)
        #expect(locked.reasons.map(\.message) == [
            "role pgdrift_explain_reader has no USAGE on schema locked: it exists (pg_catalog lists it), but information_schema hides it from this role and its queries fail with \"permission denied\"",
        ])
        let table = try Self.explain("creators", label: "explain_no_privilege", role: "pgdrift_explain_reader", grants: grants)
        #expect(table.exists && table.database.visibleToRole == false)
        #expect(table.reasons.first?.message.hasPrefix("role pgdrift_explain_reader holds no privilege on public.creators") == true)
        let column = try Self.explain("videos.views_count", label: "explain_hidden_column", role: "pgdrift_explain_reader", grants: grants)
        #expect(column.exists && column.database.visibleToRole == false)
        #expect(column.reasons.first?.message.hasPrefix("role pgdrift_explain_reader holds no privilege on column views_count") == true)
        let visible = try Self.explain("videos.id", label: "explain_granted_column", role: "pgdrift_explain_reader", grants: grants)
        #expect(visible.exists && visible.database.visibleToRole == true && visible.reasons.isEmpty)
    }

    @Test func theExpectedSideWithItsSourceLine() throws {
        var expected = try TestDatabase("explain_expected_model", sql: Self.schema + """

            ALTER TABLE creators ADD COLUMN total_play_count bigint DEFAULT 0;
            ALTER TABLE creators DROP COLUMN status CASCADE;
            """).catalog()
        expected.sources[ObjectID(kind: .column, schema: "public", relation: "creators", name: "total_play_count")] =
            SourceLocation(file: "migrations/015_add.sql", line: 3)
        let missing = try Self.explain("creators.total_play_count", label: "explain_expected_missing", expected: expected)
        #expect(!missing.exists && missing.expected.exists)
        #expect(missing.expected.location?.description == "migrations/015_add.sql:3")
        #expect(missing.expected.object?.type == "bigint DEFAULT 0")
        #expect(Self.reasons(missing) == ["case_or_quoting", "drift"])
        #expect(missing.text.contains("expected  column public.creators.total_play_count bigint DEFAULT 0 — test, migrations/015_add.sql:3"))

        let extra = try Self.explain("creators.status", label: "explain_expected_extra", expected: expected)
        #expect(extra.exists && !extra.expected.exists)
        #expect(extra.reasons.map(\.message) == ["the expected schema (test) does not have public.creators.status: it is extra in the database"])
    }
}
