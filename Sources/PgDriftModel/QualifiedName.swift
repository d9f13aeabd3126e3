/// A schema-qualified object name, kept raw (unquoted) as the catalog stores it.
///
/// Names are compared byte for byte: `"Users"` and `users` are different objects, as in PostgreSQL.
public struct QualifiedName: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The schema (namespace) that holds the object.
    public var schema: String
    /// The object's own name.
    public var name: String

    /// Creates a qualified name from its two raw parts.
    public init(_ schema: String, _ name: String) {
        self.schema = schema
        self.name = name
    }

    /// Creates a qualified name from its two raw parts.
    public init(schema: String, name: String) {
        self.init(schema, name)
    }

    /// Orders by schema, then by name.
    public static func < (lhs: QualifiedName, rhs: QualifiedName) -> Bool {
        (lhs.schema, lhs.name) < (rhs.schema, rhs.name)
    }

    /// The name as SQL would spell it, each part quoted only where needed.
    public var description: String {
        SQLQuote.identifier(schema) + "." + SQLQuote.identifier(name)
    }
}
