import PgDriftModel

/// Short, readable descriptions of model objects for the `expected` and `actual` fields of findings.
/// They are for people, not for execution: the planner writes the SQL.
package enum Describe {
    /// `schema extensions, version 1.6` (a part the expected side leaves empty is left out).
    static func `extension`(_ item: Extension) -> String {
        var parts: [String] = []
        if !item.schema.isEmpty { parts.append("schema \(item.schema)") }
        if !item.version.isEmpty { parts.append("version \(item.version)") }
        return parts.joined(separator: ", ")
    }

    static func column(_ column: Column) -> String {
        var text = column.type.sql
        if let collation = column.collation { text += " COLLATE \(collation)" }
        if let identity = column.identity { text += " " + self.identity(identity) }
        if let generation = column.generationClause { text += " " + generation }
        if column.isNotNull { text += " NOT NULL" }
        if let expression = column.defaultExpression { text += " DEFAULT \(expression)" }
        if let storage = column.storage { text += " STORAGE \(storage.sql)" }
        if let compression = column.compression { text += " COMPRESSION \(compression)" }
        if let target = column.statisticsTarget { text += " STATISTICS \(target)" }
        return text
    }

    /// `PLAIN`, or `default` for the type's own storage.
    static func storage(_ storage: ColumnStorage?) -> String { storage?.sql ?? "default" }

    /// `1000`, or `default` (-1).
    static func statistics(_ target: Int?) -> String { target.map(String.init) ?? "default" }

    /// `fillfactor=70, autovacuum_enabled=false`, or `none`.
    static func parameters(_ options: [String]) -> String { options.isEmpty ? "none" : options.joined(separator: ", ") }

    /// The statistics targets of an index's expression keys: `(lower(name)) STATISTICS 500`, or `default`.
    static func keyStatistics(_ index: Index) -> String {
        let set = index.keys.filter { $0.statisticsTarget != nil }
        guard !set.isEmpty else { return "default" }
        return set.map { "(\($0.expression ?? $0.column ?? "")) STATISTICS \($0.statisticsTarget!)" }.joined(separator: ", ")
    }

    /// `FULL`, `NOTHING`, `USING INDEX i`, or `DEFAULT`.
    /// `CLUSTER ON i`'s index, or "no index".
    static func cluster(_ index: String?) -> String { index.map(SQLQuote.identifier) ?? "no index" }

    static func replicaIdentity(_ identity: ReplicaIdentity?) -> String { identity?.description ?? "DEFAULT" }

    static func identity(_ identity: Identity?) -> String {
        guard let identity else { return "not identity" }
        let generation = identity.generation == .always ? "ALWAYS" : "BY DEFAULT"
        let o = identity.sequence
        var options = "START \(o.start) INCREMENT \(o.increment) MIN \(o.minValue) MAX \(o.maxValue)"
        if o.cache != 1 { options += " CACHE \(o.cache)" }
        if o.cycle { options += " CYCLE" }
        if let name = identity.sequenceName { options = "SEQUENCE NAME \(SQLQuote.identifier(name)) " + options }
        return "GENERATED \(generation) AS IDENTITY (\(options))"
    }

    package static func constraint(_ constraint: Constraint) -> String {
        var text: String
        let columns = constraint.keyColumnsSQL(constraint.columns, quote: SQLQuote.identifier)
        switch constraint.kind {
        case .primaryKey: text = "PRIMARY KEY (\(columns))"
        case .unique: text = "UNIQUE\(constraint.nullsNotDistinct ? " NULLS NOT DISTINCT" : "") (\(columns))"
        case .check: text = "CHECK (\(constraint.expression ?? ""))"
        case .exclusion: text = constraint.expression ?? "EXCLUDE"
        case .foreignKey:
            let reference = constraint.references!
            text = "FOREIGN KEY (\(columns)) REFERENCES \(reference.table)"
                + "(\(constraint.keyColumnsSQL(reference.columns, quote: SQLQuote.identifier)))"
            if reference.onDelete != .noAction { text += " ON DELETE \(actionName(reference.onDelete))" }
            if !reference.deleteSetColumns.isEmpty { text += " (\(reference.deleteSetColumns.joined(separator: ", ")))" }
            if reference.onUpdate != .noAction { text += " ON UPDATE \(actionName(reference.onUpdate))" }
        }
        if !constraint.indexOptions.isEmpty { text += " WITH (\(constraint.indexOptions.joined(separator: ", ")))" }
        if constraint.isDeferrable { text += constraint.isInitiallyDeferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE" }
        if !constraint.isValidated { text += " NOT VALID" }
        if !constraint.isEnforced { text += " NOT ENFORCED" }
        return text
    }

    static func actionName(_ action: ForeignKeyReference.Action) -> String {
        String(action.rawValue.uppercased().map { $0 == "_" ? " " : $0 })
    }

    static func index(_ index: Index) -> String {
        let keys = index.keys.map { key -> String in
            var text = key.column.map(SQLQuote.identifier) ?? "(\(key.expression ?? ""))"
            if let operatorClass = key.operatorClass { text += " \(operatorClass.name)" }
            if key.isDescending { text += " DESC" }
            return text
        }
        var text = "\(index.isUnique ? "UNIQUE " : "")\(index.method) (\(keys.joined(separator: ", ")))"
        if !index.include.isEmpty { text += " INCLUDE (\(index.include.joined(separator: ", ")))" }
        if let predicate = index.predicate { text += " WHERE \(predicate)" }
        return text
    }

    static func policy(_ policy: Policy) -> String {
        var text = "\(policy.isPermissive ? "PERMISSIVE" : "RESTRICTIVE") FOR \(policy.command.rawValue) TO \(policy.roles.joined(separator: ", "))"
        if let using = policy.using { text += " USING (\(using))" }
        if let check = policy.withCheck { text += " WITH CHECK (\(check))" }
        return text
    }

    static func trigger(_ trigger: Trigger) -> String {
        var text = "\(trigger.timing.rawValue) \(trigger.events.map(\.rawValue).joined(separator: " OR "))"
        text += trigger.forEachRow ? " FOR EACH ROW" : " FOR EACH STATEMENT"
        if let condition = trigger.when { text += " WHEN (\(condition))" }
        text += " EXECUTE FUNCTION \(trigger.function)(\(trigger.arguments.joined(separator: ", ")))"
        if trigger.enabled != .origin { text += " [\(trigger.enabled.rawValue)]" }
        return text
    }

    static func rls(_ table: Table) -> String {
        table.rowLevelSecurity ? (table.forceRowLevelSecurity ? "enabled and forced" : "enabled") : "disabled"
    }

    static func tableShape(_ table: Table) -> String {
        var parts = [table.isUnlogged ? "unlogged" : "logged", table.kind == .partitioned ? "partitioned" : "ordinary"]
        if let key = table.partitionKey { parts.append("by \(key)") }
        if let parent = table.partitionOf { parts.append("partition of \(parent) \(table.partitionBound ?? "")") }
        if !table.inherits.isEmpty { parts.append("inherits \(table.inherits.map(\.description).joined(separator: ", "))") }
        return parts.joined(separator: " ")
    }

    /// What a missing or extra table holds, so one finding tells the whole story.
    static func tableContents(_ table: Table, ownedSequences: [QualifiedName] = []) -> String {
        var parts = ["\(table.columns.count) columns (\(table.columns.map { "\($0.name) \($0.type.sql)" }.joined(separator: ", ")))"]
        if let key = table.primaryKey { parts.append("primary key (\(key.columns.joined(separator: ", ")))") }
        let others = table.constraints.filter { $0.kind != .primaryKey }
        if !others.isEmpty { parts.append(ObjectKind.constraint.counted(others.count)) }
        if !table.indexes.isEmpty { parts.append(ObjectKind.index.counted(table.indexes.count)) }
        if table.rowLevelSecurity { parts.append("RLS") }
        if !table.policies.isEmpty {
            parts.append(ObjectKind.policy.counted(table.policies.count) + " (\(table.policies.map { "\"\($0.name)\"" }.joined(separator: ", ")))")
        }
        if !table.triggers.isEmpty { parts.append(ObjectKind.trigger.counted(table.triggers.count)) }
        if !ownedSequences.isEmpty {
            let names = ownedSequences.map(\.description).sorted().joined(separator: ", ")
            parts.append((ownedSequences.count == 1 ? "owned sequence " : "\(ownedSequences.count) owned sequences ") + names)
        }
        return parts.joined(separator: ", ")
    }

    static func viewKind(_ view: View) -> String { view.isMaterialized ? "materialized view" : "view" }

    /// `(id integer, name text)`.
    static func viewColumns(_ view: View) -> String {
        "(" + view.columns.map { "\($0.name) \($0.type)" }.joined(separator: ", ") + ")"
    }

    static func options(_ options: [String]) -> String { options.isEmpty ? "" : " WITH (\(options.joined(separator: ", ")))" }

    static func signature(_ function: Function) -> String {
        "\(function.name)(\(function.arguments))" + (function.returnType.map { " RETURNS \($0)" } ?? "")
            + " LANGUAGE \(function.language)" + (function.cost.map { " COST \(Function.estimateSQL($0))" } ?? "")
            + (function.rows.map { " ROWS \(Function.estimateSQL($0))" } ?? "")
            + (function.support.map { " SUPPORT \(SQLQuote.qualified($0))" } ?? "")
    }


    static func domain(_ domain: Domain) -> String {
        var text = domain.baseType.sql
        if domain.isNotNull { text += " NOT NULL" }
        if let expression = domain.defaultExpression { text += " DEFAULT \(expression)" }
        for check in domain.checks { text += " CHECK \(check.expression)" }
        return text
    }

    static func composite(_ type: CompositeType) -> String {
        "(" + type.attributes.map { "\($0.name) \($0.type.sql)" + ($0.collation.map { " COLLATE \($0)" } ?? "") }.joined(separator: ", ") + ")"
    }

    /// `RANGE (subtype = integer, subtype_diff = pg_catalog.int4mi, multirange_type_name = public.span_multirange)`.
    static func range(_ type: RangeType) -> String {
        var parts = ["subtype = \(type.subtype.sql)"]
        if let opclass = type.subtypeOperatorClass { parts.append("subtype_opclass = \(opclass)") }
        if let collation = type.collation { parts.append("collation = \(collation)") }
        if let canonical = type.canonical { parts.append("canonical = \(canonical)") }
        if let diff = type.subtypeDiff { parts.append("subtype_diff = \(diff)") }
        parts.append("multirange_type_name = \(type.multirangeName)")
        return "RANGE (" + parts.joined(separator: ", ") + ")"
    }

    static func sequence(_ sequence: SequenceObject) -> String {
        let o = sequence.options
        var text = "\(sequence.dataType.sql) START \(o.start) INCREMENT \(o.increment) MIN \(o.minValue) MAX \(o.maxValue)"
        if o.cycle { text += " CYCLE" }
        if let owner = sequence.ownedBy { text += " OWNED BY \(owner.table).\(owner.column)" }
        return text
    }
}
