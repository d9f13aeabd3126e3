import PgDriftModel

/// One drift between the expected schema and the database.
public struct Finding: Hashable, Codable, Sendable {
    /// What drifted, such as `missing_column`; it decides the default severity.
    public var kind: FindingKind
    /// How much it matters; the kind's default unless overridden.
    public var severity: Severity
    /// Raw name of the schema it concerns (not quoted).
    public var schema: String
    /// The table (or view) it concerns, if any.
    public var table: String?
    /// The column it concerns, if any.
    public var column: String?
    /// The name of the index, constraint, policy, trigger, function, type or sequence it concerns.
    public var object: String?
    /// What the expected schema says, in short.
    public var expected: String?
    /// What the database has, in short.
    public var actual: String?
    /// One sentence for people.
    public var message: String
    /// Where the expected side was declared, when known.
    public var source: SourceLocation?
    /// What to do about it.
    public var hint: String?
    /// The migration that creates or last changes the object, and what the tool's history says of it.
    public var migration: MigrationReference?
    /// The fleet member it was found in (`--databases`, `--tenant-schemas`); nil for a single database.
    public var target: String?

    /// Creates a finding from its parts; `severity` defaults to the kind's `defaultSeverity`.
    public init(
        kind: FindingKind, severity: Severity? = nil, schema: String, table: String? = nil, column: String? = nil,
        object: String? = nil, expected: String? = nil, actual: String? = nil, message: String,
        source: SourceLocation? = nil, hint: String? = nil
    ) {
        self.kind = kind
        self.severity = severity ?? kind.defaultSeverity
        self.schema = schema
        self.table = table
        self.column = column
        self.object = object
        self.expected = expected
        self.actual = actual
        self.message = message
        self.source = source
        self.hint = hint
    }

    /// `schema.table.column` or `schema.object`, for grouping and display.
    public var path: String {
        [schema, table, column].compactMap { $0 }.joined(separator: ".")
    }
}

/// The migration file behind a finding's object, as the migration tool's history records it (issue 19).
public struct MigrationReference: Hashable, Codable, Sendable {
    /// The file, as the user gave its folder.
    public var file: String
    /// The version (or name) the tool knows it by.
    public var version: String?
    /// Whether the history lists it as applied.
    public var recorded: Bool
    /// When the history says it was applied, if the tool keeps a time.
    public var appliedAt: String?
    /// The case in words: "created by …, which the history does not list: not applied yet".
    public var says: String

    enum CodingKeys: String, CodingKey { case file, version, recorded, appliedAt, says }

    /// Writes every field, nulls included: scripts can rely on `applied_at` and `version` being there.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(version, forKey: .version)
        try container.encode(recorded, forKey: .recorded)
        try container.encode(appliedAt, forKey: .appliedAt)
        try container.encode(says, forKey: .says)
    }

    public init(file: String, version: String?, recorded: Bool, appliedAt: String?, says: String) {
        self.file = file
        self.version = version
        self.recorded = recorded
        self.appliedAt = appliedAt
        self.says = says
    }
}

/// How much a finding matters. Errors fail `check` (exit 1); `--strict` makes every finding an error.
public enum Severity: String, Hashable, Codable, Sendable, Comparable, CaseIterable {
    case error, warning, info

    /// Orders by importance: error, then warning, then info.
    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
