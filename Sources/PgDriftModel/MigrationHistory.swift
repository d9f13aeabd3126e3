/// What a migration tool recorded as applied, read from its own table in the audited database (issue 19).
public struct MigrationHistory: Hashable, Sendable {
    /// One row (or, for tools that record several rows per file, the rows of one file merged).
    public struct Entry: Hashable, Sendable {
        /// The version, name or id the tool records, as stored.
        public var version: String
        /// A second name the tool keeps beside it (Flyway's script, Django's app, sqitch's project).
        public var name: String?
        /// The tool's checksum of the file, as stored (Flyway's CRC32, Prisma's SHA-256 …).
        public var checksum: String?
        /// When the tool recorded it, `YYYY-MM-DD HH:MM:SS` (UTC where the tool keeps a time zone).
        public var appliedAt: String?
        /// Recorded as failed, dirty, rolled back or unfinished.
        public var failed: Bool
        /// Every earlier file counts as applied (golang-migrate's and Alembic's one row, Flyway's baseline).
        public var coversEarlier: Bool
        /// The statements the tool ran (Supabase keeps them).
        public var statements: [String]?

        public init(
            version: String, name: String? = nil, checksum: String? = nil, appliedAt: String? = nil, failed: Bool = false,
            coversEarlier: Bool = false, statements: [String]? = nil
        ) {
            self.version = version
            self.name = name
            self.checksum = checksum
            self.appliedAt = appliedAt
            self.failed = failed
            self.coversEarlier = coversEarlier
            self.statements = statements
        }
    }

    /// The tool that wrote it.
    public var tool: MigrationTool
    /// Its table, where it was found.
    public var table: QualifiedName
    /// The rows, in the order the tool applied them.
    public var entries: [Entry]

    public init(tool: MigrationTool, table: QualifiedName, entries: [Entry]) {
        self.tool = tool
        self.table = table
        self.entries = entries
    }
}

/// A migration tool whose history table pgdrift reads (`--history TOOL`).
public enum MigrationTool: String, CaseIterable, Hashable, Sendable, Codable {
    case supabase, flyway, liquibase, golangMigrate = "golang-migrate", dbmate, rails, ecto, django, alembic, prisma, diesel
    case sqlx, sqitch, goose, nodePgMigrate = "node-pg-migrate", knex, sequelize, yoyo

    /// The table it records its history in.
    public var tableName: String {
        switch self {
        case .supabase, .golangMigrate, .dbmate, .rails, .ecto: "schema_migrations"
        case .flyway: "flyway_schema_history"
        case .liquibase: "databasechangelog"
        case .django: "django_migrations"
        case .alembic: "alembic_version"
        case .prisma: "_prisma_migrations"
        case .diesel: "__diesel_schema_migrations"
        case .sqlx: "_sqlx_migrations"
        case .sqitch: "changes"
        case .goose: "goose_db_version"
        case .nodePgMigrate: "pgmigrations"
        case .knex: "knex_migrations"
        case .sequelize: "SequelizeMeta"
        case .yoyo: "_yoyo_migration"
        }
    }

    /// The schema the tool always uses; nil: the table is looked for in every schema, `public` first.
    public var ownSchema: String? {
        switch self {
        case .supabase: "supabase_migrations"
        case .sqitch: "sqitch"
        default: nil
        }
    }

    /// Other tables the tool keeps beside its history, which are not the schema's either.
    public var companionTables: [String] {
        switch self {
        case .rails: ["ar_internal_metadata"]
        case .liquibase: ["databasechangeloglock"]
        case .knex: ["knex_migrations_lock"]
        case .yoyo: ["_yoyo_log", "_yoyo_version", "yoyo_lock"]
        default: []
        }
    }

    /// How the tool's users run pending migrations, for hints.
    public var applyCommand: String {
        switch self {
        case .supabase: "supabase db push"
        case .flyway: "flyway migrate"
        case .liquibase: "liquibase update"
        case .golangMigrate: "migrate up"
        case .dbmate: "dbmate up"
        case .rails: "bin/rails db:migrate"
        case .ecto: "mix ecto.migrate"
        case .django: "python manage.py migrate"
        case .alembic: "alembic upgrade head"
        case .prisma: "prisma migrate deploy"
        case .diesel: "diesel migration run"
        case .sqlx: "sqlx migrate run"
        case .sqitch: "sqitch deploy"
        case .goose: "goose up"
        case .nodePgMigrate: "node-pg-migrate up"
        case .knex: "knex migrate:latest"
        case .sequelize: "sequelize db:migrate"
        case .yoyo: "yoyo apply"
        }
    }
}

extension Catalog {
    /// Leaves out what the migration tool keeps for itself: its history table, the tables beside it, the
    /// sequences they own, and a schema of the tool's own (`supabase_migrations`, `sqitch`) whole.
    public mutating func removeHistoryTables(of history: MigrationHistory) {
        let tool = history.tool
        if let own = tool.ownSchema {
            self = filtered(schemas: [], excluding: [own])
            return
        }
        let names = [history.table] + tool.companionTables.map { QualifiedName(history.table.schema, $0) }
        for name in names { _ = tables.remove(name) }
        sequences = ObjectSet(sequences.filter { sequence in !(sequence.ownedBy.map { names.contains($0.table) } ?? false) })
    }
}
