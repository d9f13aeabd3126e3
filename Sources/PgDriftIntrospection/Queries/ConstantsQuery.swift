import PgDriftModel
import PgDriftPostgres

/// How the server prints constants of given types: `'0.0000'::double precision` is `0`, `'yes'::boolean`
/// is `true`, `'{"b":1, "a":2}'::jsonb` is `{"a": 2, "b": 1}`. Asked in the caller's transaction (a
/// read-only snapshot: a type's input function reads only), with the settings output depends on pinned
/// (`Introspector.pinnedOutputSettings`): one query for all of them, each constant a parameter (never
/// spliced into the SQL) read through its type's input function as a literal would be.
package enum ConstantsQuery {
    /// The text each constant prints as; a constant its type refuses (not valid input, a type the
    /// database lacks) has none. One round trip; when a constant is refused, the others are asked one by
    /// one (each behind a savepoint, so the snapshot's transaction goes on).
    package static func spellings(_ constants: Set<TypedConstant>, on connection: PostgresConnection) throws -> [TypedConstant: String] {
        let ordered = constants.sorted { ($0.type, $0.text) < ($1.type, $1.text) }
        guard !ordered.isEmpty else { return [:] }
        try connection.execute("SAVEPOINT pgdrift_constants")
        do {
            let row = try connection.query(sql(ordered, from: 1), ordered.map(\.text)).rows[0]
            try connection.execute("RELEASE SAVEPOINT pgdrift_constants")
            var answers: [TypedConstant: String] = [:]
            for (i, constant) in ordered.enumerated() { answers[constant] = try row.optionalString("c\(i)") }
            return answers
        } catch let error as PostgresError where error.kind != .connectionLost {
            try connection.execute("ROLLBACK TO SAVEPOINT pgdrift_constants")
        }
        var answers: [TypedConstant: String] = [:]
        for constant in ordered {
            do {
                answers[constant] = try connection.query(sql([constant], from: 1), [constant.text]).rows[0].optionalString("c0")
            } catch let error as PostgresError where error.kind != .connectionLost {
                // The savepoint stays: rolling back to it ends only this constant's failure.
                try connection.execute("ROLLBACK TO SAVEPOINT pgdrift_constants")
            }
        }
        try connection.execute("RELEASE SAVEPOINT pgdrift_constants")
        return answers
    }

    /// `SELECT ($1::double precision)::text AS c0, ...`: the types are SQL the diff wrote from the
    /// server's own text of a type name (quoted identifiers, number modifiers).
    static func sql(_ constants: [TypedConstant], from first: Int) -> String {
        "SELECT " + constants.enumerated().map { i, constant in
            "($\(first + i)::\(constant.type))::text AS c\(i)"
        }.joined(separator: ", ")
    }
}
