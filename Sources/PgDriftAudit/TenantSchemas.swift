import Foundation
import PgDriftModel
import PgDriftSQL

extension Catalog {
    /// The catalog split by schema in one pass: each schema's objects, with the extensions (the
    /// database's, shared by every schema). Database-wide objects (casts, publications, ...) belong to
    /// no schema and are left out.
    func partitionedBySchema() -> [String: Catalog] {
        var parts: [String: Catalog] = [:]
        var empty = Catalog(extensions: extensions)
        empty.notModelled = [:]
        // In place (`default:` subscript): no copy of a schema's part per object.
        func add(_ schema: String, _ body: (inout Catalog) -> Void) { body(&parts[schema, default: empty]) }
        for item in schemas { add(item.name) { $0.schemas.upsert(item) } }
        for item in enums { add(item.name.schema) { $0.enums.upsert(item) } }
        for item in domains { add(item.name.schema) { $0.domains.upsert(item) } }
        for item in compositeTypes { add(item.name.schema) { $0.compositeTypes.upsert(item) } }
        for item in rangeTypes { add(item.name.schema) { $0.rangeTypes.upsert(item) } }
        for item in sequences { add(item.name.schema) { $0.sequences.upsert(item) } }
        for item in tables { add(item.name.schema) { $0.tables.upsert(item) } }
        for item in views { add(item.name.schema) { $0.views.upsert(item) } }
        for item in functions { add(item.name.schema) { $0.functions.upsert(item) } }
        for item in definedObjects where !item.kind.isDatabaseWide { add(item.schema) { $0.definedObjects.upsert(item) } }
        return parts
    }

    /// The catalog with every name in schema `from` moved to `to`: the objects' schemas, and the
    /// qualified names inside their expressions, definitions and bodies (`SchemaRenaming`, by
    /// PostgreSQL's scanner). A tenant's schema renamed to the template's compares with the template.
    func renamingSchema(_ from: String, to: String) throws -> Catalog {
        guard from != to else { return self }
        let data = try JSONEncoder().encode(self)
        let tree = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        func walk(_ value: Any) -> Any {
            switch value {
            case let text as String: return text == from ? to : SchemaRenaming.rename(text, from: from, to: to)
            case let list as [Any]: return list.map(walk)
            case let object as [String: Any]: return object.mapValues(walk)
            default: return value
            }
        }
        let renamed = try JSONSerialization.data(withJSONObject: walk(tree), options: [.fragmentsAllowed])
        return try JSONDecoder().decode(Catalog.self, from: renamed)
    }
}
