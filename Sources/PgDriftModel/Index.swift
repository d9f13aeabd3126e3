/// An index that does not back a constraint (those are part of their constraint).
public struct Index: CatalogObject {
    /// Raw index name (not quoted); the index lives in its table's schema.
    public var name: String
    /// Access method: btree, hash, gin, gist, brin, spgist, or an extension's.
    public var method: String
    /// CREATE UNIQUE INDEX.
    public var isUnique: Bool
    /// UNIQUE NULLS NOT DISTINCT (PostgreSQL 15).
    public var nullsNotDistinct: Bool
    /// Key columns and expressions, in order.
    public var keys: [IndexKey]
    /// INCLUDE columns.
    public var include: [String]
    /// The partial index's WHERE predicate (`pg_get_expr`).
    public var predicate: String?
    /// Storage parameters such as `fillfactor=70`.
    public var options: [String]
    /// COMMENT ON INDEX.
    public var comment: String?

    /// The index's identity within its table: its name.
    public var key: String { name }

    /// Creates an index from its parts; by default a non-unique btree index with no INCLUDE, predicate or options.
    public init(
        name: String, method: String = "btree", isUnique: Bool = false, nullsNotDistinct: Bool = false,
        keys: [IndexKey], include: [String] = [], predicate: String? = nil, options: [String] = [],
        comment: String? = nil
    ) {
        self.name = name
        self.method = method
        self.isUnique = isUnique
        self.nullsNotDistinct = nullsNotDistinct
        self.keys = keys
        self.include = include
        self.predicate = predicate
        self.options = options
        self.comment = comment
    }
}

/// One key of an index: a column or an expression, with its ordering and non-default operator class
/// and collation.
public struct IndexKey: Hashable, Codable, Sendable {
    /// The column name, for a plain column key.
    public var column: String?
    /// The expression text (`pg_get_indexdef(index, n, true)`), for an expression key.
    public var expression: String?
    /// An operator class other than the type's default.
    public var operatorClass: QualifiedName?
    /// A collation other than the column's.
    public var collation: QualifiedName?
    /// DESC rather than ASC.
    public var isDescending: Bool
    /// NULLS FIRST (the default for DESC) or NULLS LAST (the default for ASC).
    public var nullsFirst: Bool
    /// `ALTER INDEX ... ALTER COLUMN n SET STATISTICS` (expression keys only); nil for the default.
    public var statisticsTarget: Int?

    /// A key on a column: `name [COLLATE collation] [opclass] [DESC] [NULLS FIRST|LAST]`. An operator class
    /// or collation without a schema is found by the server's search path (`pg_catalog` first); `statistics`
    /// is the key's `ALTER INDEX … ALTER COLUMN n SET STATISTICS` target.
    public static func column(
        _ name: String, operatorClass: String? = nil, operatorClassSchema: String = "", collation: String? = nil,
        collationSchema: String = "", descending: Bool = false, nullsFirst: Bool? = nil, statistics: Int? = nil
    ) -> IndexKey {
        IndexKey(
            column: name, expression: nil, operatorClass: operatorClass.map { QualifiedName(operatorClassSchema, $0) },
            collation: collation.map { QualifiedName(collationSchema, $0) }, descending: descending, nullsFirst: nullsFirst,
            statisticsTarget: statistics)
    }

    /// A key on an expression: `(expression) [COLLATE collation] [opclass] [DESC] [NULLS FIRST|LAST]`, the
    /// rest as for `column`.
    public static func expression(
        _ text: String, operatorClass: String? = nil, operatorClassSchema: String = "", collation: String? = nil,
        collationSchema: String = "", descending: Bool = false, nullsFirst: Bool? = nil, statistics: Int? = nil
    ) -> IndexKey {
        IndexKey(
            column: nil, expression: text, operatorClass: operatorClass.map { QualifiedName(operatorClassSchema, $0) },
            collation: collation.map { QualifiedName(collationSchema, $0) }, descending: descending, nullsFirst: nullsFirst,
            statisticsTarget: statistics)
    }

    /// Creates a key from its parts; NULLS FIRST defaults to the direction's default (first only for DESC).
    public init(
        column: String?, expression: String?, operatorClass: QualifiedName? = nil, collation: QualifiedName? = nil,
        descending: Bool = false, nullsFirst: Bool? = nil, statisticsTarget: Int? = nil
    ) {
        self.statisticsTarget = statisticsTarget
        self.column = column
        self.expression = expression
        self.operatorClass = operatorClass
        self.collation = collation
        self.isDescending = descending
        self.nullsFirst = nullsFirst ?? descending
    }
}

extension Index {
    /// The index without what `ALTER INDEX` changes in place (storage parameters, statistics targets):
    /// two indexes that differ only there are the same index with other settings.
    public var withoutSettings: Index {
        var index = self
        index.options = []
        for position in index.keys.indices { index.keys[position].statisticsTarget = nil }
        return index
    }

    /// Whether a key or INCLUDE column is one of these.
    public func uses(_ columns: Set<String>) -> Bool {
        include.contains(where: columns.contains) || keys.contains { $0.column.map(columns.contains) ?? false }
    }
}
