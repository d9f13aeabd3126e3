import PgDriftDiff
import PgDriftModel
import PgDriftSQL

extension Explainer {
    /// What uses the table (or its column): views (pg_depend), functions (their parsed bodies — also
    /// when the name does not exist, which is how a broken reference is found), and the table's
    /// triggers, policies, indexes and constraints, with other tables' policies and foreign keys that
    /// point at it. `schemaKnown` is false for an unqualified name found nowhere: functions then match
    /// it in any schema.
    func referrers(table: QualifiedName, column: String?, tableExists: Bool, schemaGiven schemaKnown: Bool) -> [Referrer] {
        var found = reading.dependentViews.map { view in
            Referrer(kind: view.relationKind == "materialized view" ? .materializedView : .view, name: view.description)
        }
        found += functionReferrers(table: table, column: column, schemaKnown: schemaKnown)
        if tableExists, let model = reading.catalog.tables[table] {
            found += triggerReferrers(model, column: column)
            found += policyReferrers(model, column: column)
            found += indexReferrers(model, column: column)
            found += constraintReferrers(model, column: column)
        }
        found += foreignReferrers(table: table, column: column)
        return found
    }

    private func functionReferrers(table: QualifiedName, column: String?, schemaKnown: Bool) -> [Referrer] {
        var lines: [FunctionKey: Set<Int>] = [:]
        for reference in BrokenReferences.references(in: reading.catalog, access: access) {
            let sameTable = schemaKnown ? reference.table == table : reference.table.name == table.name
            // A table is named by its statements' FROM, INTO, UPDATE ...; its columns' lines would repeat them.
            guard sameTable, reference.column == column else { continue }
            lines[reference.function, default: []].formUnion(reference.lines)
        }
        return lines.keys.sorted().map { key in
            Referrer(kind: .function, name: "\(key.name)(\(key.identityArguments))", lines: lines[key]!.sorted())
        }
    }

    private func triggerReferrers(_ table: Table, column: String?) -> [Referrer] {
        table.triggers.compactMap { trigger in
            if let column {
                let inWhen = trigger.when.map { mentions($0, column: column, of: table.name, as: ["new", "old"]) } ?? false
                guard trigger.updateColumns.contains(column) || inWhen else { return nil }
            }
            let events = trigger.events.map(\.rawValue).joined(separator: " OR ")
            return Referrer(
                kind: .trigger, name: trigger.name, table: table.name.description,
                detail: "\(trigger.timing.rawValue) \(events) EXECUTE FUNCTION \(trigger.function)()")
        }
    }

    private func policyReferrers(_ table: Table, column: String?) -> [Referrer] {
        table.policies.compactMap { policy in
            if let column {
                let expressions = [policy.using, policy.withCheck].compactMap { $0 }
                guard expressions.contains(where: { mentions($0, column: column, of: table.name, as: [table.name.name]) }) else { return nil }
            }
            return Referrer(kind: .policy, name: policy.name, table: table.name.description, detail: "FOR \(policy.command.rawValue)")
        }
    }

    private func indexReferrers(_ table: Table, column: String?) -> [Referrer] {
        table.indexes.compactMap { index in
            if let column {
                let keys = index.keys.contains { key in
                    key.column == column || (key.expression.map { mentions($0, column: column, of: table.name, as: [table.name.name]) } ?? false)
                }
                let predicate = index.predicate.map { mentions($0, column: column, of: table.name, as: [table.name.name]) } ?? false
                guard keys || predicate || index.include.contains(column) else { return nil }
            }
            return Referrer(kind: .index, name: index.name, table: table.name.description, detail: "\(index.isUnique ? "unique " : "")\(index.method)")
        }
    }

    /// The table's own constraints on the column (a table's constraints are its own, not users of it).
    private func constraintReferrers(_ table: Table, column: String?) -> [Referrer] {
        guard let column else { return [] }
        return table.constraints.compactMap { constraint in
            let inExpression = constraint.kind == .check
                && (constraint.expression.map { mentions($0, column: column, of: table.name, as: [table.name.name]) } ?? false)
            guard constraint.columns.contains(column) || inExpression else { return nil }
            return Referrer(kind: .constraint, name: constraint.name, table: table.name.description, detail: constraint.kind.rawValue.replacingOccurrences(of: "_", with: " "))
        }
    }

    /// Other tables' foreign keys to it, and their policies whose expressions read it.
    private func foreignReferrers(table: QualifiedName, column: String?) -> [Referrer] {
        var found: [Referrer] = []
        for other in reading.catalog.tables where other.name != table {
            for constraint in other.constraints {
                guard let target = constraint.references, target.table == table, column.map(target.columns.contains) ?? true else { continue }
                found.append(Referrer(kind: .constraint, name: constraint.name, table: other.name.description, detail: "foreign key"))
            }
            for policy in other.policies {
                let expressions = [policy.using, policy.withCheck].compactMap { $0 }
                guard expressions.contains(where: { reads($0, table: table, column: column) }) else { continue }
                found.append(Referrer(kind: .policy, name: policy.name, table: other.name.description, detail: "FOR \(policy.command.rawValue)"))
            }
        }
        return found
    }

    // MARK: expressions

    /// Whether an expression over `table` (called by `names` in it) uses `column`.
    func mentions(_ expression: String, column: String, of table: QualifiedName, as names: [String]) -> Bool {
        let relation = RelationName(schema: table.schema, table.name)
        guard let read = try? StatementReferences.readExpression(expression, scope: names.map { ($0, relation) }) else { return false }
        return read.references.contains { reference in
            switch reference.target {
            case .column(let name, let used): used == column && Self.same(name, table)
            case .unqualifiedColumn(let used, let scopes): used == column && (scopes.first?.contains { Self.same($0, table) } ?? false)
            case .relation: false
            }
        }
    }

    /// Whether an expression (of another table's policy) reads `table`, or its `column`.
    func reads(_ expression: String, table: QualifiedName, column: String?) -> Bool {
        guard let read = try? StatementReferences.readExpression(expression) else { return false }
        return read.references.contains { reference in
            switch reference.target {
            case .relation(let name): column == nil && Self.same(name, table)
            case .column(let name, let used): (column == nil || used == column) && Self.same(name, table)
            case .unqualifiedColumn(let used, let scopes): used == column && (scopes.first?.contains { Self.same($0, table) } ?? false)
            }
        }
    }

    /// Catalog expressions are written with every name qualified; an unqualified one means `public`'s.
    static func same(_ name: RelationName, _ table: QualifiedName) -> Bool {
        name.name == table.name && (name.schema ?? "public") == table.schema
    }
}
