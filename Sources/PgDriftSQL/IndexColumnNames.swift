/// The name PostgreSQL gives an index column when it makes up the index's name
/// (`FigureIndexColname`): `lower(email)` is `lower`, `(a)::text` is `a`, `'x'::text` is `text`, and
/// anything it cannot name is `expr` — so `CREATE INDEX ON users (lower(email))` is `users_lower_idx`.
package enum IndexColumnNames {
    /// The name PostgreSQL would give this index expression's column; `expr` when it finds none.
    package static func name(of expression: ParseNode) -> String {
        OutputNames.figure(expression)?.name ?? "expr"
    }
}
