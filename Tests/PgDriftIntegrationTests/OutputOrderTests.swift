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

/// Issue 23: Ctrl-C during the demo, or during a shadow build, leaves no server and no folder behind.
@Suite struct InterruptTests {
    /// Starts pgdrift with the trace on, waits until it has started a throwaway server, sends SIGINT,
    /// and returns the exit code and the server's folder.
    func interrupt(_ arguments: [String], after marker: String) throws -> (code: Int32, directory: String, stderr: String) {
        TestEnvironment.isolated
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-interrupt-\(UUID())").path
        let pid = try ChildProcess.start(["env", "PGDRIFT_TRACE=1", CLITests.binary] + arguments, stdout: capture + ".out", stderr: capture + ".err")
        var stderr = ""
        for _ in 0..<600 where !stderr.contains(marker) {
            usleep(50_000)
            stderr = (try? String(contentsOfFile: capture + ".err", encoding: .utf8)) ?? ""
        }
        kill(pid, SIGINT)
        let code = ChildProcess.wait(pid)
        stderr = (try? String(contentsOfFile: capture + ".err", encoding: .utf8)) ?? ""
        let line = stderr.split(separator: "\n").first { $0.contains("starting a throwaway PostgreSQL in ") }
        let directory = line.map { String($0.split(separator: " ").last ?? "") } ?? ""
        return (code, directory, stderr)
    }

    /// Whether the server's folder is gone and no process names it, within 15 s (a server interrupted
    /// while initdb made it is finished off by its watchdog, which lives 5 s after pgdrift exits).
    func leftNothing(_ directory: String) -> Bool {
        for _ in 0..<150 {
            if !FileManager.default.fileExists(atPath: directory) && !processUses(directory) { return true }
            usleep(100_000)
        }
        return false
    }

    /// Whether a process runs with `directory` on its command line (a postmaster of that cluster).
    func processUses(_ directory: String) -> Bool {
        let processes = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return processes.contains { pid in
            guard pid.allSatisfy(\.isNumber), let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            return String(decoding: data, as: UTF8.self).contains(directory)
        }
    }

    @Test(.enabled(if: PlanSafetyTests.enabled)) func ctrlCDuringTheDemo() throws {
        let reports = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-demo-int-\(UUID())").path
        let run = try interrupt(["demo", "--report-dir", reports], after: "==> building the drifted analytics database")
        #expect(run.code == 128 + SIGINT, "\(run.stderr)")
        #expect(run.directory.hasPrefix("/tmp/pgdrift-") || run.directory.hasPrefix("/dev/shm/pgdrift-"), "\(run.stderr)")
        #expect(leftNothing(run.directory))
    }

    @Test(.enabled(if: PlanSafetyTests.enabled)) func ctrlCDuringAShadowBuild() throws {
        let database = try TestDatabase("interrupt_shadow", sql: "CREATE TABLE t (a int);")
        TestEnvironment.isolated
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-int-shadow-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A migration that takes its time in the shadow database.
        try Data("CREATE TABLE t (a int);\nSELECT pg_sleep(60);\n".utf8).write(to: URL(fileURLWithPath: folder + "/001_slow.sql"))
        let run = try interrupt(["check", "--expected", folder, "--database", database.connectionString, "--shadow", "--report-dir", folder + "/r"],
                                after: "starting a throwaway PostgreSQL in ")
        #expect(run.code == 128 + SIGINT, "\(run.stderr)")
        #expect(run.directory.hasPrefix("/tmp/pgdrift-") || run.directory.hasPrefix("/dev/shm/pgdrift-"), "\(run.stderr)")
        #expect(leftNothing(run.directory))
    }
}

/// Issue 23: a step over a second shows a progress line, on a terminal only and never with --quiet.
@Suite struct TerminalProgressTests {
    @Test(.enabled(if: PlanSafetyTests.enabled && FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func aSlowShadowBuildShowsItsMigrationOnATerminal() throws {
        let database = try TestDatabase("progress_shadow", sql: "CREATE TABLE t (a int);")
        TestEnvironment.isolated
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-progress-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("CREATE TABLE t (a int);\nSELECT pg_sleep(2.5);\n".utf8).write(to: URL(fileURLWithPath: folder + "/001_slow.sql"))
        let arguments = ["check", "--expected", folder, "--database", database.connectionString, "--shadow", "--report-dir", folder + "/r"]
        let quoted = ([CLITests.binary] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")

        // `script` runs it on a pseudo-terminal: the line is drawn and redrawn in place.
        let terminal = try ChildProcess.run(["script", "-qec", quoted, "/dev/null"])
        #expect(terminal.code == 0, "\(terminal.stdout)")
        #expect(terminal.stdout.contains("\r\u{1B}[K==> shadow database: migration 1 of 1, 001_slow.sql ("), "\(terminal.stdout)")
        #expect(terminal.stdout.contains("no drift"))

        let quiet = try ChildProcess.run(["script", "-qec", quoted + " --quiet", "/dev/null"])
        #expect(quiet.code == 0)
        #expect(!quiet.stdout.contains("\u{1B}[K"), "\(quiet.stdout)")

        // Not a terminal: no progress line.
        let piped = try CLITests.run(arguments)
        #expect(piped.code == 0)
        #expect(!piped.stderr.contains("\u{1B}[K") && !piped.stderr.contains("shadow database: migration"), "\(piped.stderr)")
    }
}
