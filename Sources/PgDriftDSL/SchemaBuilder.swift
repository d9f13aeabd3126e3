import PgDriftModel

/// Something that can be declared inside a `Schema { ... }` block.
public protocol SchemaElement {
    /// Adds the element to the catalog. `schema` is the block's default schema.
    func apply(to catalog: inout Catalog, schema: String)
}

/// Collects schema elements, with `if`, `for` and optional support.
@resultBuilder
public enum SchemaBuilder {
    /// One element as a one-element list.
    public static func buildExpression(_ element: SchemaElement) -> [SchemaElement] { [element] }
    /// A list of elements (from a helper function, say) spliced in as they are.
    public static func buildExpression(_ elements: [SchemaElement]) -> [SchemaElement] { elements }
    /// The elements of every statement of the block, in order.
    public static func buildBlock(_ parts: [SchemaElement]...) -> [SchemaElement] { parts.flatMap { $0 } }
    /// The elements of every pass of a `for` loop, in order.
    public static func buildArray(_ parts: [[SchemaElement]]) -> [SchemaElement] { parts.flatMap { $0 } }
    /// The elements of an `if` without `else` when its condition held, else none.
    public static func buildOptional(_ part: [SchemaElement]?) -> [SchemaElement] { part ?? [] }
    /// The elements of the first branch of an `if`/`else` or `switch`.
    public static func buildEither(first part: [SchemaElement]) -> [SchemaElement] { part }
    /// The elements of the second branch of an `if`/`else` or `switch`.
    public static func buildEither(second part: [SchemaElement]) -> [SchemaElement] { part }
}

/// A whole expected schema written in Swift. Reads like the DDL it stands for:
///
/// ```swift
/// let model = Schema {
///     Enum("mood", ["sad", "ok", "happy"])
///     Table("creators_hot") {
///         Column("creator_id", .text).primaryKey()
///         Column("total_play_count", .bigint).default("0")
///     }
/// }
/// ```
///
/// Names are raw (unquoted); expressions are SQL text as you would write it in a migration. pgdrift
/// compares them by meaning, not spelling. The elements are the model's own types (`Table`, `Column`,
/// `Index`, `Policy`, ...) with declaration-style initialisers; a schema left empty (`""`) in any name
/// means the block's default schema.
public struct Schema: Sendable {
    /// The model declared.
    public let catalog: Catalog

    /// Declares a schema; objects go into `defaultSchema` unless they name another.
    public init(defaultSchema: String = "public", @SchemaBuilder _ content: () -> [SchemaElement]) {
        var catalog = Catalog()
        catalog.schemas.upsert(Namespace(name: "public", comment: "standard public schema"))
        for element in content() { element.apply(to: &catalog, schema: defaultSchema) }
        self.catalog = catalog
    }
}

extension QualifiedName {
    /// This name with an empty schema replaced by `schema`.
    func resolved(in schema: String) -> QualifiedName {
        self.schema.isEmpty ? QualifiedName(schema, name) : self
    }
}

extension DataType {
    /// A user-defined type (enum, domain, composite, an extension's type) of the block's default schema,
    /// or of `schema`, with its type modifier if it takes one (`"(3)"` for `vector(3)`).
    public static func named(_ name: String, schema: String = "", modifier: String? = nil) -> DataType {
        DataType(schema: schema, name: name, modifier: modifier)
    }

    /// This type with an empty schema replaced by `schema`.
    func resolved(in schema: String) -> DataType {
        guard self.schema == "" else { return self }
        var copy = self
        copy.schema = schema
        return copy
    }
}
