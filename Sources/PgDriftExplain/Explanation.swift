import PgDriftDiff
import PgDriftModel

/// The answer to "is this table or column really missing?": whether it exists in the database and in
/// the expected schema, and when it seems missing, why — and what is like it and what uses it.
public struct Explanation: Hashable, Sendable, Codable {
    /// Whether NAME was read as a table (one part, or `schema.table`) or as a column.
    public enum Kind: String, Hashable, Sendable, Codable {
        case table, column
    }

    /// Format version of the JSON form.
    public var version = 1
    /// NAME as given.
    public var name: String
    /// Whether NAME was read as a table or as a column.
    public var kind: Kind
    /// What NAME was read as (unquoted parts folded to lower case); `schema` is nil when NAME had none.
    public var target: ObjectRef
    /// What the database has: the connection, the role, its search_path and the object if it exists.
    public var database: DatabaseSide
    /// What the expected schema has, if one was given.
    public var expected: ExpectedSide
    /// Why it seems missing, or what to know about where it is.
    public var reasons: [Reason]
    /// Names like it, most alike first.
    public var similar: [SimilarName]
    /// Views, functions, triggers, policies, indexes and constraints that use it.
    public var referencedBy: [Referrer]

    /// Whether it exists in the database (`explain` exits 0 when it does, 1 when not).
    public var exists: Bool { database.exists }
}

/// A table or view, or a column of one.
public struct ObjectRef: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Raw schema name; nil only in a target whose NAME gave none.
    public var schema: String?
    /// Raw table or view name (not quoted).
    public var table: String
    /// Raw column name, for a column; nil for a table or view.
    public var column: String?
    /// `table`, `view`, `materialized view`, `partitioned table` or `foreign table`, when known.
    public var relationKind: String?
    /// A column's type (with NOT NULL and DEFAULT), when known.
    public var type: String?

    /// Creates a reference from its raw parts.
    public init(schema: String?, table: String, column: String? = nil, relationKind: String? = nil, type: String? = nil) {
        self.schema = schema
        self.table = table
        self.column = column
        self.relationKind = relationKind
        self.type = type
    }

    /// `schema.table.column`, each part quoted where SQL needs it.
    public var description: String {
        ([schema, table, column].compactMap { $0 }).map(SQLQuote.identifier).joined(separator: ".")
    }
}

/// The database's side: the connection, the role and its search_path, and where the object is.
public struct DatabaseSide: Hashable, Sendable, Codable {
    /// The connection, password redacted.
    public var connection: String
    /// The connected role (`current_user`).
    public var role: String
    /// The role's search_path, in order (`current_schemas(false)`).
    public var searchPath: [String]
    /// Whether the database has it: in NAME's schema, along the search_path, or failing that in any schema.
    public var exists: Bool
    /// Where it is, when it exists.
    public var object: ObjectRef?
    /// Whether the connected role can see it (it holds a privilege on it, and USAGE on its schema).
    public var visibleToRole: Bool?
}

/// The expected schema's side.
public struct ExpectedSide: Hashable, Sendable, Codable {
    /// The expected source (`builtin`, a folder, a file, a connection).
    public var source: String
    /// Whether the expected schema declares it.
    public var exists: Bool
    /// Where the expected schema has it, or, for a column it lacks, the table it looked in.
    public var object: ObjectRef?
    /// Where the expected schema declares it, when it came from SQL with locations.
    public var location: SourceLocation?
    /// The migration that creates or last changes it, and what the tool's history says of that file.
    public var migration: MigrationReference?
}

/// One explanation of why the object seems missing, or what to know about where it is.
public struct Reason: Hashable, Sendable, Codable {
    /// What kind of reason this is; the raw value is the JSON spelling.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// It (or its table) is in another schema than the one asked for.
        case otherSchema = "other_schema"
        /// It is in a schema that is not on the role's search_path: an unqualified name does not find it.
        case outsideSearchPath = "outside_search_path"
        /// A name that differs only by case or quoting exists.
        case caseOrQuoting = "case_or_quoting"
        /// It is a column of a view or materialized view (or views have a column by that name).
        case viewColumn = "view_column"
        /// Other tables have a column by that name.
        case otherTables = "other_tables"
        /// The connected role cannot see it.
        case notVisible = "not_visible"
        /// The table of the column does not exist.
        case missingTable = "missing_table"
        /// Nothing in any schema has that name (nor one differing only by case).
        case nowhere
        /// The expected schema has it and the database does not (drift), or the other way round.
        case drift
        /// The migration that creates it is not applied yet, by the migration tool's history.
        case pendingMigration = "pending_migration"
    }

    /// What kind of reason this is.
    public var kind: Kind
    /// The reason as one sentence for people.
    public var message: String
    /// The objects it points at.
    public var objects: [ObjectRef]
}

/// A name like the one asked for.
public struct SimilarName: Hashable, Sendable, Codable {
    /// The table, view or column with the similar name.
    public var object: ObjectRef
    /// 0...100.
    public var score: Int
    /// Levenshtein distance between the names (in characters, case ignored).
    public var distance: Int
    /// The `_`-separated name parts both names have, in the order of the asked name.
    public var sharedParts: [String]
}

/// Something that uses the object.
public struct Referrer: Hashable, Sendable, Codable {
    /// What kind of object uses it; the raw value is the JSON spelling.
    public enum Kind: String, Hashable, Sendable, Codable {
        case view, materializedView = "materialized_view", function, trigger, policy, index, constraint
    }

    /// What kind of object uses it.
    public var kind: Kind
    /// Its name: `schema.view`, `schema.function(args)`, or the trigger's, policy's, index's or
    /// constraint's own name.
    public var name: String
    /// The table a trigger, policy, index or constraint belongs to.
    public var table: String?
    /// For functions: the lines of the body that use it.
    public var lines: [Int]?
    /// How it uses it, in a few words.
    public var detail: String?
}

extension Explanation {
    /// Adds what the migration tool's history says of the file that declares the object; for a missing
    /// object whose migration is not applied yet, that replaces "the database drifted".
    public mutating func tell(_ migration: MigrationReference, applyCommand: String) {
        expected.migration = migration
        guard !exists, !migration.recorded, let index = reasons.firstIndex(where: { $0.kind == .drift }) else { return }
        reasons[index] = Reason(
            kind: .pendingMigration,
            message: "\(migration.file) creates it, and the history does not list that file: not applied yet, pending rather than drift; apply it with \(applyCommand)",
            objects: reasons[index].objects)
    }
}
