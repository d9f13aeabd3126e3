import Foundation

/// The `Decoder` for one value of a `JSONDocument`. Its own key is kept apart from its parent's path,
/// so strings, numbers and enums cost no allocation; the path node is made when a container needs it.
struct JSONValueDecoder: Decoder {
    let document: JSONDocument
    let node: Int
    let parent: JSONPath?
    let key: (any CodingKey)?

    var path: JSONPath? { key.map { JSONPath(parent: parent, key: $0) } ?? parent }
    var codingPath: [any CodingKey] { JSONPath.array(path) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        switch document.tape.kinds[node] {
        case .object: return KeyedDecodingContainer(JSONKeyedDecoder<Key>(document: document, object: node, path: path))
        case .null:
            throw DecodingError.valueNotFound([String: Any].self, .init(
                codingPath: codingPath, debugDescription: "Cannot get keyed decoding container -- found null value instead"))
        default:
            throw mismatch([String: Any].self, codingPath)
        }
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        switch document.tape.kinds[node] {
        case .array: return JSONUnkeyedDecoder(document: document, array: node, path: path)
        case .null:
            throw DecodingError.valueNotFound([Any].self, .init(
                codingPath: codingPath, debugDescription: "Cannot get unkeyed decoding container -- found null value instead"))
        default:
            throw mismatch([Any].self, codingPath)
        }
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    /// Decodes this value, reading strings, integers and booleans directly.
    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == String.self { return try unsafeBitCast(decode(String.self), to: T.self) }
        if T.self == Int.self { return try unsafeBitCast(decode(Int.self), to: T.self) }
        if T.self == Int64.self { return try unsafeBitCast(decode(Int64.self), to: T.self) }
        if T.self == Bool.self { return try unsafeBitCast(decode(Bool.self), to: T.self) }
        return try T(from: self)
    }

    func mismatch(_ type: Any.Type, _ path: [any CodingKey]) -> DecodingError {
        let found: String
        switch document.tape.kinds[node] {
        case .null: found = "null"
        case .trueValue, .falseValue: found = "bool"
        case .number: found = "number"
        case .string, .escapedString: found = "a string"
        case .array: found = "an array"
        case .object: found = "a dictionary"
        }
        return DecodingError.typeMismatch(type, .init(codingPath: path, debugDescription: "Expected to decode \(type) but found \(found) instead."))
    }

    func notFound(_ type: Any.Type) -> DecodingError {
        DecodingError.valueNotFound(type, .init(codingPath: codingPath, debugDescription: "Cannot get value of type \(type) -- found null value instead"))
    }
}

extension JSONValueDecoder: SingleValueDecodingContainer {
    func decodeNil() -> Bool { document.tape.kinds[node] == .null }

    func decode(_ type: Bool.Type) throws -> Bool {
        switch document.tape.kinds[node] {
        case .trueValue: return true
        case .falseValue: return false
        // Foundation reports a null Bool as a mismatch, not as a missing value.
        default: throw mismatch(type, codingPath)
        }
    }

    func decode(_ type: String.Type) throws -> String {
        switch document.tape.kinds[node] {
        case .string, .escapedString: return document.string(node)
        case .null: throw notFound(type)
        default: throw mismatch(type, codingPath)
        }
    }

    private func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        switch document.tape.kinds[node] {
        case .number: return try document.integer(node, as: type)
        case .null: throw notFound(type)
        default: throw mismatch(type, codingPath)
        }
    }

    private func float<F: BinaryFloatingPoint & LosslessStringConvertible>(_ type: F.Type) throws -> F {
        switch document.tape.kinds[node] {
        case .number: return try document.floatingPoint(node, as: type)
        case .null: throw notFound(type)
        default: throw mismatch(type, codingPath)
        }
    }

    func decode(_ type: Double.Type) throws -> Double { try float(type) }
    func decode(_ type: Float.Type) throws -> Float { try float(type) }
    func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decodeValue(type) }
}

struct JSONKeyedDecoder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let document: JSONDocument
    let object: Int
    let path: JSONPath?

    var codingPath: [any CodingKey] { JSONPath.array(path) }

    /// The value of the first member whose key names `key` (Foundation keeps the first of duplicates).
    func find(_ key: Key) -> Int? {
        let tape = document.tape
        let end = Int(tape.ends[object])
        var name = key.stringValue
        return name.withUTF8 { name in
            var index = object + 1
            while index < end {
                let value = index + 1
                if tape.kinds[index] == .string {
                    if JSONKeys.matches(raw: document.text(index), name: name) { return value }
                } else if JSONKeys.camelCase(document.string(index)).utf8.elementsEqual(name) {
                    return value
                }
                index = tape.next(after: value)
            }
            return nil
        }
    }

    var allKeys: [Key] {
        var keys: [Key] = []
        var index = object + 1
        while index < Int(document.tape.ends[object]) {
            if let key = Key(stringValue: JSONKeys.camelCase(document.string(index))) { keys.append(key) }
            index = document.tape.next(after: index + 1)
        }
        return keys
    }

    func contains(_ key: Key) -> Bool { find(key) != nil }

    func decoder(_ node: Int, _ key: Key) -> JSONValueDecoder {
        JSONValueDecoder(document: document, node: node, parent: path, key: key)
    }

    func value(_ key: Key) throws -> Int {
        guard let node = find(key) else {
            throw DecodingError.keyNotFound(key, .init(
                codingPath: codingPath, debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\")."))
        }
        return node
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        let node = try value(key)
        return document.tape.kinds[node] == .null
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder(try value(key), key).decodeValue(type)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let node = find(key), document.tape.kinds[node] != .null else { return nil }
        return try decoder(node, key).decodeValue(type)
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder(try value(key), key).decode(type) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder(try value(key), key).decode(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder(try value(key), key).decode(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decoder(try value(key), key).decode(type) }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        guard let node = find(key), document.tape.kinds[node] != .null else { return nil }
        return try decoder(node, key).decode(type)
    }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let node = find(key), document.tape.kinds[node] != .null else { return nil }
        // Plain strings need no coding path.
        if document.tape.kinds[node] == .string { return document.string(node) }
        return try decoder(node, key).decode(type)
    }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        guard let node = find(key), document.tape.kinds[node] != .null else { return nil }
        return try decoder(node, key).decode(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try decoder(try value(key), key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoder(try value(key), key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        guard let key = Key(stringValue: "super"), let node = find(key) else {
            throw DecodingError.keyNotFound(JSONSuperKey(), .init(codingPath: codingPath, debugDescription: "No value for super."))
        }
        return JSONValueDecoder(document: document, node: node, parent: path, key: JSONSuperKey())
    }

    func superDecoder(forKey key: Key) throws -> any Decoder { decoder(try value(key), key) }
}

/// The `super` key of `superDecoder()`.
struct JSONSuperKey: CodingKey {
    var stringValue: String { "super" }
    var intValue: Int? { nil }
    init() {}
    init?(stringValue: String) {}
    init?(intValue: Int) { nil }
}

struct JSONUnkeyedDecoder: UnkeyedDecodingContainer {
    let document: JSONDocument
    let array: Int
    let path: JSONPath?
    private var node: Int
    private(set) var currentIndex = 0

    init(document: JSONDocument, array: Int, path: JSONPath?) {
        self.document = document
        self.array = array
        self.path = path
        self.node = array + 1
    }

    var codingPath: [any CodingKey] { JSONPath.array(path) }

    var count: Int? {
        var n = 0
        var index = array + 1
        while index < Int(document.tape.ends[array]) {
            n += 1
            index = document.tape.next(after: index)
        }
        return n
    }

    var isAtEnd: Bool { node >= Int(document.tape.ends[array]) }

    private mutating func next(_ type: Any.Type) throws -> JSONValueDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, .init(
                codingPath: codingPath + [JSONIndexKey(currentIndex) as any CodingKey], debugDescription: "Unkeyed container is at end."))
        }
        return JSONValueDecoder(document: document, node: node, parent: path, key: JSONIndexKey(currentIndex))
    }

    private mutating func advance() {
        node = document.tape.next(after: node)
        currentIndex += 1
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { _ = try next(Any?.self); return false }
        if document.tape.kinds[node] == .null { advance(); return true }
        return false
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == String.self, !isAtEnd, document.tape.kinds[node] == .string {
            let value = document.string(node)
            advance()
            return unsafeBitCast(value, to: T.self)
        }
        let value = try next(type).decodeValue(type)
        advance()
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let container = try next([String: Any].self).container(keyedBy: type)
        advance()
        return container
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let container = try next([Any].self).unkeyedContainer()
        advance()
        return container
    }

    mutating func superDecoder() throws -> any Decoder {
        let decoder = try next(Decoder.self)
        advance()
        return decoder
    }
}
