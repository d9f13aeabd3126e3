import Foundation

/// squawk (PyPI `squawk-cli`), the migration linter teams run in CI, run over a plan.
public enum Squawk {
    /// The squawk program on PATH, if any.
    public static let path: String? = {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
            + [NSHomeDirectory() + "/.local/bin"]
        return directories.map { $0 + "/squawk" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    public static var isAvailable: Bool { path != nil }

    /// The rules squawk raises on `sql`, by name (`prefer-robust-stmts`, `ban-drop-column`, ...).
    public static func rules(in sql: String) throws -> [String] {
        guard let path else { return [] }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-squawk-\(UUID().uuidString).sql")
        try Data(sql.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let output = try ChildProcess.run([path, "--reporter", "gcc", "--pg-version", "15", file.path])
        // gcc style: `file:line:column: warning: rule-name message`.
        return (output.stdout + output.stderr).split(separator: "\n").compactMap { line in
            guard let range = line.range(of: ": warning: ") ?? line.range(of: ": error: ") else { return nil }
            return line[range.upperBound...].split(separator: " ").first.map(String.init)
        }
    }

    /// Rules about a migration's robustness: a plan must never raise them.
    public static let robustnessRules: Set<String> = [
        "prefer-robust-stmts", "require-lock-timeout", "require-statement-timeout", "require-timeout-settings",
        "transaction-nesting", "ban-concurrent-index-creation-in-transaction",
    ]
    /// Rules about changes that lose data or break clients: only with `--allow-destructive`.
    public static let destructiveRules: Set<String> = [
        "ban-drop-column", "ban-drop-table", "ban-drop-database", "ban-drop-sequence", "ban-drop-type",
        "ban-truncate-cascade", "renaming-object",
    ]
    /// Rules about long locks: a plan made with `--online` avoids them (except an index on a
    /// partitioned table, which PostgreSQL cannot build concurrently).
    public static let lockingRules: Set<String> = [
        "require-concurrent-index-creation", "require-concurrent-index-deletion", "constraint-missing-not-valid",
        "disallowed-unique-constraint", "adding-foreign-key-constraint",
    ]
}
