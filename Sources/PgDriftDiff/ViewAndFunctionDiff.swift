import PgDriftModel
import PgDriftSQL

extension DiffContext {
    /// Views and materialized views: definition, options, indexes, triggers and comments.
    mutating func diffViews() {
        var found: [Finding] = []
        Pairing.match(expected.views, actual.views,
            missing: { view in
                found.append(Finding(
                    kind: .missingView, schema: view.name.schema, table: view.name.name, expected: Describe.viewKind(view),
                    message: "\(Describe.viewKind(view)) \(view.name) does not exist",
                    source: source(.view, view.name.schema, view.name.name)))
            },
            extra: { view in
                found.append(Finding(
                    kind: .extraView, schema: view.name.schema, table: view.name.name, actual: Describe.viewKind(view),
                    message: "\(Describe.viewKind(view)) \(view.name) is not in the expected schema"))
            },
            both: { want, have in
                if want.isMaterialized != have.isMaterialized || want.options != have.options {
                    found.append(Finding(
                        kind: .viewMismatch, schema: want.name.schema, table: want.name.name,
                        expected: Describe.viewKind(want) + Describe.options(want.options),
                        actual: Describe.viewKind(have) + Describe.options(have.options),
                        message: "view \(want.name): options differ", source: source(.view, want.name.schema, want.name.name)))
                }
                if !expressions.sameQuery(want.definition, have.definition) {
                    found.append(Finding(
                        kind: .viewMismatch, schema: want.name.schema, table: want.name.name,
                        expected: want.definition, actual: have.definition, message: "view \(want.name): query differs",
                        source: source(.view, want.name.schema, want.name.name)))
                } else if !want.columns.isEmpty, !have.columns.isEmpty,
                    !want.columns.elementsEqual(have.columns, by: { $0.name == $1.name && $0.type == $1.type })
                {
                    // The same query over columns of other types (a table changed under the view).
                    found.append(Finding(
                        kind: .viewMismatch, schema: want.name.schema, table: want.name.name,
                        expected: Describe.viewColumns(want), actual: Describe.viewColumns(have),
                        message: "view \(want.name): column types differ", source: source(.view, want.name.schema, want.name.name)))
                }
                found += viewParts(want, have)
            })
        findings += found
    }

    /// What sits on a view — a materialized view's indexes, INSTEAD OF triggers — compared as a table's,
    /// and its comments (the view's, its columns') when comments are compared: the plan writes all of
    /// them, so check reports them.
    func viewParts(_ want: View, _ have: View) -> [Finding] {
        var comparison = TableComparison(
            context: self, expected: Table(name: want.name, indexes: want.indexes, triggers: want.triggers),
            actual: Table(name: have.name, indexes: have.indexes, triggers: have.triggers))
        var found = comparison.compare()
        guard options.compareComments else { return found }
        if want.comment != have.comment {
            found.append(Finding(
                kind: .commentMismatch, schema: want.name.schema, table: want.name.name, expected: want.comment, actual: have.comment,
                message: "view \(want.name): comment differs", source: source(.view, want.name.schema, want.name.name)))
        }
        for column in want.columns {
            guard let other = have.columns.first(where: { $0.name == column.name }), other.comment != column.comment else { continue }
            found.append(Finding(
                kind: .commentMismatch, schema: want.name.schema, table: want.name.name, column: column.name,
                expected: column.comment, actual: other.comment, message: "column \(want.name.name).\(column.name): comment differs"))
        }
        return found
    }

    /// Functions and procedures by name and identity arguments.
    mutating func diffFunctions() {
        var found: [Finding] = []
        Pairing.match(expected.functions, actual.functions,
            missing: { function in
                let overloads = actual.overloads(of: function.name)
                found.append(Finding(
                    kind: .missingFunction, schema: function.name.schema, object: "\(function.name.name)(\(function.identityArguments))",
                    expected: Describe.signature(function),
                    message: "function \(function.name)(\(function.identityArguments)) does not exist",
                    source: source(.function, function.name.schema, "\(function.name.name)(\(function.identityArguments))"),
                    hint: overloads.isEmpty ? nil
                        : "the database has \(overloads.map { "\($0.name.name)(\($0.identityArguments))" }.joined(separator: ", "))"))
            },
            extra: { function in
                found.append(Finding(
                    kind: .extraFunction, schema: function.name.schema, object: "\(function.name.name)(\(function.identityArguments))",
                    actual: Describe.signature(function),
                    message: "function \(function.name)(\(function.identityArguments)) is not in the expected schema"))
            },
            both: { want, have in
                let differences = Describe.functionDifferences(want, have)
                if !differences.isEmpty {
                    found.append(Finding(
                        kind: .functionMismatch, schema: want.name.schema, object: "\(want.name.name)(\(want.identityArguments))",
                        expected: Describe.signature(want), actual: Describe.signature(have),
                        message: "function \(want.name)(\(want.identityArguments)): \(differences.joined(separator: ", ")) differ",
                        source: source(.function, want.name.schema, "\(want.name.name)(\(want.identityArguments))")))
                }
                compareComment(
                    want.comment, have.comment, schema: want.name.schema, object: "\(want.name.name)(\(want.identityArguments))",
                    what: "function \(want.name)(\(want.identityArguments))", into: &found)
            })
        findings += found
    }
}
