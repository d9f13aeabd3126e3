import PgDriftModel

extension DiffContext {
    /// Schemas and extensions the expected model needs. Extra schemas and extensions are not drift.
    mutating func diffSchemasAndExtensions() {
        var found: [Finding] = []
        for schema in expected.schemas {
            guard let have = actual.schemas[schema.name] else {
                found.append(Finding(
                    kind: .missingSchema, schema: schema.name, object: schema.name, expected: "schema",
                    message: "schema \(schema.name) does not exist", source: source(.schema, schema.name, schema.name)))
                continue
            }
            compareComment(schema.comment, have.comment, schema: schema.name, object: schema.name, what: "schema \(schema.name)", into: &found)
        }
        findings += found
        for item in expected.extensions {
            guard let installed = actual.extensions[item.name] else {
                report(Finding(
                    kind: .missingExtension, schema: item.schema, object: item.name, expected: "extension \(item.name)",
                    message: "extension \(item.name) is not installed"))
                continue
            }
            // An empty schema or version on the expected side (a Swift model that does not say) is not compared.
            let schemaDiffers = !item.schema.isEmpty && item.schema != installed.schema
            let versionDiffers = !item.version.isEmpty && item.version != installed.version
            guard schemaDiffers || versionDiffers else { continue }
            var differences: [String] = []
            if schemaDiffers { differences.append("is in schema \(installed.schema), expected \(item.schema)") }
            if versionDiffers { differences.append("is at version \(installed.version), expected \(item.version)") }
            report(Finding(
                kind: .extensionMismatch, schema: item.schema.isEmpty ? installed.schema : item.schema, object: item.name,
                expected: Describe.extension(item), actual: Describe.extension(installed),
                message: "extension \(item.name) " + differences.joined(separator: " and "),
                hint: schemaDiffers ? "schema-qualified calls of its functions (\(item.schema).…) fail while it is elsewhere" : nil))
        }
    }

    /// Enums, domains, composite and range types.
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
                var comparableWant = expressions.aligned(want, to: have)
                comparableWant.comment = have.comment
                comparableWant.grants = have.grants  // privileges: PrivilegeDiff
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
                compareComment(want.comment, have.comment, schema: want.name.schema, object: want.name.name, what: "composite type \(want.name)", into: &found)
            })
        Pairing.match(expected.rangeTypes, actual.rangeTypes,
            missing: { type in
                found.append(Finding(
                    kind: .missingType, schema: type.name.schema, object: type.name.name,
                    expected: Describe.range(type), message: "range type \(type.name) does not exist",
                    source: source(.rangeType, type.name.schema, type.name.name)))
            },
            extra: { type in
                found.append(Finding(
                    kind: .extraType, schema: type.name.schema, object: type.name.name,
                    actual: Describe.range(type), message: "range type \(type.name) is not in the expected schema"))
            },
            both: { want, have in
                var comparable = want
                comparable.comment = have.comment
                comparable.grants = have.grants  // privileges: PrivilegeDiff
                if comparable != have {
                    found.append(Finding(
                        kind: .typeMismatch, schema: want.name.schema, object: want.name.name,
                        expected: Describe.range(want), actual: Describe.range(have),
                        message: "range type \(want.name) differs", source: source(.rangeType, want.name.schema, want.name.name)))
                }
                compareComment(want.comment, have.comment, schema: want.name.schema, object: want.name.name, what: "range type \(want.name)", into: &found)
            })
        findings += found
    }

    /// Sequences (identity sequences are compared with their column).
    mutating func diffSequences() {
        var found: [Finding] = []
        // A sequence owned by a table that is missing (or extra) as a whole is part of that table's finding.
        let (expectedTables, actualTables) = (expected.tables, actual.tables)
        Pairing.match(expected.sequences, actual.sequences,
            missing: { sequence in
                if let owner = sequence.ownedBy?.table, actualTables[owner] == nil { return }
                found.append(Finding(
                    kind: .missingSequence, schema: sequence.name.schema, table: sequence.ownedBy?.table.name,
                    object: sequence.name.name, expected: Describe.sequence(sequence),
                    message: "sequence \(sequence.name) does not exist",
                    source: source(.sequence, sequence.name.schema, sequence.name.name)))
            },
            extra: { sequence in
                if let owner = sequence.ownedBy?.table, expectedTables[owner] == nil { return }
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
                compareComment(want.comment, have.comment, schema: want.name.schema, table: want.ownedBy?.table.name, object: want.name.name,
                               what: "sequence \(want.name)", into: &found)
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
