import PgDriftModel
import PgDriftPostgres

/// User triggers (not the internal ones behind foreign keys, nor a partition's clones of its parent's).
enum TriggersQuery {
    static let sql = """
        SELECT t.tgrelid AS relid, t.tgname AS name, t.tgtype AS type, t.tgenabled AS enabled,
               fn.nspname AS function_schema, f.proname AS function_name,
               encode(t.tgargs, 'hex') AS arguments_hex, t.tgnargs AS argument_count,
               ARRAY(SELECT a.attname FROM unnest(t.tgattr::int2[]) WITH ORDINALITY k(attnum, ord)
                     JOIN pg_catalog.pg_attribute a ON a.attrelid = t.tgrelid AND a.attnum = k.attnum
                     ORDER BY k.ord) AS update_columns,
               t.tgconstraint <> 0 AS is_constraint, t.tgdeferrable AS deferrable, t.tginitdeferred AS deferred,
               t.tgoldtable AS old_table, t.tgnewtable AS new_table,
               CASE WHEN t.tgqual IS NOT NULL THEN pg_catalog.pg_get_triggerdef(t.oid) END AS definition,
               d.description AS comment
        FROM pg_catalog.pg_trigger t
        JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_catalog.pg_proc f ON f.oid = t.tgfoid
        JOIN pg_catalog.pg_namespace fn ON fn.oid = f.pronamespace
        LEFT JOIN pg_catalog.pg_description d
               ON d.classoid = 'pg_catalog.pg_trigger'::regclass AND d.objoid = t.oid AND d.objsubid = 0
        WHERE NOT t.tgisinternal AND t.tgparentid = 0
          AND \(CatalogSQL.namespaceFilter("n"))
        ORDER BY t.tgrelid, t.tgname
        """

    static func read(_ result: QueryResult) throws -> [(relationOID: UInt32, trigger: Trigger)] {
        try result.rows.map { row in
            let type = try row.int("type")
            let timing: Trigger.Timing = type & 64 != 0 ? .insteadOf : (type & 2 != 0 ? .before : .after)
            var events: [Trigger.Event] = []
            if type & 4 != 0 { events.append(.insert) }
            if type & 16 != 0 { events.append(.update) }
            if type & 8 != 0 { events.append(.delete) }
            if type & 32 != 0 { events.append(.truncate) }
            let enabled: Trigger.Enabled
            switch try row.string("enabled") {
            case "D": enabled = .disabled
            case "R": enabled = .replica
            case "A": enabled = .always
            default: enabled = .origin
            }
            let trigger = Trigger(
                name: try row.string("name"), timing: timing, events: events,
                updateColumns: try row.stringArray("update_columns"), forEachRow: type & 1 != 0,
                function: QualifiedName(try row.string("function_schema"), try row.string("function_name")),
                arguments: decodeArguments(hex: try row.string("arguments_hex"), count: try row.int("argument_count")),
                when: try row.optionalString("definition").flatMap(TriggerDefinition.whenClause),
                enabled: enabled, isConstraint: try row.bool("is_constraint"),
                isDeferrable: try row.bool("deferrable"), isInitiallyDeferred: try row.bool("deferred"),
                oldTable: try row.optionalString("old_table"), newTable: try row.optionalString("new_table"),
                comment: try row.optionalString("comment"))
            return (try row.oid("relid"), trigger)
        }
    }

    /// `tgargs` holds each argument followed by a NUL byte.
    static func decodeArguments(hex: String, count: Int) -> [String] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hex.utf8.count / 2)
        var high: UInt8?
        for char in hex.utf8 {
            let nibble: UInt8 = char <= UInt8(ascii: "9") ? char - UInt8(ascii: "0") : char - UInt8(ascii: "a") + 10
            if let h = high {
                bytes.append(h << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        let parts = bytes.split(separator: 0, omittingEmptySubsequences: false).prefix(count)
        return parts.map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Reads the WHEN condition out of `pg_get_triggerdef`'s canonical output, which has the fixed shape
/// `CREATE [CONSTRAINT] TRIGGER ... FOR EACH {ROW|STATEMENT} WHEN (<condition>) EXECUTE FUNCTION ...`.
/// The scan skips quoted literals and identifiers, so a name or string holding `WHEN (` or a
/// parenthesis cannot mislead it.
enum TriggerDefinition {
    static func whenClause(_ definition: String) -> String? {
        let bytes = Array(definition.utf8)
        let marker = Array(" WHEN (".utf8)
        var quote: UInt8?
        var depth = 0
        var bodyStart: Int?
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if let q = quote {
                if byte == q {
                    if i + 1 < bytes.count && bytes[i + 1] == q { i += 1 } else { quote = nil }
                }
            } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                quote = byte
            } else if let start = bodyStart {
                if byte == UInt8(ascii: "(") { depth += 1 }
                if byte == UInt8(ascii: ")") {
                    depth -= 1
                    if depth == 0 { return String(decoding: bytes[start..<i], as: UTF8.self) }
                }
            } else if byte == UInt8(ascii: " "), bytes[i...].starts(with: marker) {
                i += marker.count
                bodyStart = i
                depth = 1
                continue
            }
            i += 1
        }
        return nil
    }
}
