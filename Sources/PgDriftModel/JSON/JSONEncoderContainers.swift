import Foundation

/// The `Encoder` handed to one value's `encode(to:)`: remembers which container the value opened, so
/// `JSONSink.encodeValue` can finish it once the value is written.
final class JSONValueEncoder: Encoder {
    enum Kind { case none, keyed, unkeyed, single }
    struct State {
        var kind = Kind.none
        var count = 0
        var firstMember: Int
    }

    let sink: JSONSink
    let depth: Int
    var state: State

    init(sink: JSONSink, depth: Int, firstMember: Int) {
        self.sink = sink
        self.depth = depth
        self.state = State(firstMember: firstMember)
    }

    var codingPath: [any CodingKey] { sink.path }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        precondition(state.kind == .none || state.kind == .keyed, "a value opened two kinds of container")
        if state.kind == .none { sink.append("{\n") }
        state.kind = .keyed
        return KeyedEncodingContainer(JSONKeyedEncoder<Key>(sink: sink, depth: depth))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        precondition(state.kind == .none || state.kind == .unkeyed, "a value opened two kinds of container")
        if state.kind == .none { sink.append(UInt8(ascii: "[")) }
        state.kind = .unkeyed
        return JSONUnkeyedEncoder(owner: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        precondition(state.kind == .none, "a value opened two kinds of container")
        state.kind = .single
        return JSONSingleValueEncoder(sink: sink, depth: depth)
    }
}

struct JSONKeyedEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: JSONSink
    let depth: Int
    var codingPath: [any CodingKey] { sink.path }

    /// Writes one member, in the order the type encodes it; `JSONSink.finishObject` sorts them.
    @inline(__always)
    private func member(_ key: Key, _ write: () throws -> Void) rethrows {
        let id = sink.keyID(key)
        let start = sink.beginMember(id, depth: depth)
        try write()
        sink.endMember(id, start: start)
    }

    mutating func encodeNil(forKey key: Key) throws { member(key) { sink.writeNull() } }
    mutating func encode(_ value: Bool, forKey key: Key) throws { member(key) { sink.writeBool(value) } }
    mutating func encode(_ value: String, forKey key: Key) throws { member(key) { sink.writeString(value) } }
    mutating func encode(_ value: Int, forKey key: Key) throws { member(key) { sink.writeInteger(value) } }
    mutating func encode(_ value: Int8, forKey key: Key) throws { member(key) { sink.writeInteger(value) } }
    mutating func encode(_ value: Int16, forKey key: Key) throws { member(key) { sink.writeInteger(value) } }
    mutating func encode(_ value: Int32, forKey key: Key) throws { member(key) { sink.writeInteger(value) } }
    mutating func encode(_ value: Int64, forKey key: Key) throws { member(key) { sink.writeInteger(value) } }
    mutating func encode(_ value: UInt, forKey key: Key) throws { member(key) { sink.writeInteger(value) } }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { member(key) { sink.writeInteger(value) } }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { member(key) { sink.writeInteger(value) } }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { member(key) { sink.writeInteger(value) } }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { member(key) { sink.writeInteger(value) } }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        try member(key) { try sink.writeFloat(value, path: sink.path + [key as any CodingKey]) }
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        try member(key) { try sink.writeFloat(value, path: sink.path + [key as any CodingKey]) }
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try member(key) {
            if sink.encodePrimitive(value) { return }
            sink.path.append(key)
            defer { sink.path.removeLast() }
            try sink.encodeValue(value, depth: depth + 1)
        }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        preconditionFailure("pgdrift's JSON encoder does not support nested containers")
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        preconditionFailure("pgdrift's JSON encoder does not support nested containers")
    }

    mutating func superEncoder() -> any Encoder { preconditionFailure("pgdrift's JSON encoder does not support superEncoder") }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        preconditionFailure("pgdrift's JSON encoder does not support superEncoder")
    }
}

struct JSONUnkeyedEncoder: UnkeyedEncodingContainer {
    let owner: JSONValueEncoder
    var sink: JSONSink { owner.sink }
    var codingPath: [any CodingKey] { sink.path }
    var count: Int { owner.state.count }

    /// Writes the separator and indent before the next element.
    @inline(__always)
    private func element(_ write: () throws -> Void) rethrows {
        sink.arrayElementSeparator(index: owner.state.count, depth: owner.depth)
        owner.state.count += 1
        try write()
    }

    mutating func encodeNil() throws { element { sink.writeNull() } }
    mutating func encode(_ value: Bool) throws { element { sink.writeBool(value) } }
    mutating func encode(_ value: String) throws { element { sink.writeString(value) } }
    mutating func encode(_ value: Int) throws { element { sink.writeInteger(value) } }
    mutating func encode(_ value: Int64) throws { element { sink.writeInteger(value) } }
    mutating func encode(_ value: Double) throws { try element { try sink.writeFloat(value, path: sink.path) } }
    mutating func encode(_ value: Float) throws { try element { try sink.writeFloat(value, path: sink.path) } }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let index = owner.state.count
        try element {
            if sink.encodePrimitive(value) { return }
            sink.path.append(JSONIndexKey(index))
            defer { sink.path.removeLast() }
            try sink.encodeValue(value, depth: owner.depth + 1)
        }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        preconditionFailure("pgdrift's JSON encoder does not support nested containers")
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        preconditionFailure("pgdrift's JSON encoder does not support nested containers")
    }

    mutating func superEncoder() -> any Encoder { preconditionFailure("pgdrift's JSON encoder does not support superEncoder") }
}

struct JSONSingleValueEncoder: SingleValueEncodingContainer {
    let sink: JSONSink
    let depth: Int
    var codingPath: [any CodingKey] { sink.path }

    mutating func encodeNil() throws { sink.writeNull() }
    mutating func encode(_ value: Bool) throws { sink.writeBool(value) }
    mutating func encode(_ value: String) throws { sink.writeString(value) }
    mutating func encode(_ value: Int) throws { sink.writeInteger(value) }
    mutating func encode(_ value: Int8) throws { sink.writeInteger(value) }
    mutating func encode(_ value: Int16) throws { sink.writeInteger(value) }
    mutating func encode(_ value: Int32) throws { sink.writeInteger(value) }
    mutating func encode(_ value: Int64) throws { sink.writeInteger(value) }
    mutating func encode(_ value: UInt) throws { sink.writeInteger(value) }
    mutating func encode(_ value: UInt8) throws { sink.writeInteger(value) }
    mutating func encode(_ value: UInt16) throws { sink.writeInteger(value) }
    mutating func encode(_ value: UInt32) throws { sink.writeInteger(value) }
    mutating func encode(_ value: UInt64) throws { sink.writeInteger(value) }
    mutating func encode(_ value: Double) throws { try sink.writeFloat(value, path: sink.path) }
    mutating func encode(_ value: Float) throws { try sink.writeFloat(value, path: sink.path) }
    mutating func encode<T: Encodable>(_ value: T) throws { try sink.encodeValue(value, depth: depth) }
}

/// An array index in a coding path.
struct JSONIndexKey: CodingKey {
    var stringValue: String { "Index \(index)" }
    var intValue: Int? { index }
    let index: Int
    init(_ index: Int) { self.index = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { index = intValue }
}

extension JSONSink {
    /// Finite numbers as Foundation writes them; infinities and NaN are refused as Foundation does by default.
    func writeFloat<F: BinaryFloatingPoint & LosslessStringConvertible>(_ value: F, path: [any CodingKey]) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: path, debugDescription: "Unable to encode \(F.self).\(value) directly in JSON."))
        }
        writeNumberText(value.description)
    }
}
