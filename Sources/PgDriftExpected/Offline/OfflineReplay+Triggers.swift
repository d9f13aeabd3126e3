import PgDriftModel
import PgDriftSQL

extension OfflineReplay {
    /// `CREATE [OR REPLACE] TRIGGER` on a table, calling a trigger function created earlier, with a
    /// WHEN condition. Constraint triggers (which add a constraint) and forms the server refuses fall
    /// back.
    mutating func createTrigger(_ node: ParseNode) throws {
        guard let name = node["trigname"]?.string, let rangeVar = node["relation"], let table = existingTable(rangeVar) else {
            throw fallback("a trigger on a table that does not exist here")
        }
        guard node["isconstraint"]?.bool != true else { throw fallback("CREATE CONSTRAINT TRIGGER is not read offline") }
        // The server copies a partitioned table's triggers onto its partitions, with rules of its own.
        guard partitionKeys[table] == nil, tables[table]?.partitionOf == nil else {
            throw fallback("a trigger on a partitioned table or partition is not read offline")
        }
        // The condition as the file spells it; the diff compares it with the server's by meaning.
        let when = try node["whenClause"].map { try expressionSQL($0, column: { self.tables[table]?.column(named: $0) }) }
        guard when == nil || forEachRowOrStatement(node) else { throw fallback("a WHEN condition on a statement trigger") }
        let timingBits = node["timing"]?.int ?? 0
        let eventBits = node["events"]?.int ?? 0
        let forEachRow = node["row"]?.bool == true
        let timing: Trigger.Timing
        switch timingBits {
        case 0: timing = .after
        case 2: timing = .before
        default: throw fallback("an INSTEAD OF trigger on a table")
        }
        var events: [Trigger.Event] = []
        if eventBits & 4 != 0 { events.append(.insert) }
        if eventBits & 16 != 0 { events.append(.update) }
        if eventBits & 8 != 0 { events.append(.delete) }
        if eventBits & 32 != 0 { events.append(.truncate) }
        guard !events.isEmpty, !(forEachRow && events.contains(.truncate)) else { throw fallback("a trigger the server refuses") }
        let columns = node["columns"]?.strings ?? []
        guard columns.allSatisfy({ tables[table]?.column(named: $0) != nil }), Set(columns).count == columns.count else {
            throw fallback("UPDATE OF a column that does not exist")
        }
        var oldTable: String?
        var newTable: String?
        for transition in node["transitionRels"]?.elements ?? [] {
            guard let transition = transition.node("TriggerTransition"), timing == .after, transition["isTable"]?.bool == true else {
                throw fallback("a REFERENCING clause the server refuses")
            }
            if transition["isNew"]?.bool == true { newTable = transition["name"]?.string } else { oldTable = transition["name"]?.string }
        }
        // The function: one with no arguments returning trigger, found along the search path.
        let (schema, functionName) = try parts(node["funcname"]?.strings ?? [])
        let candidates = schema.map { [$0] } ?? searchPath
        guard let function = candidates.compactMap({ functionKey(QualifiedName($0, functionName), inputTypes: []) }).first,
            functions[function]?.returnType == "trigger"
        else { throw fallback("trigger function \(functionName)() is not read offline") }
        var trigger = Trigger(
            name: name, timing: timing, events: events, updateColumns: columns, forEachRow: forEachRow, function: function.name,
            arguments: node["args"]?.strings ?? [], when: when, oldTable: oldTable, newTable: newTable)
        if let existing = tables[table]?.triggers[name] {
            // OR REPLACE updates the trigger in place: its comment stays, its enabled state is reset.
            guard node["replace"]?.bool == true else { throw fallback("trigger \(name) already exists") }
            trigger.comment = existing.comment
        }
        tables[table]?.triggers.upsert(trigger)
    }

    /// `ALTER TABLE ... ENABLE | DISABLE [REPLICA | ALWAYS] TRIGGER name | ALL | USER`.
    mutating func enableTrigger(_ subtype: String, name: String?, of table: QualifiedName) throws {
        let states: [String: Trigger.Enabled] = [
            "AT_EnableTrig": .origin, "AT_DisableTrig": .disabled, "AT_EnableAlwaysTrig": .always, "AT_EnableReplicaTrig": .replica,
            "AT_EnableTrigAll": .origin, "AT_DisableTrigAll": .disabled, "AT_EnableTrigUser": .origin, "AT_DisableTrigUser": .disabled,
        ]
        guard let state = states[subtype], var model = tables[table] else { throw fallback("an unknown trigger switch") }
        if let name, subtype.hasSuffix("Trig") {
            guard var trigger = model.triggers[name] else { throw fallback("trigger \(name) does not exist here") }
            trigger.enabled = state
            model.triggers.upsert(trigger)
        } else {
            // ALL also switches the internal triggers of foreign keys, which the model does not hold.
            model.triggers.modifyEach { $0.enabled = state }
        }
        tables[table] = model
    }

    /// `DROP TRIGGER [IF EXISTS] name ON table`.
    mutating func dropTrigger(_ names: [String], missingOK: Bool) throws {
        var parts = names
        guard let name = parts.popLast() else { return }
        let (schema, tableName) = try self.parts(parts)
        guard let table = existing(schema: schema, name: tableName, in: { tables[$0] != nil }), tables[table]?.triggers.contains(name) == true else {
            if missingOK { return }
            throw fallback("trigger \(name) does not exist here")
        }
        _ = tables[table]?.triggers.remove(name)
    }

    /// A statement trigger's WHEN may not read NEW or OLD; the server refuses it, so the reader does too.
    private func forEachRowOrStatement(_ node: ParseNode) -> Bool {
        node["row"]?.bool == true
            || (node["whenClause"]?.descendants("ColumnRef").allSatisfy { ($0["fields"]?.strings.first).map { $0 != "new" && $0 != "old" } ?? true } ?? true)
    }
}
