import PgDriftModel

extension TableComparison {
    /// Constraints by name; one left over on each side with the same definition is the same constraint
    /// under another generated name, not drift.
    mutating func compareConstraints() {
        var unmatchedExpected: [Constraint] = []
        var unmatchedActual = actual.constraints.filter { !expected.constraints.contains($0.name) }
        for want in expected.constraints {
            guard let have = actual.constraints[want.name] else {
                unmatchedExpected.append(want)
                continue
            }
            var comparable = want
            comparable.comment = have.comment
            if comparable != have {
                findings.append(finding(
                    .constraintMismatch, object: want.name, expected: Describe.constraint(want),
                    actual: Describe.constraint(have), "constraint \(want.name) on \(table) differs",
                    source: context.source(.constraint, schema, relation: table, want.name)))
            } else if context.options.compareComments && want.comment != have.comment {
                findings.append(finding(
                    .commentMismatch, object: want.name, expected: want.comment, actual: have.comment,
                    "constraint \(want.name) on \(table): comment differs"))
            }
        }
        for want in unmatchedExpected {
            if let index = unmatchedActual.firstIndex(where: { Self.sameDefinition($0, want) }) {
                unmatchedActual.remove(at: index)
                continue
            }
            findings.append(finding(
                .missingConstraint, object: want.name, expected: Describe.constraint(want),
                "constraint \(want.name) on \(table) does not exist",
                source: context.source(.constraint, schema, relation: table, want.name)))
        }
        for have in unmatchedActual {
            findings.append(finding(
                .extraConstraint, object: have.name, actual: Describe.constraint(have),
                "constraint \(have.name) on \(table) is not in the expected schema"))
        }
    }

    /// Indexes by name, then by definition for indexes left over on both sides.
    mutating func compareIndexes() {
        var unmatchedExpected: [Index] = []
        var unmatchedActual = actual.indexes.filter { !expected.indexes.contains($0.name) }
        for want in expected.indexes {
            guard let have = actual.indexes[want.name] else {
                unmatchedExpected.append(want)
                continue
            }
            var comparable = want
            comparable.comment = have.comment
            if comparable != have {
                findings.append(finding(
                    .indexMismatch, object: want.name, expected: Describe.index(want), actual: Describe.index(have),
                    "index \(want.name) on \(table) differs",
                    source: context.source(.index, schema, relation: table, want.name)))
            }
        }
        for want in unmatchedExpected {
            if let index = unmatchedActual.firstIndex(where: { Self.sameDefinition($0, want) }) {
                unmatchedActual.remove(at: index)
                continue
            }
            findings.append(finding(
                .missingIndex, object: want.name, expected: Describe.index(want),
                "index \(want.name) on \(table) does not exist",
                source: context.source(.index, schema, relation: table, want.name)))
        }
        for have in unmatchedActual {
            findings.append(finding(
                .extraIndex, object: have.name, actual: Describe.index(have),
                "index \(have.name) on \(table) is not in the expected schema"))
        }
    }

    static func sameDefinition(_ a: Constraint, _ b: Constraint) -> Bool {
        var renamed = a
        renamed.name = b.name
        renamed.comment = b.comment
        return renamed == b
    }

    static func sameDefinition(_ a: Index, _ b: Index) -> Bool {
        var renamed = a
        renamed.name = b.name
        renamed.comment = b.comment
        return renamed == b
    }
}
