import PgDriftModel

/// Names as SQL, always through `SQLQuote`: the planner's only way to write an identifier.
enum SQLName {
    /// `schema.name`, or just `name` when the schema is left for the search path to resolve (`""`).
    static func qualified(_ name: QualifiedName) -> String {
        name.schema.isEmpty ? SQLQuote.identifier(name.name) : SQLQuote.qualified(name)
    }

    static func identifier(_ name: String) -> String { SQLQuote.identifier(name) }

    /// A comma-separated list of quoted identifiers.
    static func list(_ names: [String]) -> String { names.map(SQLQuote.identifier).joined(separator: ", ") }

    /// A role in GRANT or CREATE POLICY: `public` is the keyword PUBLIC.
    static func role(_ name: String) -> String {
        name == "public" || name == "PUBLIC" ? "PUBLIC" : SQLQuote.identifier(name)
    }

    /// A view query without the trailing semicolon `pg_get_viewdef` adds.
    static func query(_ text: String) -> String {
        var query = Substring(text)
        while let last = query.last, last == ";" || last.isWhitespace { query.removeLast() }
        return String(query)
    }
}
