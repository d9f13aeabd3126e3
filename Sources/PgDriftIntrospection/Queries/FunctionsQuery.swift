import PgDriftModel
import PgDriftPostgres

/// Functions, procedures and window functions (aggregates are not modelled yet), with the server's
/// canonical argument and result text.
enum FunctionsQuery {
    static let sql = """
        SELECT n.nspname AS schema, p.proname AS name, p.prokind AS kind,
               pg_catalog.pg_get_function_identity_arguments(p.oid) AS identity_arguments,
               pg_catalog.pg_get_function_arguments(p.oid) AS arguments,
               CASE WHEN p.prokind <> 'p' THEN pg_catalog.pg_get_function_result(p.oid) END AS result,
               l.lanname AS language, p.prosrc AS body,
               CASE WHEN p.prosqlbody IS NOT NULL THEN pg_catalog.pg_get_function_sqlbody(p.oid) END AS sql_body,
               p.provolatile AS volatility,
               p.proisstrict AS strict, p.prosecdef AS security_definer, p.proleakproof AS leakproof,
               p.proparallel AS parallel, p.proconfig AS configuration,
               -- COST and ROWS only where pg_dump writes them: not the language's default, not 0 or 1000.
               CASE WHEN p.procost <> CASE WHEN l.lanname IN ('internal', 'c') THEN 1 ELSE 100 END THEN p.procost END AS cost,
               CASE WHEN p.prorows <> 0 AND p.prorows <> 1000 THEN p.prorows END AS rows,
               CASE WHEN p.prosupport <> 0 THEN (SELECT ARRAY[sn.nspname::text, sp.proname::text] FROM pg_catalog.pg_proc sp
                    JOIN pg_catalog.pg_namespace sn ON sn.oid = sp.pronamespace WHERE sp.oid = p.prosupport) END AS support,
               d.description AS comment,
               \(CatalogSQL.grants(acl: "p.proacl", owner: "p.proowner", kind: "'f'")) AS grants
        FROM pg_catalog.pg_proc p
        JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
        JOIN pg_catalog.pg_language l ON l.oid = p.prolang
        LEFT JOIN pg_catalog.pg_description d
               ON d.classoid = 'pg_catalog.pg_proc'::regclass AND d.objoid = p.oid AND d.objsubid = 0
        WHERE p.prokind <> 'a' AND \(CatalogSQL.namespaceFilter("n"))
          AND NOT \(CatalogSQL.isExtensionMember(catalog: "pg_catalog.pg_proc", oid: "p.oid"))
          -- a range type's constructors (and its multirange's) are part of the type, as pg_dump treats them
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend r WHERE r.classid = 'pg_catalog.pg_proc'::regclass
                          AND r.objid = p.oid AND r.refclassid = 'pg_catalog.pg_type'::regclass AND r.deptype = 'i')
        ORDER BY n.nspname, p.proname, 4
        """

    static func read(_ result: QueryResult) throws -> [Function] {
        try result.rows.map { row in
            let kind: Function.Kind
            switch try row.string("kind") {
            case "p": kind = .procedure
            case "w": kind = .window
            default: kind = .function
            }
            let volatility: Function.Volatility
            switch try row.string("volatility") {
            case "i": volatility = .immutable
            case "s": volatility = .stable
            default: volatility = .volatile
            }
            let parallel: Function.Parallel
            switch try row.string("parallel") {
            case "s": parallel = .safe
            case "r": parallel = .restricted
            default: parallel = .unsafe
            }
            return Function(
                name: QualifiedName(try row.string("schema"), try row.string("name")), kind: kind,
                identityArguments: try row.string("identity_arguments"), arguments: try row.string("arguments"),
                returnType: try row.optionalString("result"), language: try row.string("language"),
                body: try row.string("body"), volatility: volatility, isStrict: try row.bool("strict"),
                isSecurityDefiner: try row.bool("security_definer"), isLeakproof: try row.bool("leakproof"),
                parallel: parallel, configuration: try row.stringArray("configuration"),
                comment: try row.optionalString("comment"), grants: try row.grants(),
                sqlBody: try row.optionalString("sql_body"),
                cost: try row.optionalString("cost").flatMap(Double.init).map(Function.estimate),
                rows: try row.optionalString("rows").flatMap(Double.init).map(Function.estimate),
                support: try row.optionalString("support") == nil ? nil : try row.stringArray("support").pairedName)
        }
    }
}

private extension Array where Element == String {
    /// `[schema, name]` → the qualified name.
    var pairedName: QualifiedName? { count == 2 ? QualifiedName(self[0], self[1]) : nil }
}
