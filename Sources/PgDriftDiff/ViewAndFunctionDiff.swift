import PgDriftModel
import PgDriftSQL

extension DiffContext {
    /// Views and materialized views: definition and options.
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
                found += viewFindings(want, have, expressions.changedAttributes(want, have, comments: options.compareComments))
                found += indexFindings(expressions.indexChanges(want.indexes, have.indexes, comments: options.compareComments),
                                       of: want.name, label: "materialized view \(want.name.name)")
                found += viewTriggerFindings(want, have)
            })
        findings += found
    }

    /// A view's attributes that differ, rendered: one `view_mismatch` for its kind and options, one for
    /// its query or the types of its columns, a `comment_mismatch` per comment.
    func viewFindings(_ want: View, _ have: View, _ attributes: Set<ViewAttribute>) -> [Finding] {
        let (schema, view) = (want.name.schema, want.name.name)
        let source = source(.view, schema, view)
        var found: [Finding] = []
        for attribute in attributes.sorted() {
            switch attribute {
            case .kind, .options:
                guard attribute == .kind || !attributes.contains(.kind) else { continue }
                found.append(Finding(
                    kind: .viewMismatch, schema: schema, table: view,
                    expected: Describe.viewKind(want) + Describe.options(want.options),
                    actual: Describe.viewKind(have) + Describe.options(have.options),
                    message: "view \(want.name): options differ", source: source))
            case .query:
                found.append(Finding(
                    kind: .viewMismatch, schema: schema, table: view, expected: want.definition, actual: have.definition,
                    message: "view \(want.name): query differs", source: source))
            case .columnTypes:
                found.append(Finding(
                    kind: .viewMismatch, schema: schema, table: view, expected: Describe.viewColumns(want),
                    actual: Describe.viewColumns(have), message: "view \(want.name): column types differ", source: source))
            case .comment:
                compareComment(want.comment, have.comment, schema: schema, table: view,
                               what: "\(Describe.viewKind(want)) \(want.name)", into: &found)
            case .columnComments:
                for column in want.columns {
                    guard let other = have.columns.first(where: { $0.name == column.name }) else { continue }
                    compareComment(column.comment, other.comment, schema: schema, table: view, column: column.name,
                                   what: "column \(view).\(column.name)", into: &found)
                }
            }
        }
        return found
    }

    /// Triggers on a view (INSTEAD OF, statement triggers), compared as a table's are.
    func viewTriggerFindings(_ want: View, _ have: View) -> [Finding] {
        triggerFindings(expressions.triggerChanges(want.triggers, have.triggers, comments: options.compareComments),
                        of: want.name, label: "view \(want.name.name)")
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
                let attributes = FunctionAttribute.changed(want, have, comments: options.compareComments)
                let differences = attributes.sorted().filter { $0 != .comment }.map(\.label)
                if !differences.isEmpty {
                    found.append(Finding(
                        kind: .functionMismatch, schema: want.name.schema, object: "\(want.name.name)(\(want.identityArguments))",
                        expected: Describe.signature(want), actual: Describe.signature(have),
                        message: "function \(want.name)(\(want.identityArguments)): \(differences.joined(separator: ", ")) differ",
                        source: source(.function, want.name.schema, "\(want.name.name)(\(want.identityArguments))")))
                }
                if attributes.contains(.comment) {
                    compareComment(
                        want.comment, have.comment, schema: want.name.schema, object: "\(want.name.name)(\(want.identityArguments))",
                        what: "function \(want.name)(\(want.identityArguments))", into: &found)
                }
            })
        findings += found
    }
}
