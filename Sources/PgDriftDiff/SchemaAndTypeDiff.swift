import PgDriftModel

extension DiffContext {
    /// Schemas and extensions the expected model needs. Extra schemas and extensions are not drift.
    mutating func diffSchemasAndExtensions() {
        for schema in expected.schemas where !actual.schemas.contains(schema.name) {
            report(Finding(
                kind: .missingSchema, schema: schema.name, object: schema.name, expected: "schema",
                message: "schema \(schema.name) does not exist", source: source(.schema, schema.name, schema.name)))
        }
        for item in expected.extensions {
            guard let installed = actual.extensions[item.name] else {
                report(Finding(
                    kind: .missingExtension, schema: item.schema, object: item.name, expected: "extension \(item.name)",
                    message: "extension \(item.name) is not installed"))
                continue
            }
            if !item.version.isEmpty && item.version != installed.version {
                report(Finding(
                    kind: .missingExtension, severity: .warning, schema: item.schema, object: item.name,
                    expected: "version \(item.version)", actual: "version \(installed.version)",
                    message: "extension \(item.name) is at version \(installed.version), expected \(item.version)"))
            }
        }
    }

    /// Enums, domains and composite types.
    mutating func diffTypes() {
        var found: [Finding] = []
        Pairing.match(expected.enums, actual.enums,
            missing: { type in
                found.append(Finding(
                    kind: .missingEnum, schema: type.name.schema, object: type.name.name,
                    expected: type.values.joined(separator: ", "), message: "enum \(type.name) does not exist",
                    source: source(.enum, type.name.schema, type.name.name)))
            },
            extra: { type in
                found.append(Finding(
                    kind: .extraEnum, schema: type.name.schema, object: type.name.name,
                    actual: type.values.joined(separator: ", "), message: "enum \(type.name) is not in the expected schema"))
            },
            both: { want, have in
                if want.values != have.values {
                    let missing = want.values.filter { !have.values.contains($0) }
                    let detail = missing.isEmpty ? "values differ in order or extra values exist" : "missing values \(missing.joined(separator: ", "))"
                    found.append(Finding(
                        kind: .enumValuesMismatch, schema: want.name.schema, object: want.name.name,
                        expected: want.values.joined(separator: ", "), actual: have.values.joined(separator: ", "),
                        message: "enum \(want.name): \(detail)", source: source(.enum, want.name.schema, want.name.name)))
                }
                compareComment(want.comment, have.comment, schema: want.name.schema, object: want.name.name, what: "enum \(want.name)", into: &found)
            })
        Pairing.match(expected.domains, actual.domains,
            missing: { domain in
                found.append(Finding(
                    kind: .missingType, schema: domain.name.schema, object: domain.name.name,
                    expected: "domain over \(domain.baseType)", message: "domain \(domain.name) does not exist",
                    source: source(.domain, domain.name.schema, domain.name.name)))
            },
            extra: { domain in
                found.append(Finding(
                    kind: .extraType, schema: domain.name.schema, object: domain.name.name,
                    actual: "domain over \(domain.baseType)", message: "domain \(domain.name) is not in the expected schema"))
            },
            both: { want, have in
                var comparableWant = ExpressionComparison.aligned(want, to: have)
                comparableWant.comment = have.comment
                if comparableWant != have {
                    found.append(Finding(
                        kind: .typeMismatch, schema: want.name.schema, object: want.name.name,
                        expected: Describe.domain(want), actual: Describe.domain(have),
                        message: "domain \(want.name) differs", source: source(.domain, want.name.schema, want.name.name)))
                }
                compareComment(want.comment, have.comment, schema: want.name.schema, object: want.name.name, what: "domain \(want.name)", into: &found)
            })
        Pairing.match(expected.compositeTypes, actual.compositeTypes,
            missing: { type in
                found.append(Finding(
                    kind: .missingType, schema: type.name.schema, object: type.name.name,
                    expected: Describe.composite(type), message: "composite type \(type.name) does not exist",
                    source: source(.compositeType, type.name.schema, type.name.name)))
            },
            extra: { type in
                found.append(Finding(
                    kind: .extraType, schema: type.name.schema, object: type.name.name,
                    actual: Describe.composite(type), message: "composite type \(type.name) is not in the expected schema"))
            },
            both: { want, have in
                if want.attributes != have.attributes {
                    found.append(Finding(
                        kind: .typeMismatch, schema: want.name.schema, object: want.name.name,
                        expected: Describe.composite(want), actual: Describe.composite(have),
                        message: "composite type \(want.name) differs",
                        source: source(.compositeType, want.name.schema, want.name.name)))
                }
            })
        findings += found
    }

    /// Sequences (identity sequences are compared with their column).
    mutating func diffSequences() {
        var found: [Finding] = []
        let (expected, actual) = (self.expected, self.actual)
        // A sequence owned by a missing (or extra) table is part of that table's one finding, not a cascade.
        func ownerOnlyIn(_ one: Catalog, not other: Catalog, _ sequence: SequenceObject) -> Bool {
            guard let owner = sequence.ownedBy?.table else { return false }
            return one.tables[owner] != nil && other.tables[owner] == nil
        }
        Pairing.match(expected.sequences, actual.sequences,
            missing: { sequence in
                guard !ownerOnlyIn(expected, not: actual, sequence) else { return }
                found.append(Finding(
                    kind: .missingSequence, schema: sequence.name.schema, table: sequence.ownedBy?.table.name,
                    object: sequence.name.name, expected: Describe.sequence(sequence),
                    message: "sequence \(sequence.name) does not exist",
                    source: source(.sequence, sequence.name.schema, sequence.name.name)))
            },
            extra: { sequence in
                guard !ownerOnlyIn(actual, not: expected, sequence) else { return }
                found.append(Finding(
                    kind: .extraSequence, schema: sequence.name.schema, table: sequence.ownedBy?.table.name,
                    object: sequence.name.name, actual: Describe.sequence(sequence),
                    message: "sequence \(sequence.name) is not in the expected schema"))
            },
            both: { want, have in
                if want.dataType != have.dataType || want.options != have.options || want.ownedBy != have.ownedBy {
                    found.append(Finding(
                        kind: .sequenceMismatch, schema: want.name.schema, table: want.ownedBy?.table.name,
                        object: want.name.name, expected: Describe.sequence(want), actual: Describe.sequence(have),
                        message: "sequence \(want.name) differs", source: source(.sequence, want.name.schema, want.name.name)))
                }
            })
        findings += found
    }

    /// A comment_mismatch when comments are compared and differ.
    func compareComment(
        _ want: String?, _ have: String?, schema: String, table: String? = nil, column: String? = nil,
        object: String? = nil, what: String, into found: inout [Finding]
    ) {
        guard options.compareComments, want != have else { return }
        found.append(Finding(
            kind: .commentMismatch, schema: schema, table: table, column: column, object: object,
            expected: want, actual: have, message: "\(what): comment differs"))
    }
}
