import Foundation

/// Writes the same bytes as Foundation's `JSONEncoder` configured with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` and `.convertToSnakeCase`, several times faster
/// and with a fraction of the memory: Foundation builds a tree of dictionaries for the whole snapshot
/// first, which at 10,000 tables took most of the time and 400 MB.
///
/// It reuses the types' `Codable` conformances. Everything is written straight into one buffer, in the
/// order the types encode it; an object whose members came out of key order is put in order when it is
/// finished, moving its largest member once and the others through a small scratch buffer.
public enum SnapshotJSONEncoder {
    /// The JSON text of `value` (as `JSONEncoder.encode`), with a newline after it if asked.
    public static func encode<T: Encodable>(_ value: T, newline: Bool = false) throws -> Data {
        let sink = JSONSink()
        try sink.encodeValue(value, depth: 0)
        guard sink.count > 0 else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: [], debugDescription: "Top-level \(T.self) did not encode any values."))
        }
        if newline { sink.append(0x0A) }
        return sink.takeData()
    }
}

/// The output buffer and the containers still open, innermost last.
final class JSONSink {
    // The hot properties skip dynamic exclusivity checks (a thread-local lookup per access showed in the
    // profile); the sink is used by one thread and never hands out `inout` access to them.

    /// The output: malloc'd so it can grow in place with `realloc` and become the `Data` without a copy.
    @exclusivity(unchecked) private(set) var base: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private(set) var count = 0
    @exclusivity(unchecked) private var capacity: Int
    /// Members of the open objects, innermost object's last (a child object is finished before its
    /// parent writes its next member, so each object's members are contiguous at the top).
    @exclusivity(unchecked) var members: [Member] = []
    /// Snake-cased, quoted and escaped keys followed by ` : `, by coding key's `stringValue`.
    var keyIDs: [String: Int] = [:]
    @exclusivity(unchecked) var keys: [[UInt8]] = []
    /// The path of the value being encoded, kept for `Encoder.codingPath`.
    var path: [any CodingKey] = []
    @exclusivity(unchecked) private var scratch: [UInt8] = []
    @exclusivity(unchecked) private var order: [Member] = []

    /// One member of an object: `indent "key" : value,\n` at `start..<end`.
    struct Member {
        var key: Int
        var start: Int
        var end: Int
    }

    init() {
        capacity = 1 << 16
        base = malloc(capacity)!.assumingMemoryBound(to: UInt8.self)
    }

    deinit { free(base) }

    /// The buffer as `Data`, which now owns it.
    func takeData() -> Data {
        let data = Data(bytesNoCopy: base, count: count, deallocator: .free)
        capacity = 16
        base = malloc(capacity)!.assumingMemoryBound(to: UInt8.self)
        count = 0
        return data
    }

    // MARK: Bytes

    @inline(__always)
    func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    private func grow(_ needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        base = realloc(base, newCapacity)!.assumingMemoryBound(to: UInt8.self)
        capacity = newCapacity
    }

    @inline(__always)
    func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    func append(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0 else { return }
        reserve(bytes.count)
        (base + count).update(from: bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    @inline(__always)
    func append(_ text: StaticString) {
        append(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    // MARK: Values

    /// Encodes a value whose nested containers sit `depth` levels deep, finishing its container if it
    /// opened one.
    func encodeValue<T: Encodable>(_ value: T, depth: Int) throws {
        if encodePrimitive(value) { return }
        let start = count
        let encoder = JSONValueEncoder(sink: self, depth: depth, firstMember: members.count)
        try value.encode(to: encoder)
        switch encoder.state.kind {
        case .keyed: finishObject(firstMember: encoder.state.firstMember, depth: depth)
        case .unkeyed: finishArray(count: encoder.state.count, depth: depth)
        case .none:
            // Foundation writes an empty object for a nested value that encoded nothing.
            if count == start && depth > 0 {
                append("{\n")
                finishObject(firstMember: members.count, depth: depth)
            }
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
        let quoted = JSONSink.quoted(JSONKeys.snakeCase(name)) + Array(" : ".utf8)
        let id = keys.firstIndex(of: quoted) ?? keys.count
        if id == keys.count { keys.append(quoted) }
        keyIDs[name] = id
        return id
    }

    static func quoted(_ text: String) -> [UInt8] {
        let sink = JSONSink()
        sink.writeString(text)
        return Array(UnsafeBufferPointer(start: sink.base, count: sink.count))
    }

    /// Writes the start of a member: its indent and key; its value and `,\n` follow.
    @inline(__always)
    func beginMember(_ key: Int, depth: Int) -> Int {
        let start = count
        writeIndent(depth + 1)
        append(keys[key])
        return start
    }

    @inline(__always)
    func endMember(_ key: Int, start: Int) {
        append(",\n")
        members.append(Member(key: key, start: start, end: count))
    }

    /// Closes the object whose members start at `firstMember`, putting them in key order first.
    func finishObject(firstMember: Int, depth: Int) {
        let n = members.count - firstMember
        if n == 0 {
            append("\n")
        } else {
            var ordered = true
            for i in (firstMember + 1)..<members.count where !keyPrecedes(members[i - 1].key, members[i].key) {
                ordered = false
                break
            }
            if !ordered { reorder(firstMember: firstMember) }
            // The last member's ",\n" becomes "\n".
            count -= 2
            append("\n")
        }
        members.removeSubrange(firstMember...)
        writeIndent(depth)
        append(UInt8(ascii: "}"))
    }

    /// Rewrites the object's member region in key order, keeping only the last of repeated keys. The
    /// largest member (a snapshot's tables) is moved once with `memmove`; the rest go through `scratch`.
    /// The work arrays are kept between objects: there is one object per column.
    private func reorder(firstMember: Int) {
        let regionStart = members[firstMember].start
        order.removeAll(keepingCapacity: true)
        // Insertion sort: objects are small, and it is stable, so a repeated key keeps its last value.
        for member in members[firstMember...] {
            var j = order.count
            order.append(member)
            while j > 0 && keyPrecedes(member.key, order[j - 1].key) {
                order[j] = order[j - 1]
                j -= 1
            }
            order[j] = member
        }
        var kept = 0
        for i in order.indices where i + 1 == order.count || order[i + 1].key != order[i].key {
            order[kept] = order[i]
            kept += 1
        }
        order.removeLast(order.count - kept)
        var largest = 0
        for i in order.indices where order[i].end - order[i].start > order[largest].end - order[largest].start { largest = i }
        scratch.removeAll(keepingCapacity: true)
        for (i, member) in order.enumerated() where i != largest {
            scratch.append(contentsOf: UnsafeBufferPointer(start: base + member.start, count: member.end - member.start))
        }
        var offset = regionStart
        for i in 0..<largest { offset += order[i].end - order[i].start }
        let big = order[largest]
        if offset != big.start { memmove(base + offset, base + big.start, big.end - big.start) }
        offset = regionStart
        var fromScratch = 0
        scratch.withUnsafeBufferPointer { scratch in
            for (i, member) in order.enumerated() {
                let length = member.end - member.start
                if i != largest {
                    (base + offset).update(from: scratch.baseAddress! + fromScratch, count: length)
                    fromScratch += length
                }
                offset += length
            }
        }
        // Dropped repeats leave the region shorter.
        count = offset
    }

    private func keyPrecedes(_ a: Int, _ b: Int) -> Bool {
        a != b && keys[a].lexicographicallyPrecedes(keys[b])
    }

    // MARK: Arrays

    func arrayElementSeparator(index: Int, depth: Int) {
        if index > 0 { append(UInt8(ascii: ",")) }
        append(0x0A)
        writeIndent(depth + 1)
    }

    func finishArray(count elements: Int, depth: Int) {
        if elements == 0 { append(0x0A) }
        append(0x0A)
        writeIndent(depth)
        append(UInt8(ascii: "]"))
    }

    // MARK: Scalars

    @inline(__always)
    func writeIndent(_ depth: Int) {
        let n = depth * 2
        reserve(n)
        (base + count).update(repeating: 0x20, count: n)
        count += n
    }

    func writeBool(_ value: Bool) { value ? append("true") : append("false") }

    func writeNull() { append("null") }

    func writeInteger<I: FixedWidthInteger>(_ value: I) {
        if value == 0 { append(UInt8(ascii: "0")); return }
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
            if value < 0 { append(UInt8(ascii: "-")) }
            append(UnsafeRawBufferPointer(rebasing: buffer[index...]))
        }
    }

    /// Other numbers as Foundation writes them (its `description`, without a trailing `.0`).
    func writeNumberText(_ text: String) {
        var text = text
        if text.hasSuffix(".0") { text.removeLast(2) }
        append(Array(text.utf8))
    }

    /// A quoted string, escaped as Foundation escapes it: `"` and `\`, `\b \f \n \r \t`, other control
    /// characters as `\u00xx` (lowercase hex); `/`, DEL and non-ASCII are written as they are.
    func writeString(_ string: String) {
        var string = string
        append(UInt8(ascii: "\""))
        string.withUTF8 { utf8 in
            // Escaping makes at most six bytes of one.
            reserve(utf8.count * 6 + 1)
            var out = base + count
            for byte in utf8 {
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
                    out.pointee = byte
                    out += 1
                    continue
                }
                out.pointee = UInt8(ascii: "\\")
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out[1] = byte
                case 0x08: out[1] = UInt8(ascii: "b")
                case 0x0C: out[1] = UInt8(ascii: "f")
                case 0x0A: out[1] = UInt8(ascii: "n")
                case 0x0D: out[1] = UInt8(ascii: "r")
                case 0x09: out[1] = UInt8(ascii: "t")
                default:
                    let hex: StaticString = "0123456789abcdef"
                    out[1] = UInt8(ascii: "u")
                    out[2] = 0x30
                    out[3] = 0x30
                    out[4] = hex.utf8Start[Int(byte >> 4)]
                    out[5] = hex.utf8Start[Int(byte & 0xF)]
                    out += 4
                }
                out += 2
            }
            count = out - base
        }
        append(UInt8(ascii: "\""))
    }
}
