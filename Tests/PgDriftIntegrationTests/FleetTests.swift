import Foundation
import PgDrift
import PgDriftTestSupport
import Testing

/// Fleets against a real server (issue 24): many databases, one unreachable; the tenant schemas of one
/// database; shards whose merged reports equal one run.
@Suite struct FleetTests {
    static let schema = """
        CREATE TABLE accounts (id serial PRIMARY KEY, name text NOT NULL DEFAULT 'x', owner_id integer);
        CREATE INDEX accounts_owner_idx ON accounts (owner_id);
        CREATE TABLE events (id bigserial PRIMARY KEY, account_id integer REFERENCES accounts (id), at timestamptz DEFAULT now());
        CREATE VIEW recent AS SELECT id, account_id FROM events WHERE at > now() - interval '1 day';
        """

    /// A connection string nothing answers (port 1 refuses at once).
    static let unreachable = "postgresql://nobody@127.0.0.1:1/nowhere?connect_timeout=3"

    @Test func databasesWithAnUnreachableMember() throws {
        let template = try TestDatabase("fleet_template", sql: Self.schema)
        let clean = try TestDatabase("fleet_clean", sql: Self.schema)
        let lacking = try TestDatabase("fleet_lacking", sql: Self.schema + "DROP INDEX accounts_owner_idx;")
        let alsoLacking = try TestDatabase("fleet_also", sql: Self.schema + "DROP INDEX accounts_owner_idx; ALTER TABLE events ADD COLUMN note text;")
        let audit = Audit(source: .database(template.connectionString))
        let report = try audit.runFleet(
            [Self.unreachable, clean.connectionString, lacking.connectionString, alsoLacking.connectionString], jobs: 2)
        let name = { (database: TestDatabase) in ConnectionString(database.connectionString).description }
        #expect(report.targets?.map { "\($0.status.rawValue) \($0.errors)" } .sorted() == ["clean 0", "drift 1", "drift 1", "error 0"])
        let failed = try #require(report.targets?.first { $0.status == .error })
        // The redacted connection names the member.
        #expect(failed.name == "postgresql://nobody@127.0.0.1:1/nowhere")
        #expect(failed.error?.contains("127.0.0.1") == true && failed.error?.contains("\n") == false, "\(failed.error ?? "")")
        #expect(report.targetGroups?.map { "\($0.kind.rawValue) \($0.object ?? $0.column ?? ""): \($0.targets)" } == [
            "missing_index accounts_owner_idx: \([name(alsoLacking), name(lacking)].sorted())",
            "extra_column note: [\"\(name(alsoLacking))\"]",
        ])
    }

    @Test func tenantSchemasAreComparedWithTheTemplate() throws {
        func tenant(_ name: String, _ extra: String = "") -> String {
            "CREATE SCHEMA \(name); SET search_path = \(name);\n" + Self.schema + extra + "\nRESET search_path;\n"
        }
        let database = try TestDatabase("fleet_tenants", sql: [
            tenant("tenant_001"), tenant("tenant_002"), tenant("tenant_003", "DROP INDEX accounts_owner_idx;"),
            tenant("tenant_004", "DROP INDEX accounts_owner_idx; ALTER TABLE accounts ALTER COLUMN name SET DEFAULT 'y';"),
            tenant("other"),
        ].joined())
        let template = try TestDatabase("fleet_tenant_template", sql: Self.schema)
        let audit = Audit(source: .database(template.connectionString))
        let report = try audit.runTenants(against: database.connectionString, matching: "tenant_*", template: "public")
        #expect(report.targets?.map { "\($0.name) \($0.status.rawValue)" } == [
            "tenant_001 clean", "tenant_002 clean", "tenant_003 drift", "tenant_004 drift",
        ])
        // Names inside defaults and the view (nextval('tenant_001.accounts_id_seq'::regclass), tenant_001.events)
        // are the tenant's own: no drift from them.
        #expect(report.targetGroups?.map { "\($0.kind.rawValue) \($0.schema).\($0.table ?? "").\($0.object ?? $0.column ?? ""): \($0.targets)" } == [
            "default_mismatch public.accounts.name: [\"tenant_004\"]",
            "missing_index public.accounts.accounts_owner_idx: [\"tenant_003\", \"tenant_004\"]",
        ], "\(TextReport.render(report))")
        let sharded = try audit.runTenants(against: database.connectionString, matching: "tenant_*", template: "public", shard: Shard("2/2"))
        #expect(sharded.targets?.map(\.name) == ["tenant_002", "tenant_004"])
    }

    /// The CLI: a list file with a comment and an unreachable member exits 3; two shards merged are
    /// byte for byte the JSON of one run over the whole list.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CLITests.binary)))
    func shardsMergedEqualOneRunAndTheExitCodeIsTheWorst() throws {
        let template = try TestDatabase("fleet_cli_template", sql: Self.schema)
        let members = try (1...4).map { index in
            try TestDatabase("fleet_cli_\(index)", sql: Self.schema + (index % 2 == 0 ? "DROP INDEX accounts_owner_idx;" : ""))
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fleet-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let list = "# the fleet\n" + members.map(\.connectionString).joined(separator: "\n") + "\n"
        try list.write(toFile: folder + "/fleet.txt", atomically: true, encoding: .utf8)
        func check(_ extra: [String]) throws -> (code: Int32, stdout: String, stderr: String) {
            try CLITests.run(["check", "--expected", template.connectionString, "--databases", "fleet.txt", "--report-dir", "reports"] + extra, in: folder)
        }
        let whole = try check(["--format", "json", "--output", "all.json"])
        #expect(whole.code == 1, "\(whole.stderr)")
        // The first shard holds members 1 and 3 (clean), the second 2 and 4 (each lacking the index).
        for (shard, code) in [("1/2", Int32(0)), ("2/2", 1)] {
            let part = try check(["--shard", shard, "--format", "json", "--output", "shard-\(shard.prefix(1)).json"])
            #expect(part.code == code, "\(part.stderr)")
        }
        let merged = try CLITests.run(["report", "merge", "shard-1.json", "shard-2.json", "--format", "json"], in: folder)
        #expect(merged.code == 1, "\(merged.stderr)")
        let all = try String(contentsOfFile: folder + "/all.json", encoding: .utf8)
        #expect(merged.stdout == all)
        #expect(all.contains("\"groups\"") && all.contains("\"target\""))
        let text = try CLITests.run(["report", "merge", "shard-1.json", "shard-2.json"], in: folder)
        #expect(text.stdout.contains("  error missing_index: index accounts_owner_idx on accounts does not exist: 2 of 4 targets ("), "\(text.stdout)")
        let withUnreachable = try CLITests.run(
            ["check", "--expected", template.connectionString, "--databases", "fleet.txt", "--database", Self.unreachable, "--report-dir", "reports"], in: folder)
        #expect(withUnreachable.code == 3, "\(withUnreachable.stdout)\(withUnreachable.stderr)")
        #expect(withUnreachable.stdout.contains("targets: 2 clean, 2 drift, 1 error\n"), "\(withUnreachable.stdout)")
    }

    /// `plan` over a fleet: one plan per distinct delta, naming its databases; one file each in
    /// --migrations-dir; --apply applies each database's own plan and the fleet checks clean after.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CLITests.binary)))
    func plansPerDistinctDeltaAndAppliedMemberByMember() throws {
        let template = try TestDatabase("fleet_plan_template", sql: Self.schema)
        let first = try TestDatabase("fleet_plan_1", sql: Self.schema + "DROP INDEX accounts_owner_idx;")
        let second = try TestDatabase("fleet_plan_2", sql: Self.schema + "DROP INDEX accounts_owner_idx;")
        let third = try TestDatabase("fleet_plan_3", sql: Self.schema + "ALTER TABLE accounts ALTER COLUMN name SET DEFAULT 'y';")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fleet-plan-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder + "/migrations", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let members = [first, second, third].flatMap { ["--database", $0.connectionString] }
        let name = { (database: TestDatabase) in ConnectionString(database.connectionString).description }

        let refused = try CLITests.run(["plan", "--expected", template.connectionString, "--out", "plan.sql"] + members, in: folder)
        #expect(refused.code == 2 && refused.stderr.contains("the fleet needs 2 different plans"), "\(refused.stderr)")

        let written = try CLITests.run(["plan", "--expected", template.connectionString, "--migrations-dir", "migrations"] + members, in: folder)
        #expect(written.code == 0, "\(written.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder + "/migrations").sorted()
        #expect(files == ["001_pgdrift_fixup_1.sql", "002_pgdrift_fixup_2.sql"])
        let plans = try files.map { try String(contentsOfFile: folder + "/migrations/" + $0, encoding: .utf8) }
        #expect(plans[0].hasPrefix("-- pgdrift plan 1 of 2: for 2 of 3 databases: \([name(first), name(second)].sorted().joined(separator: ", ")).\n"), "\(plans[0])")
        #expect(plans[0].contains("CREATE INDEX IF NOT EXISTS accounts_owner_idx ON public.accounts USING btree (owner_id);"), "\(plans[0])")
        #expect(plans[1].hasPrefix("-- pgdrift plan 2 of 2: for 1 of 3 databases: \(name(third)).\n"), "\(plans[1])")
        #expect(plans[1].contains("ALTER COLUMN name SET DEFAULT 'x'::text"), "\(plans[1])")

        let applied = try CLITests.run(["plan", "--expected", template.connectionString, "--apply"] + members, in: folder)
        #expect(applied.code == 0, "\(applied.stdout)\(applied.stderr)")
        #expect(applied.stderr.contains("targets: 3 clean, 0 drift, 0 error"), "\(applied.stderr)")
        let after = try Audit(source: .database(template.connectionString)).runFleet([first, second, third].map(\.connectionString), jobs: 2)
        #expect(after.findings.isEmpty, "\(TextReport.render(after))")
    }

    /// `plan --tenant-schemas`: each tenant's plan in its own names, naming the tenants with the same
    /// delta; --apply leaves every tenant clean.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CLITests.binary)))
    func tenantPlansAreEachInTheTenantsOwnNames() throws {
        func tenant(_ name: String, _ extra: String = "") -> String {
            "CREATE SCHEMA \(name); SET search_path = \(name);\n" + Self.schema + extra + "\nRESET search_path;\n"
        }
        let database = try TestDatabase("fleet_tenant_plans", sql: [
            tenant("tenant_001"), tenant("tenant_002", "DROP INDEX accounts_owner_idx;"), tenant("tenant_003", "DROP INDEX accounts_owner_idx;"),
            tenant("tenant_004", "ALTER TABLE accounts ALTER COLUMN name SET DEFAULT 'y';"),
        ].joined())
        let template = try TestDatabase("fleet_tenant_plans_template", sql: Self.schema)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fleet-tenant-plan-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder + "/migrations", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let arguments = ["plan", "--expected", template.connectionString, "--database", database.connectionString, "--tenant-schemas", "tenant_*"]
        let written = try CLITests.run(arguments + ["--migrations-dir", "migrations"], in: folder)
        #expect(written.code == 0, "\(written.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder + "/migrations").sorted()
        #expect(files == ["001_pgdrift_fixup_tenant_002.sql", "002_pgdrift_fixup_tenant_003.sql", "003_pgdrift_fixup_tenant_004.sql"])
        let third = try String(contentsOfFile: folder + "/migrations/002_pgdrift_fixup_tenant_003.sql", encoding: .utf8)
        #expect(third.hasPrefix(
            "-- pgdrift plan for tenant schema tenant_003, the same migration, each in its own names, as for 2 of 4 tenants: tenant_002, tenant_003.\n"),
            "\(third)")
        #expect(third.contains("CREATE INDEX IF NOT EXISTS accounts_owner_idx ON tenant_003.accounts USING btree (owner_id);"), "\(third)")
        #expect(!third.contains("public."), "\(third)")
        let applied = try CLITests.run(arguments + ["--apply"], in: folder)
        #expect(applied.code == 0, "\(applied.stdout)\(applied.stderr)")
        #expect(applied.stderr.contains("targets: 4 clean, 0 drift, 0 error"), "\(applied.stderr)")
    }
}
