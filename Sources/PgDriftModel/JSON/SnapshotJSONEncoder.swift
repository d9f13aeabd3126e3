import Foundation

/// Writes the same bytes as Foundation's `JSONEncoder` configured with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` and `.convertToSnakeCase`, several times faster
/// and with a fraction of the memory: Foundation builds a tree of dictionaries for the whole snapshot
/// first, which at 10,000 tables took most of the time and 400 MB.
///
/// It reuses the types' `Codable` conformances. Values are written straight into one byte buffer; an
/// object's members are written in the order the type encodes them and put in key order when the object
/// is finished (its bytes are moved once per nesting level).
public enum SnapshotJSONEncoder {
    /// The JSON text of `value`, without a trailing newline (as `JSONEncoder.encode`).
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let sink = JSONSink()
        try sink.encodeValue(value, depth: 0)
        guard !sink.bytes.isEmpty else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: [], debugDescription: "Top-level \(T.self) did not encode any values."))
        }
        return sink.bytes
    }
}

/// The output buffer and the containers still open, innermost last.
final class JSONSink {
    var bytes: [UInt8] = []
    /// Members of the open objects, innermost object's last (a child object is finished before its
    /// parent writes its next member, so each object's members are contiguous at the top).
    var members: [Member] = []
    /// Snake-cased, quoted and escaped keys, by coding key; looked up by `stringValue`.
    var keyIDs: [String: Int] = [:]
    var keys: [[UInt8]] = []
    /// The path of the value being encoded, kept for `Encoder.codingPath`.
    var path: [any CodingKey] = []
    private var scratch: [UInt8] = []

    struct Member {
        var key: Int
        var start: Int
        var end: Int
    }

    init() { bytes.reserveCapacity(1 << 16) }

    // MARK: Values

    /// Encodes a value whose nested containers sit `depth` levels deep, finishing its container if it
    /// opened one.
    func encodeValue<T: Encodable>(_ value: T, depth: Int) throws {
        if encodePrimitive(value) { return }
        let start = bytes.count
        let encoder = JSONValueEncoder(sink: self, depth: depth, start: start, firstMember: members.count)
        try value.encode(to: encoder)
        switch encoder.state.kind {
        case .keyed: finishObject(start: start, firstMember: encoder.state.firstMember, depth: depth)
        case .unkeyed: finishArray(count: encoder.state.count, depth: depth)
        case .none:
            // Foundation writes an empty object for a nested value that encoded nothing.
            if bytes.count == start && depth > 0 { finishObject(start: start, firstMember: members.count, depth: depth) }
        case .single: break
        }
    }

    /// Writes strings, integers and booleans directly, skipping the container machinery.
    @inline(__always)
    func encodePrimitive<T>(_ value: T) -> Bool {
        if T.self == String.self {
            writeString(unsafeBitCast(value, to: String.self))
        } else if T.self == Int.self {
            writeInteger(unsafeBitCast(value, to: Int.self))
        } else if T.self == Int64.self {
            writeInteger(unsafeBitCast(value, to: Int64.self))
        } else if T.self == Bool.self {
            writeBool(unsafeBitCast(value, to: Bool.self))
        } else {
            return false
        }
        return true
    }

    // MARK: Objects

    /// The key's id; coding keys that convert to the same text share one, so the last value wins as in
    /// Foundation.
    func keyID(_ key: some CodingKey) -> Int {
        let name = key.stringValue
        if let id = keyIDs[name] { return id }
        let saved = bytes
        bytes = []
        writeString(JSONKeys.snakeCase(name))
        let quoted = bytes
        bytes = saved
        let id = keys.firstIndex(of: quoted) ?? keys.count
        if id == keys.count { keys.append(quoted) }
        keyIDs[name] = id
        return id
    }

    /// Rewrites the members written since `start` as a pretty object in key order.
    func finishObject(start: Int, firstMember: Int, depth: Int) {
        let count = members.count - firstMember
        // Insertion sort: objects are small, and it is stable, so a repeated key keeps its last value.
        if count > 1 {
            for i in (firstMember + 1)..<members.count {
                let member = members[i]
                var j = i
                while j > firstMember && keyPrecedes(member.key, members[j - 1].key) {
                    members[j] = members[j - 1]
                    j -= 1
                }
                members[j] = member
            }
        }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: bytes[start...])
        bytes.removeSubrange(start...)
        bytes.append(UInt8(ascii: "{"))
        bytes.append(0x0A)
        var first = true
        for i in firstMember..<members.count {
            let member = members[i]
            if i + 1 < members.count && members[i + 1].key == member.key { continue }
            if first { first = false } else { bytes.append(UInt8(ascii: ",")); bytes.append(0x0A) }
            writeIndent(depth + 1)
            bytes.append(contentsOf: keys[member.key])
            bytes.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20])
            bytes.append(contentsOf: scratch[(member.start - start)..<(member.end - start)])
        }
        members.removeSubrange(firstMember...)
        bytes.append(0x0A)
        writeIndent(depth)
        bytes.append(UInt8(ascii: "}"))
    }

    private func keyPrecedes(_ a: Int, _ b: Int) -> Bool {
        a != b && keys[a].lexicographicallyPrecedes(keys[b])
    }

    // MARK: Arrays

    func arrayElementSeparator(index: Int, depth: Int) {
        if index > 0 { bytes.append(UInt8(ascii: ",")) }
        bytes.append(0x0A)
        writeIndent(depth + 1)
    }

    func finishArray(count: Int, depth: Int) {
        if count == 0 { bytes.append(0x0A) }
        bytes.append(0x0A)
        writeIndent(depth)
        bytes.append(UInt8(ascii: "]"))
    }

    // MARK: Scalars

    private static let spaces = [UInt8](repeating: 0x20, count: 64)

    func writeIndent(_ depth: Int) {
        var remaining = depth * 2
        while remaining > 0 {
            let n = min(remaining, Self.spaces.count)
            bytes.append(contentsOf: Self.spaces[0..<n])
            remaining -= n
        }
    }

    func writeBool(_ value: Bool) {
        if value { bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65]) } else { bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65]) }
    }

    func writeNull() { bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }

    func writeInteger<I: FixedWidthInteger>(_ value: I) {
        if value == 0 { bytes.append(UInt8(ascii: "0")); return }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 24 digits
        var magnitude = value.magnitude
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            var index = buffer.count
            while magnitude != 0 {
                let (quotient, remainder) = magnitude.quotientAndRemainder(dividingBy: 10)
                index -= 1
                buffer[index] = UInt8(ascii: "0") + UInt8(remainder)
                magnitude = quotient
                count += 1
            }
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            bytes.append(contentsOf: buffer[index...])
        }
    }

    /// Other numbers as Foundation writes them (its `description`, without a trailing `.0`).
    func writeNumberText(_ text: String) {
        var text = text
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    /// A quoted string, escaped as Foundation escapes it: `"` and `\`, `\b \f \n \r \t`, other control
    /// characters as `\u00xx` (lowercase hex); `/`, DEL and non-ASCII are written as they are.
    func writeString(_ string: String) {
        var string = string
        bytes.append(UInt8(ascii: "\""))
        string.withUTF8 { utf8 in
            var mark = 0
            for i in 0..<utf8.count {
                let byte = utf8[i]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                if i > mark { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark..<i])) }
                mark = i + 1
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                }
            }
            if utf8.count > mark { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
