import PgDriftModel
import PgDriftSQL

/// How a server prints constants: for each typed constant the diff asked about, the text the type's
/// output function gives it (`'0.0000'::double precision` → `0`), read from the live database in its
/// read-only snapshot with pinned settings. The diff records the constants it needs and could not
/// settle (`needed`); the caller asks the server and runs the diff again with the answers.
public final class ConstantSpellings: @unchecked Sendable {
    /// What the server printed, per constant; a constant the type refuses is absent from `answers`
    /// but in `asked`.
    public private(set) var answers: [TypedConstant: String]
    /// Constants already asked about (answered or refused).
    public private(set) var asked: Set<TypedConstant>
    /// Constants a comparison needed that were not asked about yet.
    public private(set) var needed: Set<TypedConstant> = []

    /// No answers: a comparison that needs one records it and says "different".
    public init() {
        answers = [:]
        asked = []
    }

    /// The server's answers for `asked` (a constant its type refused has no answer).
    public init(answers: [TypedConstant: String], asked: Set<TypedConstant>) {
        self.answers = answers
        self.asked = asked.union(answers.keys)
    }

    /// Whether the pairs print the same; false (and recorded) when a constant has not been asked about.
    func printSame(_ pairs: [ConstantPair]) -> Bool {
        var same = true
        for pair in pairs {
            for constant in [pair.left, pair.right] where !asked.contains(constant) { needed.insert(constant) }
            guard let left = answers[pair.left], let right = answers[pair.right], left == right else {
                same = false
                continue
            }
        }
        return same
    }
}

/// Expressions are compared by text first (the common case: both sides came from the server) and by
/// meaning only when the texts differ — an expected side read from SQL files offline is spelled as the
/// file spells it (`'x'`, `n > 0`), the catalog as the server prints it (`'x'::text`, `(n > 0)`).
/// Constants spelled differently on each side are the same when the server prints them the same as
/// their type (`constants`).
struct ExpressionComparison {
    var constants = ConstantSpellings()

    func same(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return a == b }
        if a == b { return true }
        return settle(ExpressionMeaning.compare(a, b))
    }

    func sameQuery(_ a: String, _ b: String) -> Bool {
        a == b || settle(ExpressionMeaning.compareQueries(a, b))
    }

    private func settle(_ verdict: ExpressionMeaning.Verdict) -> Bool {
        switch verdict {
        case .same: return true
        case .different: return false
        case .sameIf(let pairs): return constants.printSame(pairs)
        }
    }

    /// A copy of `want` whose expressions are `have`'s where they mean the same, so the models' own
    /// equality then compares everything else.
    func aligned(_ want: Constraint, to have: Constraint) -> Constraint {
        var copy = want
        if want.kind == .check && have.kind == .check && same(want.expression, have.expression) { copy.expression = have.expression }
        return copy
    }

    func aligned(_ want: Index, to have: Index) -> Index {
        var copy = want
        if same(want.predicate, have.predicate) { copy.predicate = have.predicate }
        if want.keys.count == have.keys.count {
            for i in copy.keys.indices where same(want.keys[i].expression, have.keys[i].expression) {
                copy.keys[i].expression = have.keys[i].expression
            }
        }
        return copy
    }

    func aligned(_ want: Policy, to have: Policy) -> Policy {
        var copy = want
        if same(want.using, have.using) { copy.using = have.using }
        if same(want.withCheck, have.withCheck) { copy.withCheck = have.withCheck }
        return copy
    }

    func aligned(_ want: Trigger, to have: Trigger) -> Trigger {
        var copy = want
        if same(want.when, have.when) { copy.when = have.when }
        return copy
    }

    /// Domains: checks (paired by name) and the default compared by meaning, as a table's are.
    func aligned(_ want: Domain, to have: Domain) -> Domain {
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
