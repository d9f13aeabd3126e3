import CLibPQ

/// The rows of one query, in text format, freed when the last reference goes.
public final class QueryResult {
    private let result: OpaquePointer
    /// Number of rows.
    public let rowCount: Int
    /// Column names, in order.
    public let columnNames: [String]

    init(_ result: OpaquePointer) {
        self.result = result
        rowCount = Int(PQntuples(result))
        let names = (0..<PQnfields(result)).map { String(cString: PQfname(result, $0)) }
        columnNames = names
    }

    /// A result whose column names are already known (each row of a single-row-mode query).
    init(_ result: OpaquePointer, columnNames: [String]) {
        self.result = result
        rowCount = Int(PQntuples(result))
        self.columnNames = columnNames
    }

    deinit { PQclear(result) }

    /// The rows.
    public var rows: [Row] { (0..<rowCount).map { Row(result: self, index: $0) } }

    /// The column's position, or a protocol error naming it.
    public func column(_ name: String) throws -> Int {
        // A scan of a few short names beats hashing: catalog readers ask for every field of every row.
        guard let index = columnNames.firstIndex(of: name) else {
            throw PostgresError(kind: .protocolViolation, message: "query returned no column '\(name)'")
        }
        return index
    }

    /// One field as a whole number, read from libpq's buffer without making a String (catalog reads
    /// take millions of numbers); nil for NULL or text that is not a decimal integer.
    func integer(row: Int, column: Int) -> Int? {
        if PQgetisnull(result, Int32(row), Int32(column)) != 0 { return nil }
        guard var pointer = PQgetvalue(result, Int32(row), Int32(column)) else { return nil }
        let negative = pointer.pointee == 45  // "-"
        if negative { pointer += 1 }
        var value = 0
        var digits = 0
        while case let byte = UInt8(bitPattern: pointer.pointee), byte != 0 {
            guard byte >= 48, byte <= 57, digits < 18 else { return nil }
            value = value &* 10 &+ Int(byte - 48)
            digits += 1
            pointer += 1
        }
        guard digits > 0 else { return nil }
        return negative ? -value : value
    }

    /// Whether one field is NULL.
    func isNull(row: Int, column: Int) -> Bool { PQgetisnull(result, Int32(row), Int32(column)) != 0 }

    /// Whether one field is the boolean `t` (false for NULL), without making a String.
    func isTrue(row: Int, column: Int) -> Bool {
        if PQgetisnull(result, Int32(row), Int32(column)) != 0 { return false }
        guard let pointer = PQgetvalue(result, Int32(row), Int32(column)) else { return false }
        return pointer[0] == 116 && pointer[1] == 0  // "t"
    }

    /// Raw text of one field; nil for SQL NULL.
    func value(row: Int, column: Int) -> String? {
        if PQgetisnull(result, Int32(row), Int32(column)) != 0 { return nil }
        return String(cString: PQgetvalue(result, Int32(row), Int32(column)))
    }
}

/// One row, with typed access by column name or position.
public struct Row {
    let result: QueryResult
    let index: Int

    /// Text of a column by position; nil for NULL.
    public subscript(_ column: Int) -> String? { result.value(row: index, column: column) }

    /// Text of a column by name; nil for NULL (and for an unknown name).
    public subscript(_ name: String) -> String? {
        guard let column = try? result.column(name) else { return nil }
        return result.value(row: index, column: column)
    }

    /// A non-null text column.
    public func string(_ name: String) throws -> String {
        guard let value = try result.value(row: index, column: result.column(name)) else {
            throw PostgresError(kind: .protocolViolation, message: "column '\(name)' is unexpectedly NULL")
        }
        return value
    }

    /// The position of a column, for the `at:` accessors.
    public func position(of name: String) throws -> Int { try result.column(name) }

    /// A non-null text column by position (see `QueryResult.column(_:)`).
    public func string(at column: Int) throws -> String {
        guard let value = result.value(row: index, column: column) else {
            throw PostgresError(kind: .protocolViolation, message: "column '\(result.columnNames[column])' is unexpectedly NULL")
        }
        return value
    }

    /// A non-null integer column by position.
    public func int(at column: Int) throws -> Int {
        if let value = result.integer(row: index, column: column) { return value }
        let text = try string(at: column)
        guard let value = Int(text) else {
            throw PostgresError(kind: .protocolViolation, message: "column '\(result.columnNames[column])' is not an integer: \(text)")
        }
        return value
    }

    /// An integer column by position, `ifNull` when it is NULL.
    public func int(at column: Int, ifNull: Int) throws -> Int {
        if let value = result.integer(row: index, column: column) { return value }
        if result.isNull(row: index, column: column) { return ifNull }
        return try int(at: column)
    }

    /// Whether a boolean column by position is true; NULL reads as false.
    public func bool(at column: Int) -> Bool { result.isTrue(row: index, column: column) }

    /// A nullable text column.
    public func optionalString(_ name: String) throws -> String? {
        try result.value(row: index, column: result.column(name))
    }

    /// A non-null integer column.
    public func int(_ name: String) throws -> Int {
        let text = try string(name)
        guard let value = Int(text) else {
            throw PostgresError(kind: .protocolViolation, message: "column '\(name)' is not an integer: \(text)")
        }
        return value
    }

    /// A non-null bigint column.
    public func int64(_ name: String) throws -> Int64 {
        let text = try string(name)
        guard let value = Int64(text) else {
            throw PostgresError(kind: .protocolViolation, message: "column '\(name)' is not an integer: \(text)")
        }
        return value
    }

    /// A boolean column; NULL reads as false.
    public func bool(_ name: String) throws -> Bool {
        try optionalString(name) == "t"
    }

    /// A one-dimensional text array column; NULL reads as empty. NULL elements are dropped.
    public func stringArray(_ name: String) throws -> [String] {
        guard let text = try optionalString(name) else { return [] }
        return try PostgresArray.parse(text).compactMap { $0 }
    }
}
