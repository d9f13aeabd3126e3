/// The order of a plan: first what must go before things change (dependents of what changes, and
/// extra objects), then creation from the outside in, then drops of objects nothing uses any more.
/// Statements of one phase keep the order in which they were planned, which follows the catalogs'
/// sorted order, so the same inputs always give the same plan.
public enum PlanPhase: Int, Comparable, Sendable, CaseIterable {
    /// New enum values, each committed on its own before the transaction: PostgreSQL refuses to use a
    /// value added in the same transaction (a default, a check, a row of a new table).
    case beforeTransaction
    /// Extra operators, casts, rules, publications, ..., and those created again: before what they use goes.
    case dropObjects
    case dropTriggers, dropPolicies, dropViews, dropForeignKeys, dropConstraints, dropIndexes
    case replaceFunctions, renameColumns, renameConstraintsAndIndexes, dropColumns, dropTables
    case schemas, extensions
    /// Collations, foreign data wrappers, servers and user mappings: before the types and tables using them.
    case objectsBeforeTypes
    case types, sequences, functions
    /// Operators, operator families and classes, casts, aggregates, text search, foreign tables.
    case objectsOnFunctions
    case tables, columns, sequenceOwnership
    case constraints, indexes, foreignKeys, views, triggers, rowLevelSecurity, policies
    /// Rules, extended statistics, publications and event triggers, once the relations exist.
    case objectsOnRelations
    case comments
    /// ALTER … OWNER TO (`--with-owners`), before the grants: a new owner takes over the old one's.
    case owners
    /// GRANT / REVOKE and ALTER DEFAULT PRIVILEGES, once every object exists.
    case privileges
    case dropFunctions, dropSequences, dropTypes
    /// Statements PostgreSQL refuses inside a transaction block (CREATE INDEX CONCURRENTLY), and
    /// validations kept out of the transaction so they do not hold its locks.
    case afterCommit

    /// Whether the phase's statements run inside the plan's transaction.
    public var runsInTransaction: Bool { self != .beforeTransaction && self != .afterCommit }

    /// Earlier phases run first.
    public static func < (lhs: PlanPhase, rhs: PlanPhase) -> Bool { lhs.rawValue < rhs.rawValue }

    /// A heading for the plan's comments.
    public var title: String {
        switch self {
        case .beforeTransaction: return "before the transaction"
        case .dropObjects: return "operators, casts, rules, publications, ... to drop or replace"
        case .dropTriggers: return "triggers to drop or replace"
        case .dropPolicies: return "policies to drop or replace"
        case .dropViews: return "views to drop or rebuild"
        case .dropForeignKeys: return "foreign keys to drop or replace"
        case .dropConstraints: return "constraints to drop or replace"
        case .dropIndexes: return "indexes to drop or replace"
        case .replaceFunctions: return "functions whose signature changes"
        case .renameColumns: return "column renames"
        case .renameConstraintsAndIndexes: return "constraints and indexes under another name"
        case .dropColumns: return "extra columns"
        case .dropTables: return "extra tables"
        case .schemas: return "schemas"
        case .extensions: return "extensions"
        case .objectsBeforeTypes: return "collations and foreign servers"
        case .types: return "types"
        case .sequences: return "sequences"
        case .functions: return "functions"
        case .objectsOnFunctions: return "operators, casts, aggregates, text search and foreign tables"
        case .tables: return "tables"
        case .columns: return "columns"
        case .sequenceOwnership: return "sequence ownership"
        case .constraints: return "constraints"
        case .indexes: return "indexes"
        case .foreignKeys: return "foreign keys"
        case .views: return "views"
        case .triggers: return "triggers"
        case .rowLevelSecurity: return "row level security"
        case .policies: return "policies"
        case .objectsOnRelations: return "rules, statistics, publications and event triggers"
        case .comments: return "comments"
        case .owners: return "owners"
        case .privileges: return "privileges"
        case .dropFunctions: return "extra functions"
        case .dropSequences: return "extra sequences"
        case .dropTypes: return "extra types"
        case .afterCommit: return "outside the transaction"
        }
    }
}
