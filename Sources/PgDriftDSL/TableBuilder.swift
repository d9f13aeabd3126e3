import PgDriftModel

/// Something that can be declared inside a `Table { ... }` block.
public protocol TableElement {
    /// Adds the element to the table being built.
    func apply(to table: inout TableDraft)
}

/// Collects table elements, with `if`, `for` and optional support.
@resultBuilder
public enum TableBuilder {
    /// One element as a one-element list.
    public static func buildExpression(_ element: TableElement) -> [TableElement] { [element] }
    /// A list of elements (from a helper function, say) spliced in as they are.
    public static func buildExpression(_ elements: [TableElement]) -> [TableElement] { elements }
    /// The elements of every statement of the block, in order.
    public static func buildBlock(_ parts: [TableElement]...) -> [TableElement] { parts.flatMap { $0 } }
    /// The elements of every pass of a `for` loop, in order.
    public static func buildArray(_ parts: [[TableElement]]) -> [TableElement] { parts.flatMap { $0 } }
    /// The elements of an `if` without `else` when its condition held, else none.
    public static func buildOptional(_ part: [TableElement]?) -> [TableElement] { part ?? [] }
    /// The elements of the first branch of an `if`/`else` or `switch`.
    public static func buildEither(first part: [TableElement]) -> [TableElement] { part }
    /// The elements of the second branch of an `if`/`else` or `switch`.
    public static func buildEither(second part: [TableElement]) -> [TableElement] { part }
}

/// A table while its block is being read: constraints without names get PostgreSQL's generated names
/// once the block is complete, in declaration order, as the server would name them.
public struct TableDraft {
    var table: Table
    var pendingConstraints: [PendingConstraint] = []

    struct PendingConstraint {
        var name: String?
        var constraint: Constraint
    }

    mutating func add(_ constraint: Constraint, named name: String?) {
        pendingConstraints.append(PendingConstraint(name: name, constraint: constraint))
    }

    /// The finished table, constraint names chosen and primary-key columns made NOT NULL.
    func finish() -> Table {
        var table = self.table
        var taken = Set<String>()
        for pending in pendingConstraints {
            var constraint = pending.constraint
            if let name = pending.name {
                constraint.name = name
            } else {
                let columns = constraint.kind == .primaryKey ? [] : constraint.columns
                let base = ConstraintNaming.name(
                    table: table.name.name, columns: columns, label: ConstraintNaming.label(for: constraint.kind))
                var candidate = base
                var suffix = 0
                while taken.contains(candidate) || table.indexes.contains(candidate) {
                    suffix += 1
                    candidate = base + String(suffix)
                }
                constraint.name = candidate
            }
            taken.insert(constraint.name)
            // A check's columns only serve to name it; the model keeps its expression.
            if constraint.kind == .check { constraint.columns = [] }
            table.constraints.upsert(constraint)
            if constraint.kind == .primaryKey {
                for index in table.columns.indices where constraint.columns.contains(table.columns[index].name) {
                    table.columns[index].isNotNull = true
                }
            }
        }
        return table
    }
}

extension Table: SchemaElement {
    /// `CREATE TABLE name (...)`, its columns, constraints, indexes, RLS, policies and triggers declared
    /// in the block; `using` its access method (other than heap), `with` its storage parameters
    /// (`"fillfactor=70"`), its REPLICA IDENTITY and the index it is clustered on.
    public init(
        _ name: String, schema: String = "", unlogged: Bool = false, partitionBy partitionKey: String? = nil,
        using accessMethod: String? = nil, with options: [String] = [], replicaIdentity: ReplicaIdentity? = nil,
        clusterOn: String? = nil, comment: String? = nil, @TableBuilder _ content: () -> [TableElement]
    ) {
        var draft = TableDraft(
            table: Table(
                name: QualifiedName(schema, name), kind: partitionKey == nil ? .ordinary : .partitioned,
                isUnlogged: unlogged, partitionKey: partitionKey, options: options, comment: comment,
                replicaIdentity: replicaIdentity, clusterOn: clusterOn, accessMethod: accessMethod))
        for element in content() { element.apply(to: &draft) }
        self = draft.finish()
    }

    /// Adds the table in `schema` unless it names one, resolving its types, references, trigger functions
    /// and parent there, and adds the sequence of each serial column.
    public func apply(to catalog: inout Catalog, schema: String) {
        var table = self
        table.name = name.resolved(in: schema)
        table.columns = columns.map { column in
            var column = column
            column.type = column.type.resolved(in: schema)
            // A serial column's sequence is named and qualified once the table's schema is known.
            if let options = column.defaultExpression.flatMap(TableDraft.serialOptions) {
                column.defaultExpression = SerialSequence.defaultExpression(table: table.name, column: column.name)
                catalog.sequences.upsert(SequenceObject(
                    name: SerialSequence.name(table: table.name, column: column.name), dataType: column.type,
                    options: options, ownedBy: SequenceOwner(table: table.name, column: column.name)))
            }
            return column
        }
        table.constraints.modifyEach { constraint in
            if let reference = constraint.references {
                constraint.references?.table = reference.table.resolved(in: schema)
            }
        }
        table.triggers.modifyEach { trigger in trigger.function = trigger.function.resolved(in: schema) }
        table.partitionOf = partitionOf?.resolved(in: schema)
        catalog.tables.upsert(table)
    }
}

extension TableDraft {
    private static let serialPrefix = "pgdrift:serial:"

    /// Stands in a serial column's default until the table's schema is known (the model's `Table` has
    /// nowhere else to keep the sequence's options until then).
    static func serialPlaceholder(_ options: SequenceOptions) -> String {
        serialPrefix + [options.start, options.increment, options.minValue, options.maxValue, options.cache, options.cycle ? 1 : 0]
            .map(String.init).joined(separator: ",")
    }

    /// The options a placeholder stands for; nil for any other default.
    static func serialOptions(_ placeholder: String) -> SequenceOptions? {
        guard placeholder.hasPrefix(serialPrefix) else { return nil }
        let numbers = placeholder.dropFirst(serialPrefix.count).split(separator: ",").compactMap { Int64($0) }
        guard numbers.count == 6 else { return nil }
        return SequenceOptions(
            start: numbers[0], increment: numbers[1], minValue: numbers[2], maxValue: numbers[3], cache: numbers[4], cycle: numbers[5] == 1)
    }
}

/// `ALTER TABLE ... ENABLE [and FORCE] ROW LEVEL SECURITY`.
public struct RowLevelSecurity: TableElement {
    let force: Bool

    /// Enables row-level security on the table, and forces it on the owner too when `force` is true.
    public init(force: Bool = false) { self.force = force }

    /// Sets ENABLE (and FORCE) ROW LEVEL SECURITY on the table being built.
    public func apply(to table: inout TableDraft) {
        table.table.rowLevelSecurity = true
        table.table.forceRowLevelSecurity = force
    }
}

/// `PARTITION OF parent FOR VALUES ...` for a partition declared as its own table.
public struct PartitionOf: TableElement {
    let parent: QualifiedName
    let bound: String

    /// A partition of `parent` (in the block's default schema unless `schema` names one) with its bound
    /// clause, such as `FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')` or `DEFAULT`.
    public init(_ parent: String, schema: String = "", _ bound: String) {
        self.parent = QualifiedName(schema, parent)
        self.bound = bound
    }

    /// Makes the table being built a partition of the parent, with this bound.
    public func apply(to table: inout TableDraft) {
        table.table.partitionOf = parent
        table.table.partitionBound = bound
    }
}
