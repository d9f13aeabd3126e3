/// A schema (namespace) of the database.
public struct Namespace: CatalogObject {
    /// Raw schema name (not quoted).
    public var name: String
    /// COMMENT ON SCHEMA.
    public var comment: String?
    /// Privileges on the schema, filled only when privileges are compared.
    public var grants: [Grant]

    /// The schema's identity in the catalog: its name.
    public var key: String { name }

    /// Creates a schema from its parts.
    public init(name: String, comment: String? = nil, grants: [Grant] = []) {
        self.name = name
        self.comment = comment
        self.grants = grants
    }
}

/// An installed extension. Objects that belong to it are not part of the model.
public struct Extension: CatalogObject {
    /// The extension's name as in CREATE EXTENSION, such as `pg_trgm`.
    public var name: String
    /// The schema its objects were installed into.
    public var schema: String
    /// The installed version (`extversion`), such as `1.6`; an expected one left empty is not compared.
    public var version: String
    /// For migrations that do not pin a version: the one the server that read them installs by default
    /// (only noted when the database has another, issue 20).
    public var defaultVersion: String?

    /// The extension's identity in the catalog: its name.
    public var key: String { name }

    /// Creates an extension from its parts.
    public init(name: String, schema: String, version: String) {
        self.name = name
        self.schema = schema
        self.version = version
    }
}
