import Foundation

/// Reads JSON the way Foundation's `JSONDecoder` does with `.convertFromSnakeCase`, throwing the same
/// `DecodingError`s (kind, type and coding path), so `Snapshot.describe` words problems as before.
/// Several times faster on a large snapshot: the document is indexed once (`JSONTape`) and keys are
/// matched in place rather than copied into a dictionary per object.
public enum SnapshotJSONDecoder {
    /// Decodes a `T` from `data`; a document that is not valid JSON throws Foundation's
    /// `dataCorrupted` error at the top level.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try JSONDocument.reading(data) { try $0.decode(type) }
    }
}

/// A parsed document: its bytes and their index, decoded into any number of types. It reads the bytes
/// in place, so it lives only inside `reading`.
final class JSONDocument {
    let bytes: UnsafeBufferPointer<UInt8>
    let tape: JSONTape
    /// Unescaping scratch space.
    var scratch: [UInt8] = []

    /// Indexes `bytes`, throwing Foundation's "not valid JSON" error when they are not JSON.
    private init(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        self.bytes = bytes
        tape = try JSONTape.scan(bytes)
    }

    /// Runs `body` on `data` indexed, without copying it (unless it has to be converted to UTF-8).
    static func reading<R>(_ data: Data, _ body: (JSONDocument) throws -> R) throws -> R {
        try utf8(data).withUnsafeBytes { raw in
            try body(JSONDocument(raw.bindMemory(to: UInt8.self)))
        }
    }

    /// Decodes the whole document as a `T`.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONValueDecoder(document: self, node: 0, parent: nil, key: nil).decodeValue(type)
    }

    /// Foundation also reads UTF-16 and UTF-32 documents, recognised by a byte-order mark or by the
    /// zero bytes around the first (ASCII) character; they are converted to UTF-8 first.
    private static func utf8(_ data: Data) -> Data {
        let b = [UInt8](data.prefix(4)) + [1, 1, 1, 1]
        let encoding: String.Encoding?
        if data.count >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF {
            encoding = .utf32BigEndian
        } else if data.count >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0 {
            encoding = .utf32LittleEndian
        } else if data.count >= 2 && b[0] == 0xFE && b[1] == 0xFF {
            encoding = .utf16BigEndian
        } else if data.count >= 2 && b[0] == 0xFF && b[1] == 0xFE {
            encoding = .utf16LittleEndian
        } else if data.count >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0 {
            encoding = .utf32BigEndian
        } else if data.count >= 4 && b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0 {
            encoding = .utf32LittleEndian
        } else if data.count >= 2 && b[0] == 0 && b[1] != 0 {
            encoding = .utf16BigEndian
        } else if data.count >= 2 && b[0] != 0 && b[1] == 0 {
            encoding = .utf16LittleEndian
        } else {
            encoding = nil
        }
        guard let encoding, let text = String(data: data, encoding: encoding) else { return data }
        var utf8 = Data(text.utf8)
        if utf8.starts(with: [0xEF, 0xBB, 0xBF]) { utf8.removeFirst(3) }
        return utf8
    }

    // MARK: Scalars

    /// The bytes of entry `node` (a string's content, a number's text).
    @inline(__always)
    func text(_ node: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[Int(tape.starts[node])..<Int(tape.ends[node])])
    }

    func string(_ node: Int) -> String {
        let raw = text(node)
        guard tape.kinds[node] == .escapedString else { return String(decoding: raw, as: UTF8.self) }
        scratch.removeAll(keepingCapacity: true)
        unescape(raw, into: &scratch)
        return String(decoding: scratch, as: UTF8.self)
    }

    /// Resolves escapes already checked by the scanner.
    func unescape(_ raw: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        JSONEscapes.unescape(raw, into: &out)
    }

    /// A number as an integer type: digits parse directly; anything else goes through `Double` and must
    /// be exactly representable, as in Foundation, whose error is then "not valid JSON".
    func integer<I: FixedWidthInteger>(_ node: Int, as type: I.Type) throws -> I {
        let raw = text(node)
        var negative = false
        var i = 0
        if raw[0] == UInt8(ascii: "-") { negative = true; i = 1 }
        var value: I = 0
        var simple = true
        while i < raw.count {
            let byte = raw[i]
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { simple = false; break }
            let digit = I(byte - UInt8(ascii: "0"))
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = negative ? times10.subtractingReportingOverflow(digit) : times10.addingReportingOverflow(digit)
            guard !o1 && !o2 else { simple = false; break }
            value = next
            i += 1
        }
        if simple { return value }
        guard let double = Double(String(decoding: raw, as: UTF8.self)), let exact = I(exactly: double) else {
            throw JSONTape.invalid
        }
        return exact
    }

    func floatingPoint<F: BinaryFloatingPoint & LosslessStringConvertible>(_ node: Int, as type: F.Type) throws -> F {
        guard let value = F(String(decoding: text(node), as: UTF8.self)), value.isFinite else { throw JSONTape.invalid }
        return value
    }
}

/// A coding path as a chain, built only when an error or a type asks for it.
final class JSONPath {
    let parent: JSONPath?
    let key: any CodingKey
    init(parent: JSONPath?, key: any CodingKey) {
        self.parent = parent
        self.key = key
    }

    static func array(_ path: JSONPath?) -> [any CodingKey] {
        var keys: [any CodingKey] = []
        var node = path
        while let current = node {
            keys.append(current.key)
            node = current.parent
        }
        return keys.reversed()
    }
}
