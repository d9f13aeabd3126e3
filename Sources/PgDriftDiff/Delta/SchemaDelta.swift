import PgDriftModel

/// How a table differs: the table itself, its columns, constraints, indexes, policies and triggers.
public struct TableDelta: Hashable, Sendable {
    /// Added, removed, or altered in the attributes listed (renames are not guessed for tables).
    public var change: Change<Table, TableAttribute>
    /// The columns' changes, for a table on both sides; in the expected table's order, extra columns last.
    public var columns: [Change<Column, ColumnAttribute>]
    /// The constraints' changes, for a table on both sides: altered, renamed, then added, then removed.
    public var constraints: [Change<Constraint, ConstraintAttribute>]
    /// The indexes' changes, in the same order.
    public var indexes: [Change<Index, IndexAttribute>]
    /// The policies' changes: in the expected table's order, extra policies last.
    public var policies: [Change<Policy, PolicyAttribute>]
    /// The triggers' changes, in the same order.
    public var triggers: [Change<Trigger, TriggerAttribute>]

    public init(
        change: Change<Table, TableAttribute>, columns: [Change<Column, ColumnAttribute>] = [],
        constraints: [Change<Constraint, ConstraintAttribute>] = [], indexes: [Change<Index, IndexAttribute>] = [],
        policies: [Change<Policy, PolicyAttribute>] = [], triggers: [Change<Trigger, TriggerAttribute>] = []
    ) {
        self.triggers = triggers
        self.change = change
        self.columns = columns
        self.constraints = constraints
        self.indexes = indexes
        self.policies = policies
    }

    /// The table's attributes that differ (none for an added or removed table).
    public var attributes: Set<TableAttribute> { change.alteredAttributes }
}

/// The one comparison of two catalogs, computed once: `check` renders it as findings and `plan` turns
/// it into statements, so the two cannot disagree on what differs.
public struct SchemaDelta: Hashable, Sendable {
    /// Every table that differs, by name.
    public var tables: [QualifiedName: TableDelta]
    /// Every view or materialized view that differs, by name.
    public var views: [QualifiedName: Change<View, ViewAttribute>]
    /// The changes of the triggers of views on both sides (INSTEAD OF, statement triggers), by view.
    public var viewTriggers: [QualifiedName: [Change<Trigger, TriggerAttribute>]]
    /// The changes of the indexes of materialized views on both sides, by view.
    public var viewIndexes: [QualifiedName: [Change<Index, IndexAttribute>]]
    /// Every function or procedure that differs, by name and identity arguments.
    public var functions: [FunctionKey: Change<Function, FunctionAttribute>]
    /// Schemas missing or altered (extra schemas are not drift).
    public var schemas: [String: Change<Namespace, SchemaAttribute>]
    /// Extensions missing or altered (extra extensions are not drift).
    public var extensions: [String: Change<Extension, ExtensionAttribute>]
    public var enums: [QualifiedName: Change<EnumType, EnumAttribute>]
    public var domains: [QualifiedName: Change<Domain, DomainAttribute>]
    public var compositeTypes: [QualifiedName: Change<CompositeType, CompositeTypeAttribute>]
    public var rangeTypes: [QualifiedName: Change<RangeType, RangeTypeAttribute>]
    /// Sequences that are not identity sequences (those belong to their column).
    public var sequences: [QualifiedName: Change<SequenceObject, SequenceAttribute>]
    /// Operators, casts, collations, ... that differ, by key; an altered one lists the clauses that differ.
    public var definedObjects: [DefinedObject.Key: Change<DefinedObject, String>] = [:]

    public init(
        tables: [QualifiedName: TableDelta] = [:], views: [QualifiedName: Change<View, ViewAttribute>] = [:],
        viewTriggers: [QualifiedName: [Change<Trigger, TriggerAttribute>]] = [:],
        viewIndexes: [QualifiedName: [Change<Index, IndexAttribute>]] = [:],
        functions: [FunctionKey: Change<Function, FunctionAttribute>] = [:],
        schemas: [String: Change<Namespace, SchemaAttribute>] = [:],
        extensions: [String: Change<Extension, ExtensionAttribute>] = [:],
        enums: [QualifiedName: Change<EnumType, EnumAttribute>] = [:],
        domains: [QualifiedName: Change<Domain, DomainAttribute>] = [:],
        compositeTypes: [QualifiedName: Change<CompositeType, CompositeTypeAttribute>] = [:],
        rangeTypes: [QualifiedName: Change<RangeType, RangeTypeAttribute>] = [:],
        sequences: [QualifiedName: Change<SequenceObject, SequenceAttribute>] = [:]
    ) {
        self.functions = functions
        self.tables = tables
        self.views = views
        self.viewTriggers = viewTriggers
        self.viewIndexes = viewIndexes
        self.schemas = schemas
        self.extensions = extensions
        self.enums = enums
        self.domains = domains
        self.compositeTypes = compositeTypes
        self.rangeTypes = rangeTypes
        self.sequences = sequences
    }

    /// The attributes of a function on both sides that differ.
    public func attributes(ofFunction key: FunctionKey) -> Set<FunctionAttribute> { functions[key]?.alteredAttributes ?? [] }

    /// The attributes of a view on both sides that differ.
    public func attributes(ofView view: QualifiedName) -> Set<ViewAttribute> { views[view]?.alteredAttributes ?? [] }

    /// The changes of a table's columns (none when the table is the same on both sides or on one side only).
    public func columns(of table: QualifiedName) -> [Change<Column, ColumnAttribute>] { tables[table]?.columns ?? [] }

    /// The attributes of a table on both sides that differ.
    public func attributes(of table: QualifiedName) -> Set<TableAttribute> { tables[table]?.attributes ?? [] }

    /// The changes of a table's constraints.
    public func constraints(of table: QualifiedName) -> [Change<Constraint, ConstraintAttribute>] { tables[table]?.constraints ?? [] }

    /// The changes of a table's indexes.
    public func indexes(of table: QualifiedName) -> [Change<Index, IndexAttribute>] { tables[table]?.indexes ?? [] }

    /// The changes of the triggers of a table or view.
    public func triggers(of relation: QualifiedName) -> [Change<Trigger, TriggerAttribute>] {
        tables[relation]?.triggers ?? viewTriggers[relation] ?? []
    }

    /// The changes of a table's policies.
    public func policies(of table: QualifiedName) -> [Change<Policy, PolicyAttribute>] { tables[table]?.policies ?? [] }
}

extension SchemaDiff {
    /// The delta between two catalogs, with the diff's expression equivalence (`constants`: how the
    /// server prints constants spelled differently on each side).
    public static func delta(
        expected: Catalog, actual: Catalog, options: DiffOptions = DiffOptions(), constants: ConstantSpellings = ConstantSpellings()
    ) -> SchemaDelta {
        delta(expected: expected, actual: actual, options: options, constants: constants, unchanged: [])
    }

    /// `delta`, told which tables are known to be equal on both sides (`unchangedTables`).
    package static func delta(
        expected: Catalog, actual: Catalog, options: DiffOptions, constants: ConstantSpellings, unchanged: Set<QualifiedName>
    ) -> SchemaDelta {
        var comparison = ExpressionComparison()
        comparison.constants = constants
        var delta = SchemaDelta()
        Pairing.match(expected.tables, actual.tables,
            missing: { delta.tables[$0.name] = TableDelta(change: .added($0)) },
            extra: { delta.tables[$0.name] = TableDelta(change: .removed($0)) },
            both: { want, have in
                guard !unchanged.contains(want.name), want != have, let altered = comparison.tableDelta(want, have, comments: options.compareComments) else { return }
                delta.tables[want.name] = altered
            })
        Pairing.match(expected.views, actual.views,
            missing: { delta.views[$0.name] = .added($0) },
            extra: { delta.views[$0.name] = .removed($0) },
            both: { want, have in
                guard want != have else { return }
                let attributes = comparison.changedAttributes(want, have, comments: options.compareComments)
                if !attributes.isEmpty { delta.views[want.name] = .altered(expected: want, actual: have, attributes: attributes) }
                let triggers = comparison.triggerChanges(want.triggers, have.triggers, comments: options.compareComments)
                if !triggers.isEmpty { delta.viewTriggers[want.name] = triggers }
                let indexes = comparison.indexChanges(want.indexes, have.indexes, comments: options.compareComments)
                if !indexes.isEmpty { delta.viewIndexes[want.name] = indexes }
            })
        delta.functions = SchemaDelta.changes(expected.functions, actual.functions) {
            FunctionAttribute.changed($0, $1, comments: options.compareComments)
        }
        delta.addTypesAndNamespaces(expected: expected, actual: actual, comparison: comparison, comments: options.compareComments)
        delta.addDefinedObjects(expected: expected, actual: actual)
        return delta
    }
}

extension SchemaDelta {
    /// Schemas, extensions, types and sequences: added, altered, and (for types and sequences) removed.
    mutating func addTypesAndNamespaces(expected: Catalog, actual: Catalog, comparison: ExpressionComparison, comments: Bool) {
        for want in expected.schemas {
            guard let have = actual.schemas[want.name] else { schemas[want.name] = .added(want); continue }
            let attributes = SchemaAttribute.changed(want, have, comments: comments)
            if !attributes.isEmpty { schemas[want.name] = .altered(expected: want, actual: have, attributes: attributes) }
        }
        for want in expected.extensions {
            guard let have = actual.extensions[want.name] else { extensions[want.name] = .added(want); continue }
            let attributes = ExtensionAttribute.changed(want, have)
            if !attributes.isEmpty { extensions[want.name] = .altered(expected: want, actual: have, attributes: attributes) }
        }
        enums = Self.changes(expected.enums, actual.enums) { EnumAttribute.changed($0, $1, comments: comments) }
        domains = Self.changes(expected.domains, actual.domains) { comparison.changedAttributes($0, $1, comments: comments) }
        compositeTypes = Self.changes(expected.compositeTypes, actual.compositeTypes) {
            CompositeTypeAttribute.changed($0, $1, comments: comments)
        }
        rangeTypes = Self.changes(expected.rangeTypes, actual.rangeTypes) { RangeTypeAttribute.changed($0, $1, comments: comments) }
        sequences = Self.changes(expected.sequences, actual.sequences) { SequenceAttribute.changed($0, $1, comments: comments) }
    }

    /// Every object of a kind that differs, paired by name: added, removed, or altered in the attributes
    /// `changed` finds.
    static func changes<Object: CatalogObject, Attribute: ChangeAttribute>(
        _ expected: ObjectSet<Object>, _ actual: ObjectSet<Object>, changed: (Object, Object) -> Set<Attribute>
    ) -> [Object.Key: Change<Object, Attribute>] {
        var result: [Object.Key: Change<Object, Attribute>] = [:]
        Pairing.match(expected, actual,
            missing: { result[$0.key] = .added($0) },
            extra: { result[$0.key] = .removed($0) },
            both: { want, have in
                let attributes = changed(want, have)
                if !attributes.isEmpty { result[want.key] = .altered(expected: want, actual: have, attributes: attributes) }
            })
        return result
    }
}

extension ExpressionComparison {
    /// The delta of a table on both sides; nil when neither it nor its columns differ.
    func tableDelta(_ want: Table, _ have: Table, comments: Bool) -> TableDelta? {
        let attributes = TableAttribute.changed(want, have, comments: comments)
        let columns = columnChanges(want, have, comments: comments)
        let constraints = constraintChanges(want, have, comments: comments)
        let indexes = indexChanges(want.indexes, have.indexes, comments: comments)
        let policies = policyChanges(want, have, comments: comments)
        let triggers = triggerChanges(want.triggers, have.triggers, comments: comments)
        guard !attributes.isEmpty || !columns.isEmpty || !constraints.isEmpty || !indexes.isEmpty || !policies.isEmpty
            || !triggers.isEmpty else { return nil }
        return TableDelta(
            change: .altered(expected: want, actual: have, attributes: attributes), columns: columns, constraints: constraints,
            indexes: indexes, policies: policies, triggers: triggers)
    }
}

extension SchemaDelta {
    /// One line per change, sorted: `+` added, `-` removed, `~` altered (with its attributes), `>` renamed
    /// (`> public.t.new <- old`). For traces, tests and people.
    public var lines: [String] {
        var lines: [String] = []
        for (name, table) in tables.sorted(by: { $0.key < $1.key }) {
            switch table.change {
            case .added: lines.append("+ \(name)")
            case .removed: lines.append("- \(name)")
            case .altered(_, _, let attributes):
                if !attributes.isEmpty { lines.append("~ \(name) (\(Self.list(attributes)))") }
            case .renamed(let want, let have, _): lines.append("> \(want.name) <- \(have.name)")
            }
            for column in table.columns {
                switch column {
                case .added(let c): lines.append("+ \(name).\(c.name)")
                case .removed(let c): lines.append("- \(name).\(c.name)")
                case .altered(let c, _, let attributes): lines.append("~ \(name).\(c.name) (\(Self.list(attributes)))")
                case .renamed(let c, let old, let attributes):
                    lines.append("> \(name).\(c.name) <- \(old.name)" + (attributes.isEmpty ? "" : " (\(Self.list(attributes)))"))
                }
            }
            lines += Self.partLines(table.constraints, "constraint", of: name, named: \.name)
            lines += Self.partLines(table.indexes, "index", of: name, named: \.name)
            lines += Self.partLines(table.policies, "policy", of: name, named: \.name)
            lines += Self.partLines(table.triggers, "trigger", of: name, named: \.name)
        }
        lines += Self.objectLines(views, "view")
        for (name, triggers) in viewTriggers.sorted(by: { $0.key < $1.key }) {
            lines += Self.partLines(triggers, "trigger", of: name, named: \.name)
        }
        for (name, indexes) in viewIndexes.sorted(by: { $0.key < $1.key }) {
            lines += Self.partLines(indexes, "index", of: name, named: \.name)
        }
        lines += Self.objectLines(functions, "function")
        lines += Self.objectLines(schemas, "schema")
        lines += Self.objectLines(extensions, "extension")
        lines += Self.objectLines(enums, "enum")
        lines += Self.objectLines(domains, "domain")
        lines += Self.objectLines(compositeTypes, "type")
        lines += Self.objectLines(rangeTypes, "range")
        lines += Self.objectLines(sequences, "sequence")
        return lines
    }

    /// `+ enum public.mood`, `- sequence …`, `~ domain public.d (default, checks)`, sorted by name.
    private static func objectLines<Key: Comparable & CustomStringConvertible, Object, Attribute: ChangeAttribute>(
        _ changes: [Key: Change<Object, Attribute>], _ kind: String
    ) -> [String] {
        changes.sorted(by: { $0.key < $1.key }).map { key, change in
            switch change {
            case .added: "+ \(kind) \(key)"
            case .removed: "- \(kind) \(key)"
            case .altered(_, _, let attributes), .renamed(_, _, let attributes): "~ \(kind) \(key) (\(list(attributes)))"
            }
        }
    }

    /// `~ public.t constraint c (definition)`, `> public.t index new <- old`, `+ …`, `- …`.
    private static func partLines<Object, Attribute: ChangeAttribute>(
        _ changes: [Change<Object, Attribute>], _ kind: String, of table: QualifiedName, named name: (Object) -> String
    ) -> [String] {
        changes.map { change in
            switch change {
            case .added(let object): "+ \(table) \(kind) \(name(object))"
            case .removed(let object): "- \(table) \(kind) \(name(object))"
            case .altered(let object, _, let attributes): "~ \(table) \(kind) \(name(object)) (\(list(attributes)))"
            case .renamed(let object, let old, _): "> \(table) \(kind) \(name(object)) <- \(name(old))"
            }
        }
    }

    private static func list<A: ChangeAttribute>(_ attributes: Set<A>) -> String {
        attributes.sorted().map(\.rawValue).joined(separator: ", ")
    }
}
