import Foundation

/// The seed story's analytics schema as SQL migrations (`examples/analytics/sql`), shipped inside
/// pgdrift so the demo and tests need nothing outside the binary's resources.
public enum AnalyticsExample {
    /// One migration file.
    public struct Migration: Sendable {
        /// File name, such as `006_hot_tables.sql`.
        public var name: String
        /// The SQL text.
        public var sql: String
    }

    /// The folder holding the migration files.
    public static var directory: URL {
        Bundle.module.resourceURL!.appendingPathComponent("sql")
    }

    /// The migrations in filename order (their numeric prefixes are zero-padded).
    public static func migrations() throws -> [Migration] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".sql") }
            .sorted()
        return try names.map { name in
            Migration(name: name, sql: try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8))
        }
    }

    /// The roles the policies name (`anon`, `authenticated`, `service_role`), created if missing; roles
    /// are cluster-wide, so they are not part of the migrations.
    public static func rolesSQL() throws -> String {
        try String(contentsOf: Bundle.module.resourceURL!.appendingPathComponent("roles.sql"), encoding: .utf8)
    }
}
