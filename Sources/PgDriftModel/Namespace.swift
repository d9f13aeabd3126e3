/// A schema (namespace) of the database.
public struct Namespace: CatalogObject {
    public var name: String
    public var comment: String?
    public var grants: [Grant]

    public var key: String { name }

    public init(name: String, comment: String? = nil, grants: [Grant] = []) {
        self.name = name
        self.comment = comment
        self.grants = grants
    }
}

/// An installed extension. Objects that belong to it are not part of the model.
public struct Extension: CatalogObject {
    public var name: String
    /// The schema its objects were installed into.
    public var schema: String
    public var version: String

    public var key: String { name }

    public init(name: String, schema: String, version: String) {
        self.name = name
        self.schema = schema
        self.version = version
    }
}
