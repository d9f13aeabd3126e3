import PgDriftModel

/// Every table and view of a catalog with its columns, plus relations only the role's access lists
/// (extension members, whose columns pgdrift does not read), for lookups by name.
struct RelationIndex {
    struct Entry {
        var name: QualifiedName
        var kind: String
        /// Name and description (type, NOT NULL, DEFAULT) of each column; nil when unknown.
        var columns: [(name: String, description: String)]?

        func column(_ name: String) -> (name: String, description: String)? {
            columns?.first { $0.name == name }
        }

        func ref(column: String? = nil) -> ObjectRef {
            ObjectRef(
                schema: name.schema, table: name.name, column: column, relationKind: kind,
                type: column.flatMap { self.column($0)?.description })
        }
    }

    let entries: [QualifiedName: Entry]
    let schemas: Set<String>

    init(_ catalog: Catalog, access: RoleAccess? = nil) {
        var entries: [QualifiedName: Entry] = [:]
        for table in catalog.tables {
            entries[table.name] = Entry(
                name: table.name, kind: table.kind == .partitioned ? "partitioned table" : "table",
                columns: Self.columns(of: table, in: catalog))
        }
        for view in catalog.views {
            entries[view.name] = Entry(
                name: view.name, kind: view.isMaterialized ? "materialized view" : "view",
                columns: view.columns.map { ($0.name, $0.type.sql) })
        }
        for (name, relation) in access?.relations ?? [:] where entries[name] == nil {
            entries[name] = Entry(name: name, kind: relation.kind.rawValue, columns: nil)
        }
        self.entries = entries
        schemas = Set(catalog.schemas.map(\.name)).union(access.map { Array($0.schemaUsage.keys) } ?? [])
    }

    subscript(_ name: QualifiedName) -> Entry? { entries[name] }

    /// Relations with this exact name, in any schema, by schema.
    func named(_ name: String) -> [Entry] {
        entries.values.filter { $0.name.name == name }.sorted { $0.name < $1.name }
    }

    /// Relations whose name differs from `name` only by case.
    func caseVariants(of name: String, schema: String?) -> [Entry] {
        entries.values.filter {
            $0.name.name != name && $0.name.name.lowercased() == name.lowercased() && (schema == nil || $0.name.schema == schema)
        }.sorted { $0.name < $1.name }
    }

    /// All relations, by name.
    var all: [Entry] { entries.values.sorted { $0.name < $1.name } }

    /// A table's columns with those it inherits from its parents, parents' first.
    private static func columns(of table: Table, in catalog: Catalog) -> [(name: String, description: String)] {
        var seen: Set<QualifiedName> = [table.name]
        var parents: [(name: String, description: String)] = []
        var pending = table.inherits + [table.partitionOf].compactMap { $0 }
        while let next = pending.first {
            pending.removeFirst()
            guard seen.insert(next).inserted, let parent = catalog.tables[next] else { continue }
            parents += parent.columns.map { ($0.name, describe($0)) }
            pending += parent.inherits + [parent.partitionOf].compactMap { $0 }
        }
        let own = table.columns.map { ($0.name, describe($0)) }
        return parents.filter { inherited in !own.contains { $0.0 == inherited.name } } + own
    }

    /// `bigint NOT NULL DEFAULT 0`.
    static func describe(_ column: Column) -> String {
        var text = column.type.sql
        if column.isNotNull { text += " NOT NULL" }
        if let expression = column.defaultExpression { text += " DEFAULT \(expression)" }
        if let generation = column.generationClause { text += " " + generation }
        return text
    }
}
