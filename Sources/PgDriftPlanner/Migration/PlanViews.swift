import PgDriftDiff
import PgDriftModel

extension PlanBuilder {
    /// Drops extra views, changed views, and views that read something about to change (a retyped or
    /// dropped column, a dropped table, another view being rebuilt), dependents first.
    mutating func dropChangedViews() {
        let droppedTables = options.allowDestructive ? Set(actual.tables.filter { !expected.tables.contains($0.name) }.map(\.name)) : []
        var rebuild: Set<QualifiedName> = []
        for view in actual.views {
            guard expected.views.contains(view.name) else {
                rebuild.insert(view.name)
                continue
            }
            // CREATE OR REPLACE VIEW cannot change a view's kind, drop its options, or change its columns'
            // names and types: the view is dropped and created again. (Comments are set with the others.)
            let changed = delta.attributes(ofView: view.name).contains { attribute in
                switch attribute {
                case .kind, .options, .query, .columnTypes: true
                case .comment, .columnComments: false
                }
            }
            if changed || view.dependsOn.contains(where: { isTouched($0) || droppedTables.contains($0) }) {
                rebuild.insert(view.name)
            }
        }
        // Views reading a view being dropped go too.
        var grew = true
        while grew {
            grew = false
            for view in actual.views where !rebuild.contains(view.name) && view.dependsOn.contains(where: rebuild.contains) {
                rebuild.insert(view.name)
                grew = true
            }
        }
        for name in ViewOrder.dependencyOrder(rebuild, in: actual.views).reversed() {
            guard let view = actual.views[name] else { continue }
            let kind = view.isMaterialized ? "MATERIALIZED VIEW" : "VIEW"
            let hazards = expected.views.contains(name) ? ["Dropped to be created again below, with what it reads in its new shape."] : []
            emit(.dropViews, "DROP \(kind) IF EXISTS \(SQLName.qualified(name));", hazards: hazards)
            current.views.remove(name)
            // Created again with PostgreSQL's default privileges: its grants must be given back.
            freshObjects.insert(PrivilegeTarget(kind: view.isMaterialized ? .materializedView : .view, name: name))
        }
    }

    /// Creates the expected views `current` lacks, each after the views it reads.
    mutating func planViews() {
        let missing = Set(expected.views.filter { !current.views.contains($0.name) }.map(\.name))
        for name in ViewOrder.dependencyOrder(missing, in: expected.views) {
            guard let view = expected.views[name] else { continue }
            emit(.views, RoutineStatements.createView(view, replacing: true, withData: true),
                 hazards: view.isMaterialized ? ["Runs the view's query to fill it."] : [])
            var bare = view
            bare.indexes = []
            bare.triggers = []
            bare.comment = nil
            for index in bare.columns.indices { bare.columns[index].comment = nil }
            current.views.upsert(bare)
        }
    }
}
