import Foundation
import PgDrift

/// The one throwaway PostgreSQL cluster of a test run, started on first use and stopped when the test
/// process exits (a watchdog stops it if the process dies instead).
public enum TestServer {
    /// The shared server, or the error that kept it from starting.
    public static let shared: Result<TemporaryServer, Error> = {
        TestEnvironment.isolated
        let result = Result { try TemporaryServer() }
        if case .success = result {
            atexit {
                if case .success(let server) = TestServer.shared { server.stop() }
            }
        }
        return result
    }()

    /// The server, or the reason there is none (every integration test fails with it).
    public static func server() throws -> TemporaryServer { try shared.get() }

    nonisolated(unsafe) private static var admin: PostgresConnection?
    private static let lock = NSLock()
    nonisolated(unsafe) private static var counter = 0

    /// Runs `body` with the shared administrative connection, one caller at a time.
    static func withAdmin<R>(_ body: (PostgresConnection, TemporaryServer) throws -> R) throws -> R {
        let server = try server()
        lock.lock()
        defer { lock.unlock() }
        if admin == nil { admin = try server.connect() }
        return try body(admin!, server)
    }

    /// A unique database name for one test.
    static func nextDatabaseName(_ label: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        counter += 1
        let cleaned = label.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }
        return "t\(counter)_" + String(String(cleaned).prefix(40))
    }
}

/// A fresh database of the shared test server, for one test.
public struct TestDatabase: Sendable {
    /// The database's name.
    public let name: String
    /// A libpq connection string for it.
    public let connectionString: String

    /// Creates an empty database and, if given, runs `sql` in it.
    public init(_ label: String = #function, sql: String? = nil) throws {
        let name = TestServer.nextDatabaseName(label)
        let connectionString = try TestServer.withAdmin { admin, server in
            try server.createDatabase(name, using: admin)
            return server.connectionString(database: name)
        }
        self.name = name
        self.connectionString = connectionString
        if let sql { try connect().execute(sql) }
    }

    /// Opens a new connection to it.
    public func connect() throws -> PostgresConnection {
        try PostgresConnection(connectionString)
    }

    /// Introspects it.
    public func catalog(_ options: IntrospectionOptions = IntrospectionOptions()) throws -> Catalog {
        try Introspector(options: options).catalog(from: connect()).catalog
    }

    /// Runs SQL as a superuser in the cluster's `postgres` database (for roles, which are cluster-wide).
    public static func executeInCluster(_ sql: String) throws {
        try TestServer.withAdmin { admin, _ in try admin.execute(sql) }
    }
}
