import PgDriftModel

extension TableComparison {
    /// Constraints by name; one left over on each side with the same definition is the same constraint
    /// under another name, reported as such.
    mutating func compareConstraints() {
        let (pairs, missing, extra) = Pairing.byNameThenDefinition(expected.constraints, actual.constraints)
        for (want, have) in pairs {
            if want.name != have.name {
                findings.append(finding(
                    .constraintMismatch, object: want.name, expected: want.name, actual: have.name,
                    "constraint \(want.name) on \(table) is named \(have.name) in the database",
                    source: context.source(.constraint, schema, relation: table, want.name),
                    hint: "a migration that names it (DROP CONSTRAINT \(want.name)) fails there: rename it"))
            } else if !context.expressions.aligned(want, to: have).withoutSettings.sameDefinition(as: have.withoutSettings) {
                findings.append(finding(
                    .constraintMismatch, object: want.name, expected: Describe.constraint(want),
                    actual: Describe.constraint(have), "constraint \(want.name) on \(table) differs",
                    source: context.source(.constraint, schema, relation: table, want.name)))
            } else if !Self.sameParameters(want.indexOptions, have.indexOptions) {
                findings.append(finding(
                    .storageParametersMismatch, object: want.name, expected: Describe.parameters(want.indexOptions),
                    actual: Describe.parameters(have.indexOptions), "index of constraint \(want.name) on \(table): storage parameters differ",
                    source: context.source(.constraint, schema, relation: table, want.name)))
            }
            if want.name == have.name, context.options.compareComments, want.comment != have.comment,
                context.expressions.aligned(want, to: have).withoutSettings.sameDefinition(as: have.withoutSettings)
            {
                findings.append(finding(
                    .commentMismatch, object: want.name, expected: want.comment, actual: have.comment,
                    "constraint \(want.name) on \(table): comment differs"))
            }
        }
        for want in missing {
            findings.append(finding(
                .missingConstraint, object: want.name, expected: Describe.constraint(want),
                "constraint \(want.name) on \(table) does not exist",
                source: context.source(.constraint, schema, relation: table, want.name)))
        }
        for have in extra {
            findings.append(finding(
                .extraConstraint, object: have.name, actual: Describe.constraint(have),
                "constraint \(have.name) on \(table) is not in the expected schema"))
        }
    }

    /// Indexes by name, then by definition for indexes left over on both sides.
    mutating func compareIndexes() {
        let (pairs, missing, extra) = Pairing.byNameThenDefinition(expected.indexes, actual.indexes)
        for (want, have) in pairs where want.name != have.name {
            findings.append(finding(
                .indexMismatch, object: want.name, expected: want.name, actual: have.name,
                "index \(want.name) on \(table) is named \(have.name) in the database",
                source: context.source(.index, schema, relation: table, want.name),
                hint: "a migration that names it (DROP INDEX \(want.name)) fails there: rename it"))
        }
        for (want, have) in pairs where want.name == have.name {
            let source = context.source(.index, schema, relation: table, want.name)
            guard context.expressions.aligned(want, to: have).withoutSettings.sameDefinition(as: have.withoutSettings) else {
                findings.append(finding(
                    .indexMismatch, object: want.name, expected: Describe.index(want), actual: Describe.index(have),
                    "index \(want.name) on \(table) differs", source: source))
                continue
            }
            if !Self.sameParameters(want.options, have.options) {
                findings.append(finding(
                    .storageParametersMismatch, object: want.name, expected: Describe.parameters(want.options),
                    actual: Describe.parameters(have.options), "index \(want.name) on \(table): storage parameters differ", source: source))
            }
            if want.keys.map(\.statisticsTarget) != have.keys.map(\.statisticsTarget) {
                findings.append(finding(
                    .statisticsMismatch, object: want.name, expected: Describe.keyStatistics(want), actual: Describe.keyStatistics(have),
                    "index \(want.name) on \(table): statistics targets differ", source: source))
            }
            if context.options.compareComments && want.comment != have.comment {
                findings.append(finding(
                    .commentMismatch, object: want.name, expected: want.comment, actual: have.comment,
                    "index \(want.name) on \(table): comment differs"))
            }
        }
        for want in missing {
            findings.append(finding(
                .missingIndex, object: want.name, expected: Describe.index(want),
                "index \(want.name) on \(table) does not exist",
                source: context.source(.index, schema, relation: table, want.name)))
        }
        for have in extra {
            findings.append(finding(
                .extraIndex, object: have.name, actual: Describe.index(have),
                "index \(have.name) on \(table) is not in the expected schema"))
        }
    }
}
