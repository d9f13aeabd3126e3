import PgDriftDiff
import PgDriftModel

extension PlanBuilder {
    /// Functions whose result type, kind or argument list (names, defaults) changes: CREATE OR REPLACE
    /// refuses those, so they are dropped and created again.
    mutating func findReplacedFunctions() {
        for (key, change) in delta.functions {
            guard case .altered(_, _, let attributes) = change, attributes.contains(where: \.needsReplacement) else { continue }
            replacedFunctions.insert(key)
        }
    }

    mutating func planReplacedFunctions() {
        for key in replacedFunctions.sorted(by: { $0.description < $1.description }) {
            guard let have = actual.functions[key] else { continue }
            emit(.replaceFunctions, "DROP \(Self.routineKind(have)) IF EXISTS \(SQLName.qualified(have.name))(\(have.identityArguments));",
                 hazards: ["Its result type or argument list changes, which CREATE OR REPLACE cannot do; created again below."])
            current.functions.remove(key)
            freshObjects.insert(PrivilegeTarget(
                kind: have.kind == .procedure ? .procedure : .function, name: have.name, arguments: have.identityArguments))
        }
    }

    /// CREATE OR REPLACE for missing and changed functions; ALTER for a change of the planner's estimates
    /// alone (comments and privileges come in their own phases).
    mutating func planFunctions() {
        for want in expected.functions {
            // Missing from the start, or dropped above to be created again.
            if let old = current.functions[want.key] {
                let changed = delta.attributes(ofFunction: want.key)
                var estimatesOnly = true
                var replace = false
                for attribute in changed {
                    switch attribute {
                    case .cost, .rows:
                        continue
                    case .comment:
                        continue  // COMMENT ON, with the other comments (planComments)
                    case .kind, .arguments, .returnType, .language, .body, .volatility, .strictness, .securityDefiner,
                        .leakproof, .parallel, .settings, .support:
                        (estimatesOnly, replace) = (false, true)
                    }
                }
                guard replace || estimatesOnly && (changed.contains(.cost) || changed.contains(.rows)) else { continue }
                if !replace, let sql = RoutineStatements.alterEstimates(want, from: old) {
                    emit(.functions, sql)
                    current.functions[want.key]?.cost = want.cost
                    current.functions[want.key]?.rows = want.rows
                    continue
                }
            }
            emit(.functions, RoutineStatements.createFunction(want))
            var created = want
            created.comment = current.functions[want.key]?.comment
            current.functions.upsert(created)
        }
    }

    /// Drops triggers that are extra, changed beyond CREATE OR REPLACE, calling a replaced function, or
    /// naming a column whose type changes.
    mutating func dropChangedTriggers() {
        for (name, wantTriggers, haveTriggers) in relationTriggers() {
            let touched = touchedColumns[name] ?? []
            var mustDrop: Set<String> = []
            for change in delta.triggers(of: name) {
                switch change {
                case .removed(let trigger):
                    mustDrop.insert(trigger.name)
                case .altered(let want, let have, let attributes), .renamed(let want, let have, let attributes):
                    // CREATE OR REPLACE cannot change a constraint trigger.
                    if attributes.contains(.definition) && (want.isConstraint || have.isConstraint) { mustDrop.insert(have.name) }
                case .added:
                    continue
                }
            }
            for trigger in haveTriggers {
                let drop = mustDrop.contains(trigger.name)
                    || replacedFunctions.contains(where: { $0.name == trigger.function })
                    || !touched.isEmpty && (trigger.when != nil || trigger.updateColumns.contains(where: touched.contains))
                guard drop else { continue }
                emit(.dropTriggers, "DROP TRIGGER IF EXISTS \(SQLName.identifier(trigger.name)) ON \(SQLName.qualified(name));",
                     hazards: wantTriggers[trigger.name] == nil ? [] : ["Dropped to be created again below."])
                removeCurrentTrigger(trigger.name, of: name)
            }
        }
    }

    /// CREATE OR REPLACE TRIGGER for missing and changed triggers, and their enabled state.
    mutating func planTriggers() {
        for (name, wantTriggers, haveTriggers) in relationTriggers() {
            var altered: [String: Set<TriggerAttribute>] = [:]
            for case .altered(let trigger, _, let attributes) in delta.triggers(of: name) { altered[trigger.name] = attributes }
            for want in wantTriggers {
                // Missing from the start, or dropped above to be created again.
                let missing = haveTriggers[want.name] == nil
                let attributes = altered[want.name] ?? []
                if missing || attributes.contains(.definition) {
                    if want.isConstraint {
                        let lookup = "SELECT FROM pg_catalog.pg_trigger WHERE tgrelid = \(SQLQuote.literal(SQLQuote.qualified(name)))::regclass "
                            + "AND tgname = \(SQLQuote.literal(want.name))"
                        emit(.triggers, Idempotent.unless(exists: lookup, run: TriggerStatements.createTrigger(want, on: name)))
                    } else {
                        emit(.triggers, TriggerStatements.createTrigger(want, on: name, replacing: true))
                    }
                    if want.enabled != .origin { emit(.triggers, TriggerStatements.setEnabled(want, on: name)) }
                } else if attributes.contains(.enabled) {
                    emit(.triggers, TriggerStatements.setEnabled(want, on: name))
                }
            }
        }
    }

    /// Expected tables and views present in `current`, with the triggers of both sides.
    private func relationTriggers() -> [(QualifiedName, ObjectSet<Trigger>, ObjectSet<Trigger>)] {
        expected.tables.compactMap { want in current.tables[want.name].map { (want.name, want.triggers, $0.triggers) } }
            + expected.views.compactMap { want in current.views[want.name].map { (want.name, want.triggers, $0.triggers) } }
    }

    private mutating func removeCurrentTrigger(_ trigger: String, of relation: QualifiedName) {
        if current.tables.contains(relation) {
            updateCurrentTable(relation) { $0.triggers.remove(trigger) }
        } else {
            current.views[relation]?.triggers.remove(trigger)
        }
    }

    static func routineKind(_ function: Function) -> String { function.kind == .procedure ? "PROCEDURE" : "FUNCTION" }
}
