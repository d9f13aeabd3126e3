import Foundation
import PgDriftModel

/// Each tool's rule for which file a history row stands for: the key both sides are brought to.
extension MigrationTool {
    /// The key of a migration file under this tool's naming rule; nil for a file that is not one of its
    /// versioned migrations (a Flyway repeatable script).
    package func key(ofFile path: String) -> String? {
        let name = Self.migrationName(path)
        switch self {
        case .supabase, .dbmate, .rails:
            let digits = name.prefix { $0.isASCII && $0.isNumber }
            return digits.isEmpty ? nil : String(digits)
        case .diesel:
            let digits = name.prefix { ($0.isASCII && $0.isNumber) || $0 == "-" }.filter { $0 != "-" }
            return digits.isEmpty ? nil : String(digits)
        case .golangMigrate, .goose, .sqlx, .ecto:
            return Self.integer(String(name.prefix { $0.isASCII && $0.isNumber }))
        case .flyway:
            guard name.hasPrefix("V"), let separator = name.range(of: "__") else { return nil }
            return Self.flywayVersion(String(name[name.index(after: name.startIndex)..<separator.lowerBound]))
        case .alembic:
            // Alembic's file template puts the revision first (`ae1027a6acf_add_users`), or after a date.
            let tokens = name.split(separator: "_").map(String.init)
            return tokens.first(where: Self.isRevision) ?? tokens.first
        case .liquibase, .django, .prisma, .sqitch, .nodePgMigrate, .knex, .sequelize, .yoyo:
            return name
        }
    }

    /// The key of a history row.
    package func key(of entry: MigrationHistory.Entry) -> String {
        switch self {
        case .golangMigrate, .goose, .sqlx, .ecto: Self.integer(entry.version) ?? entry.version
        case .flyway: Self.flywayVersion(entry.version)
        case .diesel: entry.version.filter { $0 != "-" }
        case .liquibase, .knex, .sequelize, .nodePgMigrate, .prisma, .django, .yoyo, .sqitch:
            Self.stem((entry.version as NSString).lastPathComponent)
        default: entry.version
        }
    }

    /// What the tool calls a file: its name without `.sql` (and `.up`), or for a migration kept in a
    /// folder of its own (Prisma's `migration.sql`, Diesel's `up.sql`), the folder's name.
    static func migrationName(_ path: String) -> String {
        let file = (path as NSString).lastPathComponent
        if file == "migration.sql" || file == "up.sql" {
            return ((path as NSString).deletingLastPathComponent as NSString).lastPathComponent
        }
        return stem(file)
    }

    /// A name without the extensions migration tools give their files.
    static func stem(_ name: String) -> String {
        var stem = name
        for suffix in [".sql", ".js", ".cjs", ".mjs", ".ts", ".py", ".rb", ".exs", ".xml", ".yaml", ".yml", ".json"] where stem.hasSuffix(suffix) {
            stem.removeLast(suffix.count)
            break
        }
        if stem.hasSuffix(".up") { stem.removeLast(3) }
        return stem
    }

    /// `000042` → `42`; nil for text that is not a number.
    static func integer(_ text: String) -> String? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let trimmed = text.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }

    /// Flyway's versions compare by their numbers: `1_1`, `1.1` and `1.01.0` are one version.
    static func flywayVersion(_ text: String) -> String {
        var parts = text.split(whereSeparator: { $0 == "." || $0 == "_" }).map { integer(String($0)) ?? String($0) }
        while parts.count > 1, parts.last == "0" { parts.removeLast() }
        return parts.joined(separator: ".")
    }

    /// Alembic's revision ids: twelve hexadecimal digits by default.
    static func isRevision(_ token: String) -> Bool {
        token.count == 12 && token.allSatisfy(\.isHexDigit)
    }
}
