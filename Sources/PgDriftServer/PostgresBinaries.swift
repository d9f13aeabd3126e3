import Foundation

/// Finds PostgreSQL's server programs (`initdb`, `pg_ctl`, `postgres`).
public struct PostgresBinaries: Sendable {
    /// The directory holding them.
    public var directory: String

    /// The programs in `directory` (such as a copy of an installation made for a test).
    public init(directory: String) { self.directory = directory }

    /// Looks in `PGDRIFT_PG_BINDIR`, `pg_config --bindir`, Debian's `/usr/lib/postgresql/<version>/bin`
    /// (newest first) and `PATH`, and takes the first directory that has `initdb`, `pg_ctl` and `postgres`.
    public static func locate() throws -> PostgresBinaries {
        var candidates: [String] = []
        if let explicit = ProcessInfo.processInfo.environment["PGDRIFT_PG_BINDIR"] { candidates.append(explicit) }
        if let bindir = try? Shell.output(["pg_config", "--bindir"]) { candidates.append(bindir) }
        let debian = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: debian)) ?? [])
            .compactMap(Int.init).sorted(by: >)
        candidates += versions.map { "\(debian)/\($0)/bin" }
        candidates += (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for directory in candidates where ["initdb", "pg_ctl", "postgres"].allSatisfy({
            FileManager.default.isExecutableFile(atPath: "\(directory)/\($0)")
        }) {
            return PostgresBinaries(directory: directory)
        }
        throw ServerError(
            "no PostgreSQL server programs (initdb, pg_ctl, postgres) found; install them with "
                + "'apt-get install postgresql-15' or set PGDRIFT_PG_BINDIR")
    }

    /// The programs for a database of `major` (issue 20), found in this order: `explicit` (`--postgres-bin`),
    /// `PGDRIFT_POSTGRES_BIN` (or the older `PGDRIFT_PG_BINDIR`), Debian's `/usr/lib/postgresql/<major>/bin`,
    /// then `pg_config --bindir` and `PATH` where they hold that major; else whatever `locate()` finds.
    public static func locate(major: Int?, explicit: String? = nil) throws -> PostgresBinaries {
        let environment = ProcessInfo.processInfo.environment
        if let directory = explicit ?? environment["PGDRIFT_POSTGRES_BIN"] ?? environment["PGDRIFT_PG_BINDIR"] {
            let binaries = PostgresBinaries(directory: directory)
            guard binaries.isComplete else {
                throw ServerError("no PostgreSQL server programs (initdb, pg_ctl, postgres) in \(directory)")
            }
            return binaries
        }
        guard let major else { return try locate() }
        var candidates = ["/usr/lib/postgresql/\(major)/bin"]
        if let bindir = try? Shell.output(["pg_config", "--bindir"]) { candidates.append(bindir) }
        candidates += (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for directory in candidates {
            let binaries = PostgresBinaries(directory: directory)
            if binaries.isComplete, binaries.majorVersion == major { return binaries }
        }
        return try locate()
    }

    /// Whether `initdb`, `pg_ctl` and `postgres` are all there.
    var isComplete: Bool {
        ["initdb", "pg_ctl", "postgres"].allSatisfy { FileManager.default.isExecutableFile(atPath: path($0)) }
    }

    /// The major version of these programs (`postgres --version`: `postgres (PostgreSQL) 17.10`), or nil.
    public var majorVersion: Int? {
        guard let output = try? Shell.output([path("postgres"), "--version"]),
              let version = output.split(separator: " ").last, let major = Int(version.prefix { $0.isNumber })
        else { return nil }
        return major
    }

    /// The full path of one program.
    public func path(_ program: String) -> String { "\(directory)/\(program)" }

    /// The server's share directory (extension control files and scripts live in its `extension`
    /// folder): what this installation's `pg_config --sharedir` says, else Debian's layout
    /// (`/usr/lib/postgresql/15/bin` → `/usr/share/postgresql/15`), else `../share/postgresql` beside
    /// the programs.
    public func shareDirectory() throws -> String {
        if FileManager.default.isExecutableFile(atPath: path("pg_config")), let share = try? Shell.output([path("pg_config"), "--sharedir"]) {
            return share
        }
        let bin = URL(fileURLWithPath: directory)
        let version = bin.deletingLastPathComponent().lastPathComponent
        for candidate in ["/usr/share/postgresql/\(version)", bin.deletingLastPathComponent().path + "/share/postgresql"]
        where FileManager.default.fileExists(atPath: candidate + "/extension") {
            return candidate
        }
        throw ServerError("cannot find the share directory of the PostgreSQL programs in \(directory)")
    }
}

/// A problem starting or stopping a throwaway server.
public struct ServerError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, as one line for people.
    public var description: String
    /// Creates an error with this message.
    public init(_ description: String) { self.description = description }
}

/// Runs programs with posix_spawn and waitpid. (Foundation's `Process` can miss a child's exit on
/// Linux when several run at once, which hangs a test run; this cannot.)
enum Shell {
    /// Runs a program (looked up on PATH) and returns its trimmed standard output; throws with the last
    /// line of its standard error when it fails.
    @discardableResult
    static func output(_ arguments: [String]) throws -> String {
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-\(UUID().uuidString)")
        let outPath = capture.path + ".out"
        let errPath = capture.path + ".err"
        defer {
            unlink(outPath)
            unlink(errPath)
        }
        let pid = try spawn(arguments, stdout: outPath, stderr: errPath)
        let status = wait(for: pid)
        let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        guard status == 0 else {
            let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
            let last = err.split(separator: "\n").last.map(String.init) ?? "exit status \(status)"
            throw ServerError("\(arguments.first ?? "command") failed: \(last)")
        }
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Starts a program with stdin from /dev/null and output to the given files; returns its pid.
    static func spawn(_ arguments: [String], stdout: String = "/dev/null", stderr: String = "/dev/null") throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let environment = cleanEnvironment().map { strdup($0) } + [nil]
        defer { for pointer in environment { free(pointer) } }
        // The child starts with no signal blocked and default dispositions, whatever the spawning thread
        // had: a watchdog that inherited a blocked SIGTERM could never be stopped.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let result = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, environment)
        guard result == 0 else {
            throw ServerError("cannot run \(arguments[0]): \(String(cString: strerror(result)))")
        }
        return pid
    }

    /// This process's environment without libpq's and the server's `PG*` variables (`PGPORT`, `PGDATA`,
    /// `PGOPTIONS`, ...): the programs pgdrift runs for its throwaway servers take every setting from
    /// their arguments. pgdrift's own `PGDRIFT_*` variables stay.
    static func cleanEnvironment() -> [String] {
        var entries: [String] = []
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if !text.hasPrefix("PG") || text.hasPrefix("PGDRIFT_") { entries.append(text) }
            pointer += 1
        }
        return entries
    }

    /// Waits for a child and returns its exit status (128 + signal when killed).
    @discardableResult
    static func wait(for pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let low = status & 0x7f
        return low == 0 ? (status >> 8) & 0xff : 128 + low
    }
}
