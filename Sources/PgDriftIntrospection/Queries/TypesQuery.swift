import PgDriftModel
import PgDriftPostgres

/// Enum types with their labels in sort order.
enum EnumsQuery {
    static let sql = """
        SELECT n.nspname AS schema, t.typname AS name,
               ARRAY(SELECT e.enumlabel FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid
                     ORDER BY e.enumsortorder) AS labels,
               d.description AS comment
        FROM pg_catalog.pg_type t
        JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        LEFT JOIN pg_catalog.pg_description d
               ON d.classoid = 'pg_catalog.pg_type'::regclass AND d.objoid = t.oid AND d.objsubid = 0
        WHERE t.typtype = 'e' AND \(CatalogSQL.namespaceFilter("n"))
          AND NOT \(CatalogSQL.isExtensionMember(catalog: "pg_catalog.pg_type", oid: "t.oid"))
        ORDER BY n.nspname, t.typname
        """

    static func read(_ result: QueryResult) throws -> [EnumType] {
        try result.rows.map { row in
            EnumType(
                name: QualifiedName(try row.string("schema"), try row.string("name")),
                values: try row.stringArray("labels"), comment: try row.optionalString("comment"))
        }
    }
}

/// Domains with their base type, default, collation and CHECK constraints.
enum DomainsQuery {
    static let sql = """
        SELECT n.nspname AS schema, t.typname AS name, t.typnotnull AS not_null,
               pg_catalog.pg_get_expr(t.typdefaultbin, 0) AS default_expression,
               \(CatalogSQL.typeColumns(typmod: "t.typtypmod", dims: "t.typndims")),
               cn.nspname AS collation_schema, co.collname AS collation_name,
               ARRAY(SELECT con.conname FROM pg_catalog.pg_constraint con
                     WHERE con.contypid = t.oid AND con.contype = 'c' ORDER BY con.conname) AS check_names,
               ARRAY(SELECT pg_catalog.pg_get_expr(con.conbin, 0) FROM pg_catalog.pg_constraint con
                     WHERE con.contypid = t.oid AND con.contype = 'c' ORDER BY con.conname) AS check_expressions,
               ARRAY(SELECT con.convalidated::text FROM pg_catalog.pg_constraint con
                     WHERE con.contypid = t.oid AND con.contype = 'c' ORDER BY con.conname) AS check_validated,
               d.description AS comment
        FROM pg_catalog.pg_type t
        JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        JOIN pg_catalog.pg_type vt ON vt.oid = t.typbasetype
        \(CatalogSQL.typeJoins)
        LEFT JOIN pg_catalog.pg_collation co ON co.oid = t.typcollation AND t.typcollation <> bt.typcollation
        LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
        LEFT JOIN pg_catalog.pg_description d
               ON d.classoid = 'pg_catalog.pg_type'::regclass AND d.objoid = t.oid AND d.objsubid = 0
        WHERE t.typtype = 'd' AND \(CatalogSQL.namespaceFilter("n"))
          AND NOT \(CatalogSQL.isExtensionMember(catalog: "pg_catalog.pg_type", oid: "t.oid"))
        ORDER BY n.nspname, t.typname
        """

    static func read(_ result: QueryResult) throws -> [Domain] {
        try result.rows.map { row in
            let names = try row.stringArray("check_names")
            let expressions = try row.stringArray("check_expressions")
            let validated = try row.stringArray("check_validated")
            let checks = zip(zip(names, expressions), validated).map {
                DomainCheck(name: $0.0, expression: $0.1, isValidated: $1 == "true")
            }
            return Domain(
                name: QualifiedName(try row.string("schema"), try row.string("name")),
                baseType: try row.dataType(), isNotNull: try row.bool("not_null"),
                defaultExpression: try row.optionalString("default_expression"),
                collation: try row.qualifiedName(schema: "collation_schema", name: "collation_name"),
                checks: checks, comment: try row.optionalString("comment"))
        }
    }
}
