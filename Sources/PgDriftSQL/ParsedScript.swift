import CPgQuery
import Foundation

/// A SQL script parsed by PostgreSQL's parser: its statements, each with its parse tree and where it
/// starts, and a line index to turn the tree's byte locations into lines.
public struct ParsedScript {
    /// One top-level statement.
    public struct Statement {
        /// The node type, such as `CreateStmt` or `AlterTableStmt`.
        public var tag: String
        /// The statement's node (the body under its tag).
        public var node: ParseNode
        /// Byte offset of its first token (leading comments and blanks skipped).
        public var offset: Int
        /// Length in bytes, from `offset`.
        public var length: Int
    }

    /// The top-level statements, in the order they appear.
    public let statements: [Statement]
    /// The line index of the script's text, for turning byte offsets into lines and columns.
    public let lines: ScriptLines

    /// Parses a whole script once (locations in the tree are byte offsets into it).
    public init(_ sql: String) throws {
        let result = pg_query_parse(sql)
        defer { pg_query_free_parse_result(result) }
        if let error = result.error { throw SQLSyntaxError(error.pointee, in: sql) }
        guard let tree = result.parse_tree else {
            statements = []
            lines = ScriptLines(sql)
            return
        }
        let length = strlen(tree)
        let bytes = tree.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
        let utf8 = Array(sql.utf8)
        let document = try ParseTreeJSON(bytes: bytes, source: utf8)
        var found: [Statement] = []
        for raw in document.root["stmts"]?.elements ?? [] {
            guard let (tag, node) = raw["stmt"]?.tagged else { continue }
            let location = raw["stmt_location"]?.int ?? 0
            let rawLength = raw["stmt_len"]?.int ?? (utf8.count - location)
            let start = Self.skipTrivia(utf8, from: location, limit: location + rawLength)
            found.append(Statement(tag: tag, node: node, offset: start, length: location + rawLength - start))
        }
        statements = found
        lines = ScriptLines(utf8)
    }

    /// The parser counts a statement from just after the previous semicolon; its first token comes
    /// after blanks and comments (`--` lines and nested `/* */` blocks).
    static func skipTrivia(_ bytes: [UInt8], from start: Int, limit: Int) -> Int {
        var i = start
        let end = min(limit, bytes.count)
        while i < end {
            let byte = bytes[i]
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C {
                i += 1
            } else if byte == UInt8(ascii: "-"), i + 1 < end, bytes[i + 1] == UInt8(ascii: "-") {
                while i < end, bytes[i] != 0x0A { i += 1 }
            } else if byte == UInt8(ascii: "/"), i + 1 < end, bytes[i + 1] == UInt8(ascii: "*") {
                var depth = 0
                repeat {
                    if bytes[i] == UInt8(ascii: "/"), i + 1 < end, bytes[i + 1] == UInt8(ascii: "*") {
                        depth += 1
                        i += 2
                    } else if bytes[i] == UInt8(ascii: "*"), i + 1 < end, bytes[i + 1] == UInt8(ascii: "/") {
                        depth -= 1
                        i += 2
                    } else {
                        i += 1
                    }
                } while depth > 0 && i < end
            } else {
                break
            }
        }
        return i
    }
}

/// Byte offset → 1-based line and column (columns in characters), by binary search over line starts.
public struct ScriptLines: Sendable {
    private let lineStarts: [Int]
    private let bytes: [UInt8]

    /// Indexes the lines of a text.
    public init(_ text: String) { self.init(Array(text.utf8)) }

    /// Indexes the lines of UTF-8 text given as bytes.
    public init(_ bytes: [UInt8]) {
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        lineStarts = starts
        self.bytes = bytes
    }

    /// The 1-based line of a byte offset.
    public func line(ofByte offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }

    /// The 1-based column, in characters, of a byte offset.
    public func column(ofByte offset: Int) -> Int {
        let start = lineStarts[line(ofByte: offset) - 1]
        var column = 1
        for i in start..<min(offset, bytes.count) where bytes[i] & 0xC0 != 0x80 { column += 1 }
        return column
    }
}
