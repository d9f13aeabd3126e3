import PgDriftModel

/// CREATE TABLE and the pieces of a table definition.
enum TableStatements {
    /// CREATE TABLE with columns and the constraints that need no other table (foreign keys and NOT VALID
    /// constraints come later, from `addConstraint`).
    static func createTable(_ table: Table, ifNotExists: Bool = false) -> String {
        let name = (ifNotExists ? "IF NOT EXISTS " : "") + SQLName.qualified(table.name)
        if let parent = table.partitionOf {
            var sql = "CREATE TABLE \(name) PARTITION OF \(SQLName.qualified(parent)) \(table.partitionBound ?? "DEFAULT")"
            if let key = table.partitionKey { sql += " PARTITION BY \(key)" }
            return sql + ";"
        }
        var elements = table.columns.map { columnDefinition($0, table: table.name.name) }
        elements += table.constraints.filter(isInline).map { "CONSTRAINT \(SQLName.identifier($0.name)) \(constraintBody($0))" }
        var sql = "CREATE \(table.isUnlogged ? "UNLOGGED " : "")TABLE \(name) ("
        sql += elements.isEmpty ? ")" : "\n    " + elements.joined(separator: ",\n    ") + "\n)"
        if !table.inherits.isEmpty { sql += " INHERITS (\(table.inherits.map(SQLName.qualified).joined(separator: ", ")))" }
        if let key = table.partitionKey { sql += " PARTITION BY \(key)" }
        if !table.options.isEmpty { sql += " WITH (\(table.options.joined(separator: ", ")))" }
        return sql + ";"
    }

    /// Whether a constraint is written inside CREATE TABLE.
    static func isInline(_ constraint: Constraint) -> Bool {
        constraint.kind != .foreignKey && constraint.isValidated
    }

    /// `name type [COLLATE c] [GENERATED ...] [NOT NULL] [DEFAULT expr]`.
    static func columnDefinition(_ column: Column, table: String) -> String {
        var sql = "\(SQLName.identifier(column.name)) \(column.type.sql)"
        if let collation = column.collation { sql += " COLLATE \(SQLName.qualified(collation))" }
        if let expression = column.generatedExpression { sql += " GENERATED ALWAYS AS (\(expression)) STORED" }
        if let identity = column.identity {
            let generation = identity.generation == .always ? "ALWAYS" : "BY DEFAULT"
            sql += " GENERATED \(generation) AS IDENTITY (\(identityOptions(identity, table: table, column: column.name)))"
        }
        if column.isNotNull { sql += " NOT NULL" }
        if let expression = column.defaultExpression { sql += " DEFAULT \(expression)" }
        return sql
    }

    /// An identity's sequence options, with its name when it is not the one PostgreSQL would choose.
    static func identityOptions(_ identity: Identity, table: String, column: String) -> String {
        let options = TypeStatements.options(identity.sequence)
        guard let name = identity.sequenceName, name != Identity.defaultSequenceName(table: table, column: column) else { return options }
        return "SEQUENCE NAME \(SQLName.identifier(name)) " + options
    }

    /// The constraint after `CONSTRAINT name`.
    static func constraintBody(_ constraint: Constraint) -> String {
        var sql: String
        switch constraint.kind {
        case .primaryKey:
            sql = "PRIMARY KEY (\(SQLName.list(constraint.columns)))"
        case .unique:
            sql = "UNIQUE \(constraint.nullsNotDistinct ? "NULLS NOT DISTINCT " : "")(\(SQLName.list(constraint.columns)))"
        case .check:
            sql = "CHECK (\(constraint.expression ?? "true"))\(constraint.isNoInherit ? " NO INHERIT" : "")"
        case .exclusion:
            sql = constraint.expression ?? ""
        case .foreignKey:
            let reference = constraint.references!
            sql = "FOREIGN KEY (\(SQLName.list(constraint.columns))) REFERENCES \(SQLName.qualified(reference.table))"
            if !reference.columns.isEmpty { sql += " (\(SQLName.list(reference.columns)))" }
            if reference.match == .full { sql += " MATCH FULL" }
            if reference.onUpdate != .noAction { sql += " ON UPDATE \(action(reference.onUpdate))" }
            if reference.onDelete != .noAction { sql += " ON DELETE \(action(reference.onDelete))" }
            if !reference.deleteSetColumns.isEmpty { sql += " (\(reference.deleteSetColumns.map(SQLName.identifier).joined(separator: ", ")))" }
        }
        if constraint.isDeferrable {
            sql += " DEFERRABLE" + (constraint.isInitiallyDeferred ? " INITIALLY DEFERRED" : "")
        }
        return sql
    }

    /// ALTER TABLE ... ADD CONSTRAINT, with NOT VALID when the model says so.
    static func addConstraint(_ constraint: Constraint, to table: QualifiedName) -> String {
        "ALTER TABLE \(SQLName.qualified(table)) ADD CONSTRAINT \(SQLName.identifier(constraint.name)) "
            + constraintBody(constraint) + (constraint.isValidated ? "" : " NOT VALID") + ";"
    }

    /// ENABLE / FORCE ROW LEVEL SECURITY, when on.
    static func rowLevelSecurity(_ table: Table) -> [String] {
        let name = SQLName.qualified(table.name)
        var statements: [String] = []
        if table.rowLevelSecurity { statements.append("ALTER TABLE \(name) ENABLE ROW LEVEL SECURITY;") }
        if table.forceRowLevelSecurity { statements.append("ALTER TABLE \(name) FORCE ROW LEVEL SECURITY;") }
        return statements
    }

    static func action(_ action: ForeignKeyReference.Action) -> String {
        switch action {
        case .noAction: return "NO ACTION"
        case .restrict: return "RESTRICT"
        case .cascade: return "CASCADE"
        case .setNull: return "SET NULL"
        case .setDefault: return "SET DEFAULT"
        }
    }
}
