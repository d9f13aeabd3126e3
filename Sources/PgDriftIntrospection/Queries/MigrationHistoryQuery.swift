import PgDriftModel
import PgDriftPostgres

/// The migration tool's history table, found by name and shape, and its rows (issue 19): two queries,
/// whatever the tool.
enum MigrationHistoryQuery {
    /// The tables any known tool could keep its history in, with their columns (`name type`).
    static let candidates = """
        SELECT n.nspname AS schema, c.relname AS name,
               ARRAY(SELECT a.attname || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a
                     WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) AS columns
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND c.relname = ANY ($1::text[])
          AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_(toast|temp_)'
        ORDER BY n.nspname <> 'public', n.nspname, c.relname
        """

    struct Candidate {
        var table: QualifiedName
        var columns: [String]
        var columnNames: Set<String> { Set(columns.map { String($0.prefix { $0 != " " }) }) }
    }

    /// The history of the tool whose table is there (`only`: that tool's; with no table, an empty history,
    /// since the tool makes its table when it first runs).
    static func read(on connection: PostgresConnection, only: MigrationTool? = nil) throws -> MigrationHistory? {
        let names = Set(MigrationTool.allCases.flatMap { [$0.tableName] + $0.companionTables })
        let found = try connection.query(candidates, [PostgresArray.literal(names.sorted())]).rows.map { row in
            Candidate(table: QualifiedName(try row.string("schema"), try row.string("name")), columns: try row.stringArray("columns"))
        }
        let tools = only.map { [$0] } ?? MigrationTool.allCases
        for tool in tools {
            if let candidate = found.first(where: { fits($0, tool, among: found) }) {
                let rows = try connection.query(select(tool, from: candidate)).rows
                let entries = try rows.map { row in
                    MigrationHistory.Entry(
                        version: try row.string("version"), name: try row.optionalString("name"),
                        checksum: try row.optionalString("checksum"), appliedAt: try row.optionalString("applied_at"),
                        failed: try row.bool("failed"), coversEarlier: try row.bool("covers_earlier"),
                        statements: try row.optionalString("statements") == nil ? nil : try row.stringArray("statements"))
                }
                return MigrationHistory(tool: tool, table: candidate.table, entries: entries)
            }
        }
        guard let only else { return nil }
        return MigrationHistory(tool: only, table: QualifiedName(only.ownSchema ?? "public", only.tableName), entries: [])
    }

    /// Whether a table is `tool`'s: its name, its schema where the tool has one, and its columns where
    /// several tools share the name (`schema_migrations`).
    static func fits(_ candidate: Candidate, _ tool: MigrationTool, among found: [Candidate]) -> Bool {
        guard candidate.table.name == tool.tableName else { return false }
        if let own = tool.ownSchema { return candidate.table.schema == own }
        let columns = candidate.columnNames
        switch tool {
        case .golangMigrate: return columns == ["version", "dirty"]
        case .ecto: return columns.contains("inserted_at")
        case .rails:
            return candidate.columns == ["version character varying"]
                && found.contains { $0.table == QualifiedName(candidate.table.schema, "ar_internal_metadata") }
        case .dbmate:
            return columns == ["version"] && !found.contains { $0.table == QualifiedName(candidate.table.schema, "ar_internal_metadata") }
        case .supabase, .sqitch: return false
        default: return columns.contains(requiredColumn(tool))
        }
    }

    /// A column that tells the tool's table from a same-named table of the schema's own.
    static func requiredColumn(_ tool: MigrationTool) -> String {
        switch tool {
        case .flyway: "installed_rank"
        case .liquibase: "orderexecuted"
        case .django: "applied"
        case .alembic: "version_num"
        case .prisma: "migration_name"
        case .diesel: "run_on"
        case .sqlx: "checksum"
        case .goose: "version_id"
        case .nodePgMigrate: "run_on"
        case .knex: "migration_time"
        case .sequelize, .yoyo: tool == .yoyo ? "migration_id" : "name"
        default: "version"
        }
    }

    /// `to_char` of a time column, in UTC when its type has a zone (the tools differ, and so do versions).
    static func time(_ column: String, of candidate: Candidate) -> String {
        guard let declared = candidate.columns.first(where: { $0.hasPrefix(column + " ") }) else { return "NULL::text" }
        let value = SQLQuote.identifier(column) + (declared.hasSuffix("with time zone") ? " AT TIME ZONE 'UTC'" : "")
        return "pg_catalog.to_char(\(value), 'YYYY-MM-DD HH24:MI:SS')"
    }

    /// The rows as (version, name, checksum, applied_at, failed, covers_earlier, statements), in the
    /// order the tool applied them.
    static func select(_ tool: MigrationTool, from candidate: Candidate) -> String {
        let table = SQLQuote.qualified(candidate.table)
        let columns = candidate.columnNames
        func column(_ name: String, as alias: String, cast: String = "::text") -> String {
            columns.contains(name) ? "\(SQLQuote.identifier(name))\(cast) AS \(alias)" : "NULL::text AS \(alias)"
        }
        let rest = "false AS failed, false AS covers_earlier, NULL::text[] AS statements"
        switch tool {
        case .supabase:
            return """
                SELECT version::text AS version, \(column("name", as: "name")), NULL::text AS checksum, NULL::text AS applied_at,
                       false AS failed, false AS covers_earlier, \(column("statements", as: "statements", cast: "::text[]"))
                FROM \(table) ORDER BY version
                """
        case .flyway:
            // Baselines stand for every earlier version; deleted rows (flyway repair) and undos are not applied.
            return """
                SELECT version::text AS version, script::text AS name, checksum::text AS checksum,
                       \(time("installed_on", of: candidate)) AS applied_at, NOT success AS failed,
                       type = 'BASELINE' AS covers_earlier, NULL::text[] AS statements
                FROM \(table) WHERE version IS NOT NULL AND type NOT IN ('DELETE', 'UNDO_SQL', 'UNDO_JDBC', 'UNDO_SCRIPT', 'SCHEMA')
                ORDER BY installed_rank
                """
        case .liquibase:
            return """
                SELECT filename::text AS version, id::text AS name, md5sum::text AS checksum, \(time("dateexecuted", of: candidate)) AS applied_at,
                       exectype = 'FAILED' AS failed, false AS covers_earlier, NULL::text[] AS statements
                FROM \(table) ORDER BY orderexecuted
                """
        case .golangMigrate:
            return """
                SELECT version::text AS version, NULL::text AS name, NULL::text AS checksum, NULL::text AS applied_at,
                       dirty AS failed, true AS covers_earlier, NULL::text[] AS statements FROM \(table)
                """
        case .dbmate, .rails:
            return "SELECT version::text AS version, NULL::text AS name, NULL::text AS checksum, NULL::text AS applied_at, \(rest) FROM \(table) ORDER BY version"
        case .ecto:
            return "SELECT version::text AS version, NULL::text AS name, NULL::text AS checksum, \(time("inserted_at", of: candidate)) AS applied_at, \(rest) FROM \(table) ORDER BY version"
        case .django:
            return "SELECT name::text AS version, app::text AS name, NULL::text AS checksum, \(time("applied", of: candidate)) AS applied_at, \(rest) FROM \(table) ORDER BY id"
        case .alembic:
            return """
                SELECT version_num::text AS version, NULL::text AS name, NULL::text AS checksum, NULL::text AS applied_at,
                       false AS failed, true AS covers_earlier, NULL::text[] AS statements FROM \(table)
                """
        case .prisma:
            // A migration resolved as rolled back and applied again has two rows: the later one counts.
            return """
                SELECT migration_name::text AS version, NULL::text AS name, checksum::text AS checksum,
                       \(time("finished_at", of: candidate)) AS applied_at, (finished_at IS NULL OR rolled_back_at IS NOT NULL) AS failed,
                       false AS covers_earlier, NULL::text[] AS statements
                FROM \(table) ORDER BY started_at, migration_name
                """
        case .diesel:
            return "SELECT version::text AS version, NULL::text AS name, NULL::text AS checksum, \(time("run_on", of: candidate)) AS applied_at, \(rest) FROM \(table) ORDER BY version"
        case .sqlx:
            return """
                SELECT version::text AS version, description::text AS name, pg_catalog.encode(checksum, 'hex') AS checksum,
                       \(time("installed_on", of: candidate)) AS applied_at, NOT success AS failed, false AS covers_earlier, NULL::text[] AS statements
                FROM \(table) ORDER BY version
                """
        case .sqitch:
            return """
                SELECT change::text AS version, project::text AS name, script_hash::text AS checksum,
                       \(time("committed_at", of: candidate)) AS applied_at, \(rest) FROM \(table) ORDER BY committed_at
                """
        case .goose:
            // The latest row of a version decides: is_applied false means rolled back. Version 0 is goose's own.
            return """
                SELECT version, NULL::text AS name, NULL::text AS checksum, applied_at, \(rest) FROM (
                  SELECT DISTINCT ON (version_id) version_id::text AS version, \(time("tstamp", of: candidate)) AS applied_at, is_applied, id
                  FROM \(table) WHERE version_id <> 0 ORDER BY version_id, id DESC) latest
                WHERE is_applied ORDER BY id
                """
        case .nodePgMigrate:
            return "SELECT name::text AS version, NULL::text AS name, NULL::text AS checksum, \(time("run_on", of: candidate)) AS applied_at, \(rest) FROM \(table) ORDER BY id"
        case .knex:
            return "SELECT name::text AS version, NULL::text AS name, NULL::text AS checksum, \(time("migration_time", of: candidate)) AS applied_at, \(rest) FROM \(table) ORDER BY id"
        case .sequelize:
            return "SELECT name::text AS version, NULL::text AS name, NULL::text AS checksum, NULL::text AS applied_at, \(rest) FROM \(table) ORDER BY name"
        case .yoyo:
            return "SELECT migration_id::text AS version, NULL::text AS name, NULL::text AS checksum, \(time("applied_at_utc", of: candidate)) AS applied_at, \(rest) FROM \(table) ORDER BY applied_at_utc"
        }
    }
}

extension Introspector {
    /// The migration history in the database behind `connection`, if a known tool keeps one there
    /// (`only`: that tool's, empty when its table is not there yet).
    package static func migrationHistory(on connection: PostgresConnection, only: MigrationTool? = nil) throws -> MigrationHistory? {
        try MigrationHistoryQuery.read(on: connection, only: only)
    }
}
