import PgDriftModel

extension TableComparison {
    /// Constraints, rendered from the delta; one left over on each side with the same definition is the
    /// same constraint under another name, reported as such.
    mutating func renderConstraints(_ changes: [Change<Constraint, ConstraintAttribute>]) {
        for change in changes {
            switch change {
            case .renamed(let want, let have, _):
                findings.append(finding(
                    .constraintMismatch, object: want.name, expected: want.name, actual: have.name,
                    "constraint \(want.name) on \(table) is named \(have.name) in the database",
                    source: context.source(.constraint, schema, relation: table, want.name),
                    hint: "a migration that names it (DROP CONSTRAINT \(want.name)) fails there: rename it"))
            case .altered(let want, let have, let attributes):
                let source = context.source(.constraint, schema, relation: table, want.name)
                for attribute in attributes.sorted() {
                    switch attribute {
                    case .definition, .validation:
                        // One finding for the two (Describe shows NOT VALID).
                        guard attribute == .definition || !attributes.contains(.definition) else { continue }
                        findings.append(finding(
                            .constraintMismatch, object: want.name, expected: Describe.constraint(want),
                            actual: Describe.constraint(have), "constraint \(want.name) on \(table) differs", source: source))
                    case .indexSettings:
                        findings.append(finding(
                            .storageParametersMismatch, object: want.name, expected: Describe.parameters(want.indexOptions),
                            actual: Describe.parameters(have.indexOptions),
                            "index of constraint \(want.name) on \(table): storage parameters differ", source: source))
                    case .comment:
                        findings.append(finding(
                            .commentMismatch, object: want.name, expected: want.comment, actual: have.comment,
                            "constraint \(want.name) on \(table): comment differs"))
                    }
                }
            case .added(let want):
                findings.append(finding(
                    .missingConstraint, object: want.name, expected: Describe.constraint(want),
                    "constraint \(want.name) on \(table) does not exist",
                    source: context.source(.constraint, schema, relation: table, want.name)))
            case .removed(let have):
                findings.append(finding(
                    .extraConstraint, object: have.name, actual: Describe.constraint(have),
                    "constraint \(have.name) on \(table) is not in the expected schema"))
            }
        }
    }

}

extension DiffContext {
    /// The indexes of a table or materialized view, rendered from the delta (renamed: the same definition
    /// under another name). `label` names the relation in messages: `t`, `materialized view v`.
    func indexFindings(_ changes: [Change<Index, IndexAttribute>], of relation: QualifiedName, label: String) -> [Finding] {
        let (schema, table) = (relation.schema, relation.name)
        func finding(_ kind: FindingKind, _ object: String, expected: String? = nil, actual: String? = nil, _ message: String,
                     hint: String? = nil) -> Finding {
            Finding(kind: kind, schema: schema, table: table, object: object, expected: expected, actual: actual, message: message,
                    source: kind == .extraIndex ? nil : source(.index, schema, relation: table, object), hint: hint)
        }
        var found: [Finding] = []
        for change in changes {
            switch change {
            case .renamed(let want, let have, _):
                found.append(finding(
                    .indexMismatch, want.name, expected: want.name, actual: have.name,
                    "index \(want.name) on \(label) is named \(have.name) in the database",
                    hint: "a migration that names it (DROP INDEX \(want.name)) fails there: rename it"))
            case .altered(let want, let have, let attributes):
                for attribute in attributes.sorted() {
                    switch attribute {
                    case .definition:
                        found.append(finding(
                            .indexMismatch, want.name, expected: Describe.index(want), actual: Describe.index(have),
                            "index \(want.name) on \(label) differs"))
                    case .storageParameters:
                        found.append(finding(
                            .storageParametersMismatch, want.name, expected: Describe.parameters(want.options),
                            actual: Describe.parameters(have.options), "index \(want.name) on \(label): storage parameters differ"))
                    case .statistics:
                        found.append(finding(
                            .statisticsMismatch, want.name, expected: Describe.keyStatistics(want),
                            actual: Describe.keyStatistics(have), "index \(want.name) on \(label): statistics targets differ"))
                    case .comment:
                        var comment = finding(
                            .commentMismatch, want.name, expected: want.comment, actual: have.comment,
                            "index \(want.name) on \(label): comment differs")
                        comment.source = nil
                        found.append(comment)
                    }
                }
            case .added(let want):
                found.append(finding(
                    .missingIndex, want.name, expected: Describe.index(want), "index \(want.name) on \(label) does not exist",
                    hint: want.isUnique && actual.views.contains(relation) ? "REFRESH MATERIALIZED VIEW CONCURRENTLY needs a unique index" : nil))
            case .removed(let have):
                found.append(finding(
                    .extraIndex, have.name, actual: Describe.index(have), "index \(have.name) on \(label) is not in the expected schema"))
            }
        }
        return found
    }
}
