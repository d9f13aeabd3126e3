/// The names PostgreSQL gives constraints and indexes that were declared without one
/// (`ChooseConstraintName` / `makeObjectName` in the server): `<table>_<columns>_<label>`, where the
/// table and column parts are shortened, the longer first, so the whole fits in 63 bytes.
public enum ConstraintNaming {
    /// PostgreSQL's identifier limit (NAMEDATALEN - 1), in bytes.
    public static let maximumLength = 63

    /// `users_pkey`, `users_email_key`, `videos_creator_id_fkey`, `users_age_check`.
    public static func name(table: String, columns: [String], label: String) -> String {
        let columnPart = columns.joined(separator: "_")
        var tableBytes = Array(table.utf8)
        var columnBytes = Array(columnPart.utf8)
        let labelLength = label.utf8.count + 1
        let separators = columnBytes.isEmpty ? 0 : 1
        var overflow = tableBytes.count + columnBytes.count + separators + labelLength - maximumLength
        while overflow > 0 {
            if tableBytes.count > columnBytes.count {
                tableBytes.removeLast()
            } else {
                columnBytes.removeLast()
            }
            overflow -= 1
        }
        let tablePart = clipToCharacterBoundary(tableBytes)
        let clippedColumns = clipToCharacterBoundary(columnBytes)
        return ([tablePart] + (clippedColumns.isEmpty ? [] : [clippedColumns]) + [label]).joined(separator: "_")
    }

    /// The label of each kind: `pkey`, `key`, `fkey`, `check`, `excl`.
    public static func label(for kind: Constraint.Kind) -> String {
        switch kind {
        case .primaryKey: return "pkey"
        case .unique: return "key"
        case .foreignKey: return "fkey"
        case .check: return "check"
        case .exclusion: return "excl"
        }
    }

    /// Drops a partial multi-byte character left at the end by byte truncation, as the server does.
    private static func clipToCharacterBoundary(_ bytes: [UInt8]) -> String {
        var end = bytes.count
        while end > 0 {
            if let text = String(validating: bytes[..<end], as: UTF8.self) { return text }
            end -= 1
        }
        return ""
    }
}
