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
    /// Done on the catalog's JSON (every string of the model, whatever its type), where only the string
    /// literals that contain `from` are decoded, renamed and written again.
    func renamingSchema(_ from: String, to: String) throws -> Catalog {
        guard from != to else { return self }
        let json = [UInt8](try Snapshot(catalog: self).jsonData())
        let needle = Array(from.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(json.count)
        var index = 0
        while index < json.count {
            guard json[index] == UInt8(ascii: "\"") else {
                out.append(json[index])
                index += 1
                continue
            }
            // A string literal: up to the next quote not escaped.
            var end = index + 1
            while end < json.count, json[end] != UInt8(ascii: "\"") { end += json[end] == UInt8(ascii: "\\") ? 2 : 1 }
            let literal = json[index...min(end, json.count - 1)]
            index = end + 1
            guard Self.contains(literal, needle),
                  let text = try JSONSerialization.jsonObject(with: Data(literal), options: [.fragmentsAllowed]) as? String else {
                out += literal
                continue
            }
            let renamed = text == from ? to : SchemaRenaming.rename(text, from: from, to: to)
            out += [UInt8](try JSONSerialization.data(withJSONObject: renamed, options: [.fragmentsAllowed]))
        }
        return try Snapshot.decode(Data(out)).catalog
    }

    private static func contains(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        var position = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while position <= last {
            if haystack[position] == first, haystack[position..<position + needle.count].elementsEqual(needle) { return true }
            position += 1
        }
        return false
    }
}
