import PgDriftPostgres

/// Operators, casts, aggregates, collations, text search, rules, extended statistics, event triggers,
/// publications and the foreign-data kinds (issue 22): one query over their catalogs. Each row is one
/// object with its raw catalog fields as JSON; `DefinedObjectRows` renders them as clauses.
///
/// Only what users created (oids from 16384), not an extension's members nor what PostgreSQL made as
/// part of another object (deptype `i`); kinds without a schema are read only when no `--schema`
/// narrows the reading. Names of functions, types and operators are the server's own renderings
/// (`regproc`, `format_type`, `regoperator`), read with an empty search_path so that they come
/// qualified; columns that moved between versions are read through `to_jsonb` of the row.
enum DefinedObjectsQuery {
    /// The loose members (`class` nil) or one class's members of an operator family, as a JSON list.
    private static func members(family: String, ofClass opclass: String?) -> String {
        func belongs(_ catalog: String, _ oid: String) -> String {
            let test = """
                EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.\(catalog)'::pg_catalog.regclass \
                AND d.objid = \(oid) AND d.refclassid = 'pg_catalog.pg_opclass'::pg_catalog.regclass\(opclass.map { " AND d.refobjid = \($0)" } ?? ""))
                """
            return opclass == nil ? "NOT " + test : test
        }
        return """
            (SELECT pg_catalog.json_agg(m ORDER BY m.member_kind, m.number, m.lefttype, m.righttype) FROM (
              SELECT 'operator' AS member_kind, ao.amopstrategy AS number,
                     pg_catalog.format_type(ao.amoplefttype, NULL) AS lefttype, pg_catalog.format_type(ao.amoprighttype, NULL) AS righttype,
                     ao.amopopr::pg_catalog.regoperator::text AS member, sn.nspname AS sort_schema, sf.opfname AS sort_family
              FROM pg_catalog.pg_amop ao
              LEFT JOIN pg_catalog.pg_opfamily sf ON sf.oid = ao.amopsortfamily AND ao.amoppurpose = 'o'
              LEFT JOIN pg_catalog.pg_namespace sn ON sn.oid = sf.opfnamespace
              WHERE ao.amopfamily = \(family) AND \(belongs("pg_amop", "ao.oid"))
              UNION ALL
              SELECT 'function', ap.amprocnum, pg_catalog.format_type(ap.amproclefttype, NULL), pg_catalog.format_type(ap.amprocrighttype, NULL),
                     ap.amproc::pg_catalog.regprocedure::text, NULL, NULL
              FROM pg_catalog.pg_amproc ap
              WHERE ap.amprocfamily = \(family) AND \(belongs("pg_amproc", "ap.oid"))) m)
            """
    }

    /// `CASE WHEN oid <> 0 THEN oid::regproc::text END`: a function reference, or NULL.
    private static func function(_ column: String, as type: String = "regproc") -> String {
        "CASE WHEN \(column) <> 0 THEN \(column)::pg_catalog.\(type)::text END"
    }

    private static func type(_ column: String) -> String {
        "CASE WHEN \(column) <> 0 THEN pg_catalog.format_type(\(column), NULL) END"
    }

    /// One SELECT per kind: kind, schema, the table it belongs to, raw name, the object's class and oid,
    /// and its fields.
    private static let parts: [String] = {
        let inSchema = { (alias: String) in
            "EXISTS (SELECT 1 FROM pg_catalog.pg_namespace n WHERE n.oid = \(alias) AND \(CatalogSQL.namespaceFilter("n")))"
        }
        let everywhere = "cardinality($1::text[]) = 0"
        func select(_ kind: String, schema: String, table: (String, String)? = nil, name: String, catalog: String, oid: String, data: String, from: String, where condition: String) -> String {
            """
            SELECT '\(kind)'::text AS kind, \(schema)::text AS schema, \(table?.0 ?? "NULL")::text AS table_schema, \
            \(table?.1 ?? "NULL")::text AS table_name, \(name)::text AS name, \
            'pg_catalog.\(catalog)'::pg_catalog.regclass AS classid, \(oid) AS objid, pg_catalog.json_build_object(\(data))::text AS data
            FROM \(from)
            WHERE \(condition)
            """
        }
        let namespace = { (alias: String) in "(SELECT n.nspname FROM pg_catalog.pg_namespace n WHERE n.oid = \(alias))" }
        return [
            select("collation", schema: namespace("o.collnamespace"), name: "o.collname", catalog: "pg_collation", oid: "o.oid",
                   data: """
                       'provider', o.collprovider, 'deterministic', o.collisdeterministic, 'lc_collate', j->>'collcollate', \
                       'lc_ctype', j->>'collctype', 'locale', COALESCE(j->>'colllocale', j->>'colliculocale'), 'rules', j->>'collicurules'
                       """,
                   from: "pg_catalog.pg_collation o, LATERAL pg_catalog.to_jsonb(o) j", where: inSchema("o.collnamespace")),
            select("foreign data wrapper", schema: "NULL", name: "o.fdwname", catalog: "pg_foreign_data_wrapper", oid: "o.oid",
                   data: "'handler', \(function("o.fdwhandler")), 'validator', \(function("o.fdwvalidator")), 'options', o.fdwoptions",
                   from: "pg_catalog.pg_foreign_data_wrapper o", where: everywhere),
            select("foreign server", schema: "NULL", name: "o.srvname", catalog: "pg_foreign_server", oid: "o.oid",
                   data: "'wrapper', w.fdwname, 'type', o.srvtype, 'version', o.srvversion, 'options', o.srvoptions",
                   from: "pg_catalog.pg_foreign_server o JOIN pg_catalog.pg_foreign_data_wrapper w ON w.oid = o.srvfdw", where: everywhere),
            // The view, not pg_user_mapping: it needs no superuser. Never the options: they hold passwords.
            select("user mapping", schema: "NULL", name: "o.usename", catalog: "pg_user_mapping", oid: "o.umid",
                   data: "'user', o.usename, 'public', o.umuser = 0, 'server', o.srvname",
                   from: "pg_catalog.pg_user_mappings o", where: everywhere),
            // A shell operator (named by another's COMMUTATOR, never defined) has no function.
            select("operator", schema: namespace("o.oprnamespace"), name: "o.oprname", catalog: "pg_operator", oid: "o.oid",
                   data: """
                       'function', \(function("o.oprcode")), 'left', \(type("o.oprleft")), 'right', \(type("o.oprright")), \
                       'commutator', \(function("o.oprcom", as: "regoper")), 'negator', \(function("o.oprnegate", as: "regoper")), \
                       'restrict', \(function("o.oprrest")), 'join', \(function("o.oprjoin")), 'hashes', o.oprcanhash, 'merges', o.oprcanmerge
                       """,
                   from: "pg_catalog.pg_operator o", where: "o.oprcode <> 0 AND " + inSchema("o.oprnamespace")),
            select("operator family", schema: namespace("o.opfnamespace"), name: "o.opfname", catalog: "pg_opfamily", oid: "o.oid",
                   data: "'method', am.amname, 'members', \(members(family: "o.oid", ofClass: nil))",
                   from: "pg_catalog.pg_opfamily o JOIN pg_catalog.pg_am am ON am.oid = o.opfmethod", where: inSchema("o.opfnamespace")),
            select("operator class", schema: namespace("o.opcnamespace"), name: "o.opcname", catalog: "pg_opclass", oid: "o.oid",
                   data: """
                       'method', am.amname, 'type', pg_catalog.format_type(o.opcintype, NULL), 'default', o.opcdefault, \
                       'family_schema', \(namespace("f.opfnamespace")), 'family', f.opfname, 'storage', \(type("o.opckeytype")), \
                       'members', \(members(family: "o.opcfamily", ofClass: "o.oid"))
                       """,
                   from: """
                       pg_catalog.pg_opclass o JOIN pg_catalog.pg_am am ON am.oid = o.opcmethod \
                       JOIN pg_catalog.pg_opfamily f ON f.oid = o.opcfamily
                       """,
                   where: inSchema("o.opcnamespace")),
            select("cast", schema: "NULL", name: "NULL", catalog: "pg_cast", oid: "o.oid",
                   data: """
                       'source', pg_catalog.format_type(o.castsource, NULL), 'target', pg_catalog.format_type(o.casttarget, NULL), \
                       'function', \(function("o.castfunc", as: "regprocedure")), 'context', o.castcontext, 'method', o.castmethod
                       """,
                   from: "pg_catalog.pg_cast o", where: everywhere),
            select("aggregate", schema: namespace("p.pronamespace"), name: "p.proname", catalog: "pg_proc", oid: "p.oid",
                   data: """
                       'arguments', pg_catalog.pg_get_function_arguments(p.oid), 'kind', a.aggkind, 'parallel', p.proparallel, \
                       'sfunc', \(function("a.aggtransfn")), 'stype', \(type("a.aggtranstype")), 'sspace', a.aggtransspace, \
                       'finalfunc', \(function("a.aggfinalfn")), 'finalfunc_extra', a.aggfinalextra, 'finalfunc_modify', a.aggfinalmodify, \
                       'combinefunc', \(function("a.aggcombinefn")), 'serialfunc', \(function("a.aggserialfn")), \
                       'deserialfunc', \(function("a.aggdeserialfn")), 'initcond', a.agginitval, \
                       'msfunc', \(function("a.aggmtransfn")), 'minvfunc', \(function("a.aggminvtransfn")), 'mstype', \(type("a.aggmtranstype")), \
                       'msspace', a.aggmtransspace, 'mfinalfunc', \(function("a.aggmfinalfn")), 'mfinalfunc_extra', a.aggmfinalextra, \
                       'mfinalfunc_modify', a.aggmfinalmodify, 'minitcond', a.aggminitval, 'sortop', \(function("a.aggsortop", as: "regoper"))
                       """,
                   from: "pg_catalog.pg_aggregate a JOIN pg_catalog.pg_proc p ON p.oid = a.aggfnoid", where: inSchema("p.pronamespace")),
            select("text search dictionary", schema: namespace("o.dictnamespace"), name: "o.dictname", catalog: "pg_ts_dict", oid: "o.oid",
                   data: "'template_schema', \(namespace("t.tmplnamespace")), 'template', t.tmplname, 'options', o.dictinitoption",
                   from: "pg_catalog.pg_ts_dict o JOIN pg_catalog.pg_ts_template t ON t.oid = o.dicttemplate", where: inSchema("o.dictnamespace")),
            select("text search configuration", schema: namespace("o.cfgnamespace"), name: "o.cfgname", catalog: "pg_ts_config", oid: "o.oid",
                   data: """
                       'parser_schema', \(namespace("p.prsnamespace")), 'parser', p.prsname, 'mappings', \
                       (SELECT pg_catalog.json_agg(pg_catalog.json_build_object('token', t.alias, 'dictionaries', t.dictionaries) ORDER BY t.alias) FROM \
                       (SELECT tt.alias, pg_catalog.string_agg(m.mapdict::pg_catalog.regdictionary::text, ', ' ORDER BY m.mapseqno) AS dictionaries \
                       FROM pg_catalog.pg_ts_config_map m JOIN pg_catalog.ts_token_type(o.cfgparser) tt ON tt.tokid = m.maptokentype \
                       WHERE m.mapcfg = o.oid GROUP BY tt.alias) t)
                       """,
                   from: "pg_catalog.pg_ts_config o JOIN pg_catalog.pg_ts_parser p ON p.oid = o.cfgparser", where: inSchema("o.cfgnamespace")),
            select("foreign table", schema: namespace("c.relnamespace"), name: "c.relname", catalog: "pg_class", oid: "c.oid",
                   data: """
                       'server', s.srvname, 'options', o.ftoptions, 'columns', \
                       (SELECT pg_catalog.json_agg(pg_catalog.json_build_object('name', a.attname, \
                       'type', pg_catalog.format_type(a.atttypid, a.atttypmod), 'not_null', a.attnotnull, \
                       'default', pg_catalog.pg_get_expr(d.adbin, d.adrelid), 'options', a.attfdwoptions) ORDER BY a.attnum) \
                       FROM pg_catalog.pg_attribute a LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum \
                       WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped)
                       """,
                   from: """
                       pg_catalog.pg_foreign_table o JOIN pg_catalog.pg_class c ON c.oid = o.ftrelid \
                       JOIN pg_catalog.pg_foreign_server s ON s.oid = o.ftserver
                       """,
                   where: inSchema("c.relnamespace")),
            select("rule", schema: namespace("c.relnamespace"), table: (namespace("c.relnamespace"), "c.relname"), name: "o.rulename",
                   catalog: "pg_rewrite", oid: "o.oid",
                   data: "'definition', pg_catalog.pg_get_ruledef(o.oid), 'enabled', o.ev_enabled",
                   from: "pg_catalog.pg_rewrite o JOIN pg_catalog.pg_class c ON c.oid = o.ev_class",
                   where: "o.rulename <> '_RETURN' AND " + inSchema("c.relnamespace")),
            select("extended statistics", schema: namespace("o.stxnamespace"), table: (namespace("c.relnamespace"), "c.relname"),
                   name: "o.stxname", catalog: "pg_statistic_ext", oid: "o.oid",
                   data: "'definition', pg_catalog.pg_get_statisticsobjdef(o.oid), 'target', j->>'stxstattarget'",
                   from: "pg_catalog.pg_statistic_ext o JOIN pg_catalog.pg_class c ON c.oid = o.stxrelid, LATERAL pg_catalog.to_jsonb(o) j",
                   where: inSchema("o.stxnamespace")),
            select("publication", schema: "NULL", name: "o.pubname", catalog: "pg_publication", oid: "o.oid",
                   data: """
                       'all_tables', o.puballtables, 'insert', o.pubinsert, 'update', o.pubupdate, 'delete', o.pubdelete, \
                       'truncate', o.pubtruncate, 'via_root', o.pubviaroot, 'generated_columns', j->>'pubgencols', \
                       'tables', (SELECT pg_catalog.json_agg(pg_catalog.json_build_object('schema', rn.nspname, 'name', r.relname, \
                       'columns', (SELECT pg_catalog.json_agg(a.attname ORDER BY a.attnum) FROM pg_catalog.pg_attribute a \
                       WHERE a.attrelid = pr.prrelid AND a.attnum = ANY (pr.prattrs)), \
                       'where', pg_catalog.pg_get_expr(pr.prqual, pr.prrelid)) ORDER BY rn.nspname, r.relname) \
                       FROM pg_catalog.pg_publication_rel pr JOIN pg_catalog.pg_class r ON r.oid = pr.prrelid \
                       JOIN pg_catalog.pg_namespace rn ON rn.oid = r.relnamespace WHERE pr.prpubid = o.oid), \
                       'schemas', (SELECT pg_catalog.json_agg(pn.nspname ORDER BY pn.nspname) FROM pg_catalog.pg_publication_namespace pp \
                       JOIN pg_catalog.pg_namespace pn ON pn.oid = pp.pnnspid WHERE pp.pnpubid = o.oid)
                       """,
                   from: "pg_catalog.pg_publication o, LATERAL pg_catalog.to_jsonb(o) j", where: everywhere),
            select("event trigger", schema: "NULL", name: "o.evtname", catalog: "pg_event_trigger", oid: "o.oid",
                   data: "'event', o.evtevent, 'function', \(function("o.evtfoid")), 'tags', o.evttags, 'enabled', o.evtenabled",
                   from: "pg_catalog.pg_event_trigger o", where: everywhere),
        ]
    }()

    static let sql: String = """
        SELECT u.kind, u.schema, u.table_schema, u.table_name, u.name,
               (pg_catalog.pg_identify_object(u.classid, u.objid, 0)).identity AS identity, u.data
        FROM (\(parts.joined(separator: "\nUNION ALL\n"))) u
        WHERE u.objid >= 16384
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend ext WHERE ext.classid = u.classid AND ext.objid = u.objid
                          AND ext.deptype IN ('e', 'i'))
        ORDER BY 1, 6
        """
}
