import PgDrift
import Testing

/// Names in expressions compared as identities, and constants spelled differently left to the server
/// (issue 15); the offline reader writing names as the server prints them, or deferring.
@Suite struct ExpressionIdentityUnitTests {
    @Test(arguments: [
        ("auth.uid() = owner", "(public.uid() = owner)"),
        ("a OPERATOR(other.=) 1", "(a = 1)"),
        ("'x'::public.mood", "'x'::other.mood"),
        ("(n)::public.money2 > 0", "((n)::other.money2 > 0)"),
        ("nextval('a.seq'::regclass)", "nextval('b.seq'::regclass)"),
        ("nextval('seq')", "nextval('public.seq'::regclass)"),  // a name the server resolves: never settled by its text
        ("'x'::text::public.t", "('x'::other.t)::text"),
        ("now()", "public.now()"),
    ])
    func qualifiersAreIdentities(a: String, b: String) {
        #expect(ExpressionMeaning.compare(a, b) == .different)
    }

    @Test(arguments: [
        ("lower(email)", "pg_catalog.lower(email)"),
        ("a OPERATOR(pg_catalog.=) 1", "(a = 1)"),
        ("'x'", "'x'::public.mood"),  // the cast the server adds, on one side only
        ("'x'::character varying", "('x'::character varying)::text"),
        ("x::float8", "(x)::double precision"),
        ("public.uid() = owner", "(public.uid() = owner)"),
    ])
    func pgCatalogAndAddedCastsAreSpelling(a: String, b: String) {
        #expect(ExpressionMeaning.compare(a, b) == .same)
    }

    @Test func constantsSpelledDifferentlyAreTheServersToSettle() {
        let double = ExpressionMeaning.compare("'0.0000'", "'0'::double precision")
        #expect(double == .sameIf([ConstantPair(TypedConstant("0.0000", type: Self.float8), TypedConstant("0", type: Self.float8))]))
        #expect(ExpressionMeaning.compare("f >= '0.00'", "(f >= '0'::double precision)")
            == .sameIf([ConstantPair(TypedConstant("0.00", type: Self.float8), TypedConstant("0", type: Self.float8))]))
        // A bare constant of the catalog is typed by its kind: `true` is a boolean, `12` an integer.
        #expect(ExpressionMeaning.compare("'yes'", "true") == .sameIf([ConstantPair(TypedConstant("yes", type: "boolean"), TypedConstant("true", type: "boolean"))]))
        #expect(ExpressionMeaning.compare("'0012'", "12") == .sameIf([ConstantPair(TypedConstant("0012", type: "integer"), TypedConstant("12", type: "integer"))]))
        // A cast with modifiers (found by the differential test: `'0003.1'::numeric(10,2)` in a file, the
        // server's `3.1::numeric(10,2)`) is asked about as that type, modifiers and all.
        #expect(ExpressionMeaning.compare("('0003.1')::numeric(10,2)", "3.1::numeric(10,2)")
            == .sameIf([ConstantPair(TypedConstant("0003.1", type: "pg_catalog.\"numeric\"(10,2)"), TypedConstant("3.1", type: "pg_catalog.\"numeric\"(10,2)"))]))
        // Untyped on both sides, or casts to different types: different by the text alone.
        #expect(ExpressionMeaning.compare("'a'", "'b'") == .different)
        #expect(ExpressionMeaning.compare("'1.50'::real", "'1.5'::double precision") == .different)
        #expect(ExpressionMeaning.compare("NULL", "'0'::integer") == .different)
    }

    @Test func answersSettleThePairsAndMissesAreRecorded() {
        let pair = ConstantPair(TypedConstant("0.0000", type: Self.float8), TypedConstant("0", type: Self.float8))
        let unasked = ConstantSpellings()
        let findings = SchemaDiff.constantsToCanonicalise(
            expected: Self.table(default: "'0.0000'"), actual: Self.table(default: "'0'::double precision"))
        #expect(findings == [pair.left, pair.right])
        #expect(unasked.needed.isEmpty)
        let answered = ConstantSpellings(answers: [pair.left: "0", pair.right: "0"], asked: [pair.left, pair.right])
        #expect(SchemaDiff.findings(expected: Self.table(default: "'0.0000'"), actual: Self.table(default: "'0'::double precision"), constants: answered).isEmpty)
        let refused = ConstantSpellings(answers: [pair.right: "0"], asked: [pair.left, pair.right])
        #expect(SchemaDiff.findings(expected: Self.table(default: "'0.0000'"), actual: Self.table(default: "'0'::double precision"), constants: refused)
            .map(\.kind) == [.defaultMismatch])
    }

    /// The type as the comparison writes it for the cast: the parser's name for `double precision`.
    static let float8 = "pg_catalog.float8"

    static func table(default expression: String) -> Catalog {
        var column = Column(name: "f", type: .doublePrecision)
        column.defaultExpression = expression
        return Catalog(tables: [Table(name: QualifiedName("public", "t"), columns: [column])])
    }

    // MARK: the offline reader

    static func policy(_ sql: String) throws -> String? {
        let outcome = try OfflineSchemaLoader.load([(path: "1.sql", sql: sql)])
        guard case .exact(let catalog, _) = outcome else { return "fell back: \(outcome)" }
        return catalog.tables[QualifiedName("public", "t")]?.policies["p"]?.using
    }

    static let setup = """
        CREATE SCHEMA auth;
        CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql AS 'SELECT NULL::uuid';
        CREATE FUNCTION public.uid() RETURNS uuid LANGUAGE sql AS 'SELECT NULL::uuid';
        CREATE FUNCTION public.lower(uuid) RETURNS uuid LANGUAGE sql AS 'SELECT $1';
        CREATE TYPE mood AS ENUM ('x');
        CREATE TABLE t (owner uuid, m mood, n int);

        """

    @Test(arguments: [
        ("uid() = owner", "(public.uid() = owner)"),
        ("auth.uid() = owner", "(auth.uid() = owner)"),
        ("pg_catalog.now() IS NOT NULL", "(now() IS NOT NULL)"),
        ("m = 'x'::mood", "(m = ('x')::public.mood)"),
        ("n::float8 > 0", "((n)::double precision > 0)"),
        ("current_setting('app.x') = 'y'", "(current_setting('app.x') = 'y')"),
    ])
    func offlineNamesAreWrittenAsTheServerPrintsThem(condition: String, written: String) throws {
        #expect(try Self.policy(Self.setup + "CREATE POLICY p ON t USING (\(condition));") == written)
    }

    @Test(arguments: [
        ("SET search_path TO auth, public; CREATE POLICY p ON t USING (uid() = owner);", "1.sql:7: a call of uid, which several schemas of the search path have is not read offline"),
        ("CREATE POLICY p ON t USING (lower(owner) IS NULL);", "1.sql:7: a call of lower, both a built-in function and one of schema public is not read offline"),
        ("CREATE POLICY p ON t USING (other.uid() = owner);", "1.sql:7: a call of other.uid, which the migrations do not create is not read offline"),
        ("CREATE POLICY p ON t USING (nobody() = owner);", "1.sql:7: a call of nobody, which no schema of the search path has is not read offline"),
        ("CREATE POLICY p ON t USING ('t'::regclass IS NOT NULL);", "1.sql:7: a cast to regclass is not read offline"),
        ("CREATE POLICY p ON t USING (n OPERATOR(auth.=) 1);", "1.sql:7: the operator auth.= is not read offline"),
        ("CREATE POLICY p ON t USING (uid() = owner);\nDROP FUNCTION public.uid();", "1.sql:8: dropping function public.uid, which an expression calls"),
        ("CREATE POLICY p ON t USING (uid() = owner);\nALTER FUNCTION public.uid() RENAME TO uid2;", "1.sql:8: renaming function public.uid, which an expression calls"),
        // Found by the differential test (OfflineDifferentialTests): a search_path set anywhere but pg_dump's
        // own `SELECT set_config(...)` moved later objects while the reader passed over it.
        ("DO $$ BEGIN PERFORM set_config('search_path', 'auth', false); END $$;", "1.sql:7: set_config('search_path', ...) is not read offline"),
        ("SELECT set_config('search_path', 'auth', false), 1;", "1.sql:7: set_config('search_path', ...) is not read offline"),
        ("SELECT pg_catalog.set_config('search_path', 'auth', true);", "1.sql:7: set_config('search_path', ...) is not read offline"),
        // Found by the differential test: the server drops a cast to the type an expression already has
        // (`(1 + 2)::integer` is stored as `(1 + 2)`) and keeps others; the reader cannot tell which.
        ("CREATE POLICY p ON t USING (n > (1 + 2)::integer);", "1.sql:7: a cast of an expression other than a constant or a column is not read offline"),
        // Found by the differential test: `x IN (a, b)` is stored as `x = ANY (ARRAY[a, b])`, but as
        // `x = a OR x = b` when x is an array (no array of it); only a column's type is known.
        ("ALTER TABLE t ADD COLUMN a int[];\nCREATE POLICY p ON t USING (a IN ('{1}', '{2}'));", "1.sql:8: an IN list on a value that may be an array is not read offline"),
        ("CREATE POLICY p ON t USING (lower(owner::text) IN ('a', 'b'));", "1.sql:7: an IN list on a value that may be an array is not read offline"),
    ])
    func offlineNamesThatCannotBeResolvedDefer(sql: String, reason: String) throws {
        let outcome = try OfflineSchemaLoader.load([(path: "1.sql", sql: Self.setup + sql)])
        guard case .needsServer(let found) = outcome else {
            Issue.record("read offline: \(sql)")
            return
        }
        #expect(found == reason)
    }
}
