/// A column, attribute or domain type.
///
/// Built-in types (schema `pg_catalog`) keep `format_type`'s canonical spelling with their modifiers in
/// `name` (`character varying(20)`, `timestamp(3) with time zone`, `numeric(10,2)`), because that text is
/// both unambiguous and valid SQL. User-defined types keep their raw name and schema, and any type
/// modifier in `modifier` (`(3)` for an extension type such as `vector(3)`).
public struct DataType: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The type's schema; `nil` for built-in types of `pg_catalog`.
    public var schema: String?
    /// Canonical spelling for built-ins, raw name for user-defined types.
    public var name: String
    /// A user-defined type's modifier text, such as `(3)`.
    public var modifier: String?
    /// 0 for a scalar; the declared number of array dimensions otherwise (PostgreSQL does not enforce it).
    public var arrayDimensions: Int

    /// A built-in type in its canonical spelling, such as `integer` or `character varying(20)`.
    public init(_ builtin: String, arrayDimensions: Int = 0) {
        self.schema = nil
        self.name = builtin
        self.modifier = nil
        self.arrayDimensions = arrayDimensions
    }

    /// A user-defined type such as an enum, domain or composite type.
    public init(schema: String, name: String, modifier: String? = nil, arrayDimensions: Int = 0) {
        self.schema = schema
        self.name = name
        self.modifier = modifier
        self.arrayDimensions = arrayDimensions
    }

    /// Whether the type is an array.
    public var isArray: Bool { arrayDimensions > 0 }

    /// The element type of an array (the type itself for a scalar).
    public var element: DataType {
        var copy = self
        copy.arrayDimensions = 0
        return copy
    }

    /// The type as SQL, quoting user-defined names.
    public var sql: String {
        var text: String
        if let schema {
            text = SQLQuote.identifier(schema) + "." + SQLQuote.identifier(name) + (modifier ?? "")
        } else {
            text = name
        }
        for _ in 0..<arrayDimensions { text += "[]" }
        return text
    }

    /// The type as SQL, the same text as `sql`.
    public var description: String { sql }

    /// Two types are the same when their element types are and both or neither are arrays: PostgreSQL
    /// neither enforces an array's declared dimensions nor keeps them through pg_dump (`integer[][]`
    /// is restored as `integer[]`), so they are not drift.
    public static func == (lhs: DataType, rhs: DataType) -> Bool {
        lhs.schema == rhs.schema && lhs.name == rhs.name && lhs.modifier == rhs.modifier && lhs.isArray == rhs.isArray
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(schema)
        hasher.combine(name)
        hasher.combine(modifier)
        hasher.combine(isArray)
    }
}

extension DataType {
    /// `smallint` (int2).
    public static let smallint = DataType("smallint")
    /// `integer` (int4).
    public static let integer = DataType("integer")
    /// `bigint` (int8).
    public static let bigint = DataType("bigint")
    /// `text`.
    public static let text = DataType("text")
    /// `boolean`.
    public static let boolean = DataType("boolean")
    /// `jsonb`.
    public static let jsonb = DataType("jsonb")
    /// `json`.
    public static let json = DataType("json")
    /// `uuid`.
    public static let uuid = DataType("uuid")
    /// `date`.
    public static let date = DataType("date")
    /// `real` (float4).
    public static let real = DataType("real")
    /// `double precision` (float8).
    public static let doublePrecision = DataType("double precision")
    /// `bytea`.
    public static let bytea = DataType("bytea")
    /// `timestamp with time zone` (timestamptz).
    public static let timestamptz = DataType("timestamp with time zone")
    /// `timestamp without time zone`.
    public static let timestamp = DataType("timestamp without time zone")
    /// `numeric` without precision or scale.
    public static let numeric = DataType("numeric")

    /// `character varying(n)`, or unbounded without `n`.
    public static func varchar(_ length: Int? = nil) -> DataType {
        DataType(length.map { "character varying(\($0))" } ?? "character varying")
    }

    /// `numeric(p,s)`.
    public static func numeric(_ precision: Int, _ scale: Int = 0) -> DataType {
        DataType("numeric(\(precision),\(scale))")
    }

    /// The array of this type.
    public var array: DataType {
        var copy = self
        copy.arrayDimensions += 1
        return copy
    }
}
