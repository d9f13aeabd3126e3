import Foundation
import PgDrift
import PgDriftTestSupport
import Testing

/// The `pgdrift` binary's exit codes and one-line errors.
@Suite struct CLITests {
    static var binary: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("pgdrift").path
    }

    static func run(_ arguments: [String]) throws -> (code: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = FileManager.default.temporaryDirectory
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stdout, stderr)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CLITests.binary)))
    func exitCodes() throws {
        let clean = try TestDatabase("cli_clean", sql: "CREATE TABLE t (a int);")
        let drifted = try TestDatabase("cli_drifted", sql: "CREATE TABLE t (a bigint);")
        let reports = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-cli-\(UUID())").path

        let same = try Self.run(["check", "--expected", clean.connectionString, "--database", clean.connectionString, "--report-dir", reports])
        #expect(same.code == 0, "\(same.stderr)")
        #expect(same.stdout.contains("no drift"))

        let drift = try Self.run(["check", "--expected", clean.connectionString, "--database", drifted.connectionString,
                                  "--format", "json", "--report-dir", reports])
        #expect(drift.code == 1)
        #expect(drift.stdout.contains("\"kind\" : \"column_type_mismatch\""))
        #expect(FileManager.default.fileExists(atPath: reports + "/drift-report.json"))

        // Writing to a device writes into it: /dev/null stays a device (an atomic rename would replace it).
        let toDevice = try Self.run(["check", "--expected", clean.connectionString, "--database", clean.connectionString,
                                     "--report-dir", reports, "--output", "/dev/null"])
        #expect(toDevice.code == 0)
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR)

        let usage = try Self.run(["check", "--no-such-option"])
        #expect(usage.code == 2)
        let missing = try Self.run(["check", "--expected", "/nonexistent/folder", "--database", clean.connectionString])
        #expect(missing.code == 2)
        #expect(missing.stderr.split(separator: "\n").count == 1)

        let secret = "pa55-word-x"
        let refused = try Self.run(["snapshot", "--database", "postgresql://u:\(secret)@localhost:1/db"])
        #expect(refused.code == 3)
        #expect(!refused.stderr.contains(secret))
        #expect(refused.stderr.hasPrefix("pgdrift: cannot connect"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CLITests.binary)))
    func sqlErrorsPointAtFileLineAndColumn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-bad-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "CREATE TABLE a (id int);\n".write(to: folder.appendingPathComponent("1_ok.sql"), atomically: true, encoding: .utf8)
        try "-- second\nCREATE TABEL b (id int);\n".write(to: folder.appendingPathComponent("2_bad.sql"), atomically: true, encoding: .utf8)
        let database = try TestDatabase("cli_sql_error")
        let result = try Self.run(["check", "--expected", folder.path, "--database", database.connectionString])
        #expect(result.code == 2)
        #expect(result.stderr == "pgdrift: \(folder.path)/2_bad.sql:2:8: syntax error at or near \"TABEL\"\n")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CLITests.binary)))
    func demoFindsTheSeedsDrift() throws {
        let reports = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-demo-\(UUID())").path
        let result = try Self.run(["demo", "--report-dir", reports])
        #expect(result.code == 0, "\(result.stderr)")
        for line in [
            "missing_table: table public.creators_cold does not exist",
            "missing_table: table public.hashtags_cold does not exist",
            "missing_column: column creators_hot.total_play_count does not exist",
            "7 findings: 6 errors, 1 warning, 0 info",
        ] {
            #expect(result.stdout.contains(line), "\(line)")
        }
        #expect(result.stderr.contains("==> stopping the throwaway PostgreSQL"))
        #expect(FileManager.default.fileExists(atPath: reports + "/drift-report.json"))
    }
}
