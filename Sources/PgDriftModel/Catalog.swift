/// The whole schema of a database, as pgdrift models it: the same value whether it came from a Swift
/// model, SQL migration files, a JSON snapshot or a live database.
///
/// Every collection is keyed by name and iterates in sorted order, so equal schemas compare equal and
/// encode to the same bytes.
public struct Catalog: Hashable, Codable, Sendable {
    /// Schemas, keyed by raw name.
    public var schemas: ObjectSet<Namespace>
    /// Extensions, keyed by name.
    public var extensions: ObjectSet<Extension>
    /// Enum types, keyed by qualified name.
    public var enums: ObjectSet<EnumType>
    /// Domains, keyed by qualified name.
    public var domains: ObjectSet<Domain>
    /// Composite types, keyed by qualified name.
    public var compositeTypes: ObjectSet<CompositeType>
    /// Range types, keyed by qualified name.
    public var rangeTypes: ObjectSet<RangeType>
    /// Sequences, keyed by qualified name.
    public var sequences: ObjectSet<SequenceObject>
    /// Tables with their columns, constraints, indexes, policies and triggers, keyed by qualified name.
    public var tables: ObjectSet<Table>
    /// Views and materialized views, keyed by qualified name.
    public var views: ObjectSet<View>
    /// Functions, procedures, aggregates and window functions, keyed by qualified name and identity arguments.
    public var functions: ObjectSet<Function>
    /// `ALTER DEFAULT PRIVILEGES` entries (`pg_default_acl`), read only when privileges are.
    public var defaultPrivileges: ObjectSet<DefaultPrivileges> = []
    /// The owner of each schema, type, sequence, routine, table and view, read only when owners are
    /// compared; an object left out has an owner nobody said.
    public var owners: Owners = [:]
    /// pg_cron's jobs: read from a database that has pg_cron, or scheduled by the migrations
    /// (`cron.schedule(...)` with constant arguments); nil when unknown.
    public var scheduledJobs: [ScheduledJob]?
    /// Operators, casts, aggregates, collations, text search, rules, extended statistics, event
    /// triggers, publications and foreign-data objects, compared by their definitions' clauses.
    public var definedObjects: ObjectSet<DefinedObject> = []
    /// Objects of kinds pgdrift does not compare yet, by kind (`operator`, `cast`, ...): their identities,
    /// sorted. Read from a database (and so from a shadow database); counted in reports as not checked.
    public var notModelled: [String: [String]] = [:]
    /// Where each expected object was declared. Not part of equality: the same schema from two sources
    /// is the same schema.
    public var sources: [ObjectID: SourceLocation]

    /// Creates a catalog from its parts; by default an empty one.
    public init(
        schemas: ObjectSet<Namespace> = [], extensions: ObjectSet<Extension> = [], enums: ObjectSet<EnumType> = [],
        domains: ObjectSet<Domain> = [], compositeTypes: ObjectSet<CompositeType> = [], rangeTypes: ObjectSet<RangeType> = [],
        sequences: ObjectSet<SequenceObject> = [], tables: ObjectSet<Table> = [], views: ObjectSet<View> = [],
        functions: ObjectSet<Function> = [], sources: [ObjectID: SourceLocation] = [:]
    ) {
        self.schemas = schemas
        self.extensions = extensions
        self.enums = enums
        self.domains = domains
        self.compositeTypes = compositeTypes
        self.rangeTypes = rangeTypes
        self.sequences = sequences
        self.tables = tables
        self.views = views
        self.functions = functions
        self.sources = sources
    }

    /// Equal when every collection is equal; `sources` is not compared.
    public static func == (lhs: Catalog, rhs: Catalog) -> Bool {
        lhs.schemas == rhs.schemas && lhs.extensions == rhs.extensions && lhs.enums == rhs.enums
            && lhs.domains == rhs.domains && lhs.compositeTypes == rhs.compositeTypes
            && lhs.rangeTypes == rhs.rangeTypes
            && lhs.sequences == rhs.sequences && lhs.tables == rhs.tables && lhs.views == rhs.views
            && lhs.functions == rhs.functions && lhs.defaultPrivileges == rhs.defaultPrivileges && lhs.owners == rhs.owners
            && lhs.scheduledJobs == rhs.scheduledJobs && lhs.definedObjects == rhs.definedObjects
            && lhs.notModelled == rhs.notModelled
    }

    /// Hashes every collection but not `sources`, to agree with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(schemas)
        hasher.combine(extensions)
        hasher.combine(enums)
        hasher.combine(domains)
        hasher.combine(compositeTypes)
        hasher.combine(rangeTypes)
        hasher.combine(sequences)
        hasher.combine(tables)
        hasher.combine(views)
        hasher.combine(functions)
        hasher.combine(defaultPrivileges)
        hasher.combine(owners)
        hasher.combine(scheduledJobs)
        hasher.combine(definedObjects)
        hasher.combine(notModelled)
    }

    /// The functions with this name, whatever their arguments.
    public func overloads(of name: QualifiedName) -> [Function] {
        functions.filter { $0.name == name }
    }

    /// The number of objects of each kind, for summaries.
    public var objectCounts: [ObjectKind: Int] {
        var counts: [ObjectKind: Int] = [
            .schema: schemas.count, .extension: extensions.count, .enum: enums.count, .domain: domains.count,
            .compositeType: compositeTypes.count, .rangeType: rangeTypes.count, .sequence: sequences.count, .table: tables.count,
            .view: views.count, .function: functions.count,
        ]
        for table in tables {
            counts[.column, default: 0] += table.columns.count
            counts[.constraint, default: 0] += table.constraints.count
            counts[.index, default: 0] += table.indexes.count
            counts[.policy, default: 0] += table.policies.count
            counts[.trigger, default: 0] += table.triggers.count
        }
        return counts
    }
}

extension Catalog {
    private enum CodingKeys: String, CodingKey {
        case schemas, extensions, enums, domains, compositeTypes, rangeTypes, sequences, tables, views, functions, defaultPrivileges, owners
        case scheduledJobs, definedObjects, notModelled, sources
    }

    /// Sources encode as a sorted list, and only when there are any.
    private struct SourceEntry: Codable {
        var object: ObjectID
        var location: SourceLocation
    }

    /// Decodes a snapshot: a missing collection is empty, and `sources` is read from its list.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemas = try c.decodeIfPresent(ObjectSet<Namespace>.self, forKey: .schemas) ?? []
        extensions = try c.decodeIfPresent(ObjectSet<Extension>.self, forKey: .extensions) ?? []
        enums = try c.decodeIfPresent(ObjectSet<EnumType>.self, forKey: .enums) ?? []
        domains = try c.decodeIfPresent(ObjectSet<Domain>.self, forKey: .domains) ?? []
        compositeTypes = try c.decodeIfPresent(ObjectSet<CompositeType>.self, forKey: .compositeTypes) ?? []
        rangeTypes = try c.decodeIfPresent(ObjectSet<RangeType>.self, forKey: .rangeTypes) ?? []
        sequences = try c.decodeIfPresent(ObjectSet<SequenceObject>.self, forKey: .sequences) ?? []
        tables = try c.decodeIfPresent(ObjectSet<Table>.self, forKey: .tables) ?? []
        views = try c.decodeIfPresent(ObjectSet<View>.self, forKey: .views) ?? []
        functions = try c.decodeIfPresent(ObjectSet<Function>.self, forKey: .functions) ?? []
        defaultPrivileges = try c.decodeIfPresent(ObjectSet<DefaultPrivileges>.self, forKey: .defaultPrivileges) ?? []
        let owned = try c.decodeIfPresent([OwnerEntry].self, forKey: .owners) ?? []
        owners = Dictionary(owned.compactMap { entry in entry.target.map { ($0, entry.owner) } }, uniquingKeysWith: { first, _ in first })
        scheduledJobs = try c.decodeIfPresent([ScheduledJob].self, forKey: .scheduledJobs)
        definedObjects = try c.decodeIfPresent(ObjectSet<DefinedObject>.self, forKey: .definedObjects) ?? []
        notModelled = try c.decodeIfPresent([String: [String]].self, forKey: .notModelled) ?? [:]
        let entries = try c.decodeIfPresent([SourceEntry].self, forKey: .sources) ?? []
        sources = Dictionary(entries.map { ($0.object, $0.location) }, uniquingKeysWith: { first, _ in first })
    }

    /// Encodes every collection, and `sources` as a list sorted by object, only when there are any.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schemas, forKey: .schemas)
        try c.encode(extensions, forKey: .extensions)
        try c.encode(enums, forKey: .enums)
        try c.encode(domains, forKey: .domains)
        try c.encode(compositeTypes, forKey: .compositeTypes)
        // Left out when empty: snapshots of schemas without range types stay as they were.
        if !rangeTypes.isEmpty { try c.encode(rangeTypes, forKey: .rangeTypes) }
        try c.encode(sequences, forKey: .sequences)
        try c.encode(tables, forKey: .tables)
        try c.encode(views, forKey: .views)
        try c.encode(functions, forKey: .functions)
        if !defaultPrivileges.isEmpty { try c.encode(defaultPrivileges, forKey: .defaultPrivileges) }
        if !owners.isEmpty { try c.encode(owners.map { OwnerEntry($0.key, owner: $0.value) }.sorted(), forKey: .owners) }
        if let scheduledJobs { try c.encode(scheduledJobs, forKey: .scheduledJobs) }
        if !definedObjects.isEmpty { try c.encode(definedObjects, forKey: .definedObjects) }
        if !notModelled.isEmpty { try c.encode(notModelled, forKey: .notModelled) }
        if !sources.isEmpty {
            let entries = sources.keys.sorted().map { SourceEntry(object: $0, location: sources[$0]!) }
            try c.encode(entries, forKey: .sources)
        }
    }
}
