import Foundation
import PgDrift

/// PostgreSQL 16, 17 and 18 for the version matrix (issue 20): the programs `scripts/fetch-postgres`
/// unpacked from PyPI wheels, named by `PGDRIFT_POSTGRES_BINS` (`16=/dir;17=/dir;18=/dir`, set by
/// `scripts/test`). One throwaway cluster per major version, started on first use, stopped at exit.
public enum VersionedServers {
    /// The majors whose programs are here, and where.
    public static let available: [Int: String] = {
        let text = ProcessInfo.processInfo.environment["PGDRIFT_POSTGRES_BINS"] ?? ""
        var found: [Int: String] = [:]
        for entry in text.split(separator: ";") {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let major = Int(parts[0]), FileManager.default.isExecutableFile(atPath: parts[1] + "/postgres") else { continue }
            found[major] = parts[1]
        }
        return found
    }()

    /// The available majors, in order.
    public static var majors: [Int] { available.keys.sorted() }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var servers: [Int: TemporaryServer] = [:]
    nonisolated(unsafe) private static var counter = 0

    /// The cluster of `major`, started the first time.
    public static func server(_ major: Int) throws -> TemporaryServer {
        TestEnvironment.isolated
        lock.lock()
        defer { lock.unlock() }
        if let server = servers[major] { return server }
        guard let directory = available[major] else { throw ServerError("no PostgreSQL \(major) programs (PGDRIFT_POSTGRES_BINS)") }
        let server = try TemporaryServer(binaries: PostgresBinaries(directory: directory))
        if servers.isEmpty {
            atexit {
                for server in VersionedServers.servers.values { server.stop() }
            }
        }
        servers[major] = server
        return server
    }

    /// A fresh database on the `major` cluster, with `sql` run in it; its connection string.
    public static func database(_ major: Int, _ label: String, sql: String? = nil) throws -> String {
        try namedDatabase(major, label, sql: sql).connectionString
    }

    /// Runs SQL as a superuser in the `major` cluster's `postgres` database (roles are cluster-wide).
    public static func executeInCluster(_ major: Int, _ sql: String) throws {
        let admin = try server(major).connect()
        defer { admin.close() }
        try admin.execute(sql)
    }

    /// A fresh database on the `major` cluster, with `sql` run in it: its name and connection string.
    public static func namedDatabase(_ major: Int, _ label: String, sql: String? = nil) throws -> (name: String, connectionString: String) {
        let server = try server(major)
        let name: String = {
            lock.lock()
            defer { lock.unlock() }
            counter += 1
            return "v\(major)_\(counter)_" + String(label.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }.prefix(40))
        }()
        let admin = try server.connect()
        defer { admin.close() }
        try server.createDatabase(name, using: admin)
        let connectionString = server.connectionString(database: name)
        if let sql {
            let connection = try PostgresConnection(connectionString)
            defer { connection.close() }
            try connection.execute(sql)
        }
        return (name, connectionString)
    }
}
