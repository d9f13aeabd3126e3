import Foundation

/// One value of libpg_query's JSON parse tree, read with `JSONSerialization` (function bodies and
/// policy expressions are small). Nodes are objects with one key, their type: `{"ColumnRef": {...}}`.
struct ParseTree {
    let value: Any

    init(_ value: Any) { self.value = value }

    /// Parses libpg_query's JSON output.
    init(json: String) throws {
        value = try JSONSerialization.jsonObject(with: Data(json.utf8))
    }

    /// A member of an object.
    subscript(_ key: String) -> ParseTree? {
        guard let object = value as? [String: Any], let member = object[key] else { return nil }
        return ParseTree(member)
    }

    /// The elements of an array; empty for anything else.
    var items: [ParseTree] {
        (value as? [Any])?.map(ParseTree.init) ?? []
    }

    /// The members of an object, by key (JSONSerialization keeps no order).
    var members: [(key: String, value: ParseTree)] {
        guard let object = value as? [String: Any] else { return [] }
        return object.keys.sorted().map { ($0, ParseTree(object[$0]!)) }
    }

    var string: String? { value as? String }
    var int: Int? { (value as? NSNumber)?.intValue }
    var bool: Bool { (value as? NSNumber)?.boolValue ?? false }

    /// A node's type and body: `{"RangeVar": {...}}` → ("RangeVar", {...}).
    var node: (type: String, body: ParseTree)? {
        guard let object = value as? [String: Any], object.count == 1, let (type, body) = object.first,
            let first = type.first, first.isUppercase
        else { return nil }
        return (type, ParseTree(body))
    }

    /// The body when this is a node of `type`.
    func node(_ type: String) -> ParseTree? {
        guard let node, node.type == type else { return nil }
        return node.body
    }

    /// A struct-typed field's value: libpg_query wraps fields typed `Node *` in their type
    /// (`{"RangeVar": {...}}`) but not fields typed as a struct (`RangeVar *relation`). Accepts both.
    func plain(_ type: String) -> ParseTree { node(type) ?? self }

    /// A `String` node's text (`{"String": {"sval": "x"}}`).
    var stringNode: String? { node("String")?["sval"]?.string }

    /// The byte offset libpg_query records for a node, when it knows it.
    var location: Int? {
        guard let location = self["location"]?.int, location >= 0 else { return nil }
        return location
    }
}
