import Foundation
import PgDrift
import PgDriftTestSupport
import Testing

/// Wrong answers found by trying pgdrift on schemas written elsewhere (issue 15), one test per class:
/// each asserts the whole finding, or that there is none, offline and through the shadow database.
@Suite struct TruthRegressionTests {
    /// A migrations folder with one file.
    static func folder(_ sql: String) throws -> String {
        TestEnvironment.isolated
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-truth-\(UUID())").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try sql.write(toFile: path + "/001_init.sql", atomically: true, encoding: .utf8)
        return path
    }

    /// `kind path object: message | expected | actual` for each finding, offline and with --shadow.
    static func findings(
        _ folder: String, against database: TestDatabase, searchPath: [String]? = nil, shadowSuperuser: Bool = false
    ) throws -> [[String]] {
        try [false, true].map { shadow in
            var audit = Audit(source: .sqlDirectory(folder))
            audit.shadow = shadow
            audit.searchPath = searchPath
            audit.shadowSuperuser = shadowSuperuser
            return try audit.run(against: database.connectionString).findings.map { finding in
                "\(finding.kind.rawValue) \(finding.path)" + (finding.object.map { " \($0)" } ?? "")
                    + ": \(finding.message) | \(finding.expected ?? "-") | \(finding.actual ?? "-")"
            }
        }
    }

    /// Class 2: a policy created inside a DO block (drizzle-kit's and Supabase's idempotent style) was
    /// skipped offline, so a database without it read as clean.
    @Test func aPolicyMadeInADoBlockIsExpected() throws {
        let migration = """
            CREATE TABLE notes (id int PRIMARY KEY, owner text);
            ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
            DO $$ BEGIN
              CREATE POLICY "owner reads" ON notes FOR SELECT USING (owner = current_user);
            EXCEPTION WHEN duplicate_object THEN NULL;
            END $$;
            """
        let folder = try Self.folder(migration)
        let database = try TestDatabase("truth_do_policy", sql: """
            CREATE TABLE notes (id int PRIMARY KEY, owner text);
            ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
            """)
        let expected = "missing_policy public.notes owner reads: policy \"owner reads\" on notes does not exist"
            + " | PERMISSIVE FOR SELECT TO public USING ((owner = CURRENT_USER)) | -"
        let found = try Self.findings(folder, against: database)
        #expect(found == [[expected], [expected]])
    }

    /// Class 8: a constraint added inside a DO block, in a database built from the same file, came out as
    /// `extra_constraint`.
    @Test func aConstraintAddedInADoBlockIsNoDrift() throws {
        let migration = """
            CREATE TABLE accounts (id int PRIMARY KEY, balance numeric);
            DO $$ BEGIN
              ALTER TABLE accounts ADD CONSTRAINT balance_positive CHECK (balance >= 0);
            EXCEPTION WHEN duplicate_object THEN NULL;
            END $$;
            """
        let database = try TestDatabase("truth_do_constraint", sql: migration)
        #expect(try Self.findings(Self.folder(migration), against: database) == [[], []])
    }

    /// Class 9: a missing table with a serial column is one finding, carrying its owned sequence — not
    /// also a `missing_sequence` (one finding per drift).
    @Test func aMissingTableCarriesItsOwnedSequence() throws {
        let folder = try Self.folder("CREATE TABLE kept (id int);\nCREATE TABLE lost (id serial PRIMARY KEY, note text);\n")
        let database = try TestDatabase("truth_owned_sequence", sql: "CREATE TABLE kept (id int);")
        let expected = "missing_table public.lost: table public.lost does not exist"
            + " | 2 columns (id integer, note text), primary key (id), owned sequence public.lost_id_seq | -"
        #expect(try Self.findings(folder, against: database) == [[expected], [expected]])
        // The other way round: an extra table, with its sequence, is one warning too.
        let extra = try TestDatabase("truth_owned_sequence_extra", sql: "CREATE TABLE kept (id int); CREATE TABLE lost (id serial);")
        let found = try Self.findings(Self.folder("CREATE TABLE kept (id int);"), against: extra)
        let line = "extra_table public.lost: table public.lost is not in the expected schema | - | 1 columns (id integer), owned sequence public.lost_id_seq"
        #expect(found == [[line], [line]])
    }

    /// Class 11: migrations written for a search_path set from outside (an init script's PGOPTIONS or
    /// ALTER DATABASE ... SET search_path) read with `--search-path`, offline and in the shadow database.
    @Test func migrationsReadWithTheSearchPathTheyExpect() throws {
        let migration = "CREATE SCHEMA app;\nCREATE TABLE items (id int PRIMARY KEY);\nCREATE VIEW recent AS SELECT id FROM items;\n"
        let folder = try Self.folder(migration)
        let database = try TestDatabase("truth_search_path", sql: "SET search_path = app, public;\n" + migration)
        #expect(try Self.findings(folder, against: database, searchPath: ["app", "public"]) == [[], []])
        // Without it, the same files put the objects in public.
        let kinds = try Self.findings(folder, against: database).map { $0.map { String($0.prefix { $0 != ":" }) } }
        let expected = ["missing_table public.items", "extra_table app.items", "missing_view public.recent", "extra_view app.recent"].sorted()
        #expect(kinds.map { $0.sorted() } == [expected, expected])
    }

    /// `kind path object: message | expected | actual` of database against database.
    static func databaseFindings(expected: TestDatabase, actual: TestDatabase) throws -> [String] {
        try Audit(source: .database(expected.connectionString)).run(against: actual.connectionString).findings.map { finding in
            "\(finding.kind.rawValue) \(finding.path)" + (finding.object.map { " \($0)" } ?? "")
                + ": \(finding.message) | \(finding.expected ?? "-") | \(finding.actual ?? "-")"
        }
    }

    /// check reports the drift as `findings`, offline from the SQL and database against database; the
    /// plan fixes it: nothing left, a second plan empty, and pg_dump of both databases the same.
    /// `shadowSuperuser`: the SQL needs a superuser (CREATE ACCESS METHOD, SUPPORT), in the shadow database too.
    static func expectFoundAndFixed(
        _ label: String, expected sql: String, actual drifted: String, findings: [String], shadowSuperuser: Bool = false
    ) throws {
        let folder = try folder(sql)
        let target = try TestDatabase(label + "_target", sql: sql)
        let drift = try TestDatabase(label + "_drift", sql: drifted)
        // Read into constants first, so a failure shows the findings.
        let fromSQL = try Self.findings(folder, against: drift, shadowSuperuser: shadowSuperuser)
        let fromDatabase = try databaseFindings(expected: target, actual: drift)
        #expect(fromSQL == [findings, findings])
        #expect(fromDatabase == findings)
        let run = try PlanConvergence(label: label, before: drifted, after: sql, options: PlanOptions())
        #expect(run.remaining.isEmpty, "\(run.remaining.map(\.message))\n\(run.plan.render())")
        #expect(run.secondPlan.isEmpty, "\(run.secondPlan.render())")
        let dumps = try run.dumps()
        #expect(dumps.migrated.sorted() == dumps.target.sorted(), "\(PlanConvergence.difference(dumps.migrated, dumps.target))")
    }

    /// Class 4: the same constraint or index under another name compared equal; a later migration that
    /// drops it by name then fails. Now one finding each, and the plan renames them.
    @Test func aConstraintOrIndexUnderAnotherNameIsReported() throws {
        try Self.expectFoundAndFixed(
            "truth_renamed_parts",
            expected: "CREATE TABLE t (a int CONSTRAINT a_positive CHECK (a > 0), b int);\nCREATE INDEX t_b_idx ON t (b);\n",
            actual: "CREATE TABLE t (a int CONSTRAINT positive CHECK (a > 0), b int);\nCREATE INDEX idx_t_b ON t (b);\n",
            findings: [
                "constraint_mismatch public.t a_positive: constraint a_positive on t is named positive in the database | a_positive | positive",
                "index_mismatch public.t t_b_idx: index t_b_idx on t is named idx_t_b in the database | t_b_idx | idx_t_b",
            ])
    }

    /// Class 5: `ON DELETE SET NULL (cols)` was not compared, and the plan dropped the column list.
    @Test func foreignKeysSetOnlyTheColumnsTheySay() throws {
        let parent = "CREATE TABLE p (tenant int, id int, PRIMARY KEY (tenant, id));\n"
        try Self.expectFoundAndFixed(
            "truth_delete_set_columns",
            expected: parent + "CREATE TABLE c (tenant int, p_id int, FOREIGN KEY (tenant, p_id) REFERENCES p ON DELETE SET NULL (p_id));\n",
            actual: parent + "CREATE TABLE c (tenant int, p_id int, FOREIGN KEY (tenant, p_id) REFERENCES p ON DELETE SET NULL);\n",
            findings: [
                "constraint_mismatch public.c c_tenant_p_id_fkey: constraint c_tenant_p_id_fkey on c differs"
                    + " | FOREIGN KEY (tenant, p_id) REFERENCES public.p(tenant, id) ON DELETE SET NULL (p_id)"
                    + " | FOREIGN KEY (tenant, p_id) REFERENCES public.p(tenant, id) ON DELETE SET NULL",
            ])
    }

    /// Class 6: an identity column's sequence name was not compared.
    @Test func anIdentitySequenceUnderAnotherNameIsReported() throws {
        try Self.expectFoundAndFixed(
            "truth_identity_sequence",
            expected: "CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY (START 10 CACHE 5), x int);\n",
            actual: "CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME other_seq START 10 CACHE 5), x int);\n",
            findings: [
                "identity_mismatch public.t.id: column t.id: identity differs"
                    + " | GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME t_id_seq START 10 INCREMENT 1 MIN 1 MAX 2147483647 CACHE 5)"
                    + " | GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME other_seq START 10 INCREMENT 1 MIN 1 MAX 2147483647 CACHE 5)",
            ])
    }
}
