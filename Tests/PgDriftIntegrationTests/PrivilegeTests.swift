import Foundation
import PgDrift
import PgDriftTestSupport
import Testing

/// Privileges end to end (issue 17): for each kind, two databases that differ only in its grants.
/// `check --with-privileges` reports exactly the findings (database against database, and from the SQL
/// read offline and through the shadow database), `check` without the flag reports nothing,
/// `plan --with-privileges` fixes it, and `pg_dump --schema-only` with privileges is equal after.
@Suite struct PrivilegeTests {
    /// Roles of these tests only (roles are cluster-wide and tests run in parallel).
    static let app = "pgdrift_priv_app"
    static let auditor = "pgdrift_priv_auditor"
    static let owner = "pgdrift_priv_owner"

    init() throws {
        for role in [Self.app, Self.auditor, Self.owner] {
            try TestDatabase.executeInCluster(
                "DO $$ BEGIN CREATE ROLE \(role); EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$")
        }
    }

    static func render(_ findings: [Finding]) -> [String] {
        findings.map { finding in
            "\(finding.kind.rawValue) \(finding.path)" + (finding.object.map { " \($0)" } ?? "")
                + ": \(finding.message) | \(finding.expected ?? "-") | \(finding.actual ?? "-")"
        }.sorted()
    }

    /// The findings of `actual` against `expected` (a database), with and without `--with-privileges`.
    static func findings(expected: String, against actual: TestDatabase, privileges: Bool = true) throws -> [String] {
        var audit = Audit(source: .database(expected))
        audit.diffOptions.comparePrivileges = privileges
        return render(try audit.run(against: actual.connectionString).findings)
    }

    /// Found (and only with the flag), planned, fixed, and pg_dump (privileges included) equal after.
    static func expectFoundAndFixed(
        _ label: String, base: String, expected: String, actual: String, findings: [String], fromSQL: Bool = true,
        readsOffline: Bool = true
    ) throws {
        let target = try TestDatabase(label + "_target", sql: base + expected)
        let drift = try TestDatabase(label + "_drift", sql: base + actual)
        #expect(try Self.findings(expected: target.connectionString, against: drift) == findings.sorted())
        #expect(try Self.findings(expected: target.connectionString, against: drift, privileges: false) == [])
        if fromSQL {
            // The SQL read offline (GRANT and REVOKE replayed) and through the shadow database.
            let folder = try TruthRegressionTests.folder(base + expected)
            for shadow in [false, true] {
                var audit = Audit(source: .sqlDirectory(folder))
                audit.diffOptions.comparePrivileges = true
                audit.shadow = shadow
                var notes: [String] = []
                audit.onNote = { notes.append($0) }
                #expect(render(try audit.run(against: drift.connectionString).findings) == findings.sorted(), "shadow: \(shadow)")
                if !shadow && readsOffline { #expect(!notes.contains { $0.contains("shadow database") }, "\(notes)") }
            }
        }
        let run = try PlanConvergence(
            label: label, before: base + actual, after: base + expected, options: PlanOptions(withPrivileges: true), rerun: .succeeds,
            privileges: true)
        #expect(run.remaining.isEmpty, "\(run.remaining.map(\.message))\n\(run.plan.render())")
        #expect(run.secondPlan.isEmpty, "\(run.secondPlan.render())")
        let dumps = try run.dumps()
        #expect(dumps.migrated.sorted() == dumps.target.sorted(), "\(PlanConvergence.difference(dumps.migrated, dumps.target))\n\(run.plan.render())")
    }

    @Test func tableGrants() throws {
        try Self.expectFoundAndFixed(
            "priv_table", base: "CREATE TABLE t (id int, note text);\n",
            expected: "GRANT SELECT, UPDATE ON t TO \(Self.app);\nGRANT SELECT ON t TO \(Self.auditor) WITH GRANT OPTION;\n",
            actual: "GRANT DELETE ON t TO \(Self.app);\nGRANT SELECT ON t TO \(Self.auditor);\nGRANT SELECT ON t TO PUBLIC;\n",
            findings: [
                "privilege_mismatch public.t: table public.t: PUBLIC has SELECT not expected | - | SELECT",
                "privilege_mismatch public.t: table public.t: role \(Self.app) lacks SELECT, UPDATE; has DELETE not expected | SELECT, UPDATE | DELETE",
                "privilege_mismatch public.t: table public.t: role \(Self.auditor) lacks GRANT OPTION FOR SELECT | SELECT WITH GRANT OPTION | SELECT",
            ])
        // The grant option the other way round.
        try Self.expectFoundAndFixed(
            "priv_table_option", base: "CREATE TABLE t (id int);\n",
            expected: "GRANT SELECT ON t TO \(Self.auditor);\n", actual: "GRANT SELECT ON t TO \(Self.auditor) WITH GRANT OPTION;\n",
            findings: ["privilege_mismatch public.t: table public.t: role \(Self.auditor) has GRANT OPTION FOR SELECT not expected | SELECT | SELECT WITH GRANT OPTION"])
    }

    @Test func viewAndMaterializedViewGrants() throws {
        try Self.expectFoundAndFixed(
            "priv_views", base: "CREATE TABLE t (id int);\nCREATE VIEW v AS SELECT id FROM t;\nCREATE MATERIALIZED VIEW m AS SELECT id FROM t;\n",
            expected: "GRANT SELECT ON v TO \(Self.app);\nGRANT SELECT ON m TO PUBLIC;\n", actual: "",
            findings: [
                "privilege_mismatch public.m: materialized view public.m: PUBLIC lacks SELECT | SELECT | -",
                "privilege_mismatch public.v: view public.v: role \(Self.app) lacks SELECT | SELECT | -",
            ])
    }

    /// `GRANT SELECT (col)`: one finding per column and grantee; a table-level SELECT in the database
    /// is revoked (which takes the columns' along) and the column grants made again.
    @Test func columnGrants() throws {
        try Self.expectFoundAndFixed(
            "priv_columns", base: "CREATE TABLE t (id int, name text, secret text);\n",
            expected: "GRANT SELECT (id, name), UPDATE (name) ON t TO \(Self.app);\nGRANT SELECT (id) ON t TO \(Self.auditor);\n",
            actual: "GRANT SELECT (id, secret) ON t TO \(Self.app);\nGRANT SELECT ON t TO \(Self.auditor);\nGRANT SELECT (id) ON t TO \(Self.auditor);\n",
            findings: [
                "privilege_mismatch public.t: table public.t: role \(Self.auditor) has SELECT not expected | - | SELECT",
                "privilege_mismatch public.t.name: column public.t.name: role \(Self.app) lacks SELECT, UPDATE | SELECT, UPDATE | -",
                "privilege_mismatch public.t.secret: column public.t.secret: role \(Self.app) has SELECT not expected | - | SELECT",
            ])
    }

    @Test func sequenceGrants() throws {
        try Self.expectFoundAndFixed(
            "priv_sequence", base: "CREATE SEQUENCE s;\n",
            expected: "GRANT USAGE, SELECT ON SEQUENCE s TO \(Self.app);\n", actual: "GRANT UPDATE ON SEQUENCE s TO \(Self.app);\n",
            findings: ["privilege_mismatch public s: sequence public.s: role \(Self.app) lacks SELECT, USAGE; has UPDATE not expected | SELECT, USAGE | UPDATE"])
    }

    /// EXECUTE to PUBLIC is a function's default: revoking it is drift, and a function never touched
    /// equals one whose ACL was revoked and granted back.
    @Test func functionAndProcedureGrants() throws {
        let base = """
            CREATE FUNCTION f(x integer) RETURNS integer LANGUAGE sql AS 'SELECT x';
            CREATE PROCEDURE p() LANGUAGE sql AS 'SELECT 1';
            CREATE FUNCTION untouched() RETURNS integer LANGUAGE sql AS 'SELECT 1';

            """
        try Self.expectFoundAndFixed(
            "priv_routines", base: base,
            expected: "REVOKE EXECUTE ON FUNCTION f(integer) FROM PUBLIC;\nGRANT EXECUTE ON FUNCTION f(integer) TO \(Self.app);\n",
            actual: "REVOKE ALL ON PROCEDURE p() FROM PUBLIC;\nREVOKE ALL ON FUNCTION untouched() FROM PUBLIC;\nGRANT EXECUTE ON FUNCTION untouched() TO PUBLIC;\n",
            findings: [
                "privilege_mismatch public f(x integer): function public.f(x integer): PUBLIC has EXECUTE not expected | - | EXECUTE",
                "privilege_mismatch public f(x integer): function public.f(x integer): role \(Self.app) lacks EXECUTE | EXECUTE | -",
                "privilege_mismatch public p(): procedure public.p(): PUBLIC lacks EXECUTE | EXECUTE | -",
            ])
    }

    @Test func schemaGrants() throws {
        try Self.expectFoundAndFixed(
            "priv_schema", base: "CREATE SCHEMA \"Mixed Schema\";\n",
            expected: "GRANT USAGE ON SCHEMA \"Mixed Schema\" TO \(Self.app) WITH GRANT OPTION;\n",
            actual: "GRANT CREATE ON SCHEMA \"Mixed Schema\" TO PUBLIC;\n",
            findings: [
                "privilege_mismatch Mixed Schema: schema Mixed Schema: PUBLIC has CREATE not expected | - | CREATE",
                "privilege_mismatch Mixed Schema: schema Mixed Schema: role \(Self.app) lacks USAGE WITH GRANT OPTION | USAGE WITH GRANT OPTION | -",
            ])
    }

    /// USAGE to PUBLIC is a type's default, for enums, composite and range types and domains.
    @Test func typeAndDomainGrants() throws {
        let base = """
            CREATE TYPE mood AS ENUM ('ok');
            CREATE TYPE pair AS (a int, b int);
            CREATE TYPE span AS RANGE (subtype = int4);
            CREATE DOMAIN positive AS int CHECK (VALUE > 0);

            """
        try Self.expectFoundAndFixed(
            "priv_types", base: base,
            expected: "REVOKE USAGE ON TYPE mood FROM PUBLIC;\nGRANT USAGE ON TYPE pair TO \(Self.app);\nGRANT USAGE ON DOMAIN positive TO \(Self.app) WITH GRANT OPTION;\n",
            actual: "REVOKE USAGE ON TYPE span FROM PUBLIC;\n",
            findings: [
                "privilege_mismatch public mood: type public.mood: PUBLIC has USAGE not expected | - | USAGE",
                "privilege_mismatch public pair: type public.pair: role \(Self.app) lacks USAGE | USAGE | -",
                "privilege_mismatch public positive: domain public.positive: role \(Self.app) lacks USAGE WITH GRANT OPTION | USAGE WITH GRANT OPTION | -",
                "privilege_mismatch public span: type public.span: PUBLIC lacks USAGE | USAGE | -",
            ],
            readsOffline: false)  // CREATE TYPE AS RANGE defers to the shadow database
    }

    /// `ALTER DEFAULT PRIVILEGES`, per role, schema and object type; an entry for every schema that
    /// revokes EXECUTE from PUBLIC is drift against none. Database against database only: the offline
    /// reader defers it, and the shadow database runs migrations as a role that may not act FOR ROLE another.
    @Test func defaultPrivileges() throws {
        let base = "CREATE SCHEMA app;\n"
        let prefix = "ALTER DEFAULT PRIVILEGES FOR ROLE \(Self.owner)"
        try Self.expectFoundAndFixed(
            "priv_default", base: base,
            expected: """
                \(prefix) IN SCHEMA app GRANT SELECT, INSERT ON TABLES TO \(Self.app);
                \(prefix) REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
                \(prefix) GRANT USAGE ON SCHEMAS TO \(Self.auditor) WITH GRANT OPTION;

                """,
            actual: "\(prefix) IN SCHEMA app GRANT DELETE ON TABLES TO \(Self.app);\n\(prefix) GRANT USAGE ON SEQUENCES TO \(Self.app);\n",
            findings: [
                "privilege_mismatch  default privileges of role \(Self.owner) on FUNCTIONS: default privileges of role \(Self.owner) on FUNCTIONS: PUBLIC has EXECUTE not expected | - | EXECUTE",
                "privilege_mismatch  default privileges of role \(Self.owner) on SCHEMAS: default privileges of role \(Self.owner) on SCHEMAS: role \(Self.auditor) lacks USAGE WITH GRANT OPTION | USAGE WITH GRANT OPTION | -",
                "privilege_mismatch  default privileges of role \(Self.owner) on SEQUENCES: default privileges of role \(Self.owner) on SEQUENCES: role \(Self.app) has USAGE not expected | - | USAGE",
                "privilege_mismatch app default privileges of role \(Self.owner) in schema app on TABLES: default privileges of role \(Self.owner) in schema app on TABLES: role \(Self.app) lacks SELECT, INSERT; has DELETE not expected | SELECT, INSERT | DELETE",
            ],
            fromSQL: false)
    }

    /// Objects the plan creates get their expected grants without --with-privileges (a re-created
    /// table without `GRANT … TO authenticated` gives "permission denied"), and a function's REVOKE
    /// FROM PUBLIC is kept; grants on objects that exist are left alone without the flag.
    @Test func createdObjectsGetTheirGrantsWithoutTheFlag() throws {
        let after = """
            CREATE TABLE kept (id int);
            GRANT SELECT ON kept TO \(Self.app);
            CREATE TABLE todos (id int, task text);
            GRANT SELECT, INSERT ON todos TO \(Self.app);
            GRANT SELECT (task) ON todos TO \(Self.auditor);
            CREATE FUNCTION admin_only() RETURNS int LANGUAGE sql AS 'SELECT 1';
            REVOKE EXECUTE ON FUNCTION admin_only() FROM PUBLIC;

            """
        let run = try PlanConvergence(
            label: "priv_created", before: "CREATE TABLE kept (id int);\n", after: after, options: PlanOptions(), privileges: true)
        let sql = run.plan.statements.filter { $0.phase == .privileges }.map(\.sql)
        #expect(sql.contains("REVOKE EXECUTE ON FUNCTION public.admin_only() FROM PUBLIC;"), "\(run.plan.render())")
        #expect(!run.plan.render().contains("ON TABLE public.kept"), "\(run.plan.render())")
        #expect(Self.render(run.remaining) == [
            "privilege_mismatch public.kept: table public.kept: role \(Self.app) lacks SELECT | SELECT | -",
        ])
    }

    /// A grantee role the target lacks: the GRANT is skipped, with a comment naming the role and a
    /// NOTICE when it runs, and the rest of the plan applies.
    @Test func aMissingGranteeRoleIsSkippedWithAComment() throws {
        let database = try TestDatabase("priv_missing_role", sql: "CREATE TABLE t (id int);\n")
        let actual = try database.catalog(IntrospectionOptions(includePrivileges: true))
        var expected = actual
        let ghost = "pgdrift_priv_ghost_\(UUID().uuidString.prefix(8).lowercased())"
        expected.tables[QualifiedName("public", "t")]?.grants = [
            Grant(grantee: ghost, privilege: "SELECT"), Grant(grantee: Self.app, privilege: "INSERT"),
        ]
        let plan = MigrationPlanner.plan(expected: expected, actual: actual, options: PlanOptions(withPrivileges: true))
        let text = plan.render()
        #expect(text.contains("-- Skipped, with a NOTICE, when role \(ghost) does not exist on the target."), "\(text)")
        let connection = try database.connect()
        defer { connection.close() }
        try PlanApplier.apply(plan, on: connection)
        let after = try database.catalog(IntrospectionOptions(includePrivileges: true))
        #expect(after.tables[QualifiedName("public", "t")]?.grants == [Grant(grantee: Self.app, privilege: "INSERT")])
    }
}

/// What the offline reader defers when privileges are compared, and why (the role running the
/// migrations is the owner and the subject of default privileges: only a server knows its name).
@Suite struct OfflinePrivilegeTests {
    static func outcome(_ sql: String) throws -> String {
        switch try OfflineSchemaLoader.load([("001.sql", sql)], privileges: true) {
        case .exact: return "exact"
        case .needsServer(let reason): return reason
        }
    }

    @Test(arguments: [
        ("ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO PUBLIC;",
         "001.sql:1: ALTER DEFAULT PRIVILEGES applies to the role running the migrations, which only a server knows"),
        ("CREATE TABLE t (id int);\nGRANT SELECT ON ALL TABLES IN SCHEMA public TO PUBLIC;",
         "001.sql:2: GRANT ON ALL … IN SCHEMA is read through the shadow database"),
        ("CREATE TABLE t (id int);\nGRANT SELECT ON t TO CURRENT_USER;",
         "001.sql:2: CURRENT_USER or SESSION_USER as a grantee is read through the shadow database"),
        ("CREATE TABLE t (id int);\nALTER TABLE t OWNER TO someone;",
         "001.sql:2: an owner change, with privileges compared, is read through the shadow database"),
        ("CREATE TABLE t (id int);\nGRANT SELECT ON t TO PUBLIC;\nALTER TABLE t RENAME TO u;",
         "001.sql:3: RENAME after a GRANT is read through the shadow database (grants follow objects)"),
        ("CREATE TABLE t (id int, c int);\nGRANT SELECT (c) ON t TO PUBLIC;\nALTER TABLE t DROP COLUMN c;",
         "001.sql:3: ALTER TABLE after a GRANT is read through the shadow database (grants follow objects)"),
        ("SET ROLE someone;\nCREATE TABLE t (id int);", "001.sql:1: SET ROLE (who owns what follows), with privileges compared, is read through the shadow database"),
        ("CREATE TABLE t (id int);\nGRANT SELECT (nope) ON t TO PUBLIC;", "001.sql:2: column nope of public.t does not exist"),
        ("CREATE TABLE t (id int);\nGRANT SELECT ON t TO PUBLIC;\nDROP TABLE IF EXISTS other;\n",
         "001.sql:3: DROP after a GRANT is read through the shadow database (grants follow objects)"),
        ("CREATE TABLE t (id int);\nGRANT SELECT ON t TO PUBLIC;\nALTER TABLE t ADD COLUMN c int;\nCREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';",
         "exact"),
    ])
    func defersWhatDependsOnTheRole(sql: String, reason: String) throws {
        #expect(try Self.outcome(sql) == reason)
    }

    /// Read offline: a function's default EXECUTE to PUBLIC, column grants, and REVOKE on the table
    /// taking the columns' privilege along, as the server does.
    @Test func grantsReadOfflineAreTheServers() throws {
        let sql = """
            CREATE TABLE t (id int, c text);
            GRANT SELECT (id, c), UPDATE (c) ON t TO pgdrift_priv_app;
            GRANT SELECT ON t TO pgdrift_priv_app WITH GRANT OPTION;
            REVOKE SELECT ON t FROM pgdrift_priv_app;
            CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';
            CREATE FUNCTION g() RETURNS int LANGUAGE sql AS 'SELECT 1';
            REVOKE ALL ON FUNCTION g() FROM PUBLIC;
            """
        guard case .exact(let catalog, _) = try OfflineSchemaLoader.load([("001.sql", sql)], privileges: true) else {
            Issue.record("not read offline")
            return
        }
        #expect(catalog.tables[QualifiedName("public", "t")]?.grants == [Grant(grantee: "pgdrift_priv_app", privilege: "UPDATE", column: "c")])
        #expect(catalog.functions.map(\.grants) == [[Grant(grantee: "PUBLIC", privilege: "EXECUTE")], []])
        #expect(catalog.schemas["public"]?.grants == [Grant(grantee: "PUBLIC", privilege: "USAGE")])
    }
}

/// The command line: `check --with-privileges` finds, `plan --with-privileges --apply` fixes, and
/// without the flag neither looks at the grants of objects that exist.
@Suite struct PrivilegeCLITests {
    init() throws { _ = try PrivilegeTests() }

    @Test(.enabled(if: PlanCLITests.enabled)) func checkAndPlanWithPrivileges() throws {
        let target = try TestDatabase("priv_cli_target", sql: "CREATE TABLE t (id int);\nGRANT SELECT ON t TO \(PrivilegeTests.app);\n")
        let database = try TestDatabase("priv_cli_db", sql: "CREATE TABLE t (id int);\n")
        let without = try CLITests.run(["check", "--expected", target.connectionString, "--database", database.connectionString])
        #expect(without.code == 0, "\(without.stdout)\(without.stderr)")
        let check = try CLITests.run(["check", "--expected", target.connectionString, "--database", database.connectionString,
                                      "--with-privileges", "--format", "json"])
        #expect(check.code == 0, "privilege_mismatch is a warning: \(check.stderr)")
        #expect(check.stdout.contains("\"message\" : \"table public.t: role \(PrivilegeTests.app) lacks SELECT\""), "\(check.stdout)")
        let plain = try CLITests.run(["plan", "--expected", target.connectionString, "--database", database.connectionString])
        #expect(!plain.stdout.contains("GRANT"), "\(plain.stdout)")
        let plan = try CLITests.run(["plan", "--expected", target.connectionString, "--database", database.connectionString,
                                     "--with-privileges", "--apply"])
        #expect(plan.code == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("GRANT SELECT ON TABLE public.t TO \(PrivilegeTests.app);"), "\(plan.stdout)")
        #expect(plan.stdout.contains("Flags: --with-privileges"), "\(plan.stdout)")
        let after = try database.catalog(IntrospectionOptions(includePrivileges: true))
        #expect(after.tables[QualifiedName("public", "t")]?.grants == [Grant(grantee: PrivilegeTests.app, privilege: "SELECT")])
    }
}

/// Grants on columns the plan drops or renames: no REVOKE on a column that is gone (it would fail).
@Suite struct PrivilegeColumnChangeTests {
    init() throws { _ = try PrivilegeTests() }

    @Test func aDroppedOrRenamedColumnsGrantsNeedNoRevoke() throws {
        let run = try PlanConvergence(
            label: "priv_dropped_column",
            before: "CREATE TABLE t (id int, gone text, old_name text);\nGRANT SELECT (gone, old_name) ON t TO \(PrivilegeTests.app);\n",
            after: "CREATE TABLE t (id int, new_name text);\nGRANT SELECT (new_name) ON t TO \(PrivilegeTests.app);\n",
            options: PlanOptions(allowDestructive: true, renames: true, withPrivileges: true), privileges: true)
        #expect(run.remaining.isEmpty, "\(run.remaining.map(\.message))\n\(run.plan.render())")
        #expect(!run.plan.render().contains("REVOKE"), "\(run.plan.render())")
    }
}
