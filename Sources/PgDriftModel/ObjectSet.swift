import Foundation
import Synchronization

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
/// The sorted order is computed once and kept until the set changes: the diff and the planner iterate
/// the same sets many times, and sorting ten thousand tables on every pass showed in the profile.
public struct ObjectSet<Element: CatalogObject>: Hashable, Sendable, ExpressibleByArrayLiteral {
    private var storage: [Element.Key: Element] {
        // A cache no copy shares is cleared in place: building a catalog upserts ten thousand times.
        didSet { if isKnownUniquelyReferenced(&order) { order.clear() } else { order = SortedOrder() } }
    }
    private var order = SortedOrder()

    /// Creates an empty set.
    public init() { storage = [:] }

    /// Creates a set from objects; a later object replaces an earlier one with the same key.
    public init<S: Sequence>(_ elements: S) where S.Element == Element {
        var storage: [Element.Key: Element] = [:]
        for element in elements { storage[element.key] = element }
        self.storage = storage
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
    public var keys: [Element.Key] { sorted.map(\.key) }
    /// The objects, sorted by key.
    public var sorted: [Element] { storage.isEmpty ? [] : order.elements(of: storage) }

    /// Applies `body` to every object in place.
    public mutating func modifyEach(_ body: (inout Element) -> Void) {
        for key in storage.keys { body(&storage[key]!) }
    }

    /// Equal when both hold the same objects, whatever the order they were added in.
    public static func == (lhs: ObjectSet, rhs: ObjectSet) -> Bool { lhs.storage == rhs.storage }
    /// Hashes the objects, not the cached order.
    public func hash(into hasher: inout Hasher) { hasher.combine(storage) }

    /// The sorted elements, computed on first use. A reference shared by copies of one unchanged set;
    /// every change makes a new one, so a copy never sees another copy's order.
    /// (A `Mutex` lives inside the object: one allocation per set, where NSLock made two.)
    private final class SortedOrder: Sendable {
        private let cached = Mutex<[Element]?>(nil)

        func clear() { cached.withLock { $0 = nil } }

        func elements(of storage: [Element.Key: Element]) -> [Element] {
            cached.withLock { cached in
                if let cached { return cached }
                // Sort the keys, not the objects: moving whole tables around while sorting was the cost.
                let sorted = storage.keys.sorted().map { storage[$0]! }
                cached = sorted
                return sorted
            }
        }
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
