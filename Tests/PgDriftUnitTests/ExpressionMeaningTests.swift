import PgDrift
import Testing

/// Expressions compared by meaning (what the diff does when an offline model's text differs from the
/// catalog's), and expressions written back from the parse tree.
@Suite struct ExpressionMeaningTests {
    @Test(arguments: [
        ("'x'", "'x'::text"),
        ("n > 0", "(n > 0)"),
        ("-1", "'-1'::integer"),
        ("- 1", "-1"),
        ("'{}'", "'{}'::text[]"),
        ("lower(email)", "pg_catalog.lower(email)"),
        ("\"Name\" = 'x'", "((\"Name\")::text = 'x'::text)"),
        ("a > 0 AND b IS NOT NULL", "((a > 0) AND (b IS NOT NULL))"),
        ("'new'", "'new'::public.status"),
        ("1.5", "1.5"),
        ("a IN (1, 2)", "(a = ANY (ARRAY[1, 2]))"),
        ("v IN ('p', 'q')", "((v)::text = ANY ((ARRAY['p'::character varying, 'q'::character varying])::text[]))"),
        ("a NOT IN (3)", "(a <> 3)"),
        ("a NOT IN (3, 4)", "(a <> ALL (ARRAY[3, 4]))"),
        ("a BETWEEN 1 AND 5 AND b", "(((a >= 1) AND (a <= 5)) AND b)"),
        ("b AND a BETWEEN 1 AND 5", "(b AND ((a >= 1) AND (a <= 5)))"),
        ("a NOT BETWEEN 1 AND 5", "((a < 1) OR (a > 5))"),
        ("s LIKE 'a%' AND s NOT LIKE 'b%' AND s ILIKE 'c'", "((s ~~ 'a%'::text) AND (s !~~ 'b%'::text) AND (s ~~* 'c'::text))"),
        ("a AND (b AND c)", "((a AND b) AND c)"),
        ("old.a IS NOT DISTINCT FROM new.a", "(NOT (old.a IS DISTINCT FROM new.a))"),
    ])
    func sameMeaning(file: String, catalog: String) {
        #expect(ExpressionMeaning.same(file, catalog))
    }

    @Test(arguments: [
        ("-1", "0"),  // libpg_query's JSON writes both as an empty integer; the SQL tells them apart
        ("-1", "-2"),
        ("a > 0", "a >= 0"),
        ("now()", "CURRENT_TIMESTAMP"),
        ("a", "b"),
        ("'x'", "'y'::text"),
        ("a AND b", "a OR b"),
        ("a IN (1, 2)", "(a = ANY (ARRAY[1, 3]))"),
        ("a IN (1, 2)", "(a <> ALL (ARRAY[1, 2]))"),
        ("a BETWEEN 1 AND 5", "((a >= 1) AND (a < 5))"),
        ("s LIKE 'a%'", "(s ~~* 'a%'::text)"),
        ("a IS DISTINCT FROM b", "(NOT (a IS DISTINCT FROM b))"),
        ("a AND (b OR c)", "(a AND b) OR c"),
        ("f(a, b)", "f(b, a)"),
        ("x IS NULL", "x IS NOT NULL"),
    ])
    func differentMeaning(a: String, b: String) {
        #expect(!ExpressionMeaning.same(a, b))
    }

    @Test func textThatDoesNotParseIsNeverTheSame() {
        #expect(!ExpressionMeaning.same("a >", "a > 1"))
        #expect(ExpressionMeaning.canonical("a >") == nil)
    }

    /// Written back from the parse tree, an expression keeps its meaning.
    @Test(arguments: [
        "a > -1 AND b IS NOT NULL",
        "length(name) < 200 OR NOT active",
        "'it''s'::text",
        "CURRENT_DATE",
        "(2 + 3) * 4",
        "\"Mixed Case\" <> ''",
    ])
    func writtenBackFromTheTree(expression: String) throws {
        let script = try ParsedScript("SELECT " + expression)
        let value = try #require(script.statements.first?.node["targetList"]?.elements.first?.node("ResTarget")?["val"])
        let text = try ExpressionText.sql(value, names: .asWritten)
        #expect(ExpressionMeaning.same(text, expression), "\(text)")
    }

    @Test func formsTheServerRewritesAreRefused() throws {
        for expression in ["a IN (1, b)", "a BETWEEN SYMMETRIC 1 AND 2", "name LIKE 'x%' ESCAPE '!'", "name SIMILAR TO 'x'", "CASE WHEN a THEN 1 END", "(SELECT 1)"] {
            let script = try ParsedScript("SELECT " + expression)
            let value = try #require(script.statements.first?.node["targetList"]?.elements.first?.node("ResTarget")?["val"])
            #expect(throws: UnsupportedExpression.self, "\(expression)") { try ExpressionText.sql(value, names: .asWritten) }
        }
    }

    /// IN lists of constants, BETWEEN and LIKE are written as the server stores them.
    @Test(arguments: [
        ("a IN (1, 2)", "(a = ANY (ARRAY[1, 2]))"), ("s NOT IN ('x', 'y')", "(s <> ALL (ARRAY['x', 'y']))"),
        ("s IN ('x')", "(s = 'x')"),
        ("a BETWEEN 1 AND 2", "((a >= 1) AND (a <= 2))"), ("a NOT BETWEEN 1 AND 2", "((a < 1) OR (a > 2))"),
        ("name LIKE 'x%'", "(name ~~ 'x%')"), ("name NOT ILIKE 'x%'", "(name !~~* 'x%')"),
    ])
    func rewrittenFormsAsTheServerStoresThem(expression: String, stored: String) throws {
        let script = try ParsedScript("SELECT " + expression)
        let value = try #require(script.statements.first?.node["targetList"]?.elements.first?.node("ResTarget")?["val"])
        #expect(try ExpressionText.sql(value, names: .asWritten) == stored)
        // The server's text casts the values; the meaning is the same.
        #expect(ExpressionMeaning.same("(s <> ALL (ARRAY['x', 'y']))", "(s <> ALL (ARRAY['x'::text, 'y'::text]))"))
    }

    @Test(arguments: [
        ("lower(email)", "lower"), ("(a)::text", "a"), ("'x'::text", "text"), ("a + b", "expr"),
        ("coalesce(a, b)", "coalesce"), ("CURRENT_DATE", "current_date"),
    ])
    func indexColumnNames(expression: String, name: String) throws {
        let script = try ParsedScript("SELECT " + expression)
        let value = try #require(script.statements.first?.node["targetList"]?.elements.first?.node("ResTarget")?["val"])
        #expect(IndexColumnNames.name(of: value) == name)
    }

    /// A view read from a file against the server's `pg_get_viewdef` of it.
    @Test(arguments: [
        ("SELECT t.a, t.b AS c FROM public.t WHERE t.a > 0", " SELECT t.a,\n    t.b AS c\n   FROM public.t\n  WHERE (t.a > 0);"),
        ("SELECT count(*) FROM public.t", " SELECT count(*) AS count\n   FROM public.t;"),
        ("SELECT t.a FROM public.t ORDER BY t.a ASC", " SELECT t.a\n   FROM public.t\n  ORDER BY t.a;"),
        ("SELECT t.a FROM public.t ORDER BY t.a DESC NULLS FIRST", " SELECT t.a\n   FROM public.t\n  ORDER BY t.a DESC;"),
        ("SELECT t.ts FROM public.t WHERE t.ts > now() - interval '7 days'", " SELECT t.ts\n   FROM public.t\n  WHERE (t.ts > (now() - '7 days'::interval));"),
        ("SELECT x.a::timestamptz FROM public.x", " SELECT (x.a)::timestamp with time zone AS a\n   FROM public.x;"),
        ("SELECT a.id FROM public.a JOIN public.b ON b.id = a.id LEFT JOIN public.c ON c.id = a.id",
         " SELECT a.id\n   FROM ((public.a\n     JOIN public.b ON ((b.id = a.id)))\n     LEFT JOIN public.c ON ((c.id = a.id)));"),
        // Every side of a UNION is printed with the leftmost side's column names.
        ("SELECT t.a AS x, 'k' AS kind FROM public.t UNION ALL SELECT u.b, 'l' FROM public.u",
         " SELECT t.a AS x,\n    'k'::text AS kind\n   FROM public.t\nUNION ALL\n SELECT u.b AS x,\n    'l'::text AS kind\n   FROM public.u;"),
    ])
    func sameQuery(file: String, catalog: String) {
        #expect(ExpressionMeaning.sameQuery(file, catalog))
    }

    @Test(arguments: [
        ("SELECT t.a FROM public.t", "SELECT t.b AS a FROM public.t"),
        ("SELECT t.a FROM public.t", "SELECT t.a FROM other.t"),
        ("SELECT t.a FROM public.t ORDER BY t.a", "SELECT t.a FROM public.t ORDER BY t.a DESC"),
        ("SELECT t.a FROM public.t ORDER BY t.a NULLS FIRST", "SELECT t.a FROM public.t ORDER BY t.a"),
        ("SELECT t.a AS x FROM public.t", "SELECT t.a FROM public.t"),
        ("SELECT t.a FROM public.t UNION SELECT u.b FROM public.u", "SELECT t.a FROM public.t UNION ALL SELECT u.b FROM public.u"),
        ("SELECT t.a FROM public.t", "not sql"),
    ])
    func differentQueries(a: String, b: String) {
        #expect(!ExpressionMeaning.sameQuery(a, b))
    }
}
