import Foundation
import PgDriftModel

/// The DSL's expression for a built-in type's canonical spelling (`format_type`'s), such as
/// `.varchar(255)` for `character varying(255)`, so that a written model never spells a built-in type as
/// a string. The DSL's builders (`DataType.varchar`, `PgDriftDSL/BuiltinTypes.swift`) give back exactly
/// these spellings; a unit test holds the two together.
enum SwiftTypeExpression {
    /// The expression of a built-in type, or nil for a spelling the DSL has no builder for.
    static func builtin(_ spelling: String) -> String? {
        if let plain = plain[spelling] { return plain }
        if let length = numbers(in: spelling, after: "character varying"), length.count == 1 { return ".varchar(\(length[0]))" }
        if let length = numbers(in: spelling, after: "character"), length.count == 1 {
            return length[0] == 1 ? ".char()" : ".char(\(length[0]))"
        }
        if let length = numbers(in: spelling, after: "bit varying"), length.count == 1 { return ".varbit(\(length[0]))" }
        if let length = numbers(in: spelling, after: "bit"), length.count == 1 {
            return length[0] == 1 ? ".bit()" : ".bit(\(length[0]))"
        }
        if let digits = numbers(in: spelling, after: "numeric") {
            if digits.count == 2 { return digits[1] == 0 ? ".numeric(\(digits[0]))" : ".numeric(\(digits[0]), \(digits[1]))" }
            return nil
        }
        for (name, swift) in [("timestamp", "timestamp"), ("time", "time")] {
            for (zone, suffix) in [(" without time zone", ""), (" with time zone", "tz")] {
                if let precision = numbers(in: spelling, after: name, before: zone), precision.count == 1 {
                    return ".\(swift)\(suffix)(precision: \(precision[0]))"
                }
            }
        }
        return interval(spelling)
    }

    /// `interval`, `interval(3)`, `interval year to month`, `interval day to second(3)`.
    private static func interval(_ spelling: String) -> String? {
        guard spelling.hasPrefix("interval") else { return nil }
        var rest = Substring(spelling.dropFirst("interval".count))
        var precision: Int?
        if rest.hasSuffix(")"), let open = rest.lastIndex(of: "(") {
            guard let value = Int(rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]) else { return nil }
            precision = value
            rest = rest[..<open]
        }
        let fields = rest.trimmingCharacters(in: .whitespaces)
        let known = ["year", "month", "day", "hour", "minute", "second", "year to month", "day to hour", "day to minute",
            "day to second", "hour to minute", "hour to second", "minute to second"]
        guard fields.isEmpty || (known.contains(fields) && rest.hasPrefix(" ")) else { return nil }
        var arguments: [String] = []
        if !fields.isEmpty { arguments.append(SwiftLiteral.string(fields)) }
        if let precision { arguments.append("precision: \(precision)") }
        return ".interval(\(arguments.joined(separator: ", ")))"
    }

    /// The comma-separated integers of `name(…)` followed by `suffix`, when `spelling` is exactly that.
    private static func numbers(in spelling: String, after name: String, before suffix: String = "") -> [Int]? {
        guard spelling.hasPrefix(name + "("), spelling.hasSuffix(")" + suffix) else { return nil }
        let inner = spelling.dropFirst(name.count + 1).dropLast(suffix.count + 1)
        let parts = inner.split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
        guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else { return nil }
        return parts.compactMap { $0 }
    }

    /// Spellings without modifiers, and the DSL's name for each.
    static let plain: [String: String] = [
        "smallint": ".smallint", "integer": ".integer", "bigint": ".bigint", "real": ".real",
        "double precision": ".doublePrecision", "numeric": ".numeric", "money": ".money",
        "text": ".text", "character varying": ".varchar()", "bpchar": ".bpchar", "\"char\"": ".internalChar", "name": ".identifier",
        "boolean": ".boolean", "bytea": ".bytea", "uuid": ".uuid", "json": ".json", "jsonb": ".jsonb", "jsonpath": ".jsonpath",
        "xml": ".xml", "tsvector": ".tsvector", "tsquery": ".tsquery",
        "date": ".date", "timestamp without time zone": ".timestamp", "timestamp with time zone": ".timestamptz",
        "time without time zone": ".time", "time with time zone": ".timetz", "interval": ".interval",
        "bit varying": ".varbit()",
        "inet": ".inet", "cidr": ".cidr", "macaddr": ".macaddr", "macaddr8": ".macaddr8",
        "point": ".point", "line": ".line", "lseg": ".lseg", "box": ".box", "path": ".path", "polygon": ".polygon", "circle": ".circle",
        "int4range": ".int4range", "int8range": ".int8range", "numrange": ".numrange", "tsrange": ".tsrange",
        "tstzrange": ".tstzrange", "daterange": ".daterange", "int4multirange": ".int4multirange",
        "int8multirange": ".int8multirange", "nummultirange": ".nummultirange", "tsmultirange": ".tsmultirange",
        "tstzmultirange": ".tstzmultirange", "datemultirange": ".datemultirange",
        "oid": ".oid", "regclass": ".regclass", "regproc": ".regproc", "regprocedure": ".regprocedure", "regtype": ".regtype",
        "regnamespace": ".regnamespace", "regrole": ".regrole", "regconfig": ".regconfig", "xid": ".xid", "xid8": ".xid8",
        "tid": ".tid", "pg_lsn": ".pgLSN", "pg_snapshot": ".pgSnapshot", "txid_snapshot": ".txidSnapshot",
    ]
}
