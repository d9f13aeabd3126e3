/// A column of a table (or an attribute of a view).
///
/// What few columns set (identity, generation, collation, comment, storage settings, a NOT NULL's
/// name) is kept out of line, in one shared box: a column inline took 312 bytes, and a schema of
/// 20,000 tables has 400,000 columns that mostly set none of it (issue 24: memory).
public struct Column: Hashable, Codable, Sendable {
    /// Raw column name.
    public var name: String
    /// The column's type.
    public var type: DataType
    /// Whether NOT NULL is declared.
    public var isNotNull: Bool
    /// The default expression in the server's canonical text (`pg_get_expr`), if any.
    public var defaultExpression: String?
    /// The rarely set attributes below; nil when none is set.
    private var rare: RareAttributes?

    /// The NOT NULL constraint's name, where the server records one (PostgreSQL 18: `t_col_not_null`
    /// unless named); nil when not known, and then not compared.
    public var notNullName: String? {
        get { self[rare: \.notNullName] }
        set { self[rare: \.notNullName] = newValue }
    }
    /// False for `NOT NULL … NOT VALID` (PostgreSQL 18: rows written before it may hold NULL); nil or
    /// true: validated.
    public var notNullValidated: Bool? {
        get { self[rare: \.notNullValidated] }
        set { self[rare: \.notNullValidated] = newValue }
    }
    /// Identity column details, if it is one.
    public var identity: Identity? {
        get { self[rare: \.identity] }
        set { self[rare: \.identity] = newValue }
    }
    /// The expression of a generated column, if it is one.
    public var generatedExpression: String? {
        get { self[rare: \.generatedExpression] }
        set { self[rare: \.generatedExpression] = newValue }
    }
    /// A virtual generated column (PostgreSQL 18, computed when read); nil or false: stored.
    public var generatedVirtual: Bool? {
        get { self[rare: \.generatedVirtual] }
        set { self[rare: \.generatedVirtual] = newValue }
    }
    /// A collation other than the type's default.
    public var collation: QualifiedName? {
        get { self[rare: \.collation] }
        set { self[rare: \.collation] = newValue }
    }
    /// COMMENT ON COLUMN.
    public var comment: String? {
        get { self[rare: \.comment] }
        set { self[rare: \.comment] = newValue }
    }
    /// `ALTER COLUMN ... SET STORAGE` other than the type's own (`typstorage`); nil when it is the type's.
    public var storage: ColumnStorage? {
        get { self[rare: \.storage] }
        set { self[rare: \.storage] = newValue }
    }
    /// `COMPRESSION` / `SET COMPRESSION` (`pglz`, `lz4`); nil for the default (`default_toast_compression`
    /// at the time a value is stored).
    public var compression: String? {
        get { self[rare: \.compression] }
        set { self[rare: \.compression] = newValue }
    }
    /// `ALTER COLUMN ... SET STATISTICS n` (`attstattarget`); nil for the default (-1, the server's
    /// `default_statistics_target`).
    public var statisticsTarget: Int? {
        get { self[rare: \.statisticsTarget] }
        set { self[rare: \.statisticsTarget] = newValue }
    }
    /// `ALTER COLUMN ... SET (n_distinct = 100)` (`attoptions`), such as `n_distinct=100`; nil for none.
    public var options: [String]? {
        get { self[rare: \.options] }
        set { self[rare: \.options] = newValue }
    }

    /// Creates a column from its parts; by default nullable, with nothing else declared.
    public init(
        name: String, type: DataType, isNotNull: Bool = false, defaultExpression: String? = nil,
        identity: Identity? = nil, generatedExpression: String? = nil, collation: QualifiedName? = nil,
        comment: String? = nil, storage: ColumnStorage? = nil, compression: String? = nil, statisticsTarget: Int? = nil,
        options: [String]? = nil
    ) {
        self.name = name
        self.type = type
        self.isNotNull = isNotNull
        self.defaultExpression = defaultExpression
        var values = RareValues()
        values.options = options?.isEmpty == true ? nil : options
        values.identity = identity
        values.generatedExpression = generatedExpression
        values.collation = collation
        values.comment = comment
        values.storage = storage
        values.compression = compression
        values.statisticsTarget = statisticsTarget
        rare = RareAttributes.boxing(values)
    }

    /// One rare attribute; setting it makes a new box (a box is never changed in place, so copies share
    /// it safely), or none when nothing is left set.
    private subscript<Value>(rare path: WritableKeyPath<RareValues, Value?>) -> Value? {
        get { rare?.values[keyPath: path] }
        set {
            // Most columns have none: clearing what is not set costs nothing.
            if rare == nil, newValue == nil { return }
            var values = rare?.values ?? RareValues()
            values[keyPath: path] = newValue
            rare = RareAttributes.boxing(values)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case name, type, isNotNull, notNullName, notNullValidated, defaultExpression, identity, generatedExpression, generatedVirtual
        case collation, comment, storage, compression, statisticsTarget, options
    }

    /// Decodes every attribute by its own key, as snapshots have always written them.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        type = try c.decode(DataType.self, forKey: .type)
        isNotNull = try c.decode(Bool.self, forKey: .isNotNull)
        defaultExpression = try c.decodeIfPresent(String.self, forKey: .defaultExpression)
        var values = RareValues()
        values.notNullName = try c.decodeIfPresent(String.self, forKey: .notNullName)
        values.notNullValidated = try c.decodeIfPresent(Bool.self, forKey: .notNullValidated)
        values.identity = try c.decodeIfPresent(Identity.self, forKey: .identity)
        values.generatedExpression = try c.decodeIfPresent(String.self, forKey: .generatedExpression)
        values.generatedVirtual = try c.decodeIfPresent(Bool.self, forKey: .generatedVirtual)
        values.collation = try c.decodeIfPresent(QualifiedName.self, forKey: .collation)
        values.comment = try c.decodeIfPresent(String.self, forKey: .comment)
        values.storage = try c.decodeIfPresent(ColumnStorage.self, forKey: .storage)
        values.compression = try c.decodeIfPresent(String.self, forKey: .compression)
        values.statisticsTarget = try c.decodeIfPresent(Int.self, forKey: .statisticsTarget)
        values.options = try c.decodeIfPresent([String].self, forKey: .options)
        rare = RareAttributes.boxing(values)
    }

    /// Encodes in the order the attributes were always written, absent ones left out.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(type, forKey: .type)
        try c.encode(isNotNull, forKey: .isNotNull)
        try c.encodeIfPresent(notNullName, forKey: .notNullName)
        try c.encodeIfPresent(notNullValidated, forKey: .notNullValidated)
        try c.encodeIfPresent(defaultExpression, forKey: .defaultExpression)
        try c.encodeIfPresent(identity, forKey: .identity)
        try c.encodeIfPresent(generatedExpression, forKey: .generatedExpression)
        try c.encodeIfPresent(generatedVirtual, forKey: .generatedVirtual)
        try c.encodeIfPresent(collation, forKey: .collation)
        try c.encodeIfPresent(comment, forKey: .comment)
        try c.encodeIfPresent(storage, forKey: .storage)
        try c.encodeIfPresent(compression, forKey: .compression)
        try c.encodeIfPresent(statisticsTarget, forKey: .statisticsTarget)
        try c.encodeIfPresent(options, forKey: .options)
    }

    /// `STORED` or `VIRTUAL`, the generation's kind in SQL.
    public var generationKind: String { generatedVirtual == true ? "VIRTUAL" : "STORED" }

    /// `GENERATED ALWAYS AS (expression) STORED|VIRTUAL`, for a generated column.
    public var generationClause: String? {
        generatedExpression.map { "GENERATED ALWAYS AS (\($0)) \(generationKind)" }
    }

    /// `NOT NULL`, `NOT NULL NOT VALID`, as the column's nullability is described; `NULL` when nullable.
    public var nullability: String {
        guard isNotNull else { return "NULL" }
        return notNullValidated == false ? "NOT NULL NOT VALID" : "NOT NULL"
    }

    /// The name PostgreSQL 18 gives this column's NOT NULL constraint in `table` when none is written
    /// (`table_column_not_null`, shortened as the server shortens names).
    public func defaultNotNullName(table: String) -> String {
        ConstraintNaming.name(table: table, columns: [name], label: "not_null")
    }

    /// Whether the column has a storage, compression or statistics setting of its own.
    public var hasSettings: Bool { storage != nil || compression != nil || statisticsTarget != nil || options != nil }
}

/// How a column's values are stored (`attstorage`): the SQL keyword of `SET STORAGE`.
public enum ColumnStorage: String, Hashable, Codable, Sendable, CaseIterable {
    case plain, external, extended, main

    /// `PLAIN`, `EXTERNAL`, `EXTENDED`, `MAIN`.
    public var sql: String { rawValue.uppercased() }

    /// The storage of an `attstorage` / `typstorage` code (`p`, `e`, `x`, `m`).
    public init?(code: String) {
        switch code {
        case "p": self = .plain
        case "e": self = .external
        case "x": self = .extended
        case "m": self = .main
        default: return nil
        }
    }
}

extension ColumnStorage {
    /// Built-in types whose storage is not PLAIN (`typstorage` in PostgreSQL 15), by `format_type` name
    /// without modifiers.
    private static let builtinStorage: [String: ColumnStorage] = [
        "numeric": .main, "inet": .main, "cidr": .main,
        "text": .extended, "character varying": .extended, "character": .extended, "bytea": .extended,
        "json": .extended, "jsonb": .extended, "jsonpath": .extended, "xml": .extended, "tsvector": .extended,
        "bit": .extended, "bit varying": .extended, "path": .extended, "polygon": .extended, "refcursor": .extended,
        "pg_snapshot": .extended, "txid_snapshot": .extended,
    ]

    /// The storage a column of `type` has by default (its type's), when known without a server: arrays
    /// and built-in types; nil for user-defined types (a domain has its base type's).
    public static func typeDefault(_ type: DataType) -> ColumnStorage? {
        if type.isArray { return .extended }
        guard type.schema == nil else { return nil }
        let base = type.name.prefix { $0 != "(" }
        // `timestamp(3) with time zone` and the like are fixed-width: PLAIN like every other built-in.
        return builtinStorage[String(base)] ?? .plain
    }
}

/// `GENERATED { ALWAYS | BY DEFAULT } AS IDENTITY` and its sequence's options.
public struct Identity: Hashable, Codable, Sendable {
    /// ALWAYS or BY DEFAULT.
    public enum Generation: String, Hashable, Codable, Sendable {
        case always, byDefault = "by_default"
    }

    /// Whether explicit values may be inserted (BY DEFAULT) or are rejected unless overridden (ALWAYS).
    public var generation: Generation
    /// The options of the implicit sequence.
    public var sequence: SequenceOptions
    /// The implicit sequence's name (in the table's schema); nil when the source does not say (a
    /// snapshot from before pgdrift read it, a Swift model that leaves it to PostgreSQL), and then not
    /// compared.
    public var sequenceName: String?

    /// Creates an identity from its generation and its sequence's options.
    public init(generation: Generation, sequence: SequenceOptions, sequenceName: String? = nil) {
        self.generation = generation
        self.sequence = sequence
        self.sequenceName = sequenceName
    }

    /// Whether two identities are the same, a name one side leaves out aside.
    public func sameIdentity(as other: Identity) -> Bool {
        generation == other.generation && sequence == other.sequence
            && (sequenceName == nil || other.sequenceName == nil || sequenceName == other.sequenceName)
    }

    /// The name PostgreSQL gives the sequence of `table.column` when none is given (`t_id_seq`; a taken
    /// name is numbered, which the name it ends up with then says).
    public static func defaultSequenceName(table: String, column: String) -> String {
        ConstraintNaming.name(table: table, columns: [column], label: "seq")
    }
}

/// The numeric options every sequence has.
public struct SequenceOptions: Hashable, Codable, Sendable {
    /// START WITH: the first value the sequence returns.
    public var start: Int64
    /// INCREMENT BY: the step between values; negative for a descending sequence.
    public var increment: Int64
    /// MINVALUE: the lowest value the sequence may reach.
    public var minValue: Int64
    /// MAXVALUE: the highest value the sequence may reach.
    public var maxValue: Int64
    /// CACHE: how many values are allocated ahead and kept in memory (1, the default, means no caching).
    public var cache: Int64
    /// CYCLE: whether the sequence wraps around at its limit instead of failing.
    public var cycle: Bool

    /// Creates sequence options from their parts; CACHE defaults to 1 and CYCLE to off, as in PostgreSQL.
    public init(start: Int64, increment: Int64, minValue: Int64, maxValue: Int64, cache: Int64 = 1, cycle: Bool = false) {
        self.start = start
        self.increment = increment
        self.minValue = minValue
        self.maxValue = maxValue
        self.cache = cache
        self.cycle = cycle
    }

    /// The options of a sequence of `type`, PostgreSQL's defaults where an option is nil: an ascending
    /// sequence runs from 1 to the type's maximum, a descending one from -1 down to its minimum, and
    /// starts at its MINVALUE (ascending) or MAXVALUE (descending).
    public static func defaults(
        for type: DataType, start: Int64? = nil, increment: Int64 = 1, min: Int64? = nil, max: Int64? = nil, cache: Int64 = 1,
        cycle: Bool = false
    ) -> SequenceOptions {
        let minValue = min ?? (increment > 0 ? 1 : type.sequenceMinimum)
        let maxValue = max ?? (increment > 0 ? type.sequenceMaximum : -1)
        return SequenceOptions(
            start: start ?? (increment > 0 ? minValue : maxValue), increment: increment, minValue: minValue, maxValue: maxValue,
            cache: cache, cycle: cycle)
    }

    /// PostgreSQL's defaults for an ascending sequence of a type with this maximum.
    public static func ascending(max: Int64) -> SequenceOptions {
        SequenceOptions(start: 1, increment: 1, minValue: 1, maxValue: max)
    }
}

extension DataType {
    /// The largest value a sequence of this type can reach (PostgreSQL's default MAXVALUE for an
    /// ascending sequence): smallint, integer, else bigint.
    public var sequenceMaximum: Int64 {
        self == .smallint ? Int64(Int16.max) : self == .integer ? Int64(Int32.max) : Int64.max
    }

    /// The smallest value a sequence of this type can reach (the default MINVALUE of a descending one).
    public var sequenceMinimum: Int64 {
        self == .smallint ? Int64(Int16.min) : self == .integer ? Int64(Int32.min) : Int64.min
    }
}

/// The sequence a `serial` column gets: `<table>_<column>_seq`, and the default that calls it.
public enum SerialSequence {
    /// The sequence `serial` creates for `column` of `table`.
    public static func name(table: QualifiedName, column: String) -> QualifiedName {
        QualifiedName(table.schema, ConstraintNaming.name(table: table.name, columns: [column], label: "seq"))
    }

    /// `nextval('schema.table_column_seq'::regclass)`, as the catalog shows the column's default.
    public static func defaultExpression(table: QualifiedName, column: String) -> String {
        "nextval(\(SQLQuote.literal(SQLQuote.qualified(name(table: table, column: column))))::regclass)"
    }
}

/// A column's rarely set attributes.
struct RareValues: Hashable, Sendable {
    var notNullName: String?
    var notNullValidated: Bool?
    var identity: Identity?
    var generatedExpression: String?
    var generatedVirtual: Bool?
    var collation: QualifiedName?
    var comment: String?
    var storage: ColumnStorage?
    var compression: String?
    var statisticsTarget: Int?
    var options: [String]?
}

/// The box holding them: immutable, so columns copied from one another share it.
final class RareAttributes: Hashable, Sendable {
    let values: RareValues

    init(_ values: RareValues) { self.values = values }

    /// A box for `values`, or nil when none is set (so that equal columns have equal boxes or none).
    static func boxing(_ values: RareValues) -> RareAttributes? { values == RareValues() ? nil : RareAttributes(values) }

    static func == (lhs: RareAttributes, rhs: RareAttributes) -> Bool { lhs === rhs || lhs.values == rhs.values }
    func hash(into hasher: inout Hasher) { hasher.combine(values) }
}
