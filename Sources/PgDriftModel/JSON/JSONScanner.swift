import Foundation

/// A JSON document checked and indexed in one pass: one entry per value (object keys included), in
/// document order, each pointing back into the bytes. Strings and numbers are converted only when asked
/// for, so reading a snapshot costs about one pass over it plus the model's own work.
///
/// It accepts what Foundation's `JSONDecoder` accepts (a trailing comma in arrays and objects too, a
/// UTF-8 byte-order mark, nesting up to 512 levels) and refuses the rest with Foundation's error.
struct JSONTape {
    enum Kind: UInt8 {
        case null, trueValue, falseValue, number, string, escapedString, array, object
    }

    /// Per entry: its kind; where its text starts (for strings, after the quote); for scalars where it
    /// ends (before a string's closing quote), for containers the index of the entry after its last
    /// descendant.
    var kinds: [Kind] = []
    var starts: [UInt32] = []
    var ends: [UInt32] = []

    /// The entry after `index` and everything inside it.
    @inline(__always)
    func next(after index: Int) -> Int {
        let kind = kinds[index]
        return kind == .array || kind == .object ? Int(ends[index]) : index + 1
    }

    static let maximumDepth = 512

    static var invalid: DecodingError {
        DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "The given data was not valid JSON."))
    }

    /// Indexes `bytes`, throwing Foundation's "not valid JSON" error for anything it would refuse.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) throws -> JSONTape {
        // Offsets are 32-bit to keep the index small; a snapshot of 4 GB is refused.
        guard bytes.count < Int(UInt32.max) else { throw JSONTape.invalid }
        var scanner = Scanner(bytes: bytes)
        scanner.tape.kinds.reserveCapacity(bytes.count / 8)
        scanner.tape.starts.reserveCapacity(bytes.count / 8)
        scanner.tape.ends.reserveCapacity(bytes.count / 8)
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { scanner.position = 3 }
        scanner.skipWhitespace()
        try scanner.value(depth: 0)
        scanner.skipWhitespace()
        guard scanner.position == bytes.count else { throw JSONTape.invalid }
        return scanner.tape
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        var tape = JSONTape()

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        @inline(__always)
        mutating func skipWhitespace() {
            while position < bytes.count {
                let byte = bytes[position]
                guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
                position += 1
            }
        }

        @inline(__always)
        mutating func append(_ kind: Kind, _ start: Int, _ end: Int) {
            tape.kinds.append(kind)
            tape.starts.append(UInt32(truncatingIfNeeded: start))
            tape.ends.append(UInt32(truncatingIfNeeded: end))
        }

        mutating func value(depth: Int) throws {
            guard position < bytes.count else { throw JSONTape.invalid }
            switch bytes[position] {
            case UInt8(ascii: "{"): try container(object: true, depth: depth + 1)
            case UInt8(ascii: "["): try container(object: false, depth: depth + 1)
            case UInt8(ascii: "\""): try string()
            case UInt8(ascii: "t"): try literal("true", .trueValue)
            case UInt8(ascii: "f"): try literal("false", .falseValue)
            case UInt8(ascii: "n"): try literal("null", .null)
            default: try number()
            }
        }

        mutating func literal(_ text: StaticString, _ kind: Kind) throws {
            let count = text.utf8CodeUnitCount
            guard bytes.count - position >= count else { throw JSONTape.invalid }
            for i in 0..<count where bytes[position + i] != text.utf8Start[i] { throw JSONTape.invalid }
            append(kind, position, position + count)
            position += count
        }

        mutating func container(object: Bool, depth: Int) throws {
            guard depth <= JSONTape.maximumDepth else { throw JSONTape.invalid }
            let index = tape.kinds.count
            append(object ? .object : .array, position, 0)
            position += 1
            let close = object ? UInt8(ascii: "}") : UInt8(ascii: "]")
            skipWhitespace()
            var first = true
            while true {
                guard position < bytes.count else { throw JSONTape.invalid }
                if bytes[position] == close { position += 1; break }
                if !first {
                    guard bytes[position] == UInt8(ascii: ",") else { throw JSONTape.invalid }
                    position += 1
                    skipWhitespace()
                    // Foundation allows one trailing comma.
                    if position < bytes.count && bytes[position] == close { position += 1; break }
                }
                first = false
                if object {
                    guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw JSONTape.invalid }
                    try string()
                    skipWhitespace()
                    guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw JSONTape.invalid }
                    position += 1
                    skipWhitespace()
                }
                try value(depth: depth)
                skipWhitespace()
            }
            tape.ends[index] = UInt32(truncatingIfNeeded: tape.kinds.count)
        }

        mutating func string() throws {
            position += 1
            let start = position
            var escaped = false
            var ascii = true
            while true {
                guard position < bytes.count else { throw JSONTape.invalid }
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") { break }
                if byte < 0x20 { throw JSONTape.invalid }
                if byte >= 0x80 { ascii = false }
                if byte == UInt8(ascii: "\\") {
                    escaped = true
                    try escape()
                } else {
                    position += 1
                }
            }
            if !ascii {
                let text = UnsafeBufferPointer(rebasing: bytes[start..<position])
                guard String(validating: text, as: UTF8.self) != nil else { throw JSONTape.invalid }
            }
            append(escaped ? .escapedString : .string, start, position)
            position += 1
        }

        /// Checks one escape; `\u` escapes must pair surrogates as Foundation requires.
        mutating func escape() throws {
            position += 1
            guard position < bytes.count else { throw JSONTape.invalid }
            switch bytes[position] {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                position += 1
            case UInt8(ascii: "u"):
                let unit = try hex4(at: position + 1)
                position += 5
                if unit >= 0xD800 && unit < 0xDC00 {
                    guard bytes.count - position >= 6, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
                    else { throw JSONTape.invalid }
                    let low = try hex4(at: position + 2)
                    guard low >= 0xDC00 && low < 0xE000 else { throw JSONTape.invalid }
                    position += 6
                } else if unit >= 0xDC00 && unit < 0xE000 {
                    throw JSONTape.invalid
                }
            default:
                throw JSONTape.invalid
            }
        }

        func hex4(at offset: Int) throws -> UInt16 {
            guard bytes.count - offset >= 4 else { throw JSONTape.invalid }
            var value: UInt16 = 0
            for i in 0..<4 {
                guard let digit = JSONTape.hexValue(bytes[offset + i]) else { throw JSONTape.invalid }
                value = value << 4 | UInt16(digit)
            }
            return value
        }

        /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
        mutating func number() throws {
            let start = position
            func digits() -> Int {
                let from = position
                while position < bytes.count && bytes[position] >= UInt8(ascii: "0") && bytes[position] <= UInt8(ascii: "9") { position += 1 }
                return position - from
            }
            if position < bytes.count && bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard position < bytes.count else { throw JSONTape.invalid }
            if bytes[position] == UInt8(ascii: "0") {
                position += 1
            } else {
                guard digits() > 0 else { throw JSONTape.invalid }
            }
            if position < bytes.count && bytes[position] == UInt8(ascii: ".") {
                position += 1
                guard digits() > 0 else { throw JSONTape.invalid }
            }
            if position < bytes.count && (bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E")) {
                position += 1
                if position < bytes.count && (bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")) { position += 1 }
                guard digits() > 0 else { throw JSONTape.invalid }
            }
            // A number runs into the next token only through whitespace or punctuation.
            if position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x0A, 0x0D, 0x09, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"): break
                default: throw JSONTape.invalid
                }
            }
            append(.number, start, position)
        }
    }

    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt8? { JSONEscapes.hexValue(byte) }
}
