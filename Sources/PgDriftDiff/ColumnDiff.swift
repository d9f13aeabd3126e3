import PgDriftModel

extension TableComparison {
    /// Columns, rendered from the delta: missing, extra, a finding per attribute of the common ones; a
    /// missing and an extra column of the same type are also reported as a possible rename.
    mutating func renderColumns(_ changes: [Change<Column, ColumnAttribute>]) {
        let extra = changes.compactMap { change -> Column? in
            switch change {
            case .removed(let column), .renamed(_, let column, _): column
            case .added, .altered: nil
            }
        }
        for change in changes {
            switch change {
            case .added(let column):
                reportMissing(column, extra: extra)
            case .removed(let column):
                reportExtra(column)
            case .altered(let want, let have, let attributes):
                for attribute in attributes.sorted() { render(attribute, want, have) }
            case .renamed(let want, let have, _):
                // `check` cannot know it is the same column: both are reported, and the guess.
                reportMissing(want, extra: extra)
                reportExtra(have)
                findings.append(finding(
                    .possibleRename, column: want.name, expected: want.name, actual: have.name,
                    "column \(table).\(have.name) may be \(want.name) renamed",
                    hint: "if so: ALTER TABLE … RENAME COLUMN \(have.name) TO \(want.name) (pgdrift plan --renames)"))
            }
        }
    }

    private mutating func reportMissing(_ column: Column, extra: [Column]) {
        let candidates = extra.filter { $0.type == column.type }
        let hint = candidates.count == 1 ? "the database has \(candidates[0].name) of the same type: renamed?" : nil
        findings.append(finding(
            .missingColumn, column: column.name, expected: Describe.column(column),
            "column \(table).\(column.name) does not exist",
            source: context.source(.column, schema, relation: table, column.name), hint: hint))
    }

    private mutating func reportExtra(_ column: Column) {
        findings.append(finding(
            .extraColumn, column: column.name, actual: Describe.column(column),
            "column \(table).\(column.name) is not in the expected schema"))
    }

    /// One finding for one attribute that differs.
    private mutating func render(_ attribute: ColumnAttribute, _ want: Column, _ have: Column) {
        let name = "\(table).\(want.name)"
        let source = context.source(.column, schema, relation: table, want.name)
        switch attribute {
        case .type:
            findings.append(finding(
                .columnTypeMismatch, column: want.name, expected: want.type.sql, actual: have.type.sql,
                "column \(name) is \(have.type.sql), expected \(want.type.sql)", source: source))
        case .collation:
            findings.append(finding(
                .collationMismatch, column: want.name, expected: want.collation?.description ?? "default",
                actual: have.collation?.description ?? "default", "column \(name) has another collation", source: source))
        case .nullability:
            if want.isNotNull && have.isNotNull && want.nullability == have.nullability, let wanted = want.notNullName, let named = have.notNullName {
                findings.append(finding(
                    .nullabilityMismatch, column: want.name, expected: "CONSTRAINT \(wanted) NOT NULL", actual: "CONSTRAINT \(named) NOT NULL",
                    "column \(name)'s NOT NULL constraint is named \(named), expected \(wanted)", source: source))
            } else {
                let words = { (column: Column) in column.isNotNull ? column.nullability : "nullable" }
                findings.append(finding(
                    .nullabilityMismatch, column: want.name, expected: want.nullability, actual: have.nullability,
                    "column \(name) is \(words(have)), expected \(words(want))", source: source))
            }
        case .defaultValue:
            findings.append(finding(
                .defaultMismatch, column: want.name, expected: want.defaultExpression ?? "no default",
                actual: have.defaultExpression ?? "no default",
                "column \(name) defaults to \(have.defaultExpression ?? "nothing"), expected \(want.defaultExpression ?? "no default")",
                source: source))
        case .identity:
            findings.append(finding(
                .identityMismatch, column: want.name, expected: Describe.identity(want.identity),
                actual: Describe.identity(have.identity), "column \(name): identity differs", source: source))
        case .generated:
            findings.append(finding(
                .generatedMismatch, column: want.name, expected: want.generationClause ?? "not generated",
                actual: have.generationClause ?? "not generated",
                want.generatedExpression != nil && have.generatedExpression != nil && want.generationKind != have.generationKind
                    ? "column \(name) is \(have.generationKind), expected \(want.generationKind)"
                    : "column \(name): generated expression differs",
                source: source))
        case .storage:
            findings.append(finding(
                .storageMismatch, column: want.name, expected: Describe.storage(want.storage), actual: Describe.storage(have.storage),
                "column \(name): storage differs", source: source))
        case .compression:
            findings.append(finding(
                .compressionMismatch, column: want.name, expected: want.compression ?? "default",
                actual: have.compression ?? "default", "column \(name): compression differs", source: source))
        case .statistics:
            findings.append(finding(
                .statisticsMismatch, column: want.name, expected: Describe.statistics(want.statisticsTarget),
                actual: Describe.statistics(have.statisticsTarget), "column \(name): statistics target differs", source: source))
        case .options:
            findings.append(finding(
                .columnOptionsMismatch, column: want.name, expected: Describe.parameters(want.options ?? []),
                actual: Describe.parameters(have.options ?? []), "column \(name): options differ", source: source))
        case .comment:
            findings.append(finding(
                .commentMismatch, column: want.name, expected: want.comment, actual: have.comment,
                "column \(name): comment differs"))
        }
    }
}

extension TableComparison {
    /// Nullability: NOT NULL or not, then (PostgreSQL 18) whether it is validated, and its constraint's
    /// name when both sides know it (a server before 18 records none).
    static func sameNullability(_ want: Column, _ have: Column) -> Bool {
        guard want.isNotNull == have.isNotNull else { return false }
        guard want.isNotNull else { return true }
        if (want.notNullValidated ?? true) != (have.notNullValidated ?? true) { return false }
        if let wanted = want.notNullName, let named = have.notNullName, wanted != named { return false }
        return true
    }

    /// Identities compared in full: generation, every sequence option and the sequence's name (when
    /// both sides know it).
    static func sameIdentity(_ a: Identity?, _ b: Identity?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return a.sameIdentity(as: b)
    }
}
