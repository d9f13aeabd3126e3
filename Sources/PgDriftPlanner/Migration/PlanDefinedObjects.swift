import PgDriftDiff
import PgDriftModel

extension PlanBuilder {
    /// Operators, casts, aggregates, collations, text search, rules, extended statistics, event
    /// triggers, publications and foreign-data objects. One that differs is dropped and created again,
    /// but a rule or event trigger that differs only in being enabled is altered. Drops go first,
    /// dependents before what they use (the kinds' order reversed); creation follows the kinds' stages.
    mutating func planDefinedObjects() {
        var drops: [DefinedObject] = []
        for (_, change) in delta.definedObjects.sorted(by: { $0.key < $1.key }) {
            switch change {
            case .added(let want):
                create(want)
            case .removed(let have):
                drops.append(have)
            case .altered(let want, let have, let clauses), .renamed(let want, let have, let clauses):
                if clauses == ["enabled"] {
                    let statements = DefinedObjectStatements.enabled(want)
                    for sql in statements.isEmpty ? DefinedObjectStatements.reenabled(want).map { [$0] } ?? [] : statements {
                        emit(Self.phase(want.kind), sql)
                    }
                } else {
                    drops.append(have)
                    create(want)
                }
            }
        }
        for object in drops.sorted(by: { ($1.kind, $1.identity) < ($0.kind, $0.identity) }) {
            let extra = delta.definedObjects[object.key].map { if case .removed = $0 { true } else { false } } ?? false
            emit(.dropObjects, DefinedObjectStatements.drop(object),
                 destructive: extra && object.kind == .publication ? "drops publication \(object.identity): its subscribers stop receiving changes" : nil)
        }
    }

    private mutating func create(_ object: DefinedObject) {
        let hazards = object.kind == .userMapping
            ? ["Its OPTIONS (user, password, ...) are neither read nor compared: add them with ALTER USER MAPPING."] : []
        for sql in DefinedObjectStatements.create(object) { emit(Self.phase(object.kind), sql, hazards: hazards) }
    }

    private static func phase(_ kind: DefinedObjectKind) -> PlanPhase {
        switch kind.stage {
        case .beforeTypes: .objectsBeforeTypes
        case .afterFunctions: .objectsOnFunctions
        case .afterRelations: .objectsOnRelations
        }
    }
}
