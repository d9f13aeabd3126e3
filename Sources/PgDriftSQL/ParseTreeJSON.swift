import Foundation
import PgDriftModel

/// libpg_query's JSON parse tree, read in one pass into a flat tape of values (in the manner of
/// simdjson): no dictionary or string is built while reading, so a 70 MB tree costs one array of small
/// entries. Nodes are then looked up on demand, and strings decoded only when asked for.
package final class ParseTreeJSON {
    enum Kind: UInt8 { case object, array, string, escapedString, number, literalTrue, literalFalse, null }

    struct Entry {
        var kind: Kind
        /// Byte range of the value; for strings, of the text between the quotes.
        var start: Int32
        var end: Int32
        /// Tape index just past this value and everything inside it.
        var next: Int32
    }

    /// The JSON text, read in place: libpg_query's own buffer (freed with the document) or a copy.
    let bytes: UnsafeBufferPointer<UInt8>
    private let release: () -> Void
    /// The SQL the tree was parsed from, where values the JSON loses are read back (see `integerConstant`).
    let source: [UInt8]
    /// Where the parsed text starts in `source`: locations in the tree count from there.
    let base: Int
    /// Immutable once read, so lookups need no exclusivity checks.
    let tape: [Entry]

    /// Reads `bytes` (libpg_query's output, so well-formed JSON); malformed input throws.
    package convenience init(bytes: [UInt8], source: [UInt8] = []) throws {
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = copy.initialize(from: bytes)
        try self.init(UnsafeBufferPointer(rebasing: copy[0..<bytes.count]), source: source, base: 0) { copy.deallocate() }
    }

    /// Reads JSON in place; `release` frees it when the document goes (also when reading fails).
    init(_ bytes: UnsafeBufferPointer<UInt8>, source: [UInt8], base: Int, release: @escaping () -> Void) throws {
        self.bytes = bytes
        self.release = release
        self.source = source
        self.base = base
        var reader = TapeReader()
        // About one value per 12 bytes of libpg_query's JSON (measured: 8.7 MB of DDL, 103 MB of JSON).
        reader.tape.reserveCapacity(bytes.count / 12)
        var position = 0
        do {
            try reader.readValue(bytes, &position)
        } catch {
            release()
            throw error
        }
        tape = reader.tape
    }

    deinit { release() }

    /// The document's outermost value.
    package var root: ParseNode { ParseNode(document: self, index: 0) }

    /// Builds the tape in a local value (appending to a class's stored array would check exclusivity on
    /// every entry).
    private struct TapeReader {
        var tape: [Entry] = []
        /// Objects and arrays open around the value being read.
        var depth = 0
        /// Deeper trees are refused rather than read: the reader recurses, and an expression such as
        /// three thousand nested unary `+` (found by fuzzing) overflowed the stack.
        static let maximumDepth = 1_000

        func skipSpace(_ buffer: UnsafeBufferPointer<UInt8>, _ position: inout Int) {
            while position < buffer.count {
                switch buffer[position] {
                case 0x20, 0x0A, 0x0D, 0x09: position += 1
                default: return
                }
            }
        }

        mutating func readValue(_ buffer: UnsafeBufferPointer<UInt8>, _ position: inout Int) throws {
            skipSpace(buffer, &position)
            guard position < buffer.count else { throw ParseTreeJSONError(offset: position) }
            depth += 1
            defer { depth -= 1 }
            guard depth <= Self.maximumDepth else { throw ParseTreeJSONError(offset: position, tooDeep: true) }
            let index = tape.count
            switch buffer[position] {
            case UInt8(ascii: "{"):
                tape.append(Entry(kind: .object, start: Int32(position), end: 0, next: 0))
                position += 1
                skipSpace(buffer, &position)
                if position < buffer.count, buffer[position] == UInt8(ascii: "}") {
                    position += 1
                } else {
                    while true {
                        skipSpace(buffer, &position)
                        guard position < buffer.count, buffer[position] == UInt8(ascii: "\"") else {
                            throw ParseTreeJSONError(offset: position)
                        }
                        try readString(buffer, &position)
                        skipSpace(buffer, &position)
                        guard position < buffer.count, buffer[position] == UInt8(ascii: ":") else {
                            throw ParseTreeJSONError(offset: position)
                        }
                        position += 1
                        try readValue(buffer, &position)
                        skipSpace(buffer, &position)
                        guard position < buffer.count else { throw ParseTreeJSONError(offset: position) }
                        if buffer[position] == UInt8(ascii: ",") { position += 1; continue }
                        guard buffer[position] == UInt8(ascii: "}") else { throw ParseTreeJSONError(offset: position) }
                        position += 1
                        break
                    }
                }
            case UInt8(ascii: "["):
                tape.append(Entry(kind: .array, start: Int32(position), end: 0, next: 0))
                position += 1
                skipSpace(buffer, &position)
                if position < buffer.count, buffer[position] == UInt8(ascii: "]") {
                    position += 1
                } else {
                    while true {
                        try readValue(buffer, &position)
                        skipSpace(buffer, &position)
                        guard position < buffer.count else { throw ParseTreeJSONError(offset: position) }
                        if buffer[position] == UInt8(ascii: ",") { position += 1; continue }
                        guard buffer[position] == UInt8(ascii: "]") else { throw ParseTreeJSONError(offset: position) }
                        position += 1
                        break
                    }
                }
            case UInt8(ascii: "\""):
                try readString(buffer, &position)
                return
            case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                let kind: Kind = buffer[position] == UInt8(ascii: "t") ? .literalTrue : buffer[position] == UInt8(ascii: "f") ? .literalFalse : .null
                let start = position
                while position < buffer.count, buffer[position] >= UInt8(ascii: "a"), buffer[position] <= UInt8(ascii: "z") { position += 1 }
                tape.append(Entry(kind: kind, start: Int32(start), end: Int32(position), next: Int32(index + 1)))
                return
            default:
                let start = position
                while position < buffer.count {
                    let byte = buffer[position]
                    guard (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
                        || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
                    else { break }
                    position += 1
                }
                guard position > start else { throw ParseTreeJSONError(offset: start) }
                tape.append(Entry(kind: .number, start: Int32(start), end: Int32(position), next: Int32(index + 1)))
                return
            }
            tape[index].end = Int32(position)
            tape[index].next = Int32(tape.count)
        }

        mutating func readString(_ buffer: UnsafeBufferPointer<UInt8>, _ position: inout Int) throws {
            position += 1
            let start = position
            var escaped = false
            while position < buffer.count {
                let byte = buffer[position]
                if byte == UInt8(ascii: "\"") {
                    tape.append(Entry(
                        kind: escaped ? .escapedString : .string, start: Int32(start), end: Int32(position),
                        next: Int32(tape.count + 1)))
                    position += 1
                    return
                }
                if byte == UInt8(ascii: "\\") {
                    escaped = true
                    position += 2
                } else {
                    position += 1
                }
            }
            throw ParseTreeJSONError(offset: start)
        }
    }

    /// The text of a string entry, with JSON escapes resolved.
    func string(at index: Int) -> String {
        let entry = tape[index]
        let range = Int(entry.start)..<Int(entry.end)
        guard entry.kind == .escapedString else { return String(decoding: bytes[range], as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        JSONEscapes.unescape(UnsafeBufferPointer(rebasing: bytes[range]), into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether the string entry at `index` is exactly `key` (keys carry no escapes). One memcmp: the
    /// replay asks this for every member of every node it reads.
    func stringEquals(at index: Int, _ key: String) -> Bool {
        let entry = tape[index]
        let start = Int(entry.start)
        let length = Int(entry.end) - start
        var key = key
        return key.withUTF8 { utf8 in
            utf8.count == length && (length == 0 || memcmp(utf8.baseAddress!, bytes.baseAddress! + start, length) == 0)
        }
    }
}

/// Malformed JSON from the parser (not expected from libpg_query; reported rather than trusted).
package struct ParseTreeJSONError: Error, CustomStringConvertible, Sendable {
    /// Byte offset into the JSON text where reading failed.
    package var offset: Int
    /// The tree nests deeper than pgdrift reads (an expression nested a thousand levels deep).
    package var tooDeep = false
    /// `malformed parse tree JSON at byte N`, or that the statement nests too deeply.
    package var description: String {
        tooDeep ? "statement nested too deeply to read (more than \(1_000) levels)" : "malformed parse tree JSON at byte \(offset)"
    }
}

/// One value of a parse tree: an object, array, string, number or literal.
package struct ParseNode {
    let document: ParseTreeJSON
    let index: Int

    private var entry: ParseTreeJSON.Entry { document.tape[index] }

    /// The member `key` of an object (libpg_query leaves out members that are zero, false or empty).
    package subscript(_ key: String) -> ParseNode? {
        guard entry.kind == .object else { return nil }
        var i = index + 1
        let end = Int(entry.next)
        while i < end {
            let value = i + 1
            if document.stringEquals(at: i, key) { return ParseNode(document: document, index: value) }
            i = Int(document.tape[value].next)
        }
        return nil
    }

    /// The members of an object, in order.
    package var members: [(key: String, value: ParseNode)] {
        guard entry.kind == .object else { return [] }
        var result: [(String, ParseNode)] = []
        var i = index + 1
        let end = Int(entry.next)
        while i < end {
            result.append((document.string(at: i), ParseNode(document: document, index: i + 1)))
            i = Int(document.tape[i + 1].next)
        }
        return result
    }

    /// A node wrapped in its type, as libpg_query writes every node: `{"CreateStmt": {...}}`.
    package var tagged: (tag: String, node: ParseNode)? {
        guard entry.kind == .object, index + 1 < Int(entry.next) else { return nil }
        return (document.string(at: index + 1), ParseNode(document: document, index: index + 2))
    }

    /// Whether this is a node of type `tag` (`{"tag": {...}}`), and its body if so.
    package func node(_ tag: String) -> ParseNode? {
        guard entry.kind == .object, index + 1 < Int(entry.next), document.stringEquals(at: index + 1, tag) else { return nil }
        return ParseNode(document: document, index: index + 2)
    }

    /// The elements of an array (empty for anything else).
    package var elements: [ParseNode] {
        guard entry.kind == .array else { return [] }
        var result: [ParseNode] = []
        var i = index + 1
        let end = Int(entry.next)
        while i < end {
            result.append(ParseNode(document: document, index: i))
            i = Int(document.tape[i].next)
        }
        return result
    }

    /// The text of a string value.
    package var string: String? {
        entry.kind == .string || entry.kind == .escapedString ? document.string(at: index) : nil
    }

    /// Whether this string value is exactly `text`, without building a String.
    package func isString(_ text: String) -> Bool {
        (entry.kind == .string || entry.kind == .escapedString) && document.stringEquals(at: index, text)
    }

    /// The value of an integer number.
    package var int: Int? {
        guard entry.kind == .number else { return nil }
        var value = 0
        var negative = false
        for i in Int(entry.start)..<Int(entry.end) {
            let byte = document.bytes[i]
            if byte == UInt8(ascii: "-") { negative = true; continue }
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return negative ? -value : value
    }

    var isEmptyArray: Bool { entry.kind == .array && Int(entry.next) == index + 1 }
    var isEmptyObject: Bool { entry.kind == .object && Int(entry.next) == index + 1 }

    /// The raw text of a number or literal.
    var scalarText: String {
        String(decoding: document.bytes[Int(entry.start)..<Int(entry.end)], as: UTF8.self)
    }

    /// The value of an `A_Const` body's integer. libpg_query 15's JSON writes zero and every negative
    /// integer alike, as `"ival": {}`; the number is then read from the SQL at the constant's location
    /// (`-1`, `- 1`). Nil when the body holds no integer, or the SQL is not at hand.
    package var integerConstant: Int? {
        guard let ival = self["ival"] else { return nil }
        if let value = ival["ival"]?.int { return value }
        let source = document.source
        guard let relative = self["location"]?.int, document.base + relative < source.count else { return source.isEmpty ? 0 : nil }
        var i = document.base + relative
        var negative = false
        if source[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
            while i < source.count, source[i] == 0x20 || source[i] == 0x0A || source[i] == 0x09 || source[i] == 0x0D { i += 1 }
        }
        var value = 0
        var digits = 0
        while i < source.count, source[i] >= 0x30, source[i] <= 0x39 {
            value = value * 10 + Int(source[i] - 0x30)
            i += 1
            digits += 1
        }
        guard digits > 0 else { return nil }
        return negative ? -value : value
    }

    /// `true` for the literal true.
    package var bool: Bool { entry.kind == .literalTrue }

    /// The byte offset of a node's `location` in the whole script (the tree may be of a piece of it).
    package var location: Int? {
        guard let relative = self["location"]?.int, relative >= 0 else { return nil }
        return relative + document.base
    }

    /// The texts of a list of `String` nodes (`[{"String": {"sval": "public"}}, ...]`), as names come.
    package var strings: [String] {
        elements.compactMap { $0.node("String")?["sval"]?.string }
    }

    /// Every node of type `tag` inside this one (this one included), depth first, in text order.
    package func descendants(_ tag: String) -> [ParseNode] {
        var found: [ParseNode] = []
        let end = Int(entry.next)
        var i = index
        while i < end {
            let current = document.tape[i]
            if current.kind == .object, i + 1 < Int(current.next), document.stringEquals(at: i + 1, tag) {
                found.append(ParseNode(document: document, index: i + 2))
            }
            i += 1
        }
        return found
    }
}
