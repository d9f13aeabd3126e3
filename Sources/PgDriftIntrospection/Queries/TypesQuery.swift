import PgDriftModel
import PgDriftPostgres

/// Enum types with their labels in sort order, and range types (one query for both, so the number of
/// catalog queries stays fixed): a range's subtype, its non-default operator class and collation, its
/// canonical and subtype_diff functions and its multirange type's name. The multirange type and the
/// constructor functions are the range's own (pg_dump leaves them out too).
enum EnumsQuery {
    static let sql = """
        SELECT n.nspname AS schema, t.typname AS name, t.typtype AS kind,
               ARRAY(SELECT e.enumlabel FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid
                     ORDER BY e.enumsortorder) AS labels,
               d.description AS comment,
               \(CatalogSQL.typeColumns(typmod: "-1", dims: "0")),
               opcn.nspname AS opclass_schema, opc.opcname AS opclass_name,
               cn.nspname AS collation_schema, co.collname AS collation_name,
               canon_n.nspname AS canonical_schema, canon.proname AS canonical_name,
               diff_n.nspname AS diff_schema, diff.proname AS diff_name,
               mn.nspname AS multirange_schema, mt.typname AS multirange_name,
               \(CatalogSQL.grants(acl: "t.typacl", owner: "t.typowner", kind: "'T'")) AS grants
        FROM pg_catalog.pg_type t
        JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        LEFT JOIN pg_catalog.pg_description d
               ON d.classoid = 'pg_catalog.pg_type'::regclass AND d.objoid = t.oid AND d.objsubid = 0
        LEFT JOIN pg_catalog.pg_range r ON r.rngtypid = t.oid
        LEFT JOIN pg_catalog.pg_type vt ON vt.oid = r.rngsubtype
        LEFT JOIN pg_catalog.pg_type bt ON bt.oid = CASE WHEN vt.typelem <> 0
             AND vt.typsubscript = 'pg_catalog.array_subscript_handler'::regproc THEN vt.typelem ELSE vt.oid END
        LEFT JOIN pg_catalog.pg_namespace btn ON btn.oid = bt.typnamespace
        LEFT JOIN pg_catalog.pg_opclass opc ON opc.oid = r.rngsubopc AND NOT opc.opcdefault
        LEFT JOIN pg_catalog.pg_namespace opcn ON opcn.oid = opc.opcnamespace
        LEFT JOIN pg_catalog.pg_collation co ON co.oid = r.rngcollation AND r.rngcollation <> vt.typcollation
        LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
        LEFT JOIN pg_catalog.pg_proc canon ON canon.oid = r.rngcanonical
        LEFT JOIN pg_catalog.pg_namespace canon_n ON canon_n.oid = canon.pronamespace
        LEFT JOIN pg_catalog.pg_proc diff ON diff.oid = r.rngsubdiff
        LEFT JOIN pg_catalog.pg_namespace diff_n ON diff_n.oid = diff.pronamespace
        LEFT JOIN pg_catalog.pg_type mt ON mt.oid = r.rngmultitypid
        LEFT JOIN pg_catalog.pg_namespace mn ON mn.oid = mt.typnamespace
        WHERE t.typtype IN ('e', 'r') AND \(CatalogSQL.namespaceFilter("n"))
          AND NOT \(CatalogSQL.isExtensionMember(catalog: "pg_catalog.pg_type", oid: "t.oid"))
        ORDER BY n.nspname, t.typname
        """

    static func read(_ result: QueryResult) throws -> (enums: [EnumType], ranges: [RangeType]) {
        var enums: [EnumType] = []
        var ranges: [RangeType] = []
        for row in result.rows {
            let name = QualifiedName(try row.string("schema"), try row.string("name"))
            guard try row.string("kind") == "r" else {
                var type = EnumType(name: name, values: try row.stringArray("labels"), comment: try row.optionalString("comment"))
                type.grants = try row.grants()
                enums.append(type)
                continue
            }
            var range = RangeType(
                name: name, subtype: try row.dataType(),
                subtypeOperatorClass: try row.qualifiedName(schema: "opclass_schema", name: "opclass_name"),
                collation: try row.qualifiedName(schema: "collation_schema", name: "collation_name"),
                canonical: try row.qualifiedName(schema: "canonical_schema", name: "canonical_name"),
                subtypeDiff: try row.qualifiedName(schema: "diff_schema", name: "diff_name"),
                multirangeName: try row.qualifiedName(schema: "multirange_schema", name: "multirange_name"),
                comment: try row.optionalString("comment"))
            range.grants = try row.grants()
            ranges.append(range)
        }
        return (enums, ranges)
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
               d.description AS comment,
               \(CatalogSQL.grants(acl: "t.typacl", owner: "t.typowner", kind: "'T'")) AS grants
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
            var domain = Domain(
                name: QualifiedName(try row.string("schema"), try row.string("name")),
                baseType: try row.dataType(), isNotNull: try row.bool("not_null"),
                defaultExpression: try row.optionalString("default_expression"),
                collation: try row.qualifiedName(schema: "collation_schema", name: "collation_name"),
                checks: checks, comment: try row.optionalString("comment"))
            domain.grants = try row.grants()
            return domain
        }
    }
}
