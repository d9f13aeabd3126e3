import PgDriftModel

extension Namespace: SchemaElement {
    /// `CREATE SCHEMA name`.
    public init(_ name: String, comment: String? = nil) {
        self.init(name: name, comment: comment)
    }

    /// Adds the schema to the catalog, replacing one of the same name.
    public func apply(to catalog: inout Catalog, schema: String) {
        catalog.schemas.upsert(self)
    }
}

extension Extension: SchemaElement {
    /// `CREATE EXTENSION name [SCHEMA schema]`; the version is compared only when given.
    public init(_ name: String, schema: String = "", version: String = "") {
        self.init(name: name, schema: schema, version: version)
    }

    /// Adds the extension, installed into the block's default schema unless it names one.
    public func apply(to catalog: inout Catalog, schema: String) {
        var copy = self
        if copy.schema.isEmpty { copy.schema = schema }
        catalog.extensions.upsert(copy)
    }
}

extension EnumType: SchemaElement {
    /// `CREATE TYPE name AS ENUM (values...)`.
    public init(_ name: String, schema: String = "", _ values: [String], comment: String? = nil) {
        self.init(name: QualifiedName(schema, name), values: values, comment: comment)
    }

    /// Adds the enum in `schema` unless it names one.
    public func apply(to catalog: inout Catalog, schema: String) {
        var copy = self
        copy.name = name.resolved(in: schema)
        catalog.enums.upsert(copy)
    }
}

/// `CREATE TYPE name AS ENUM (...)`, the DSL's spelling.
public typealias Enum = EnumType

extension Domain: SchemaElement {
    /// `CREATE DOMAIN name AS type [NOT NULL] [DEFAULT expr] [CONSTRAINT name CHECK (expr)]...`.
    public init(
        _ name: String, schema: String = "", as baseType: DataType, notNull: Bool = false, default: String? = nil,
        checks: [String: String] = [:], comment: String? = nil
    ) {
        self.init(
            name: QualifiedName(schema, name), baseType: baseType, isNotNull: notNull, defaultExpression: `default`,
            checks: checks.map { DomainCheck(name: $0.key, expression: $0.value) }, comment: comment)
    }

    /// Adds the domain in `schema` unless it names one, resolving its base type there too.
    public func apply(to catalog: inout Catalog, schema: String) {
        var copy = self
        copy.name = name.resolved(in: schema)
        copy.baseType = baseType.resolved(in: schema)
        catalog.domains.upsert(copy)
    }
}

extension CompositeType: SchemaElement {
    /// `CREATE TYPE name AS (attribute type, ...)`.
    public init(_ name: String, schema: String = "", _ attributes: [(String, DataType)], comment: String? = nil) {
        self.init(
            name: QualifiedName(schema, name),
            attributes: attributes.map { CompositeAttribute(name: $0.0, type: $0.1) }, comment: comment)
    }

    /// Adds the composite type in `schema` unless it names one, resolving its attributes' types there too.
    public func apply(to catalog: inout Catalog, schema: String) {
        var copy = self
        copy.name = name.resolved(in: schema)
        copy.attributes = attributes.map {
            CompositeAttribute(name: $0.name, type: $0.type.resolved(in: schema), collation: $0.collation)
        }
        catalog.compositeTypes.upsert(copy)
    }
}

extension RangeType: SchemaElement {
    /// `CREATE TYPE name AS RANGE (subtype = ..., ...)`; without `multirange`, the name PostgreSQL chooses.
    public init(
        _ name: String, schema: String = "", subtype: DataType, subtypeOperatorClass: QualifiedName? = nil,
        collation: QualifiedName? = nil, canonical: QualifiedName? = nil, subtypeDiff: QualifiedName? = nil,
        multirange: String? = nil, comment: String? = nil
    ) {
        self.init(
            name: QualifiedName(schema, name), subtype: subtype, subtypeOperatorClass: subtypeOperatorClass,
            collation: collation, canonical: canonical, subtypeDiff: subtypeDiff,
            multirangeName: multirange.map { QualifiedName(schema, $0) }, comment: comment)
    }

    /// Adds the range type in `schema` unless it names one, resolving its subtype and multirange there too.
    public func apply(to catalog: inout Catalog, schema: String) {
        var copy = self
        copy.name = name.resolved(in: schema)
        copy.subtype = subtype.resolved(in: schema)
        copy.multirangeName = multirangeName.resolved(in: schema)
        catalog.rangeTypes.upsert(copy)
    }
}

extension SequenceObject: SchemaElement {
    /// `CREATE SEQUENCE name [AS type] [START s] [INCREMENT i] [MINVALUE] [MAXVALUE] [CACHE] [CYCLE] [OWNED BY]`;
    /// options left out are PostgreSQL's defaults for `type` and the increment's direction.
    public init(
        _ name: String, schema: String = "", as type: DataType = .bigint, start: Int64? = nil, increment: Int64 = 1,
        min: Int64? = nil, max: Int64? = nil, cache: Int64 = 1, cycle: Bool = false,
        ownedBy: (table: String, column: String)? = nil, comment: String? = nil
    ) {
        let options = SequenceOptions.defaults(
            for: type, start: start, increment: increment, min: min, max: max, cache: cache, cycle: cycle)
        self.init(
            name: QualifiedName(schema, name), dataType: type, options: options,
            ownedBy: ownedBy.map { SequenceOwner(table: QualifiedName("", $0.table), column: $0.column) },
            comment: comment)
    }

    /// Adds the sequence in `schema` unless it names one, resolving its owning table there too.
    public func apply(to catalog: inout Catalog, schema: String) {
        var copy = self
        copy.name = name.resolved(in: schema)
        if let owner = ownedBy { copy.ownedBy = SequenceOwner(table: owner.table.resolved(in: schema), column: owner.column) }
        catalog.sequences.upsert(copy)
    }
}

extension DefinedObject: SchemaElement {
    /// An operator, operator class or family, cast, aggregate, collation, text search object, rule,
    /// extended statistics, event trigger, publication or foreign-data object, as pgdrift reads it: its
    /// kind, PostgreSQL's identity for it, the name CREATE takes, and its clauses in CREATE's order (the
    /// SQL of each, quoted). `pgdrift init --swift` writes them from a database:
    ///
    /// ```swift
    /// DefinedObject(.operator, "public.~~(anynonarray,text)", name: "public.~~", schema: "public", clauses: [
    ///     "FUNCTION": "public.textlike", "LEFTARG": "anynonarray", "RIGHTARG": "text",
    /// ])
    /// ```
    public init(
        _ kind: DefinedObjectKind, _ identity: String, name: String, schema: String = "", table: QualifiedName? = nil,
        clauses: KeyValuePairs<String, String> = [:]
    ) {
        self.init(kind: kind, schema: schema, table: table, identity: identity, name: name, clauses: clauses.map { Clause($0.key, $0.value) })
    }

    /// Adds the object as declared: its identity already names its schema.
    public func apply(to catalog: inout Catalog, schema: String) {
        catalog.definedObjects.upsert(self)
    }
}
