import PgDriftModel

extension TableComparison {
    /// Columns by name (order is ignored): missing, extra, and each attribute of the common ones; a
    /// missing and an extra column of the same type are also reported as a possible rename.
    mutating func compareColumns() {
        var actualByName: [String: Column] = [:]
        for column in actual.columns { actualByName[column.name] = column }
        let expectedNames = Set(expected.columns.map(\.name))
        let extra = actual.columns.filter { !expectedNames.contains($0.name) }
        var missing: [Column] = []

        for want in expected.columns {
            guard let have = actualByName[want.name] else {
                missing.append(want)
                continue
            }
            compare(want, have)
        }
        for column in missing {
            let candidates = extra.filter { $0.type == column.type }
            let hint = candidates.count == 1
                ? "the database has \(candidates[0].name) of the same type: renamed?" : nil
            findings.append(finding(
                .missingColumn, column: column.name, expected: Describe.column(column),
                "column \(table).\(column.name) does not exist",
                source: context.source(.column, schema, relation: table, column.name), hint: hint))
        }
        for column in extra {
            findings.append(finding(
                .extraColumn, column: column.name, actual: Describe.column(column),
                "column \(table).\(column.name) is not in the expected schema"))
        }
        // A rename guess only when it is unambiguous on both sides (the rule `plan --renames` follows).
        for rename in ColumnRename.pairs(missing: missing, extra: extra) {
            findings.append(finding(
                .possibleRename, column: rename.to, expected: rename.to, actual: rename.from,
                "column \(table).\(rename.from) may be \(rename.to) renamed",
                hint: "if so: ALTER TABLE … RENAME COLUMN \(rename.from) TO \(rename.to) (pgdrift plan --renames)"))
        }
    }

    private mutating func compare(_ want: Column, _ have: Column) {
        let name = "\(table).\(want.name)"
        let source = context.source(.column, schema, relation: table, want.name)
        if want.type != have.type {
            findings.append(finding(
                .columnTypeMismatch, column: want.name, expected: want.type.sql, actual: have.type.sql,
                "column \(name) is \(have.type.sql), expected \(want.type.sql)", source: source))
        }
        if want.collation != have.collation {
            findings.append(finding(
                .collationMismatch, column: want.name, expected: want.collation?.description ?? "default",
                actual: have.collation?.description ?? "default", "column \(name) has another collation", source: source))
        }
        if want.isNotNull != have.isNotNull {
            findings.append(finding(
                .nullabilityMismatch, column: want.name, expected: want.isNotNull ? "NOT NULL" : "NULL",
                actual: have.isNotNull ? "NOT NULL" : "NULL",
                "column \(name) is \(have.isNotNull ? "NOT NULL" : "nullable"), expected \(want.isNotNull ? "NOT NULL" : "nullable")",
                source: source))
        }
        if !context.expressions.same(want.defaultExpression, have.defaultExpression) {
            findings.append(finding(
                .defaultMismatch, column: want.name, expected: want.defaultExpression ?? "no default",
                actual: have.defaultExpression ?? "no default",
                "column \(name) defaults to \(have.defaultExpression ?? "nothing"), expected \(want.defaultExpression ?? "no default")",
                source: source))
        }
        if !Self.sameIdentity(want.identity, have.identity) {
            findings.append(finding(
                .identityMismatch, column: want.name, expected: Describe.identity(want.identity),
                actual: Describe.identity(have.identity), "column \(name): identity differs", source: source))
        }
        if !context.expressions.same(want.generatedExpression, have.generatedExpression) {
            findings.append(finding(
                .generatedMismatch, column: want.name, expected: want.generatedExpression ?? "not generated",
                actual: have.generatedExpression ?? "not generated", "column \(name): generated expression differs",
                source: source))
        }
        if want.storage != have.storage {
            findings.append(finding(
                .storageMismatch, column: want.name, expected: Describe.storage(want.storage), actual: Describe.storage(have.storage),
                "column \(name): storage differs", source: source))
        }
        if want.compression != have.compression {
            findings.append(finding(
                .compressionMismatch, column: want.name, expected: want.compression ?? "default",
                actual: have.compression ?? "default", "column \(name): compression differs", source: source))
        }
        if want.statisticsTarget != have.statisticsTarget {
            findings.append(finding(
                .statisticsMismatch, column: want.name, expected: Describe.statistics(want.statisticsTarget),
                actual: Describe.statistics(have.statisticsTarget), "column \(name): statistics target differs", source: source))
        }
        if !TableComparison.sameParameters(want.options ?? [], have.options ?? []) {
            findings.append(finding(
                .columnOptionsMismatch, column: want.name, expected: Describe.parameters(want.options ?? []),
                actual: Describe.parameters(have.options ?? []), "column \(name): options differ", source: source))
        }
        if context.options.compareComments && want.comment != have.comment {
            findings.append(finding(
                .commentMismatch, column: want.name, expected: want.comment, actual: have.comment,
                "column \(name): comment differs"))
        }
    }
}

extension TableComparison {
    /// Identities compared in full: generation, every sequence option and the sequence's name (when
    /// both sides know it).
    static func sameIdentity(_ a: Identity?, _ b: Identity?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return a.sameIdentity(as: b)
    }
}
