import PgDriftModel
import PgDriftPostgres

/// One member of an extension with what a stand-in of it needs (`pg_identify_object` names it; `detail`
/// is a JSON object whose keys depend on the kind). Types and functions in the extension's own schema
/// are printed unqualified (the query runs with that schema first on the search path), so stand-ins
/// made with another schema first on the path land there, as `CREATE EXTENSION … SCHEMA` would put them.
package struct ExtensionMemberDefinition: Hashable, Sendable {
    /// `schema`, `type`, `function`, `procedure`, `aggregate`, `operator`, `operator class`,
    /// `operator family`, `cast`, `table`, `view`, … (`pg_identify_object`'s type).
    package var kind: String
    package var schema: String?
    package var name: String?
    package var identity: String
    /// The definition, as JSON; nil for kinds a stand-in is not made for.
    package var detail: String?

    package init(kind: String, schema: String?, name: String?, identity: String, detail: String?) {
        self.kind = kind
        self.schema = schema
        self.name = name
        self.identity = identity
        self.detail = detail
    }
}

enum ExtensionDefinitionsQuery {
    /// `$1`: one extension's name, `$2`: its schema. Run with that schema first on the search path; names
    /// in it are printed unqualified.
    static let sql = """
        WITH mem AS (
          SELECT d.classid, d.objid
          FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_extension e ON d.refobjid = e.oid
          WHERE d.refclassid = 'pg_catalog.pg_extension'::regclass AND d.deptype = 'e' AND e.extname = $1
        )
        SELECT io.type AS kind, io.schema, io.name, io.identity,
          CASE m.classid
          WHEN 'pg_catalog.pg_type'::regclass THEN (
            SELECT pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
              'typtype', t.typtype, 'typname', t.typname, 'typalign', t.typalign, 'typstorage', t.typstorage,
              'typcategory', t.typcategory, 'typispreferred', t.typispreferred,
              'input', t.typinput::regprocedure::text, 'output', t.typoutput::regprocedure::text,
              'receive', NULLIF(t.typreceive, 0)::regprocedure::text, 'send', NULLIF(t.typsend, 0)::regprocedure::text,
              'typmod_in', NULLIF(t.typmodin, 0)::regprocedure::text,
              'collatable', t.typcollation <> 0,
              'domain_base', CASE WHEN t.typtype = 'd' THEN pg_catalog.format_type(t.typbasetype, t.typtypmod) END,
              'domain_notnull', CASE WHEN t.typtype = 'd' THEN t.typnotnull END,
              'enum_labels', (SELECT pg_catalog.jsonb_agg(l.enumlabel ORDER BY l.enumsortorder) FROM pg_catalog.pg_enum l WHERE l.enumtypid = t.oid),
              'attributes', CASE WHEN t.typtype = 'c' THEN (
                SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_array(a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod)) ORDER BY a.attnum)
                FROM pg_catalog.pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped) END,
              'range_subtype', (SELECT pg_catalog.format_type(r.rngsubtype, NULL) FROM pg_catalog.pg_range r WHERE r.rngtypid = t.oid),
              'range_multirange', (SELECT pg_catalog.format_type(r.rngmultitypid, NULL) FROM pg_catalog.pg_range r WHERE r.rngtypid = t.oid)))
            FROM pg_catalog.pg_type t WHERE t.oid = m.objid)
          WHEN 'pg_catalog.pg_proc'::regclass THEN (
            SELECT pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
              'prokind', p.prokind, 'proname', p.proname, 'regprocedure', p.oid::regprocedure::text,
              'args', pg_catalog.pg_get_function_arguments(p.oid), 'identity_args', pg_catalog.pg_get_function_identity_arguments(p.oid),
              'result', pg_catalog.pg_get_function_result(p.oid), 'volatile', p.provolatile, 'strict', p.proisstrict,
              'parallel', p.proparallel,
              'aggregate', (SELECT pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
                   'sfunc', a.aggtransfn::regprocedure::text, 'stype', pg_catalog.format_type(a.aggtranstype, NULL),
                   'finalfunc', NULLIF(a.aggfinalfn, 0)::regprocedure::text, 'combinefunc', NULLIF(a.aggcombinefn, 0)::regprocedure::text,
                   'initcond', a.agginitval, 'sortop', NULLIF(a.aggsortop, 0)::regoperator::text))
                 FROM pg_catalog.pg_aggregate a WHERE a.aggfnoid = p.oid)))
            FROM pg_catalog.pg_proc p WHERE p.oid = m.objid)
          WHEN 'pg_catalog.pg_operator'::regclass THEN (
            SELECT pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
              'oprname', o.oprname,
              'left', CASE WHEN o.oprleft <> 0 THEN pg_catalog.format_type(o.oprleft, NULL) END,
              'right', pg_catalog.format_type(o.oprright, NULL), 'function', o.oprcode::regprocedure::text,
              'commutator', (SELECT 'OPERATOR(' || \(qualifier("cn.nspname")) || c.oprname || ')'
                             FROM pg_catalog.pg_operator c JOIN pg_catalog.pg_namespace cn ON cn.oid = c.oprnamespace WHERE c.oid = o.oprcom),
              'negator', (SELECT 'OPERATOR(' || \(qualifier("nn.nspname")) || n.oprname || ')'
                          FROM pg_catalog.pg_operator n JOIN pg_catalog.pg_namespace nn ON nn.oid = n.oprnamespace WHERE n.oid = o.oprnegate),
              'restrict', (SELECT f.oid::regproc::text FROM pg_catalog.pg_proc f WHERE f.oid = o.oprrest AND f.pronamespace = 'pg_catalog'::regnamespace),
              'join', (SELECT f.oid::regproc::text FROM pg_catalog.pg_proc f WHERE f.oid = o.oprjoin AND f.pronamespace = 'pg_catalog'::regnamespace),
              'merges', o.oprcanmerge, 'hashes', o.oprcanhash))
            FROM pg_catalog.pg_operator o WHERE o.oid = m.objid)
          WHEN 'pg_catalog.pg_opclass'::regclass THEN (
            SELECT pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
              'opcname', c.opcname, 'method', am.amname, 'for_type', pg_catalog.format_type(c.opcintype, NULL), 'default', c.opcdefault,
              'family', \(qualifier("fn.nspname")) || pg_catalog.quote_ident(f.opfname),
              'storage', CASE WHEN c.opckeytype <> 0 THEN pg_catalog.format_type(c.opckeytype, NULL) END,
              'items', \(items(owner: "'pg_catalog.pg_opclass'::regclass", oid: "c.oid", deptype: "'i'"))))
            FROM pg_catalog.pg_opclass c JOIN pg_catalog.pg_am am ON am.oid = c.opcmethod
                 JOIN pg_catalog.pg_opfamily f ON f.oid = c.opcfamily JOIN pg_catalog.pg_namespace fn ON fn.oid = f.opfnamespace
            WHERE c.oid = m.objid)
          WHEN 'pg_catalog.pg_opfamily'::regclass THEN (
            SELECT pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
              'opfname', f.opfname, 'method', am.amname,
              'items', \(items(owner: "'pg_catalog.pg_opfamily'::regclass", oid: "f.oid", deptype: "'a'"))))
            FROM pg_catalog.pg_opfamily f JOIN pg_catalog.pg_am am ON am.oid = f.opfmethod WHERE f.oid = m.objid)
          WHEN 'pg_catalog.pg_am'::regclass THEN (
            SELECT pg_catalog.jsonb_build_object('amname', a.amname, 'amtype', a.amtype) FROM pg_catalog.pg_am a WHERE a.oid = m.objid)
          WHEN 'pg_catalog.pg_cast'::regclass THEN (
            SELECT pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
              'source', pg_catalog.format_type(k.castsource, NULL), 'target', pg_catalog.format_type(k.casttarget, NULL),
              'function', NULLIF(k.castfunc, 0)::regprocedure::text, 'context', k.castcontext, 'method', k.castmethod))
            FROM pg_catalog.pg_cast k WHERE k.oid = m.objid)
          END::text AS detail
        FROM mem m CROSS JOIN LATERAL pg_catalog.pg_identify_object(m.classid, m.objid, 0) io
        ORDER BY 1, 4
        """

    /// `schema.` for a name outside the extension's schema (`$2`), nothing inside it.
    private static func qualifier(_ schema: String) -> String {
        "CASE WHEN \(schema) = $2 THEN '' ELSE pg_catalog.quote_ident(\(schema)) || '.' END"
    }

    /// The operators and support functions an operator class (deptype `i`) or family (`a`, added later
    /// by ALTER OPERATOR FAMILY) holds, as the items of CREATE OPERATOR CLASS / ALTER OPERATOR FAMILY ADD.
    private static func items(owner: String, oid: String, deptype: String) -> String {
        """
        (SELECT pg_catalog.jsonb_agg(item ORDER BY kind, number) FROM (
                SELECT 0 AS kind, ao.amopstrategy AS number,
                       'OPERATOR ' || ao.amopstrategy || ' ' || \(qualifier("opn.nspname")) || op.oprname
                       || ' (' || pg_catalog.format_type(ao.amoplefttype, NULL) || ', ' || pg_catalog.format_type(ao.amoprighttype, NULL) || ')'
                       || COALESCE(' FOR ORDER BY ' || (SELECT \(qualifier("sn.nspname")) || pg_catalog.quote_ident(sf.opfname)
                                   FROM pg_catalog.pg_opfamily sf JOIN pg_catalog.pg_namespace sn ON sn.oid = sf.opfnamespace
                                   WHERE sf.oid = ao.amopsortfamily), '') AS item
                FROM pg_catalog.pg_amop ao JOIN pg_catalog.pg_operator op ON op.oid = ao.amopopr
                     JOIN pg_catalog.pg_namespace opn ON opn.oid = op.oprnamespace
                     JOIN pg_catalog.pg_depend dd ON dd.classid = 'pg_catalog.pg_amop'::regclass AND dd.objid = ao.oid
                WHERE dd.refclassid = \(owner) AND dd.refobjid = \(oid) AND dd.deptype = \(deptype)
                UNION ALL
                SELECT 1, ap.amprocnum,
                       'FUNCTION ' || ap.amprocnum || ' (' || pg_catalog.format_type(ap.amproclefttype, NULL) || ', '
                       || pg_catalog.format_type(ap.amprocrighttype, NULL) || ') ' || ap.amproc::regprocedure::text
                FROM pg_catalog.pg_amproc ap
                     JOIN pg_catalog.pg_depend dd ON dd.classid = 'pg_catalog.pg_amproc'::regclass AND dd.objid = ap.oid
                WHERE dd.refclassid = \(owner) AND dd.refobjid = \(oid) AND dd.deptype = \(deptype)) items)
        """
    }

    static func read(_ result: QueryResult) throws -> [ExtensionMemberDefinition] {
        try result.rows.map { row in
            ExtensionMemberDefinition(
                kind: try row.string("kind"), schema: try row.optionalString("schema"), name: try row.optionalString("name"),
                identity: try row.string("identity"), detail: try row.optionalString("detail"))
        }
    }
}

extension Introspector {
    /// The definitions of one extension's members (for stand-ins), read in the caller's transaction with
    /// the extension's schema first on the search path, which is emptied again after.
    package static func extensionDefinitions(of members: ExtensionMembers, on connection: PostgresConnection) throws -> [ExtensionMemberDefinition] {
        try connection.query("SELECT pg_catalog.set_config('search_path', $1, true)", [SQLQuote.identifier(members.schema) + ", pg_catalog"])
        defer { _ = try? connection.query("SELECT pg_catalog.set_config('search_path', '', true)") }
        return try ExtensionDefinitionsQuery.read(connection.query(ExtensionDefinitionsQuery.sql, [members.name, members.schema]))
    }
}
