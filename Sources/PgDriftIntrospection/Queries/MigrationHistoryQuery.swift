import PgDriftModel
import PgDriftPostgres

/// What a migration tool recorded as applied, read from its own table in the audited database (issue 19).
package struct MigrationHistory: Hashable, Sendable {
    /// The tools whose tables are recognised.
    package enum Tool: String, CaseIterable, Sendable {
        case supabase, flyway, golangMigrate = "golang-migrate", dbmate

        /// The table the tool keeps its history in.
        package var table: QualifiedName {
            switch self {
            case .supabase: QualifiedName("supabase_migrations", "schema_migrations")
            case .flyway: QualifiedName("public", "flyway_schema_history")
            case .golangMigrate, .dbmate: QualifiedName("public", "schema_migrations")
            }
        }

        /// Whether the tool keeps only the latest version: every file up to it counts as applied.
        package var keepsLatestOnly: Bool { self == .golangMigrate }
    }

    /// One row: a version the tool applied (or tried to).
    package struct Entry: Hashable, Sendable {
        package var version: String
        package var name: String?
        /// Recorded as failed, dirty, rolled back or unfinished.
        package var failed: Bool
    }

    package var tool: Tool
    package var entries: [Entry]
}

enum MigrationHistoryQuery {
    /// Which history tables exist, and the columns of `schema_migrations` (which several tools use).
    static let detect = """
        SELECT pg_catalog.to_regclass('supabase_migrations.schema_migrations') IS NOT NULL AS supabase,
               pg_catalog.to_regclass('public.flyway_schema_history') IS NOT NULL AS flyway,
               ARRAY(SELECT a.attname || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a
                     WHERE a.attrelid = pg_catalog.to_regclass('public.schema_migrations') AND a.attnum > 0 AND NOT a.attisdropped
                     ORDER BY a.attnum) AS schema_migrations
        """

    /// The history of the first tool whose table is there (`only`: that tool's, or none).
    static func read(on connection: PostgresConnection, only: MigrationHistory.Tool? = nil) throws -> MigrationHistory? {
        let found = try connection.query(detect).rows[0]
        let columns = try found.stringArray("schema_migrations")
        var tool: MigrationHistory.Tool?
        if found[0] == "t" {
            tool = .supabase
        } else if found[1] == "t" {
            tool = .flyway
        } else if columns == ["version bigint", "dirty boolean"] {
            tool = .golangMigrate
        } else if columns == ["version character varying(128)"] || columns == ["version character varying(255)"] {
            tool = .dbmate
        }
        if let only { tool = tool == only ? only : nil }
        guard let tool else { return nil }
        let sql = switch tool {
        case .supabase: "SELECT version::text AS version, name::text AS name, false AS failed FROM supabase_migrations.schema_migrations ORDER BY version"
        case .flyway: """
            SELECT version::text AS version, script::text AS name, NOT success AS failed FROM public.flyway_schema_history
            WHERE version IS NOT NULL ORDER BY installed_rank
            """
        case .golangMigrate: "SELECT version::text AS version, NULL::text AS name, dirty AS failed FROM public.schema_migrations"
        case .dbmate: "SELECT version::text AS version, NULL::text AS name, false AS failed FROM public.schema_migrations ORDER BY version"
        }
        let entries = try connection.query(sql).rows.map { row in
            MigrationHistory.Entry(version: try row.string("version"), name: try row.optionalString("name"), failed: try row.bool("failed"))
        }
        return MigrationHistory(tool: tool, entries: entries)
    }
}

extension Introspector {
    /// The migration history in the database behind `connection`, if a known tool keeps one there.
    package static func migrationHistory(on connection: PostgresConnection, only: MigrationHistory.Tool? = nil) throws -> MigrationHistory? {
        try MigrationHistoryQuery.read(on: connection, only: only)
    }
}
