import PgDriftModel
import PgDriftSQL

/// Looks up relation names the way PostgreSQL does when a statement runs: qualified names in their
/// schema, unqualified ones along a search_path. Answers only what it can be sure of.
struct RelationLookup {
    /// What a name turned out to be.
    enum Outcome: Equatable {
        /// A relation of the model with these columns, or one outside the model (another schema than
        /// `--schema` keeps, an extension's table) whose columns are unknown (nil).
        case found(QualifiedName, columns: Set<String>?)
        /// Nothing by that name where the statement would look: this is where it was expected.
        case missing(QualifiedName)
        /// A system relation, a schema pgdrift does not read, or a name the caller's search_path decides.
        case unsure
    }

    /// Where a name is looked up.
    struct Path {
        var schemas: [String]
        /// The function sets its own search_path; otherwise the caller's decides and only names that
        /// exist nowhere are certainly missing.
        var isFixed: Bool

        /// A function's `SET search_path`, else the default (`"$user", public`, as `public`).
        static func of(_ function: Function) -> Path {
            if let schemas = SearchPath.ofFunction(configuration: function.configuration) {
                return Path(schemas: schemas, isFixed: true)
            }
            return Path(schemas: ["public"], isFixed: false)
        }
    }

    let catalog: Catalog
    let access: RoleAccess?

    static func isSystemSchema(_ schema: String) -> Bool {
        schema == "pg_catalog" || schema == "information_schema" || schema.hasPrefix("pg_toast") || schema.hasPrefix("pg_temp")
    }

    func resolve(_ name: RelationName, along path: Path) -> Outcome {
        if let schema = name.schema {
            if Self.isSystemSchema(schema) { return .unsure }
            let qualified = QualifiedName(schema, name.name)
            if let found = find(qualified) { return found }
            return schemaIsKnown(schema) ? .missing(qualified) : .unsure
        }
        // pg_catalog is searched first, and its relations are all called pg_*.
        if name.name.hasPrefix("pg_") { return .unsure }
        for schema in path.schemas where !Self.isSystemSchema(schema) {
            if let found = find(QualifiedName(schema, name.name)) { return found }
        }
        if !path.isFixed && existsInAnotherSchema(name.name) { return .unsure }
        guard let first = path.schemas.first(where: { !Self.isSystemSchema($0) }), schemaIsKnown(first) else { return .unsure }
        return .missing(QualifiedName(first, name.name))
    }

    private func find(_ name: QualifiedName) -> Outcome? {
        if catalog.tables.contains(name) { return .found(name, columns: columns(ofTable: name)) }
        if let view = catalog.views[name] { return .found(name, columns: Set(view.columns.map(\.name))) }
        if access?.relations[name] != nil { return .found(name, columns: nil) }
        return nil
    }

    /// Whether pgdrift knows every relation of the schema: it read it, or the role's access lists the
    /// whole database.
    private func schemaIsKnown(_ schema: String) -> Bool {
        access != nil || catalog.schemas.contains(schema)
    }

    private func existsInAnotherSchema(_ name: String) -> Bool {
        catalog.tables.contains { $0.name.name == name } || catalog.views.contains { $0.name.name == name }
            || (access?.relations.keys.contains { $0.name == name } ?? false)
    }

    /// A table's columns with those it inherits (partitions and INHERITS children list only their own).
    private func columns(ofTable name: QualifiedName) -> Set<String>? {
        var names: Set<String> = []
        var pending = [name]
        var seen: Set<QualifiedName> = []
        while let next = pending.popLast() {
            guard seen.insert(next).inserted else { continue }
            guard let table = catalog.tables[next] else { return nil }  // a parent outside the model
            names.formUnion(table.columns.map(\.name))
            pending += table.inherits + [table.partitionOf].compactMap { $0 }
        }
        return names
    }
}
