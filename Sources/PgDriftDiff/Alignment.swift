import PgDriftModel

extension SchemaDiff {
    /// The expected catalog spelled as the database spells it wherever the diff finds the two sides the
    /// same (constraints, indexes, policies, triggers, views, domains): expressions equal by meaning (a
    /// file's `'0.0000'` and the catalog's `'0'::double precision`, once the server has said how it prints
    /// them), parameters in another order. The planner takes what differs from the delta and writes its
    /// statements from this catalog, so what it leaves in place and what it writes agree with the
    /// database's spelling. What differs stays as expected.
    public static func aligned(expected: Catalog, actual: Catalog, constants: ConstantSpellings = ConstantSpellings()) -> Catalog {
        aligned(expected: expected, actual: actual, constants: constants, unchanged: [])
    }

    /// `aligned`, told which tables are known to be equal on both sides (`unchangedTables`), so a caller
    /// that needs that set too compares each table once.
    package static func aligned(
        expected: Catalog, actual: Catalog, constants: ConstantSpellings, unchanged: Set<QualifiedName>
    ) -> Catalog {
        var comparison = ExpressionComparison()
        comparison.constants = constants
        var result = expected
        // Equal objects (most of a big schema, and all of a database against itself) are left as they are.
        for want in expected.tables where !unchanged.contains(want.name) {
            guard let have = actual.tables[want.name], have != want else { continue }
            result.tables.upsert(comparison.aligned(want, to: have))
        }
        for want in expected.views {
            guard let have = actual.views[want.name], have != want else { continue }
            result.views.upsert(comparison.aligned(want, to: have))
        }
        for want in expected.domains {
            guard let have = actual.domains[want.name], have != want else { continue }
            result.domains.upsert(comparison.aligned(want, to: have))
        }
        return result
    }

    /// The tables whose two sides are equal values: most of a big schema, which every later pass skips.
    package static func unchangedTables(expected: Catalog, actual: Catalog) -> Set<QualifiedName> {
        var unchanged: Set<QualifiedName> = []
        for want in expected.tables where actual.tables[want.name] == want { unchanged.insert(want.name) }
        return unchanged
    }

    /// The constants the planner needs the server's spelling of, for the alignment and the delta (as
    /// `constantsToCanonicalise` does for the findings): cheaper than a whole diff.
    public static func constantsToPlan(expected: Catalog, actual: Catalog) -> Set<TypedConstant> {
        let constants = ConstantSpellings()
        let unchanged = unchangedTables(expected: expected, actual: actual)
        let alignedCatalog = aligned(expected: expected, actual: actual, constants: constants, unchanged: unchanged)
        _ = delta(expected: alignedCatalog, actual: actual, options: DiffOptions(), constants: constants, unchanged: unchanged)
        return constants.needed
    }
}

extension ExpressionComparison {
    /// A table's parts paired by name, each aligned as the diff compares it.
    func aligned(_ want: Table, to have: Table) -> Table {
        // The table's attributes and columns are not aligned: the planner takes them from the delta.
        var copy = want
        copy.constraints = ObjectSet(want.constraints.map { constraint in
            guard let old = have.constraints[constraint.name] else { return constraint }
            var aligned = aligned(constraint, to: old)
            if TableComparison.sameParameters(constraint.indexOptions, old.indexOptions) { aligned.indexOptions = old.indexOptions }
            return aligned
        })
        copy.indexes = alignedIndexes(want.indexes, to: have.indexes)
        copy.policies = ObjectSet(want.policies.map { policy in have.policies[policy.name].map { aligned(policy, to: $0) } ?? policy })
        copy.triggers = ObjectSet(want.triggers.map { trigger in have.triggers[trigger.name].map { aligned(trigger, to: $0) } ?? trigger })
        return copy
    }

    /// A view's query when it means the same, and its indexes and triggers.
    func aligned(_ want: View, to have: View) -> View {
        var copy = want
        if sameQuery(want.definition, have.definition) { copy.definition = have.definition }
        copy.indexes = alignedIndexes(want.indexes, to: have.indexes)
        copy.triggers = ObjectSet(want.triggers.map { trigger in have.triggers[trigger.name].map { aligned(trigger, to: $0) } ?? trigger })
        return copy
    }

    private func alignedIndexes(_ want: ObjectSet<Index>, to have: ObjectSet<Index>) -> ObjectSet<Index> {
        ObjectSet(want.map { index in
            guard let old = have[index.name] else { return index }
            var aligned = aligned(index, to: old)
            if TableComparison.sameParameters(index.options, old.options) { aligned.options = old.options }
            return aligned
        })
    }
}
