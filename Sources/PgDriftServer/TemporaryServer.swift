import Foundation
import PgDriftModel
import PgDriftPostgres

/// A throwaway PostgreSQL cluster: `initdb` into a fresh temporary directory, listening only on a Unix
/// socket there (no TCP port), trusting local connections. `stop()` stops it and deletes the directory;
/// a watchdog process does the same if the process that started it dies without stopping it.
///
/// As root (initdb refuses to run as root) the server runs as the `postgres` OS user through `runuser`.
///
/// The server ignores the caller's `PG*` environment (a `PGPORT` of the caller's own server must not move
/// the throwaway one), loads no libraries at start, archives nothing, and its socket directory is
/// entered by its owner only: nothing outside pgdrift's own process reaches it.
public final class TemporaryServer: @unchecked Sendable {
    /// The temporary directory holding the cluster and its socket.
    public let directory: String
    /// The bootstrap superuser, whom every connection made by `connect` uses.
    public let superuser: String
    /// The port number in the socket's name (there is no TCP port): always this one, whatever `PGPORT` says.
    public static let port = 5432
    /// The programs it runs.
    public let binaries: PostgresBinaries
    private let runAs: [String]
    private var watchdog: pid_t?
    private let lock = NSLock()
    private var stopped = false

    private var dataDirectory: String { directory + "/data" }

    /// Creates and starts a cluster. Takes a second or two. `superuser` names its bootstrap superuser (a
    /// shadow server names it so that a migration's `OWNER TO postgres` names an ordinary role).
    public init(binaries: PostgresBinaries? = nil, superuser: String = "postgres") throws {
        self.superuser = superuser
        self.binaries = try binaries ?? PostgresBinaries.locate()
        let asRoot = geteuid() == 0
        runAs = asRoot ? ["runuser", "-u", "postgres", "--"] : []
        var template = Array((Self.parentDirectory + "/pgdrift-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw ServerError("cannot create a temporary directory") }
        directory = String(cString: made)
        Self.live.add(self)
        do {
            // First thing: a process that exits while the cluster is made or started (a CLI run failing on
            // its database while the shadow server starts in the background) leaves nothing behind.
            startWatchdog()
            if asRoot { try Shell.output(["chown", "postgres:", directory]) }
            try start()
        } catch {
            removeDirectory()
            if let watchdog {
                kill(watchdog, SIGKILL)
                Shell.wait(for: watchdog)
            }
            throw error
        }
    }

    private func start() throws {
        // PGDRIFT_TRACE=1 names every throwaway server a run starts (a test asserts that `plan` of a
        // folder read offline starts none).
        Trace.note("starting a throwaway PostgreSQL in \(directory)")
        // A copy of initdb's output made once (ClusterTemplate), else initdb itself.
        if let template = ClusterTemplate.dataDirectory(binaries: binaries, superuser: superuser, runAs: runAs),
            (try? Shell.output(runAs + ["cp", "-a", template, dataDirectory])) != nil
        {
            Trace.note("copied the cluster template \(template)")
        } else {
            try? FileManager.default.removeItem(atPath: dataDirectory)
            try Shell.output(runAs + [binaries.path("initdb"), "-D", dataDirectory, "-U", superuser] + ClusterTemplate.options)
        }
        let settings = (["-k", directory] + Self.settings.flatMap { ["-c", $0] })
            .map { $0.isEmpty || $0.hasSuffix("=") ? "'\($0)'" : $0 }.joined(separator: " ")
        // pg_ctl -w looks every 100 ms; pgdrift asks the socket itself every 5 ms (issue 24: a start in
        // 0.3 s), and reads the log when the server gave up.
        let log = directory + "/server.log"
        do {
            try Shell.output(runAs + [binaries.path("pg_ctl"), "start", "-W", "-D", dataDirectory, "-l", log, "-o", settings])
        } catch {
            throw ServerError("the throwaway PostgreSQL did not start: \(error)")
        }
        let probe = connectionString(connectTimeout: 2)
        let deadline = DispatchTime.now().uptimeNanoseconds + 60_000_000_000
        while PostgresConnection.ping(probe) != .accepting {
            // The log is read only while no postmaster runs (no pid file): it says why one stopped (a port
            // in use, a bad setting).
            if !FileManager.default.fileExists(atPath: dataDirectory + "/postmaster.pid"),
               let text = try? String(contentsOfFile: log, encoding: .utf8), text.contains("FATAL") {
                let lastLine = text.split(separator: "\n").last(where: { $0.contains("FATAL") }).map(String.init) ?? "see \(log)"
                throw ServerError("the throwaway PostgreSQL did not start: \(lastLine)")
            }
            if DispatchTime.now().uptimeNanoseconds > deadline {
                throw ServerError("the throwaway PostgreSQL did not start within 60 s (\(log))")
            }
            usleep(5_000)
        }
    }

    /// Where throwaway clusters live: `PGDRIFT_SERVER_DIR`, else `/dev/shm` when it is memory with room to
    /// spare (4 GiB free: a shadow database of ten thousand tables takes a few hundred MB), else `/tmp`.
    /// In memory, copying the cluster template takes 0.06 s where a busy disk took 0.8 s (issue 24).
    /// Short paths either way: the Unix socket's path must fit in 107 bytes.
    static let parentDirectory: String = {
        if let folder = ProcessInfo.processInfo.environment["PGDRIFT_SERVER_DIR"], !folder.isEmpty { return folder }
        var stats = statvfs()
        if statvfs("/dev/shm", &stats) == 0, access("/dev/shm", W_OK) == 0,
           UInt64(stats.f_bavail) * UInt64(stats.f_frsize) >= 4 << 30 {
            return "/dev/shm"
        }
        return "/tmp"
    }()

    /// Every setting is given explicitly, so nothing comes from the caller's environment or from a
    /// library the machine preloads: a Unix socket only, readable by its owner, in UTC, no autovacuum.
    static let settings = [
        "listen_addresses=", "port=\(port)", "unix_socket_permissions=0700", "fsync=off", "synchronous_commit=off",
        "full_page_writes=off", "max_connections=200", "shared_buffers=128MB", "max_locks_per_transaction=256",
        "shared_preload_libraries=", "local_preload_libraries=", "session_preload_libraries=",
        "archive_mode=off", "archive_command=", "restore_command=", "TimeZone=UTC", "log_timezone=UTC",
        "DateStyle=ISO,MDY", "IntervalStyle=postgres", "lc_messages=C",
        // A throwaway cluster's tables keep the sizes and row estimates they were made with (plans print them).
        "autovacuum=off",
    ]

    /// Stops the server when this process dies without calling `stop()`.
    /// The watchdog stops the server and removes its directory once this process is gone. A process that
    /// exits while its server is still being made leaves initdb or pg_ctl running (an orphan that may
    /// create the directory again, or start the server, after one removal): so it stops and removes,
    /// again and again, for five seconds.
    private func startWatchdog() {
        let stopCommand = (runAs + [binaries.path("pg_ctl"), "stop", "-m", "immediate", "-D", dataDirectory])
            .map(shellQuote).joined(separator: " ")
        let script = """
            while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done
            for attempt in 1 2 3 4 5 6 7 8 9 10; do
              \(stopCommand) >/dev/null 2>&1; rm -rf \(shellQuote(directory)) 2>/dev/null; sleep 0.5
            done
            """
        watchdog = try? Shell.spawn(["/bin/sh", "-c", script])
    }

    /// A libpq connection string (key=value form) for one database of this server, as `user` (the
    /// superuser by default). Every setting libpq would otherwise take from a `PG*` variable is given.
    public func connectionString(database: String = "postgres", user: String? = nil, connectTimeout: Int = 30) -> String {
        func quoted(_ value: String) -> String {
            "'" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
        }
        return "host=\(quoted(directory)) port=\(Self.port) user=\(quoted(user ?? superuser)) dbname=\(quoted(database)) "
            + "options='' sslmode=disable gssencmode=disable application_name=pgdrift "
            + "client_encoding=UTF8 target_session_attrs=any connect_timeout=\(connectTimeout)"
    }

    /// Opens a connection to one database of this server, as `user` (the superuser by default).
    public func connect(database: String = "postgres", user: String? = nil) throws -> PostgresConnection {
        let connection = try PostgresConnection(connectionString(database: database, user: user))
        // libpq sends these three from the environment after every connection option, so no option can
        // override them; the session puts back the server's own values.
        let overridden = ["PGTZ", "PGDATESTYLE", "PGGEQO"].filter { ProcessInfo.processInfo.environment[$0] != nil }
        if !overridden.isEmpty { try connection.execute("SET TimeZone = 'UTC'; SET DateStyle = 'ISO, MDY'; SET geqo = on") }
        return connection
    }

    /// Creates an empty database (from template0, so nothing from template1 leaks in).
    public func createDatabase(_ name: String, using admin: PostgresConnection) throws {
        try admin.execute("CREATE DATABASE \(SQLQuote.identifier(name)) TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'")
    }

    /// `pg_dump --schema-only` of one database: an account of the schema independent of pgdrift's own
    /// introspection (the plan tests' oracle, and the benchmark's yardstick).
    /// With `privileges`, GRANT / REVOKE and ALTER DEFAULT PRIVILEGES are dumped too; with `owners`, OWNER TO.
    public func dumpSchema(database: String, privileges: Bool = false, owners: Bool = false) throws -> String {
        try Shell.output([binaries.path("pg_dump"), "--schema-only"] + (owners ? [] : ["--no-owner"]) + (privileges ? [] : ["--no-privileges"])
                         + ["--dbname", connectionString(database: database)])
    }

    /// Stops the server and deletes its directory. Safe to call more than once.
    public func stop() { stop(keepingWatchdog: false) }

    /// `keepingWatchdog`: on an interrupt the process exits next, perhaps while initdb or pg_ctl is still
    /// making this server; the watchdog then stops and removes it again after the exit.
    private func stop(keepingWatchdog: Bool) {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        Self.live.remove(self)
        _ = try? Shell.output(runAs + [binaries.path("pg_ctl"), "stop", "-m", "fast", "-w", "-D", dataDirectory])
        removeDirectory()
        // SIGKILL: the watchdog has nothing left to do, and a signal it could block or ignore would leave
        // this wait, and the process, hanging.
        if let watchdog, !keepingWatchdog {
            kill(watchdog, SIGKILL)
            Shell.wait(for: watchdog)
        }
    }

    deinit { stop() }

    /// Stops every server of this process that is not stopped yet (on Ctrl-C, from the command line's
    /// interrupt thread, never from a signal handler).
    /// The process exits next: each server's watchdog is left to make sure of it afterwards.
    public static func stopAll() {
        for server in live.all() { server.stop(keepingWatchdog: true) }
    }

    /// The servers of this process, held weakly: one that goes away stops itself.
    private static let live = LiveServers()

    private final class LiveServers: @unchecked Sendable {
        private let lock = NSLock()
        private var servers: [ObjectIdentifier: WeakServer] = [:]

        struct WeakServer { weak var server: TemporaryServer? }

        func add(_ server: TemporaryServer) {
            lock.withLock { servers[ObjectIdentifier(server)] = WeakServer(server: server) }
        }

        func remove(_ server: TemporaryServer) {
            lock.withLock { _ = servers.removeValue(forKey: ObjectIdentifier(server)) }
        }

        func all() -> [TemporaryServer] { lock.withLock { servers.values.compactMap(\.server) } }
    }

    /// Deletes the server's directory. pg_ctl returns once the server is gone, but its socket's files can
    /// still be unlinked a moment later, under a removal that listed them: the removal then fails and
    /// left an empty directory behind, one per run. So it is tried again, briefly.
    private func removeDirectory() {
        for attempt in 1...10 {
            do {
                try FileManager.default.removeItem(atPath: directory)
                return
            } catch {
                guard FileManager.default.fileExists(atPath: directory) else { return }
                usleep(useconds_t(20_000 * attempt))
            }
        }
    }
}

private func shellQuote(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
