import Foundation
import PgDrift
import PgDriftTestSupport
import Testing

/// Issue 23: output piped or logged reads in the order a terminal shows it, and `--quiet` drops the
/// progress lines.
@Suite struct OutputOrderTests {
    @Test(.enabled(if: PlanSafetyTests.enabled)) func theDemoReadsInOrderThroughAPipe() throws {
        TestEnvironment.isolated
        let reports = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-demo-pipe-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: reports) }
        // Both streams into one pipe, as `pgdrift demo 2>&1 | cat` or a CI log has them.
        let run = try ChildProcess.run(["sh", "-c", "\"$0\" demo --report-dir \"$1\" 2>&1 | cat", CLITests.binary, reports])
        #expect(run.code == 0, "\(run.stdout)")
        let steps = [
            "==> building the drifted analytics database",
            "11 findings: 10 errors, 1 warning, 0 info",
            "==> wrote ",
            "==> planning the fix-up migration (pgdrift plan)",
            "-- pgdrift plan: the fix-up migration for the demo's drifted analytics database.",
            "==> applying it in one transaction (pgdrift plan --apply)",
            "==> checking again",
            "1 finding: 0 errors, 1 warning, 0 info",
            "==> stopping the throwaway PostgreSQL",
        ]
        let positions = steps.map { run.stdout.range(of: $0)?.lowerBound }
        #expect(!positions.contains(nil), "\(run.stdout)")
        let found = positions.compactMap { $0 }
        #expect(found == found.sorted(), "\(run.stdout)")
    }

    @Test(.enabled(if: PlanSafetyTests.enabled)) func quietDropsTheProgressLines() throws {
        let target = try TestDatabase("quiet_target", sql: "CREATE TABLE t (a int, b int);")
        let loud = try TestDatabase("quiet_loud", sql: "CREATE TABLE t (a int);")
        let quiet = try TestDatabase("quiet_quiet", sql: "CREATE TABLE t (a int);")
        let arguments = ["plan", "--expected", target.connectionString, "--apply", "--database"]
        let said = try CLITests.run(arguments + [loud.connectionString])
        #expect(said.code == 0)
        #expect(said.stderr == "==> applying 1 statements in one transaction\n==> checked again: the database matches the expected schema\n")
        let silent = try CLITests.run(arguments + [quiet.connectionString, "--quiet"])
        #expect(silent.code == 0)
        #expect(silent.stderr.isEmpty)
        #expect(silent.stdout == said.stdout.replacingOccurrences(of: loud.name, with: quiet.name))
    }
}
