/// An object that lives in a keyed, deterministically ordered collection of the model.
public protocol CatalogObject: Hashable, Codable, Sendable {
    /// What identifies the object among its siblings.
    associatedtype Key: Hashable, Comparable, Codable, Sendable
    /// The object's identity among its siblings.
    var key: Key { get }
}

/// A set of catalog objects with O(1) lookup by key and a deterministic (sorted) iteration order.
///
/// Equality ignores insertion order: two models holding the same objects are equal.
/// Encodes as a JSON array sorted by key, so snapshots are diff-friendly and byte-stable.
public struct ObjectSet<Element: CatalogObject>: Hashable, Sendable, ExpressibleByArrayLiteral {
    private var storage: [Element.Key: Element]

    /// Creates an empty set.
    public init() { storage = [:] }

    /// Creates a set from objects; a later object replaces an earlier one with the same key.
    public init<S: Sequence>(_ elements: S) where S.Element == Element {
        storage = [:]
        for element in elements { storage[element.key] = element }
    }

    /// Creates a set from an array literal; a later object replaces an earlier one with the same key.
    public init(arrayLiteral elements: Element...) { self.init(elements) }

    /// The object with this key, if any; assigning `nil` removes it.
    public subscript(key: Element.Key) -> Element? {
        get { storage[key] }
        set { storage[key] = newValue }
    }

    /// Inserts or replaces the object with the same key.
    public mutating func upsert(_ element: Element) { storage[element.key] = element }

    /// Removes and returns the object with this key.
    @discardableResult
    public mutating func remove(_ key: Element.Key) -> Element? { storage.removeValue(forKey: key) }

    /// Whether an object with this key exists.
    public func contains(_ key: Element.Key) -> Bool { storage[key] != nil }

    /// The number of objects.
    public var count: Int { storage.count }
    /// Whether the set holds no object.
    public var isEmpty: Bool { storage.isEmpty }
    /// The keys, sorted.
    public var keys: [Element.Key] { storage.keys.sorted() }
    /// The objects, sorted by key.
    public var sorted: [Element] { storage.values.sorted { $0.key < $1.key } }

    /// Applies `body` to every object in place.
    public mutating func modifyEach(_ body: (inout Element) -> Void) {
        for key in storage.keys { body(&storage[key]!) }
    }
}

extension ObjectSet: Sequence {
    /// Iterates the objects in key order.
    public func makeIterator() -> IndexingIterator<[Element]> { sorted.makeIterator() }
}

extension ObjectSet: Codable {
    /// Decodes a JSON array of objects; throws when two of them share a key.
    public init(from decoder: Decoder) throws {
        let elements = try [Element](from: decoder)
        self.init(elements)
        if storage.count != elements.count {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "two objects share one name"))
        }
    }

    /// Encodes the objects as a JSON array sorted by key.
    public func encode(to encoder: Encoder) throws { try sorted.encode(to: encoder) }
}
