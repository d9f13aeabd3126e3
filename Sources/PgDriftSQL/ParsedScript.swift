import CPgQuery
import Foundation

/// A SQL script parsed by PostgreSQL's parser: its statements, each with its parse tree and where it
/// starts, and a line index to turn the tree's byte locations into lines.
package struct ParsedScript {
    /// One top-level statement.
    package struct Statement {
        /// The node type, such as `CreateStmt` or `AlterTableStmt`.
        package var tag: String
        /// The statement's node (the body under its tag).
        package var node: ParseNode
        /// Byte offset of its first token (leading comments and blanks skipped).
        package var offset: Int
        /// Length in bytes, from `offset`.
        package var length: Int
    }

    /// The top-level statements, in the order they appear.
    package let statements: [Statement]
    /// The line index of the script's text, for turning byte offsets into lines and columns.
    package let lines: ScriptLines
    /// The script's text as UTF-8 (shared with the parse trees, not copied), where locations point.
    package let bytes: [UInt8]

    /// Parses a script (locations in the tree are byte offsets into it). A large script is parsed in
    /// pieces of whole statements on all cores: libpg_query writes about 12 bytes of JSON per byte of
    /// DDL, and one piece at a time keeps that from being one 100 MB buffer read by one thread.
    package init(_ sql: String) throws {
        let utf8 = Array(sql.utf8)
        lines = ScriptLines(utf8)
        bytes = utf8
        if utf8.count >= Self.pieceSize * 2, let pieces = Self.pieces(sql, utf8), pieces.count > 1,
            let statements = Self.parse(pieces: pieces, of: utf8)
        {
            self.statements = statements
        } else {
            statements = try Self.parse(sql, utf8, base: 0)
        }
    }

    /// About this much SQL per piece (a few MB of JSON each).
    static let pieceSize = 256 * 1024

    /// Parses `text` (which starts at `base` in `whole`) in one go.
    private static func parse(_ text: String, _ whole: [UInt8], base: Int) throws -> [Statement] {
        var result = pg_query_parse(text)
        if let error = result.error {
            defer { pg_query_free_parse_result(result) }
            throw SQLSyntaxError(error.pointee, in: text)
        }
        guard let tree = result.parse_tree else {
            pg_query_free_parse_result(result)
            return []
        }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(tree).assumingMemoryBound(to: UInt8.self), count: strlen(tree))
        let document = try ParseTreeJSON(bytes, source: whole, base: base) { pg_query_free_parse_result(result) }
        result.parse_tree = nil  // owned by the document now
        var found: [Statement] = []
        for raw in document.root["stmts"]?.elements ?? [] {
            guard let (tag, node) = raw["stmt"]?.tagged else { continue }
            let location = base + (raw["stmt_location"]?.int ?? 0)
            let rawLength = raw["stmt_len"]?.int ?? (base + text.utf8.count - location)
            let start = skipTrivia(whole, from: location, limit: location + rawLength)
            found.append(Statement(tag: tag, node: node, offset: start, length: location + rawLength - start))
        }
        return found
    }

    /// Byte ranges of whole statements, about `pieceSize` each, from the scanner's split (cheap, and
    /// exact for DDL). Nil when the scanner cannot split the text.
    private static func pieces(_ sql: String, _ utf8: [UInt8]) -> [Range<Int>]? {
        let split = pg_query_split_with_scanner(sql)
        defer { pg_query_free_split_result(split) }
        guard split.error == nil, let statements = split.stmts else { return nil }
        var pieces: [Range<Int>] = []
        var start = 0
        for i in 0..<Int(split.n_stmts) {
            guard let statement = statements[i] else { continue }
            let end = Int(statement.pointee.stmt_location) + Int(statement.pointee.stmt_len)
            if end - start >= pieceSize, end < utf8.count {
                // Past the statement's semicolon, so the next piece starts a new statement.
                var cut = end
                while cut < utf8.count, utf8[cut] != UInt8(ascii: ";") { cut += 1 }
                guard cut < utf8.count else { break }
                pieces.append(start..<cut + 1)
                start = cut + 1
            }
        }
        pieces.append(start..<utf8.count)
        return pieces
    }

    /// Parses the pieces concurrently; nil if any fails, and the caller parses the whole text instead.
    /// The scanner splits on every top-level semicolon, so a piece may end inside a `BEGIN ATOMIC`
    /// body — that piece is then a syntax error, never a different valid statement, and the whole-text
    /// parse gives the real answer (or the real error, with its real position).
    private static func parse(pieces: [Range<Int>], of utf8: [UInt8]) -> [Statement]? {
        let results = PieceResults(count: pieces.count)
        DispatchQueue.concurrentPerform(iterations: pieces.count) { index in
            let range = pieces[index]
            let text = String(decoding: utf8[range], as: UTF8.self)
            results.slots[index] = try? parse(text, utf8, base: range.lowerBound)
        }
        var statements: [Statement] = []
        for piece in results.slots {
            guard let piece else { return nil }
            statements += piece
        }
        return statements
    }

    /// One slot per piece, each written by exactly one worker of `concurrentPerform`.
    private final class PieceResults: @unchecked Sendable {
        let slots: UnsafeMutableBufferPointer<[Statement]?>
        init(count: Int) {
            slots = .allocate(capacity: count)
            slots.initialize(repeating: nil)
        }
        deinit {
            slots.deinitialize()
            slots.deallocate()
        }
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
package struct ScriptLines: Sendable {
    private let lineStarts: [Int]
    private let bytes: [UInt8]

    /// Indexes the lines of a text.
    package init(_ text: String) { self.init(Array(text.utf8)) }

    /// Indexes the lines of UTF-8 text given as bytes.
    package init(_ bytes: [UInt8]) {
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        lineStarts = starts
        self.bytes = bytes
    }

    /// The 1-based line of a byte offset.
    package func line(ofByte offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }

    /// The byte offset where a 1-based line starts (clamped to the text's lines).
    func start(ofLine line: Int) -> Int { lineStarts[max(0, min(line - 1, lineStarts.count - 1))] }

    /// The 1-based column, in characters, of a byte offset.
    package func column(ofByte offset: Int) -> Int {
        let start = lineStarts[line(ofByte: offset) - 1]
        var column = 1
        for i in start..<min(offset, bytes.count) where bytes[i] & 0xC0 != 0x80 { column += 1 }
        return column
    }
}
