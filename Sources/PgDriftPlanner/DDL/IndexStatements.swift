import PgDriftModel

/// CREATE INDEX.
enum IndexStatements {
    /// `CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] name ON table USING method (keys) ...`.
    static func createIndex(_ index: Index, on relation: QualifiedName, concurrently: Bool = false) -> String {
        var sql = "CREATE \(index.isUnique ? "UNIQUE " : "")INDEX \(concurrently ? "CONCURRENTLY " : "")IF NOT EXISTS "
        sql += "\(SQLName.identifier(index.name)) ON \(SQLName.qualified(relation)) USING \(SQLName.identifier(index.method)) "
        sql += "(\(index.keys.map(key).joined(separator: ", ")))"
        if !index.include.isEmpty { sql += " INCLUDE (\(SQLName.list(index.include)))" }
        if index.nullsNotDistinct { sql += " NULLS NOT DISTINCT" }
        if !index.options.isEmpty { sql += " WITH (\(TableStatements.storageParameters(index.options)))" }
        if let predicate = index.predicate { sql += " WHERE \(predicate)" }
        return sql + ";"
    }

    /// `ALTER INDEX i ALTER COLUMN n SET STATISTICS v` for each expression key whose target differs from
    /// `old`'s (all set ones for a new index; -1 puts the default back).
    static func keyStatistics(_ index: Index, schema: String, from old: Index? = nil) -> [String] {
        index.keys.enumerated().compactMap { position, key in
            let before = old.flatMap { position < $0.keys.count ? $0.keys[position].statisticsTarget : nil }
            guard key.statisticsTarget != before else { return nil }
            return "ALTER INDEX \(SQLName.qualified(QualifiedName(schema, index.name))) ALTER COLUMN \(position + 1) "
                + "SET STATISTICS \(key.statisticsTarget ?? -1);"
        }
    }

    /// One key: a column or a parenthesised expression, then collation, operator class and ordering
    /// (NULLS only where it differs from the ordering's default).
    static func key(_ key: IndexKey) -> String {
        var sql = key.column.map(SQLName.identifier) ?? "(\(key.expression ?? ""))"
        if let collation = key.collation { sql += " COLLATE \(SQLName.qualified(collation))" }
        if let operatorClass = key.operatorClass { sql += " \(SQLName.qualified(operatorClass))" }
        if key.isDescending { sql += " DESC" }
        if key.nullsFirst != key.isDescending { sql += key.nullsFirst ? " NULLS FIRST" : " NULLS LAST" }
        return sql
    }
}
