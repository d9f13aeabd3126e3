import PgDriftModel

/// What can differ between two columns of the same table. Declared in the order a plan changes them
/// (a generation expression before the type, the type before the default).
public enum ColumnAttribute: String, ChangeAttribute {
    case generated, type, collation, identity, defaultValue = "default", nullability
    case storage, compression, statistics, options, comment

}

extension ExpressionComparison {
    /// The attributes of two columns that differ: expressions by meaning, identities a sequence name one
    /// side leaves out aside, options as a set, comments only when they are compared.
    func changedAttributes(_ want: Column, _ have: Column, comments: Bool) -> Set<ColumnAttribute> {
        var changed: Set<ColumnAttribute> = []
        for attribute in ColumnAttribute.allCases {
            let differs = switch attribute {
            case .generated:
                !same(want.generatedExpression, have.generatedExpression)
                    || (want.generatedExpression != nil && (want.generatedVirtual ?? false) != (have.generatedVirtual ?? false))
            case .type: want.type != have.type
            case .collation: want.collation != have.collation
            case .identity: !TableComparison.sameIdentity(want.identity, have.identity)
            case .defaultValue: !same(want.defaultExpression, have.defaultExpression)
            case .nullability: !TableComparison.sameNullability(want, have)
            case .storage: want.storage != have.storage
            case .compression: want.compression != have.compression
            case .statistics: want.statisticsTarget != have.statisticsTarget
            case .options: !TableComparison.sameParameters(want.options ?? [], have.options ?? [])
            case .comment: comments && want.comment != have.comment
            }
            if differs { changed.insert(attribute) }
        }
        return changed
    }

    /// The columns of two versions of a table: added, removed, altered, and a missing and an extra
    /// column of the same type, unambiguous on both sides, as renamed (the rule `plan --renames` follows).
    /// In the expected table's order, then the database's extra columns in its order.
    func columnChanges(_ want: Table, _ have: Table, comments: Bool) -> [Change<Column, ColumnAttribute>] {
        var haveByName: [String: Column] = [:]
        for column in have.columns { haveByName[column.name] = column }
        let wantNames = Set(want.columns.map(\.name))
        let extra = have.columns.filter { !wantNames.contains($0.name) }
        let missing = want.columns.filter { haveByName[$0.name] == nil }
        var renamedFrom: [String: String] = [:]
        for rename in ColumnRename.pairs(missing: missing, extra: extra) { renamedFrom[rename.to] = rename.from }
        let renamedAway = Set(renamedFrom.values)

        var changes: [Change<Column, ColumnAttribute>] = []
        for column in want.columns {
            if let old = haveByName[column.name] {
                let attributes = changedAttributes(column, old, comments: comments)
                if !attributes.isEmpty { changes.append(.altered(expected: column, actual: old, attributes: attributes)) }
            } else if let from = renamedFrom[column.name], let old = haveByName[from] {
                changes.append(.renamed(expected: column, actual: old, attributes: changedAttributes(column, old, comments: comments)))
            } else {
                changes.append(.added(column))
            }
        }
        for column in extra where !renamedAway.contains(column.name) { changes.append(.removed(column)) }
        return changes
    }
}
