import CPgQuery

extension PgQuery {
    /// Compiles a `CREATE FUNCTION ... LANGUAGE plpgsql` statement with PL/pgSQL's own parser and
    /// returns libpg_query's JSON of the function: its variables (`datums`) and statement tree, with a
    /// line (relative to the body) on each statement. Fails on what cannot be compiled without a
    /// catalog, such as explicit cursors.
    package static func parsePLpgSQLToJSON(_ createFunction: String) throws -> String {
        let result = pg_query_parse_plpgsql(createFunction)
        defer { pg_query_free_plpgsql_parse_result(result) }
        if let error = result.error {
            throw SQLSyntaxError(error.pointee, in: createFunction)
        }
        return result.plpgsql_funcs.map { String(cString: $0) } ?? "[]"
    }
}
