import PgDriftModel

/// Views in creation order: every view after the views it reads (ties by name).
enum ViewOrder {
    static func dependencyOrder(_ names: Set<QualifiedName>, in views: ObjectSet<View>) -> [QualifiedName] {
        var ordered: [QualifiedName] = []
        var placed: Set<QualifiedName> = []
        var remaining = names.sorted()
        while !remaining.isEmpty {
            let ready = remaining.filter { name in
                (views[name]?.dependsOn ?? []).allSatisfy { !names.contains($0) || placed.contains($0) }
            }
            // Views cannot depend on each other in a cycle; name order rather than looping forever.
            let next = ready.isEmpty ? [remaining[0]] : ready
            ordered += next
            placed.formUnion(next)
            let nextSet = Set(next)
            remaining.removeAll { nextSet.contains($0) }
        }
        return ordered
    }
}
