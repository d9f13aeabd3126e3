import PgDriftModel
import PgDriftPostgres

extension Row {
    /// The type described by `CatalogSQL.typeColumns`.
    func dataType() throws -> DataType {
        try dataType(arrayDimensions: try int("type_array_dims"))
    }

    /// The type from `type_schema`, `type_name`, `type_formatted` and `type_unmodified`, with `dims`.
    func dataType(arrayDimensions dims: Int) throws -> DataType {
        let schema = try string("type_schema")
        let formatted = try string("type_formatted")
        if schema == "pg_catalog" { return DataType(formatted, arrayDimensions: dims) }
        // With search_path empty, format_type qualifies user types; what follows the unmodified
        // spelling is the modifier, such as "(3)".
        let unmodified = try string("type_unmodified")
        let modifier = formatted.hasPrefix(unmodified) && formatted.count > unmodified.count
            ? String(formatted.dropFirst(unmodified.count)) : nil
        return DataType(schema: schema, name: try string("type_name"), modifier: modifier, arrayDimensions: dims)
    }

    /// A qualified name from two columns, nil when the name column is NULL.
    func qualifiedName(schema: String, name: String) throws -> QualifiedName? {
        guard let objectName = try optionalString(name) else { return nil }
        return QualifiedName(try string(schema), objectName)
    }

    /// Grants encoded by `CatalogSQL.grants`.
    func grants(_ column: String = "grants") throws -> [Grant] {
        try stringArray(column).map { try Self.grant($0) }
    }

    /// One `grantee␟PRIVILEGE␟is_grantable` entry; `column` for a column's grant.
    static func grant(_ entry: String, column: String? = nil) throws -> Grant {
        let parts = entry.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else {
            throw PostgresError(kind: .protocolViolation, message: "malformed grant: \(entry)")
        }
        return Grant(grantee: parts[0], privilege: parts[1], isGrantable: parts[2] == "true", column: column)
    }

    /// The relation oid a child row belongs to.
    func oid(_ column: String) throws -> UInt32 {
        try oid(at: try position(of: column))
    }

    /// An oid by field position, `ifNull` when it is NULL.
    func oid(at position: Int, ifNull: UInt32) throws -> UInt32 {
        try UInt32(exactly: int(at: position, ifNull: Int(ifNull))) ?? oid(at: position)
    }

    /// An oid by field position.
    func oid(at position: Int) throws -> UInt32 {
        if let value = try? int(at: position), let oid = UInt32(exactly: value) { return oid }
        let text = try string(at: position)
        guard let value = UInt32(text) else {
            throw PostgresError(kind: .protocolViolation, message: "column \(position) is not an oid: \(text)")
        }
        return value
    }

    /// Attribute numbers from an int2[] column such as `{1,3}`; NULL reads as empty.
    func attributeNumbers(_ column: String) throws -> [Int] {
        try stringArray(column).map { text in
            guard let value = Int(text) else {
                throw PostgresError(kind: .protocolViolation, message: "column '\(column)' has a non-integer: \(text)")
            }
            return value
        }
    }
}
