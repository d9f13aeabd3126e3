import PgDriftModel

extension DiffContext {
    /// The delta of schemas, extensions, types, sequences and defined objects (operators, casts, ...), with the diff's expression equivalence.
    func typesAndNamespacesDelta() -> SchemaDelta {
        var delta = SchemaDelta()
        delta.addTypesAndNamespaces(expected: expected, actual: actual, comparison: expressions, comments: options.compareComments)
        delta.addDefinedObjects(expected: expected, actual: actual)
        return delta
    }

    /// Schemas and extensions the expected model needs, rendered from the delta. Extra schemas and
    /// extensions are not drift.
    mutating func renderSchemasAndExtensions(_ delta: SchemaDelta) {
        var found: [Finding] = []
        for (name, change) in delta.schemas.sorted(by: { $0.key < $1.key }) {
            switch change {
            case .added:
                found.append(Finding(
                    kind: .missingSchema, schema: name, object: name, expected: "schema",
                    message: "schema \(name) does not exist", source: source(.schema, name, name)))
            case .altered(let want, let have, let attributes):
                for attribute in attributes.sorted() {
                    switch attribute {
                    case .comment: compareComment(want.comment, have.comment, schema: name, object: name, what: "schema \(name)", into: &found)
                    }
                }
            case .removed, .renamed:
                continue  // not in the delta: an extra schema is not drift
            }
        }
        for (name, change) in delta.extensions.sorted(by: { $0.key < $1.key }) {
            switch change {
            case .added(let item):
                found.append(Finding(
                    kind: .missingExtension, schema: item.schema, object: name, expected: "extension \(name)",
                    message: "extension \(name) is not installed"))
            case .altered(let item, let installed, let attributes):
                let differences = attributes.sorted().map { attribute in
                    switch attribute {
                    case .schema: "is in schema \(installed.schema), expected \(item.schema)"
                    case .version: "is at version \(installed.version), expected \(item.version)"
                    }
                }
                found.append(Finding(
                    kind: .extensionMismatch, schema: item.schema.isEmpty ? installed.schema : item.schema, object: name,
                    expected: Describe.extension(item), actual: Describe.extension(installed),
                    message: "extension \(name) " + differences.joined(separator: " and "),
                    hint: attributes.contains(.schema) ? "schema-qualified calls of its functions (\(item.schema).…) fail while it is elsewhere" : nil))
            case .removed, .renamed:
                continue  // not in the delta: an extra extension is not drift
            }
        }
        // An expected extension without a version (migrations without VERSION): any is what they ask for,
        // noted where the database's is not the default of the server that read them.
        for item in expected.extensions.sorted(by: { $0.name < $1.name }) where options.noteUnpinnedExtensionVersions && item.version.isEmpty {
            guard let installed = actual.extensions[item.name], let usual = item.defaultVersion, installed.version != usual else { continue }
            found.append(Finding(
                kind: .extensionVersion, schema: installed.schema, object: item.name, expected: usual, actual: installed.version,
                message: "extension \(item.name) is at version \(installed.version), where the migrations were read it is \(usual); they do not pin one",
                hint: "CREATE EXTENSION … VERSION '\(installed.version)' in a migration makes the version part of the schema"))
        }
        findings += found
    }

    /// Enums, domains, composite and range types, rendered from the delta.
    mutating func renderTypes(_ delta: SchemaDelta) {
        var found: [Finding] = []
        for (name, change) in delta.enums.sorted(by: { $0.key < $1.key }) {
            switch change {
            case .added(let type):
                found.append(Finding(
                    kind: .missingEnum, schema: name.schema, object: name.name, expected: type.values.joined(separator: ", "),
                    message: "enum \(name) does not exist", source: source(.enum, name.schema, name.name)))
            case .removed(let type):
                found.append(Finding(
                    kind: .extraEnum, schema: name.schema, object: name.name, actual: type.values.joined(separator: ", "),
                    message: "enum \(name) is not in the expected schema"))
            case .altered(let want, let have, let attributes), .renamed(let want, let have, let attributes):
                for attribute in attributes.sorted() {
                    switch attribute {
                    case .values:
                        let missing = want.values.filter { !have.values.contains($0) }
                        let detail = missing.isEmpty ? "values differ in order or extra values exist" : "missing values \(missing.joined(separator: ", "))"
                        found.append(Finding(
                            kind: .enumValuesMismatch, schema: name.schema, object: name.name,
                            expected: want.values.joined(separator: ", "), actual: have.values.joined(separator: ", "),
                            message: "enum \(name): \(detail)", source: source(.enum, name.schema, name.name)))
                    case .comment:
                        compareComment(want.comment, have.comment, schema: name.schema, object: name.name, what: "enum \(name)", into: &found)
                    }
                }
            }
        }
        for (name, change) in delta.domains.sorted(by: { $0.key < $1.key }) {
            renderType(change, name, kind: .domain, label: "domain", comment: .comment, describe: Describe.domain, into: &found)
        }
        for (name, change) in delta.compositeTypes.sorted(by: { $0.key < $1.key }) {
            renderType(change, name, kind: .compositeType, label: "composite type", comment: .comment, describe: Describe.composite, into: &found)
        }
        for (name, change) in delta.rangeTypes.sorted(by: { $0.key < $1.key }) {
            renderType(change, name, kind: .rangeType, label: "range type", comment: .comment, describe: Describe.range, into: &found)
        }
        findings += found
    }

    /// A domain, composite or range type: missing, extra, or one `type_mismatch` for what differs besides
    /// the comment (each its own `comment_mismatch`).
    private func renderType<Object: Commented, Attribute: ChangeAttribute>(
        _ change: Change<Object, Attribute>, _ name: QualifiedName, kind: ObjectKind, label: String, comment: Attribute,
        describe: (Object) -> String, into found: inout [Finding]
    ) {
        switch change {
        case .added(let type):
            found.append(Finding(
                kind: .missingType, schema: name.schema, object: name.name, expected: describe(type),
                message: "\(label) \(name) does not exist", source: source(kind, name.schema, name.name)))
        case .removed(let type):
            found.append(Finding(
                kind: .extraType, schema: name.schema, object: name.name, actual: describe(type),
                message: "\(label) \(name) is not in the expected schema"))
        case .altered(let want, let have, let attributes), .renamed(let want, let have, let attributes):
            if !attributes.subtracting([comment]).isEmpty {
                found.append(Finding(
                    kind: .typeMismatch, schema: name.schema, object: name.name, expected: describe(want), actual: describe(have),
                    message: "\(label) \(name) differs", source: source(kind, name.schema, name.name)))
            }
            if attributes.contains(comment) {
                compareComment(want.comment, have.comment, schema: name.schema, object: name.name, what: "\(label) \(name)", into: &found)
            }
        }
    }

    /// Sequences (identity sequences are compared with their column), rendered from the delta. A
    /// sequence owned by a table that is missing (or extra) as a whole is part of that table's finding.
    mutating func renderSequences(_ delta: SchemaDelta) {
        var found: [Finding] = []
        for (name, change) in delta.sequences.sorted(by: { $0.key < $1.key }) {
            switch change {
            case .added(let sequence):
                if let owner = sequence.ownedBy?.table, actual.tables[owner] == nil { continue }
                found.append(Finding(
                    kind: .missingSequence, schema: name.schema, table: sequence.ownedBy?.table.name, object: name.name,
                    expected: Describe.sequence(sequence), message: "sequence \(name) does not exist",
                    source: source(.sequence, name.schema, name.name)))
            case .removed(let sequence):
                if let owner = sequence.ownedBy?.table, expected.tables[owner] == nil { continue }
                found.append(Finding(
                    kind: .extraSequence, schema: name.schema, table: sequence.ownedBy?.table.name, object: name.name,
                    actual: Describe.sequence(sequence), message: "sequence \(name) is not in the expected schema"))
            case .altered(let want, let have, let attributes), .renamed(let want, let have, let attributes):
                for attribute in attributes.sorted() {
                    switch attribute {
                    case .dataType, .options, .ownedBy:
                        // One finding for the three (Describe shows them all).
                        guard attribute == attributes.sorted().first else { continue }
                        found.append(Finding(
                            kind: .sequenceMismatch, schema: name.schema, table: want.ownedBy?.table.name, object: name.name,
                            expected: Describe.sequence(want), actual: Describe.sequence(have),
                            message: "sequence \(name) differs", source: source(.sequence, name.schema, name.name)))
                    case .comment:
                        compareComment(want.comment, have.comment, schema: name.schema, table: want.ownedBy?.table.name,
                                       object: name.name, what: "sequence \(name)", into: &found)
                    }
                }
            }
        }
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
