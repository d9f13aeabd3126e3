import Foundation

/// The environment of a test process, set once before the first connection:
/// - libpq fills what a connection string leaves out from the environment (`PGHOST`, `PGPORT`,
///   `PGOPTIONS`, ...). Tests assert what a connection string alone gives, so a developer's or CI
///   runner's settings are removed from the test process (and from the programs it starts). `PGDRIFT_*`
///   settings stay.
/// - Temporary files (migration folders, reports, captured output, also of the `pgdrift` processes tests
///   start) go to one folder per test process, removed when it exits.
public enum TestEnvironment {
    /// Touch it before anything reads the environment; runs once.
    public static let isolated: Void = {
        for key in ProcessInfo.processInfo.environment.keys where key.hasPrefix("PG") && !key.hasPrefix("PGDRIFT") {
            unsetenv(key)
        }
        var template = Array("/tmp/pgdrift-tests-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { return }
        let folder = String(cString: made)
        // Others may pass through (a shadow test has the server's OS user write a file below it).
        chmod(folder, 0o711)
        temporaryFolder = folder
        setenv("TMPDIR", folder, 1)
        atexit {
            if let folder = TestEnvironment.temporaryFolder { try? FileManager.default.removeItem(atPath: folder) }
        }
    }()

    nonisolated(unsafe) private static var temporaryFolder: String?
}
