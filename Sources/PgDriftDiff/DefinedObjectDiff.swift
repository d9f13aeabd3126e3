import PgDriftModel

extension SchemaDelta {
    /// Operators, casts, collations, ...: paired by kind and identity; one on both sides is altered in the
    /// clauses whose values differ (their order is not compared).
    mutating func addDefinedObjects(expected: Catalog, actual: Catalog) {
        Pairing.match(expected.definedObjects, actual.definedObjects,
            missing: { definedObjects[$0.key] = .added($0) },
            extra: { definedObjects[$0.key] = .removed($0) },
            both: { want, have in
                let clauses = want.differingClauses(from: have)
                if !clauses.isEmpty { definedObjects[want.key] = .altered(expected: want, actual: have, attributes: Set(clauses)) }
            })
    }
}

extension DiffContext {
    /// Findings for the delta's operators, casts, collations, ...: one per object, naming its kind and, when
    /// it differs, the clauses that differ with both sides' values.
    mutating func renderDefinedObjects(_ delta: SchemaDelta) {
        for (_, change) in delta.definedObjects.sorted(by: { $0.key < $1.key }) {
            switch change {
            case .added(let object):
                report(Finding(
                    kind: .missingObject, schema: object.schema, table: object.table?.name, object: object.identity,
                    expected: Self.describe(object), message: "\(object.description) does not exist", source: expected.sources[object.sourceID]))
            case .removed(let object):
                report(Finding(
                    kind: .extraObject, schema: object.schema, table: object.table?.name, object: object.identity,
                    actual: Self.describe(object), message: "\(object.description) is not in the expected schema"))
            case .altered(let want, let have, let clauses), .renamed(let want, let have, let clauses):
                let names = clauses.sorted()
                report(Finding(
                    kind: .objectMismatch, schema: want.schema, table: want.table?.name, object: want.identity,
                    expected: Self.describe(want, only: names), actual: Self.describe(have, only: names),
                    message: "\(want.description) differs: \(names.joined(separator: ", "))", source: expected.sources[want.sourceID]))
            }
        }
    }

    /// The clauses, `NAME value` joined by `; ` (only `names` when given; `none` for one absent).
    static func describe(_ object: DefinedObject, only names: [String]? = nil) -> String {
        guard let names else {
            return object.clauses.map { Self.clause($0.name, $0.value) }.joined(separator: "; ")
        }
        return names.map { name in object[name].map { Self.clause(name, $0) } ?? "\(name): none" }.joined(separator: "; ")
    }

    private static func clause(_ name: String, _ value: String) -> String { value.isEmpty ? name : "\(name) \(value)" }
}
