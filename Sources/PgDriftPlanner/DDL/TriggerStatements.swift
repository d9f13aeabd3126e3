import PgDriftModel

/// CREATE TRIGGER and its enabled state.
enum TriggerStatements {
    /// CREATE [OR REPLACE] [CONSTRAINT] TRIGGER; constraint triggers cannot be replaced.
    static func createTrigger(_ trigger: Trigger, on relation: QualifiedName, replacing: Bool = false) -> String {
        var sql = "CREATE \(replacing && !trigger.isConstraint ? "OR REPLACE " : "")\(trigger.isConstraint ? "CONSTRAINT " : "")TRIGGER \(SQLName.identifier(trigger.name)) "
        sql += trigger.timing.rawValue + " "
        sql += trigger.events.map { event in
            event == .update && !trigger.updateColumns.isEmpty
                ? "UPDATE OF \(SQLName.list(trigger.updateColumns))" : event.rawValue
        }.joined(separator: " OR ")
        sql += " ON \(SQLName.qualified(relation))"
        if trigger.isConstraint && trigger.isDeferrable {
            sql += " DEFERRABLE" + (trigger.isInitiallyDeferred ? " INITIALLY DEFERRED" : "")
        }
        var transitions: [String] = []
        if let old = trigger.oldTable { transitions.append("OLD TABLE AS \(SQLName.identifier(old))") }
        if let new = trigger.newTable { transitions.append("NEW TABLE AS \(SQLName.identifier(new))") }
        if !transitions.isEmpty { sql += " REFERENCING " + transitions.joined(separator: " ") }
        sql += trigger.forEachRow ? " FOR EACH ROW" : " FOR EACH STATEMENT"
        if let condition = trigger.when { sql += " WHEN (\(condition))" }
        sql += " EXECUTE FUNCTION \(SQLName.qualified(trigger.function))"
        sql += "(\(trigger.arguments.map(SQLQuote.literal).joined(separator: ", ")));"
        return sql
    }

    /// ALTER TABLE ... DISABLE / ENABLE REPLICA / ENABLE ALWAYS TRIGGER, when not the default.
    static func enabledState(_ trigger: Trigger, on relation: QualifiedName) -> String? {
        if trigger.enabled == .origin { return nil }
        return setEnabled(trigger, on: relation)
    }

    /// ALTER TABLE ... ENABLE / DISABLE / ENABLE REPLICA / ENABLE ALWAYS TRIGGER.
    static func setEnabled(_ trigger: Trigger, on relation: QualifiedName) -> String {
        let action: String
        switch trigger.enabled {
        case .origin: action = "ENABLE"
        case .disabled: action = "DISABLE"
        case .replica: action = "ENABLE REPLICA"
        case .always: action = "ENABLE ALWAYS"
        }
        return "ALTER TABLE \(SQLName.qualified(relation)) \(action) TRIGGER \(SQLName.identifier(trigger.name));"
    }
}
