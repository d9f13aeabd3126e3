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
        if let method = table.accessMethod { sql += " USING \(SQLName.identifier(method))" }
        if !table.options.isEmpty { sql += " WITH (\(storageParameters(table.options)))" }
        return sql + ";"
    }

    /// `fillfactor=70, toast.autovacuum_enabled=false` as SQL: each name through `SQLName`, each value
    /// written as it is when it is a number or a plain lower-case word, else as a quoted literal.
    static func storageParameters(_ options: [String]) -> String {
        options.map { option in
            let parts = option.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = parameterName(String(parts[0]))
            guard parts.count == 2 else { return name }
            let value = String(parts[1])
            let plain = !value.isEmpty && (value.allSatisfy { $0.isNumber || $0 == "." || $0 == "-" }
                || (value.first!.isLetter && value.allSatisfy { ($0.isLetter && $0.isLowercase) || $0.isNumber || $0 == "_" }))
                && value.allSatisfy(\.isASCII)
            return "\(name)=\(plain ? value : SQLQuote.literal(value))"
        }.joined(separator: ", ")
    }

    /// `toast.autovacuum_enabled` → each part an identifier.
    static func parameterName(_ name: String) -> String {
        name.split(separator: ".", omittingEmptySubsequences: false).map { SQLName.identifier(String($0)) }.joined(separator: ".")
    }

    /// `fillfactor=70` → `fillfactor`.
    static func parameterKey(_ option: String) -> String {
        String(option.split(separator: "=", maxSplits: 1).first ?? Substring(option))
    }

    /// What a new column needs after CREATE TABLE or ADD COLUMN: SET STORAGE and SET STATISTICS
    /// (PostgreSQL 15 has no clause for them there; COMPRESSION is written in the column definition).
    static func columnSettings(_ column: Column, of table: QualifiedName) -> [String] {
        let prefix = "ALTER TABLE \(SQLName.qualified(table)) ALTER COLUMN \(SQLName.identifier(column.name))"
        var statements: [String] = []
        if let storage = column.storage { statements.append("\(prefix) SET STORAGE \(storage.sql);") }
        if let target = column.statisticsTarget { statements.append("\(prefix) SET STATISTICS \(target);") }
        if let options = column.options { statements.append("\(prefix) SET (\(storageParameters(options)));") }
        return statements
    }

    /// `SET STORAGE` back to the type's own: written out for built-in types; for another type the
    /// statement asks the catalog for `typstorage` (PostgreSQL 15 has no SET STORAGE DEFAULT).
    static func resetStorage(_ column: Column, of table: QualifiedName) -> String {
        let prefix = "ALTER TABLE \(SQLName.qualified(table)) ALTER COLUMN \(SQLName.identifier(column.name))"
        if let storage = ColumnStorage.typeDefault(column.type) { return "\(prefix) SET STORAGE \(storage.sql);" }
        let lookup = "SELECT CASE t.typstorage WHEN 'p' THEN 'PLAIN' WHEN 'e' THEN 'EXTERNAL' WHEN 'm' THEN 'MAIN' ELSE 'EXTENDED' END "
            + "FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
            + "WHERE a.attrelid = \(SQLQuote.literal(SQLQuote.qualified(table)))::regclass AND a.attname = \(SQLQuote.literal(column.name))"
        let body = "\nBEGIN\n    EXECUTE \(SQLQuote.literal(prefix + " SET STORAGE ")) || (\(lookup));\nEND\n"
        return "DO " + SQLQuote.dollarQuoted(body, tag: "pgdrift") + ";"
    }

    /// `ALTER TABLE t REPLICA IDENTITY ...`.
    static func replicaIdentity(_ identity: ReplicaIdentity?, of table: QualifiedName) -> String {
        let clause: String
        switch identity {
        case nil: clause = "DEFAULT"
        case .full?: clause = "FULL"
        case .nothing?: clause = "NOTHING"
        case .index(let name)?: clause = "USING INDEX \(SQLName.identifier(name))"
        }
        return "ALTER TABLE \(SQLName.qualified(table)) REPLICA IDENTITY \(clause);"
    }

    /// `ALTER TABLE t CLUSTER ON i`, or `SET WITHOUT CLUSTER` for none.
    static func clusterOn(_ index: String?, of table: QualifiedName) -> String {
        "ALTER TABLE \(SQLName.qualified(table)) " + (index.map { "CLUSTER ON \(SQLName.identifier($0))" } ?? "SET WITHOUT CLUSTER") + ";"
    }

    /// Whether a constraint is written inside CREATE TABLE.
    static func isInline(_ constraint: Constraint) -> Bool {
        constraint.kind != .foreignKey && constraint.isValidated
    }

    /// `name type [COLLATE c] [GENERATED ...] [NOT NULL] [DEFAULT expr]`.
    static func columnDefinition(_ column: Column, table: String) -> String {
        var sql = "\(SQLName.identifier(column.name)) \(column.type.sql)"
        if let compression = column.compression { sql += " COMPRESSION \(SQLName.identifier(compression))" }
        if let collation = column.collation { sql += " COLLATE \(SQLName.qualified(collation))" }
        if let generation = column.generationClause { sql += " " + generation }
        if let identity = column.identity {
            let generation = identity.generation == .always ? "ALWAYS" : "BY DEFAULT"
            sql += " GENERATED \(generation) AS IDENTITY (\(identityOptions(identity, table: table, column: column.name)))"
        }
        // NOT NULL NOT VALID cannot be written here: it is added after (addNotValidNotNull).
        if column.isNotNull && column.notNullValidated != false {
            if let name = column.notNullName, name != column.defaultNotNullName(table: table) {
                sql += " CONSTRAINT \(SQLName.identifier(name)) NOT NULL"
            } else {
                sql += " NOT NULL"
            }
        }
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
            sql = "PRIMARY KEY (\(constraint.keyColumnsSQL(constraint.columns, quote: SQLName.identifier)))"
            if !constraint.indexOptions.isEmpty { sql += " WITH (\(storageParameters(constraint.indexOptions)))" }
        case .unique:
            sql = "UNIQUE \(constraint.nullsNotDistinct ? "NULLS NOT DISTINCT " : "")(\(constraint.keyColumnsSQL(constraint.columns, quote: SQLName.identifier)))"
            if !constraint.indexOptions.isEmpty { sql += " WITH (\(storageParameters(constraint.indexOptions)))" }
        case .check:
            sql = "CHECK (\(constraint.expression ?? "true"))\(constraint.isNoInherit ? " NO INHERIT" : "")"
        case .exclusion:
            sql = constraint.expression ?? ""
        case .foreignKey:
            let reference = constraint.references!
            sql = "FOREIGN KEY (\(constraint.keyColumnsSQL(constraint.columns, quote: SQLName.identifier))) REFERENCES \(SQLName.qualified(reference.table))"
            if !reference.columns.isEmpty { sql += " (\(constraint.keyColumnsSQL(reference.columns, quote: SQLName.identifier)))" }
            if reference.match == .full { sql += " MATCH FULL" }
            if reference.onUpdate != .noAction { sql += " ON UPDATE \(action(reference.onUpdate))" }
            if reference.onDelete != .noAction { sql += " ON DELETE \(action(reference.onDelete))" }
            if !reference.deleteSetColumns.isEmpty { sql += " (\(reference.deleteSetColumns.map(SQLName.identifier).joined(separator: ", ")))" }
        }
        if constraint.isDeferrable {
            sql += " DEFERRABLE" + (constraint.isInitiallyDeferred ? " INITIALLY DEFERRED" : "")
        }
        if !constraint.isEnforced { sql += " NOT ENFORCED" }
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
