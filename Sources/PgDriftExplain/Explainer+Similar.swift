import PgDriftModel

extension Explainer {
    /// At most this many similar names are offered.
    static let similarLimit = 10

    /// Columns (for a column) or relations (for a table) whose names are alike, most alike first.
    /// Exact names and names differing only by case are left to the reasons.
    func similarNames(_ kind: Explanation.Kind, _ target: ObjectRef, table: QualifiedName?) -> [SimilarName] {
        let asked = target.column ?? target.table
        var scores: [String: NameSimilarity] = [:]
        func similarity(_ name: String) -> NameSimilarity? {
            guard name.lowercased() != asked.lowercased() else { return nil }
            if let known = scores[name] { return known }
            let computed = NameSimilarity(asked, name)
            scores[name] = computed
            return computed
        }
        var found: [(SimilarName, sameTable: Bool)] = []
        for entry in database.all {
            if kind == .table {
                guard let score = similarity(entry.name.name), score.score >= NameSimilarity.threshold else { continue }
                found.append((SimilarName(object: entry.ref(), score: score.score, distance: score.distance, sharedParts: score.sharedParts), false))
            } else {
                for column in entry.columns ?? [] {
                    guard let score = similarity(column.name), score.score >= NameSimilarity.threshold else { continue }
                    found.append((
                        SimilarName(object: entry.ref(column: column.name), score: score.score, distance: score.distance, sharedParts: score.sharedParts),
                        entry.name == table))
                }
            }
        }
        // Most alike first; among equals the asked table's own, then tables before views.
        func rank(_ entry: (SimilarName, sameTable: Bool)) -> (Int, Int, Int, String) {
            (-entry.0.score, entry.sameTable ? 0 : 1, entry.0.object.relationKind?.hasSuffix("view") == true ? 1 : 0, entry.0.object.description)
        }
        return found.sorted { rank($0) < rank($1) }.prefix(Self.similarLimit).map(\.0)
    }
}
