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
        compareShape()
        compareColumns()
        compareConstraints()
        compareIndexes()
        compareSecurity()
        compareTriggers()
        if context.options.compareComments && expected.comment != actual.comment {
            findings.append(finding(
                .commentMismatch, expected: expected.comment, actual: actual.comment, "table \(expected.name): comment differs"))
        }
        return findings
    }

    /// Kind, persistence, partitioning and inheritance (storage parameters: storage_parameters_mismatch).
    private mutating func compareShape() {
        let want = Describe.tableShape(expected)
        let have = Describe.tableShape(actual)
        if want != have {
            findings.append(finding(.tableMismatch, expected: want, actual: have, "table \(expected.name) is \(have), expected \(want)"))
        }
        if !Self.sameParameters(expected.options, actual.options) {
            findings.append(finding(
                .storageParametersMismatch, expected: Describe.parameters(expected.options), actual: Describe.parameters(actual.options),
                "table \(expected.name): storage parameters differ", source: context.source(.table, schema, table)))
        }
        if expected.replicaIdentity != actual.replicaIdentity {
            findings.append(finding(
                .replicaIdentityMismatch, expected: Describe.replicaIdentity(expected.replicaIdentity),
                actual: Describe.replicaIdentity(actual.replicaIdentity), "table \(expected.name): replica identity differs",
                source: context.source(.table, schema, table)))
        }
        if expected.clusterOn != actual.clusterOn {
            findings.append(finding(
                .clusterMismatch, expected: Describe.cluster(expected.clusterOn), actual: Describe.cluster(actual.clusterOn),
                "table \(expected.name): clustered on \(Describe.cluster(actual.clusterOn)), expected \(Describe.cluster(expected.clusterOn))",
                source: context.source(.table, schema, table)))
        }
        if expected.accessMethod != actual.accessMethod {
            findings.append(finding(
                .accessMethodMismatch, expected: expected.accessMethod ?? "heap", actual: actual.accessMethod ?? "heap",
                "table \(expected.name) uses access method \(actual.accessMethod ?? "heap"), expected \(expected.accessMethod ?? "heap")",
                source: context.source(.table, schema, table)))
        }
    }

    /// Storage parameters compared as a set: the order they were set in means nothing.
    static func sameParameters(_ a: [String], _ b: [String]) -> Bool { a == b || Set(a) == Set(b) && a.count == b.count }
}
