import Foundation
import PgDrift
import Testing

/// A fleet's report (issue 24): members, identical findings grouped across them, each format leading with
/// the groups, merge equal to one report over every member, shards that cover the list once.
@Suite struct FleetReportTests {
    static let index = Finding(
        kind: .missingIndex, schema: "public", table: "t5", object: "t5_account_idx", expected: "btree (account_id)",
        message: "index public.t5_account_idx does not exist")
    static let column = Finding(
        kind: .extraColumn, schema: "public", table: "t1", column: "legacy", actual: "integer", message: "column t1.legacy is not in the expected schema")

    static func member(_ name: String, _ findings: [Finding]) -> FleetMember {
        FleetMember(name: name, report: DriftReport(expected: "migrations/", database: name, findings: findings))
    }

    static let members = [
        member("tenant_123", [index]), member("tenant_001", []), member("tenant_007", [index, column]),
        FleetMember(name: "tenant_404", error: "could not connect to server: Connection refused"),
    ]

    static let report = DriftReport.fleet(expected: "migrations/", members: members)

    @Test func membersAreSortedAndGroupsNameTheirMembers() {
        #expect(Self.report.targets?.map { "\($0.name) \($0.status.rawValue) \($0.errors)/\($0.warnings)" } == [
            "tenant_001 clean 0/0", "tenant_007 drift 1/1", "tenant_123 drift 1/0", "tenant_404 error 0/0",
        ])
        #expect(Self.report.targetGroups?.map { "\($0.kind.rawValue) \($0.object ?? $0.column ?? "") \($0.targets)" } == [
            "missing_index t5_account_idx [\"tenant_007\", \"tenant_123\"]", "extra_column legacy [\"tenant_007\"]",
        ])
        #expect(Self.report.findings.map { $0.target ?? "" } == ["tenant_007", "tenant_007", "tenant_123"])
        #expect(Self.report.database == "4 targets")
    }

    @Test func textAndMarkdownLeadWithTheGroups() {
        #expect(TextReport.render(Self.report) == """
            pgdrift: 4 targets against migrations/
            targets: 1 clean, 2 drift, 1 error
              tenant_007: drift (1 error, 1 warning)
              tenant_123: drift (1 error, 0 warnings)
              tenant_404: error: could not connect to server: Connection refused

              error missing_index: index public.t5_account_idx does not exist: 2 of 4 targets (tenant_007, tenant_123)
                  expected: btree (account_id)
              warning extra_column: column t1.legacy is not in the expected schema: 1 of 4 targets (tenant_007)
                  actual:   integer

            3 findings in 2 groups: 2 errors, 1 warning, 0 info

            """)
        #expect(MarkdownReport.render(Self.report) == """
            ## pgdrift: 4 targets against migrations/

            **Targets**: 1 clean, 2 drift, 1 error

            | target | status |
            | --- | --- |
            | `tenant_007` | 1 errors, 1 warnings |
            | `tenant_123` | 1 errors, 0 warnings |
            | `tenant_404` | error: could not connect to server: Connection refused |

            | | kind | finding | targets | expected | actual |
            | --- | --- | --- | --- | --- | --- |
            | ❌ | `missing_index` | index public.t5_account_idx does not exist | 2 of 4 targets (tenant_007, tenant_123) | `btree (account_id)` |  |
            | ⚠️ | `extra_column` | column t1.legacy is not in the expected schema | 1 of 4 targets (tenant_007) |  | `integer` |

            """)
    }

    @Test func annotationsAreOnePerGroupAndJUnitASuitePerMember() throws {
        #expect(GitHubReport.render(Self.report) == """
            ::error title=missing_index::index public.t5_account_idx does not exist: 2 of 4 targets (tenant_007, tenant_123)%0Aexpected: btree (account_id)
            ::warning title=extra_column::column t1.legacy is not in the expected schema: 1 of 4 targets (tenant_007)%0Aactual: integer
            pgdrift: 3 findings: 2 errors, 1 warning, 0 info

            """)
        let sarif = try JSONSerialization.jsonObject(with: Data(try SARIFReport.render(Self.report).utf8)) as? [String: Any]
        let results = ((sarif?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        #expect(results.map { ($0["properties"] as? [String: String])?["targets"] ?? "" } == ["tenant_007, tenant_123", "tenant_007"])
        let junit = JUnitReport.render(Self.report)
        #expect(junit.contains("<testsuites name=\"pgdrift\" tests=\"5\" failures=\"2\" errors=\"1\">"), "\(junit)")
        #expect(junit.components(separatedBy: "<testsuite ").count == 5)
        #expect(junit.contains("""
              <testsuite name="tenant_404" tests="1" failures="0" errors="1" skipped="0">
                <properties>
                  <property name="expected" value="migrations/"/>
                  <property name="database" value="tenant_404"/>
                </properties>
                <testcase classname="pgdrift" name="connection">
                  <error message="could not connect to server: Connection refused"/>
                </testcase>
              </testsuite>
            """), "\(junit)")
    }

    /// Shards cover every member once; their reports merged equal the report of all of them, through JSON.
    @Test func shardsMergedEqualOneRun() throws {
        let list = (1...7).map { "db\($0)" }
        let shards = (1...3).map { Shard("\($0)/3")! }
        #expect(shards.flatMap { $0.select(list) }.sorted() == list)
        #expect(shards[0].select(list) == ["db1", "db4", "db7"])
        #expect(Shard("0/3") == nil && Shard("4/3") == nil && Shard("2") == nil)
        let first = DriftReport.fleet(expected: "migrations/", members: [Self.members[0], Self.members[3]])
        let second = DriftReport.fleet(expected: "migrations/", members: [Self.members[1], Self.members[2]])
        let merged = DriftReport.merged(try [first, second].map { try JSONReport.decode(Data(try JSONReport.render($0).utf8)) })
        #expect(try JSONReport.render(merged) == JSONReport.render(Self.report))
    }

    @Test func databaseListsSkipCommentsAndBlankLines() {
        #expect(DatabaseList.parse("""
            # the fleet
            postgresql://a/app

            postgresql://b/app   # eu-west
            host=c dbname=app password=x#y
            """) == ["postgresql://a/app", "postgresql://b/app", "host=c dbname=app password=x#y"])
    }
}
