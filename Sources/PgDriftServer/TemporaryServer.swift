import Foundation
import PgDriftModel
import PgDriftPostgres

/// A throwaway PostgreSQL cluster: `initdb` into a fresh temporary directory, listening only on a Unix
/// socket there (no TCP port), trusting local connections. `stop()` stops it and deletes the directory;
/// a watchdog process does the same if the process that started it dies without stopping it.
///
/// As root (initdb refuses to run as root) the server runs as the `postgres` OS user through `runuser`.
public final class TemporaryServer: @unchecked Sendable {
    /// The temporary directory holding the cluster and its socket.
    public let directory: String
    /// The superuser every connection uses.
    public let superuser = "postgres"
    private let binaries: PostgresBinaries
    private let runAs: [String]
    private var watchdog: pid_t?
    private let lock = NSLock()
    private var stopped = false

    private var dataDirectory: String { directory + "/data" }

    /// Creates and starts a cluster. Takes a second or two.
    public init(binaries: PostgresBinaries? = nil) throws {
        self.binaries = try binaries ?? PostgresBinaries.locate()
        let asRoot = geteuid() == 0
        runAs = asRoot ? ["runuser", "-u", "postgres", "--"] : []
        var template = Array("/tmp/pgdrift-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw ServerError("cannot create a temporary directory") }
        directory = String(cString: made)
        do {
            if asRoot { try Shell.output(["chown", "postgres:", directory]) }
            try start()
        } catch {
            try? FileManager.default.removeItem(atPath: directory)
            throw error
        }
    }

    private func start() throws {
        try Shell.output(
            runAs + [
                binaries.path("initdb"), "-D", dataDirectory, "-U", superuser, "-A", "trust", "-E", "UTF8",
                "--locale=C", "--no-sync", "--no-instructions",
            ])
        let settings = [
            "-k", directory, "-c", "listen_addresses=", "-c", "fsync=off", "-c", "synchronous_commit=off",
            "-c", "full_page_writes=off", "-c", "max_connections=200", "-c", "shared_buffers=128MB",
            "-c", "max_locks_per_transaction=256",
        ].map { $0.isEmpty || $0.hasSuffix("=") ? "'\($0)'" : $0 }.joined(separator: " ")
        do {
            try Shell.output(
                runAs + [
                    binaries.path("pg_ctl"), "start", "-w", "-t", "60", "-D", dataDirectory,
                    "-l", directory + "/server.log", "-o", settings,
                ])
        } catch {
            let log = (try? String(contentsOfFile: directory + "/server.log", encoding: .utf8)) ?? ""
            let lastLine = log.split(separator: "\n").last.map(String.init) ?? "\(error)"
            throw ServerError("the throwaway PostgreSQL did not start: \(lastLine)")
        }
        startWatchdog()
    }

    /// Stops the server when this process dies without calling `stop()`.
    private func startWatchdog() {
        let stopCommand = (runAs + [binaries.path("pg_ctl"), "stop", "-m", "immediate", "-D", dataDirectory])
            .map(shellQuote).joined(separator: " ")
        let script = """
            while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done
            \(stopCommand) >/dev/null 2>&1; rm -rf \(shellQuote(directory))
            """
        watchdog = try? Shell.spawn(["/bin/sh", "-c", script])
    }

    /// A libpq connection string (key=value form) for one database of this server.
    public func connectionString(database: String = "postgres") -> String {
        "host='\(directory)' port=5432 user=\(superuser) dbname='\(database.replacingOccurrences(of: "'", with: "\\'"))'"
    }

    /// Opens a connection to one database of this server.
    public func connect(database: String = "postgres") throws -> PostgresConnection {
        try PostgresConnection(connectionString(database: database))
    }

    /// Creates an empty database (from template0, so nothing from template1 leaks in).
    public func createDatabase(_ name: String, using admin: PostgresConnection) throws {
        try admin.execute("CREATE DATABASE \(SQLQuote.identifier(name)) TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'")
    }

    /// `pg_dump --schema-only` of one database: an account of the schema independent of pgdrift's own
    /// introspection (the plan tests' oracle, and the benchmark's yardstick).
    public func dumpSchema(database: String) throws -> String {
        try Shell.output([binaries.path("pg_dump"), "--schema-only", "--no-owner", "--no-privileges",
                          "--dbname", connectionString(database: database)])
    }

    /// Stops the server and deletes its directory. Safe to call more than once.
    public func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        _ = try? Shell.output(runAs + [binaries.path("pg_ctl"), "stop", "-m", "fast", "-w", "-D", dataDirectory])
        try? FileManager.default.removeItem(atPath: directory)
        if let watchdog {
            kill(watchdog, SIGTERM)
            Shell.wait(for: watchdog)
        }
    }

    deinit { stop() }
}

private func shellQuote(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
