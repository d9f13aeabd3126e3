import PgDrift
import Testing

/// Reference extraction from function bodies and statements: what a body names, on which line, and
/// what it must not take for a column (variables, parameters, NEW/OLD, CTE and subquery columns).
@Suite struct FunctionReferenceTests {
    /// `relation t`, `column t.c`, `unqualified c in t,u | v` (scopes innermost first), each `@line`.
    static func summary(_ references: FunctionBodyReferences) -> [String] {
        references.references.map { "\(describe($0.target)) @\($0.line)" }
    }

    static func describe(_ target: SQLReference.Target) -> String {
        switch target {
        case .relation(let name): "relation \(name)"
        case .column(let name, let column): "column \(name).\(column)"
        case .unqualifiedColumn(let column, let scopes):
            "unqualified \(column) in " + scopes.map { $0.map(\.description).joined(separator: ",") }.joined(separator: " | ")
        }
    }

    static func plpgsql(_ body: String, arguments: String = "", returns: String? = "void") throws -> FunctionBodyReferences {
        try #require(try FunctionBodyReferences.read(body: body, language: "plpgsql", arguments: arguments, returnType: returns))
    }

    /// The seed's function: body line 13 is the `total_play_count = ...` line (012_aggregation.sql line 34).
    @Test func updateAggregationsNamesTotalPlayCountOnItsLine() throws {
        let body = """

            BEGIN
                -- Creators
                -- videos_count:     number of videos by this creator
                -- likes_total:      total likes across all the creator's videos
                -- total_play_count: total views across all the creator's videos
                -- (correlated sub-selects)
                UPDATE creators_hot c
                SET
                  videos_count = (SELECT COUNT(*) FROM videos_hot v WHERE v.creator_id = c.creator_id),
                  likes_total = (SELECT COALESCE(SUM(likes_count), 0) FROM videos_hot v WHERE v.creator_id = c.creator_id),
                  total_play_count = (SELECT COALESCE(SUM(views_count), 0) FROM videos_hot v WHERE v.creator_id = c.creator_id),
                  updated_at = NOW();
            END;

            """
        let lines = Self.summary(try Self.plpgsql(body))
        #expect(lines.contains("column creators_hot.total_play_count @12"))
        #expect(lines.contains("relation creators_hot @8"))
        #expect(lines.contains("column videos_hot.creator_id @10"))
        #expect(lines.contains("column creators_hot.creator_id @10"))
        #expect(lines.contains("unqualified likes_count in videos_hot | creators_hot @11"))
        #expect(lines.contains("column creators_hot.updated_at @13"))
    }

    @Test func variablesParametersAndRecordsAreNotColumns() throws {
        let body = """
            DECLARE
              r record;
              v_total bigint := 0;
            BEGIN
              FOR r IN SELECT id, name FROM items WHERE owner = p_owner LOOP
                PERFORM notify(r.id, r.name);
                v_total := v_total + (SELECT count(*) FROM parts WHERE parts.item_id = r.id);
              END LOOP;
              UPDATE totals SET total = v_total WHERE owner = p_owner;
              RETURN v_total;
            END
            """
        let lines = Self.summary(try Self.plpgsql(body, arguments: "p_owner text", returns: "bigint"))
        #expect(lines == [
            "unqualified id in items @5", "unqualified name in items @5", "relation items @5", "unqualified owner in items @5",
            "relation parts @7", "column parts.item_id @7",
            "relation totals @9", "column totals.total @9", "unqualified owner in totals @9",
        ])
    }

    @Test func triggerRowsAreVariables() throws {
        let body = """
            BEGIN
              NEW.updated_at := now();
              IF TG_OP = 'UPDATE' AND OLD.status IS DISTINCT FROM NEW.status THEN
                INSERT INTO audit (row_id, status) VALUES (NEW.id, NEW.status);
              END IF;
              RETURN NEW;
            END
            """
        let lines = Self.summary(try Self.plpgsql(body, returns: "trigger"))
        #expect(lines == ["relation audit @4", "column audit.row_id @4", "column audit.status @4"])
    }

    @Test func cteSubqueryAndFunctionColumnsAreNotLookedUp() throws {
        let body = """
            BEGIN
              WITH recent AS (SELECT creator_id, count(*) AS n FROM videos GROUP BY creator_id)
              UPDATE creators c SET videos = recent.n FROM recent WHERE recent.creator_id = c.id;
              INSERT INTO log (value) SELECT value FROM jsonb_array_elements('[]'::jsonb);
              PERFORM x.anything FROM (SELECT 1 AS a) x WHERE a = 1;
              PERFORM (c).name FROM creators c;
            END
            """
        let lines = Self.summary(try Self.plpgsql(body))
        #expect(lines == [
            "unqualified creator_id in videos @2", "relation videos @2",
            "relation creators @3", "column creators.videos @3", "column creators.id @3",
            "relation log @4", "column log.value @4",
            "relation creators @6",
        ])
    }

    @Test func insertOnConflictAndReturning() throws {
        let body = """
            BEGIN
              INSERT INTO creators_cold (creator_id, full_json) VALUES (p_id, p_json)
              ON CONFLICT (creator_id) DO UPDATE SET full_json = EXCLUDED.full_json, updated_at = NOW()
              RETURNING created_at INTO v_at;
            END
            """
        let lines = Self.summary(try Self.plpgsql(body, arguments: "p_id text, p_json jsonb, OUT v_at timestamptz", returns: "timestamptz"))
        #expect(lines == [
            "relation creators_cold @2", "column creators_cold.creator_id @2", "column creators_cold.full_json @2",
            "column creators_cold.creator_id @3", "column creators_cold.full_json @3", "column creators_cold.updated_at @3",
            "unqualified created_at in creators_cold @4",
        ])
    }

    @Test func dynamicSQLIsNotReadButItsLineIsKept() throws {
        let body = """
            BEGIN
              EXECUTE format('DELETE FROM %I', p_table);
              RETURN QUERY EXECUTE 'SELECT 1';
            END
            """
        let found = try Self.plpgsql(body, arguments: "p_table text", returns: "SETOF integer")
        #expect(found.references.isEmpty)
        #expect(found.dynamicSQLLines == [2, 3])
    }

    @Test func orderByOutputNamesAndTemporaryTables() throws {
        let body = """
            BEGIN
              CREATE TEMP TABLE scratch (id int);
              INSERT INTO scratch (id) SELECT id AS ident FROM items ORDER BY ident;
            END
            """
        let found = try Self.plpgsql(body)
        #expect(found.createdRelations == [RelationName("scratch")])
        #expect(Self.summary(found) == [
            "relation scratch @3", "column scratch.id @3", "unqualified id in items @3", "relation items @3",
        ])
    }

    @Test func sqlFunctionsUseParameterNames() throws {
        let found = try #require(try FunctionBodyReferences.read(
            body: "\n    SELECT NULLIF(lower(btrim(p_tag, '# ')), '') FROM tags WHERE tag = p_tag AND s.x = 1;\n",
            language: "sql", arguments: "p_tag text", returnType: "text"))
        #expect(Self.summary(found) == ["relation tags @2", "unqualified tag in tags @2"])
    }

    @Test func otherLanguagesAndUnparsableBodies() throws {
        #expect(try FunctionBodyReferences.read(body: "x", language: "c", arguments: "", returnType: "void") == nil)
        #expect(throws: SQLSyntaxError.self) {
            try FunctionBodyReferences.read(body: "BEGIN SELEC 1; END", language: "plpgsql", arguments: "", returnType: "void")
        }
    }

    @Test func assignmentValueStartsAfterTheOperator() throws {
        #expect(try SQLTokens.assignmentValueOffset("n := (SELECT 1)") == 4)
        #expect(try SQLTokens.assignmentValueOffset("arr[i = 1] = 2") == 12)
        #expect(try SQLTokens.assignmentValueOffset("NEW.\"Odd\" = 1") == 11)
    }

    @Test func expressionsSeeTheirScope() throws {
        let found = try StatementReferences.readExpression(
            "owner = current_user AND EXISTS (SELECT 1 FROM teams t WHERE t.id = team_id)",
            scope: [("docs", RelationName(schema: "app", "docs"))])
        #expect(found.references.map { FunctionReferenceTests.describe($0.target) } == [
            "unqualified owner in app.docs", "relation teams", "column teams.id", "unqualified team_id in teams | app.docs",
        ])
        #expect(found.references.first?.offset == 0)
    }
}
