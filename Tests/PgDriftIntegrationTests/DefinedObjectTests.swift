import Foundation
import PgDrift
import PgDriftTestSupport
import Testing

/// Operators, operator families and classes, casts, aggregates, collations, text search dictionaries and
/// configurations, rules, extended statistics, event triggers, publications, foreign data wrappers,
/// servers, user mappings and foreign tables are compared end to end (issue 22): introspected, found
/// missing, extra or different, planned, and the plan converges with pg_dump as the oracle.
@Suite struct DefinedObjectTests {
    /// Tables and functions the objects use: on both sides.
    static let base = """
        CREATE TABLE accounts (id int PRIMARY KEY, code text, name text);
        CREATE TABLE tickets (id int, note text);
        CREATE FUNCTION et() RETURNS event_trigger LANGUAGE plpgsql AS 'BEGIN END';
        CREATE FUNCTION abs_lt(int, int) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT abs($1) < abs($2)';
        CREATE FUNCTION abs_gt(int, int) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT abs($1) > abs($2)';
        CREATE FUNCTION abs_cmp(int, int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT btint4cmp(abs($1), abs($2))';

        """

    /// One of each kind, with most of their clauses set.
    static let objects = """
        CREATE COLLATION german (provider = icu, locale = 'de-u-ks-level2', deterministic = false);
        CREATE COLLATION c_like (lc_collate = 'C', lc_ctype = 'C');
        CREATE TEXT SEARCH DICTIONARY my_stem (TEMPLATE = snowball, language = 'english');
        CREATE TEXT SEARCH CONFIGURATION my_en (COPY = english);
        ALTER TEXT SEARCH CONFIGURATION my_en ALTER MAPPING FOR asciiword WITH my_stem, simple;
        CREATE AGGREGATE my_sum(int) (sfunc = int4pl, stype = int, initcond = '0', parallel = safe);
        CREATE AGGREGATE my_max(int) (sfunc = int4larger, stype = int, sortop = >);
        CREATE PUBLICATION pub FOR TABLE accounts (id, code) WHERE (id > 0), TABLE tickets WITH (publish = 'insert, update');
        CREATE CAST (accounts AS text) WITH INOUT AS ASSIGNMENT;
        CREATE STATISTICS st (ndistinct, dependencies) ON code, name FROM accounts;
        ALTER STATISTICS st SET STATISTICS 500;
        CREATE RULE r AS ON DELETE TO tickets DO INSTEAD NOTHING;
        ALTER TABLE tickets DISABLE RULE r;
        CREATE FOREIGN DATA WRAPPER fdw OPTIONS (debug 'true');
        CREATE SERVER srv TYPE 'x' VERSION '1' FOREIGN DATA WRAPPER fdw OPTIONS (host 'db.internal', port '5432');
        CREATE USER MAPPING FOR PUBLIC SERVER srv;
        CREATE FOREIGN TABLE ft (a int OPTIONS (column_name 'A') NOT NULL DEFAULT 1, "B c" text) SERVER srv OPTIONS (table_name 'remote');
        CREATE EVENT TRIGGER etr ON ddl_command_start WHEN TAG IN ('CREATE TABLE', 'DROP TABLE') EXECUTE FUNCTION et();
        CREATE OPERATOR <<< (LEFTARG = int, RIGHTARG = int, FUNCTION = abs_lt, COMMUTATOR = >>>, RESTRICT = scalarltsel, JOIN = scalarltjoinsel);
        CREATE OPERATOR >>> (LEFTARG = int, RIGHTARG = int, FUNCTION = abs_gt, COMMUTATOR = <<<);
        CREATE OPERATOR FAMILY abs_ops USING btree;
        CREATE OPERATOR CLASS abs_int_ops FOR TYPE int USING btree FAMILY abs_ops AS OPERATOR 1 <<<, OPERATOR 5 >>>, FUNCTION 1 abs_cmp(int, int);
        ALTER OPERATOR FAMILY abs_ops USING btree ADD FUNCTION 1 (int, bigint) btint48cmp(int, bigint);

        """

    /// The same objects, each changed in a clause or two.
    static let changed = """
        CREATE COLLATION german (provider = icu, locale = 'de');
        CREATE COLLATION c_like (lc_collate = 'C', lc_ctype = 'C');
        CREATE TEXT SEARCH DICTIONARY my_stem (TEMPLATE = snowball, language = 'german');
        CREATE TEXT SEARCH CONFIGURATION my_en (COPY = english);
        CREATE AGGREGATE my_sum(int) (sfunc = int4pl, stype = int);
        CREATE AGGREGATE my_max(int) (sfunc = int4larger, stype = int, sortop = >);
        CREATE PUBLICATION pub FOR TABLE accounts;
        CREATE CAST (accounts AS text) WITH INOUT;
        CREATE STATISTICS st (ndistinct) ON code, name FROM accounts;
        CREATE RULE r AS ON DELETE TO tickets DO INSTEAD NOTHING;
        CREATE FOREIGN DATA WRAPPER fdw;
        CREATE SERVER srv FOREIGN DATA WRAPPER fdw OPTIONS (host 'db.other');
        CREATE FOREIGN TABLE ft (a bigint) SERVER srv;
        CREATE EVENT TRIGGER etr ON ddl_command_end EXECUTE FUNCTION et();
        CREATE OPERATOR <<< (LEFTARG = int, RIGHTARG = int, FUNCTION = abs_gt);
        CREATE OPERATOR FAMILY abs_ops USING btree;

        """

    @Test func missingObjectsAreFoundAndPlannedToConvergence() throws {
        let run = try PlanConvergence(label: "defined_create", before: Self.base, after: Self.base + Self.objects, options: PlanOptions())
        #expect(run.remaining.isEmpty, "\(run.remaining.map(\.message))\n\(run.plan.render())")
        #expect(run.secondPlan.isEmpty, "\(run.secondPlan.render())")
        let dumps = try run.dumps()
        #expect(dumps.migrated.sorted() == dumps.target.sorted(), "\(PlanConvergence.difference(dumps.migrated, dumps.target))\n\(run.plan.render())")
    }

    @Test func changedObjectsAreRecreatedToConvergence() throws {
        let run = try PlanConvergence(label: "defined_change", before: Self.base + Self.changed, after: Self.base + Self.objects, options: PlanOptions())
        #expect(run.remaining.isEmpty, "\(run.remaining.map(\.message))\n\(run.plan.render())")
        // A rule that differs only in being enabled is altered, not dropped and created again.
        let sql = run.plan.statements.map(\.sql)
        #expect(sql.contains("ALTER TABLE public.tickets DISABLE RULE r;") && !sql.contains { $0.contains("DROP RULE") }, "\(sql)")
        #expect(run.secondPlan.isEmpty, "\(run.secondPlan.render())")
        let dumps = try run.dumps()
        #expect(dumps.migrated.sorted() == dumps.target.sorted(), "\(PlanConvergence.difference(dumps.migrated, dumps.target))\n\(run.plan.render())")
    }

    @Test func extraObjectsAreDroppedToConvergence() throws {
        let run = try PlanConvergence(label: "defined_drop", before: Self.base + Self.objects, after: Self.base, options: PlanOptions(allowDestructive: true))
        #expect(run.remaining.isEmpty, "\(run.remaining.map(\.message))\n\(run.plan.render())")
        #expect(run.secondPlan.isEmpty, "\(run.secondPlan.render())")
        let dumps = try run.dumps()
        #expect(dumps.migrated.sorted() == dumps.target.sorted(), "\(PlanConvergence.difference(dumps.migrated, dumps.target))\n\(run.plan.render())")
    }

    /// Each difference is one finding naming the kind and the clauses, with both sides' values.
    @Test func findingsNameTheKindAndTheClauses() throws {
        let database = try TestDatabase("defined_findings_db", sql: Self.base + Self.changed)
        let expected = try TestDatabase("defined_findings_expected", sql: Self.base + Self.objects).catalog()
        let findings = try Audit(source: .canonical(expected, name: "objects")).run(against: database.connectionString, expected: expected).findings
        let rendered = findings.map { "\($0.severity) \($0.kind.rawValue) \($0.message) | \($0.expected ?? "-") | \($0.actual ?? "-")" }
        #expect(rendered == [
            "error missing_object user mapping public on server srv does not exist | server srv | -",
            "error object_mismatch cast (public.accounts AS pg_catalog.text) differs: context | context AS ASSIGNMENT | context: none",
            "error object_mismatch event trigger etr differs: event, tags | event ddl_command_start; tags 'CREATE TABLE', 'DROP TABLE' | event ddl_command_end; tags: none",
            "error object_mismatch foreign data wrapper fdw differs: option debug | option debug 'true' | option debug: none",
            "error object_mismatch publication pub differs: publish, table public.accounts, table public.tickets | publish 'insert, update'; table public.accounts (id, code) WHERE ((id > 0)); table public.tickets | publish: none; table public.accounts; table public.tickets: none",
            "error object_mismatch foreign server srv differs: option host, option port, type, version | option host 'db.internal'; option port '5432'; type 'x'; version '1' | option host 'db.other'; option port: none; type: none; version: none",
            "error missing_object operator public.>>>(integer,integer) does not exist | FUNCTION public.abs_gt; LEFTARG integer; RIGHTARG integer; COMMUTATOR OPERATOR(public.<<<) | -",
            "error missing_object operator class public.abs_int_ops USING btree does not exist | type integer; method btree; family public.abs_ops; function 1 (integer, integer) public.abs_cmp(integer,integer); operator 1 (integer, integer) public.<<<(integer,integer); operator 5 (integer, integer) public.>>>(integer,integer) | -",
            "error object_mismatch operator public.<<<(integer,integer) differs: COMMUTATOR, FUNCTION, JOIN, RESTRICT | COMMUTATOR OPERATOR(public.>>>); FUNCTION public.abs_lt; JOIN scalarltjoinsel; RESTRICT scalarltsel | COMMUTATOR: none; FUNCTION public.abs_gt; JOIN: none; RESTRICT: none",
            "error object_mismatch operator family public.abs_ops USING btree differs: function 1 (integer, bigint) | function 1 (integer, bigint) btint48cmp(integer,bigint) | function 1 (integer, bigint): none",
            "error object_mismatch foreign table public.ft differs: column B c, column a, option table_name | column B c text; column a integer OPTIONS (column_name 'A') NOT NULL DEFAULT 1; option table_name 'remote' | column B c: none; column a bigint; option table_name: none",
            "error object_mismatch collation public.german differs: DETERMINISTIC, LOCALE | DETERMINISTIC false; LOCALE 'de-u-ks-level2' | DETERMINISTIC: none; LOCALE 'de'",
            "error object_mismatch text search configuration public.my_en differs: mapping asciiword | mapping asciiword public.my_stem, simple | mapping asciiword english_stem",
            "error object_mismatch text search dictionary public.my_stem differs: options | options language = 'english' | options language = 'german'",
            "error object_mismatch aggregate public.my_sum(integer) differs: INITCOND, PARALLEL | INITCOND '0'; PARALLEL SAFE | INITCOND: none; PARALLEL: none",
            "error object_mismatch extended statistics public.st differs: definition, statistics | definition CREATE STATISTICS public.st (ndistinct, dependencies) ON code, name FROM public.accounts; statistics 500 | definition CREATE STATISTICS public.st (ndistinct) ON code, name FROM public.accounts; statistics: none",
            "error object_mismatch rule r on public.tickets differs: enabled | enabled DISABLE | enabled: none",
        ], "\(rendered.joined(separator: "\n"))")
    }

    /// `--ignore` names them by identity, or by kind and identity.
    @Test func ignoreGlobsNameThemByIdentityOrKind() throws {
        let want = try TestDatabase("defined_ignore_want", sql: Self.base)
        let have = try TestDatabase("defined_ignore_have", sql: Self.base + """
            CREATE PUBLICATION platform_pub FOR ALL TABLES;
            CREATE EVENT TRIGGER platform_watch ON ddl_command_end EXECUTE FUNCTION et();
            CREATE COLLATION german (provider = icu, locale = 'de');
            """)
        var audit = Audit(source: .database(want.connectionString))
        let plain = try audit.run(against: have.connectionString).findings.map { "\($0.kind.rawValue) \($0.object ?? "")" }
        #expect(plain == ["extra_object platform_pub", "extra_object platform_watch", "extra_object public.german"])
        audit.ignore = ["platform_*", "collation public.*"]
        #expect(try audit.run(against: have.connectionString).findings.isEmpty)
        audit.ignore = ["event trigger *"]
        #expect(try audit.run(against: have.connectionString).findings.map(\.object) == ["platform_pub", "public.german"])
    }

    /// Read from migrations, a missing or different object points at the statement that declared it.
    @Test func findingsFromMigrationsSayWhereTheObjectWasDeclared() throws {
        let folder = try TruthRegressionTests.folder(Self.base + """
            CREATE OPERATOR <<< (LEFTARG = int, RIGHTARG = int, FUNCTION = abs_lt);
            CREATE RULE r AS ON DELETE TO tickets DO INSTEAD NOTHING;
            CREATE PUBLICATION pub FOR TABLE accounts;
            CREATE COLLATION german (provider = icu, locale = 'de');
            """)
        let database = try TestDatabase("defined_sources", sql: Self.base + "CREATE COLLATION german (provider = icu, locale = 'fr');")
        let findings = try Audit(source: .sqlDirectory(folder)).run(against: database.connectionString).findings
        let located = findings.map { "\($0.kind.rawValue) \($0.object ?? ""): \($0.source.map { "\(($0.file as NSString).lastPathComponent):\($0.line)" } ?? "-")" }
        #expect(located == [
            "missing_object pub: 001_init.sql:9",
            "missing_object public.<<<(integer,integer): 001_init.sql:7",
            "object_mismatch public.german: 001_init.sql:10",
            "missing_object r on public.tickets: 001_init.sql:8",
        ], "\(located)")
    }
}
