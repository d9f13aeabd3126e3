import PgDriftModel
import PgDriftSQL

/// Expressions are compared by text first (the common case: both sides came from the server) and by
/// meaning only when the texts differ — an expected side read from SQL files offline is spelled as the
/// file spells it (`'x'`, `n > 0`), the catalog as the server prints it (`'x'::text`, `(n > 0)`).
enum ExpressionComparison {
    static func same(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return a == b }
        return a == b || ExpressionMeaning.same(a, b)
    }

    /// A copy of `want` whose expressions are `have`'s where they mean the same, so the models' own
    /// equality then compares everything else.
    static func aligned(_ want: Constraint, to have: Constraint) -> Constraint {
        var copy = want
        if want.kind == .check && have.kind == .check && same(want.expression, have.expression) { copy.expression = have.expression }
        return copy
    }

    static func aligned(_ want: Index, to have: Index) -> Index {
        var copy = want
        if same(want.predicate, have.predicate) { copy.predicate = have.predicate }
        if want.keys.count == have.keys.count {
            for i in copy.keys.indices where same(want.keys[i].expression, have.keys[i].expression) {
                copy.keys[i].expression = have.keys[i].expression
            }
        }
        return copy
    }

    static func aligned(_ want: Policy, to have: Policy) -> Policy {
        var copy = want
        if same(want.using, have.using) { copy.using = have.using }
        if same(want.withCheck, have.withCheck) { copy.withCheck = have.withCheck }
        return copy
    }

    static func aligned(_ want: Trigger, to have: Trigger) -> Trigger {
        var copy = want
        if same(want.when, have.when) { copy.when = have.when }
        return copy
    }

    /// Domains: checks (paired by name) and the default compared by meaning, as a table's are.
    static func aligned(_ want: Domain, to have: Domain) -> Domain {
        var copy = want
        if same(want.defaultExpression, have.defaultExpression) { copy.defaultExpression = have.defaultExpression }
        for i in copy.checks.indices {
            if let match = have.checks.first(where: { $0.name == want.checks[i].name }), same(want.checks[i].expression, match.expression) {
                copy.checks[i].expression = match.expression
            }
        }
        return copy
    }
}
