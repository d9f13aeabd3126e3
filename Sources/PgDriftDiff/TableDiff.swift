import PgDriftModel

extension DiffContext {
    /// Tables: a missing or extra table is one finding that carries its contents; tables on both sides
    /// are compared part by part.
    mutating func diffTables() {
        var found: [Finding] = []
        let (expectedSequences, actualSequences) = (ownedSequences(expected), ownedSequences(actual))
        Pairing.match(expected.tables, actual.tables,
            missing: { table in
                found.append(Finding(
                    kind: .missingTable, schema: table.name.schema, table: table.name.name,
                    expected: Describe.tableContents(table, ownedSequences: expectedSequences[table.name] ?? []),
                    message: "table \(table.name) does not exist",
                    source: source(.table, table.name.schema, table.name.name)))
            },
            extra: { table in
                found.append(Finding(
                    kind: .extraTable, schema: table.name.schema, table: table.name.name,
                    actual: Describe.tableContents(table, ownedSequences: actualSequences[table.name] ?? []),
                    message: "table \(table.name) is not in the expected schema"))
            },
            both: { want, have in
                // Most tables of a big schema have not drifted: equal values cannot differ in any part.
                guard want != have else { return }
                var comparison = TableComparison(context: self, expected: want, actual: have)
                found += comparison.compare()
            })
        findings += found
    }

    /// The sequences each table owns (serial columns; OWNED BY): part of the table's one finding.
    func ownedSequences(_ catalog: Catalog) -> [QualifiedName: [QualifiedName]] {
        var owned: [QualifiedName: [QualifiedName]] = [:]
        for sequence in catalog.sequences { if let owner = sequence.ownedBy { owned[owner.table, default: []].append(sequence.name) } }
        return owned
    }
}

/// The comparison of one table present on both sides.
struct TableComparison {
    let context: DiffContext
    let expected: Table
    let actual: Table
    var findings: [Finding] = []

    init(context: DiffContext, expected: Table, actual: Table) {
        self.context = context
        self.expected = expected
        self.actual = actual
    }

    var schema: String { expected.name.schema }
    var table: String { expected.name.name }

    func finding(
        _ kind: FindingKind, column: String? = nil, object: String? = nil, expected: String? = nil,
        actual: String? = nil, _ message: String, source: SourceLocation? = nil, hint: String? = nil
    ) -> Finding {
        Finding(
            kind: kind, schema: schema, table: table, column: column, object: object, expected: expected,
            actual: actual, message: message, source: source, hint: hint)
    }

    mutating func compare() -> [Finding] {
        if let delta = context.expressions.tableDelta(expected, actual, comments: context.options.compareComments) {
            renderAttributes(delta.attributes)
            renderColumns(delta.columns)
            renderConstraints(delta.constraints)
            findings += context.indexFindings(delta.indexes, of: expected.name, label: table)
            renderPolicies(delta.policies)
            findings += context.triggerFindings(delta.triggers, of: expected.name, label: table)
        }
        return findings
    }

    /// The table's own attributes, rendered from the delta: one finding per attribute, but one
    /// `table_mismatch` for the shape (persistence, partitioning, inheritance).
    private mutating func renderAttributes(_ attributes: Set<TableAttribute>) {
        let source = context.source(.table, schema, table)
        if attributes.contains(where: \.isShape) {
            let (want, have) = (Describe.tableShape(expected), Describe.tableShape(actual))
            findings.append(finding(.tableMismatch, expected: want, actual: have, "table \(expected.name) is \(have), expected \(want)"))
        }
        for attribute in attributes.sorted() {
            switch attribute {
            case .persistence, .partitioning, .partitionOf, .inheritance:
                continue  // one table_mismatch above
            case .accessMethod:
                findings.append(finding(
                    .accessMethodMismatch, expected: expected.accessMethod ?? "heap", actual: actual.accessMethod ?? "heap",
                    "table \(expected.name) uses access method \(actual.accessMethod ?? "heap"), expected \(expected.accessMethod ?? "heap")",
                    source: source))
            case .storageParameters:
                findings.append(finding(
                    .storageParametersMismatch, expected: Describe.parameters(expected.options), actual: Describe.parameters(actual.options),
                    "table \(expected.name): storage parameters differ", source: source))
            case .replicaIdentity:
                findings.append(finding(
                    .replicaIdentityMismatch, expected: Describe.replicaIdentity(expected.replicaIdentity),
                    actual: Describe.replicaIdentity(actual.replicaIdentity), "table \(expected.name): replica identity differs",
                    source: source))
            case .clusterOn:
                findings.append(finding(
                    .clusterMismatch, expected: Describe.cluster(expected.clusterOn), actual: Describe.cluster(actual.clusterOn),
                    "table \(expected.name): clustered on \(Describe.cluster(actual.clusterOn)), expected \(Describe.cluster(expected.clusterOn))",
                    source: source))
            case .rowLevelSecurity:
                findings.append(finding(
                    .rlsMismatch, expected: Describe.rls(expected), actual: Describe.rls(actual),
                    "row level security on \(table) is \(Describe.rls(actual)), expected \(Describe.rls(expected))"))
            case .comment:
                findings.append(finding(
                    .commentMismatch, expected: expected.comment, actual: actual.comment, "table \(expected.name): comment differs"))
            }
        }
    }

    /// Storage parameters compared as a set: the order they were set in means nothing.
    static func sameParameters(_ a: [String], _ b: [String]) -> Bool { a == b || Set(a) == Set(b) && a.count == b.count }
}
