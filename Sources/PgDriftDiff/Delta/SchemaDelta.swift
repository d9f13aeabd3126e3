import PgDriftModel

/// How a table differs: the table itself and its columns. (Its other parts — constraints, indexes,
/// policies, triggers — and the other kinds are compared by the diff and planned object by object from
/// the aligned catalog; see docs/engine.md.)
public struct TableDelta: Hashable, Sendable {
    /// Added, removed, or altered in the attributes listed (renames are not guessed for tables).
    public var change: Change<Table, TableAttribute>
    /// The columns' changes, for a table on both sides; in the expected table's order, extra columns last.
    public var columns: [Change<Column, ColumnAttribute>]

    public init(change: Change<Table, TableAttribute>, columns: [Change<Column, ColumnAttribute>] = []) {
        self.change = change
        self.columns = columns
    }

    /// The table's attributes that differ (none for an added or removed table).
    public var attributes: Set<TableAttribute> {
        if case .altered(_, _, let attributes) = change { attributes } else { [] }
    }
}

/// The one comparison of two catalogs, computed once: `check` renders it as findings and `plan` turns
/// it into statements, so the two cannot disagree on what differs.
public struct SchemaDelta: Hashable, Sendable {
    /// Every table that differs, by name.
    public var tables: [QualifiedName: TableDelta]

    public init(tables: [QualifiedName: TableDelta] = [:]) { self.tables = tables }

    /// The changes of a table's columns (none when the table is the same on both sides or on one side only).
    public func columns(of table: QualifiedName) -> [Change<Column, ColumnAttribute>] { tables[table]?.columns ?? [] }

    /// The attributes of a table on both sides that differ.
    public func attributes(of table: QualifiedName) -> Set<TableAttribute> { tables[table]?.attributes ?? [] }
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
        return delta
    }
}

extension ExpressionComparison {
    /// The delta of a table on both sides; nil when neither it nor its columns differ.
    func tableDelta(_ want: Table, _ have: Table, comments: Bool) -> TableDelta? {
        let attributes = TableAttribute.changed(want, have, comments: comments)
        let columns = columnChanges(want, have, comments: comments)
        guard !attributes.isEmpty || !columns.isEmpty else { return nil }
        return TableDelta(change: .altered(expected: want, actual: have, attributes: attributes), columns: columns)
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
        }
        return lines
    }

    private static func list<A: RawRepresentable & Comparable>(_ attributes: Set<A>) -> String where A.RawValue == String {
        attributes.sorted().map(\.rawValue).joined(separator: ", ")
    }
}
