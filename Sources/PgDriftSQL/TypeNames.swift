/// Type names from the parse tree, spelled as the catalog prints them (`format_type` without type
/// modifiers, as in a function's identity arguments): the parser writes `int` as `pg_catalog.int4`,
/// the catalog prints `integer`.
package enum TypeNames {
    static let displayNames: [String: String] = [
        "int2": "smallint", "int4": "integer", "int8": "bigint", "float4": "real", "float8": "double precision",
        "bool": "boolean", "varchar": "character varying", "bpchar": "character", "numeric": "numeric",
        "timestamp": "timestamp without time zone", "timestamptz": "timestamp with time zone",
        "time": "time without time zone", "timetz": "time with time zone", "varbit": "bit varying",
        "interval": "interval", "bit": "bit",
    ]

    /// The printed name of a `TypeName` node, `[]` added per array dimension; nil for `%TYPE`
    /// references, whose type only the server knows.
    package static func display(_ typeName: ParseNode) -> String? {
        guard typeName["pct_type"]?.bool != true else { return nil }
        guard let last = typeName["names"]?.strings.last else { return nil }
        // Built-in names map whether written `int4` or parsed from `int` as `pg_catalog.int4`.
        var text = displayNames[last] ?? last
        let dimensions = typeName["arrayBounds"]?.elements.count ?? 0
        for _ in 0..<dimensions { text += "[]" }
        return text
    }
}
