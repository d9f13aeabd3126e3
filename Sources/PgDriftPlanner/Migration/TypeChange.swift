import PgDriftModel

/// What changing a column from one type to another costs: a table rewrite, possible loss of data
/// (narrowing), and whether PostgreSQL needs a USING clause because no assignment cast exists.
struct TypeChange: Equatable {
    var rewrites: Bool
    var narrowing: Bool
    var needsUsing: Bool

    init(from old: DataType, to new: DataType) {
        let source = BuiltinType(old)
        let target = BuiltinType(new)
        guard let source, let target, old.arrayDimensions == new.arrayDimensions else {
            // User-defined types and array shape changes: an explicit cast, checked by the server.
            rewrites = true
            narrowing = !(target?.isString ?? false) || old.arrayDimensions != new.arrayDimensions
            needsUsing = !(target?.isString ?? false) || old.arrayDimensions != new.arrayDimensions
            return
        }
        rewrites = !source.isBinaryCoercible(to: target)
        narrowing = !source.widens(to: target)
        needsUsing = !(target.isString || source.family == target.family && source.family != nil)
    }
}

/// A built-in type split into its base name and modifiers: `character varying(20)` → base
/// `character varying`, modifiers [20]; `timestamp(3) with time zone` → `timestamp with time zone`, [3].
struct BuiltinType: Equatable {
    var base: String
    var modifiers: [Int]

    init?(_ type: DataType) {
        guard type.schema == nil else { return nil }
        let name = type.name
        guard let open = name.firstIndex(of: "("), let close = name.firstIndex(of: ")"), open < close else {
            base = name
            modifiers = []
            return
        }
        let inside = name[name.index(after: open)..<close]
        modifiers = inside.split(separator: ",").compactMap { Int($0.trimmingWhitespace()) }
        let before = name[..<open].trimmingWhitespace()
        let after = name[name.index(after: close)...].trimmingWhitespace()
        base = after.isEmpty ? before : before + " " + after
    }

    static let strings: Set<String> = ["text", "character varying", "character", "name", "citext"]
    static let integerDigits: [String: Int] = ["smallint": 5, "integer": 10, "bigint": 19]
    static let numbers: Set<String> = ["smallint", "integer", "bigint", "numeric", "real", "double precision"]
    static let times: Set<String> = ["date", "timestamp without time zone", "timestamp with time zone"]

    var isString: Bool { Self.strings.contains(base) }

    /// Types with assignment casts among themselves.
    var family: String? {
        if isString { return "string" }
        if Self.numbers.contains(base) { return "number" }
        if Self.times.contains(base) { return "time" }
        if base == "bit" || base == "bit varying" { return "bit" }
        return nil
    }

    /// Whether every value of this type fits the other unchanged.
    func widens(to other: BuiltinType) -> Bool {
        if other.base == "text" { return true }
        if other.base == "character varying" {
            guard let limit = other.modifiers.first else { return true }
            guard isString, base != "text", let length = modifiers.first else { return false }
            return length <= limit
        }
        if base == other.base {
            if other.modifiers.isEmpty { return true }
            if modifiers.isEmpty { return false }
            if base == "numeric" {
                let (precision, scale) = (modifiers[0], modifiers.count > 1 ? modifiers[1] : 0)
                let (newPrecision, newScale) = (other.modifiers[0], other.modifiers.count > 1 ? other.modifiers[1] : 0)
                return newScale >= scale && newPrecision - newScale >= precision - scale
            }
            if base == "character" || base == "bit" { return modifiers == other.modifiers }
            return modifiers[0] <= other.modifiers[0]
        }
        if let digits = Self.integerDigits[base] {
            if let otherDigits = Self.integerDigits[other.base] { return otherDigits >= digits }
            if other.base == "numeric" {
                guard !other.modifiers.isEmpty else { return true }
                return other.modifiers[0] - (other.modifiers.count > 1 ? other.modifiers[1] : 0) >= digits
            }
            return false
        }
        if base == "real" && other.base == "double precision" { return true }
        if base == "date" && (other.base == "timestamp without time zone" || other.base == "timestamp with time zone") {
            return true
        }
        if base == "timestamp without time zone" && other.base == "timestamp with time zone" { return true }
        if base == "timestamp with time zone" && other.base == "timestamp without time zone" { return true }
        if base == "json" && other.base == "jsonb" { return true }
        return false
    }

    /// Whether PostgreSQL can change the type without rewriting the table.
    func isBinaryCoercible(to other: BuiltinType) -> Bool {
        if base == other.base {
            if other.modifiers.isEmpty { return true }
            if base == "character varying" || base == "bit varying" {
                return !modifiers.isEmpty && modifiers[0] <= other.modifiers[0]
            }
            if base == "numeric", !modifiers.isEmpty, other.modifiers.count == modifiers.count {
                return modifiers.count < 2 || (modifiers[1] == other.modifiers[1] && modifiers[0] <= other.modifiers[0])
            }
            return modifiers == other.modifiers
        }
        let text: Set<String> = ["text", "character varying"]
        return text.contains(base) && other.base == "text"
            || base == "text" && other.base == "character varying" && other.modifiers.isEmpty
    }
}
