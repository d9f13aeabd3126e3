import PgDriftModel
import PgDriftPostgres

/// Every column of every relation the relations query returns: nullability, identity (with its
/// sequence's options), generation, comment; the type and collation as oids, named by
/// `ColumnTypesQuery`, and the default or generation expression from `DefaultsQuery`.
///
/// Written for 200,000 columns: the narrowest rows that carry the facts (no per-column type joins or
/// `format_type` calls, no expression deparsing in the join), ordered on the client — the server's sort
/// of wide rows spilled out of work_mem.
enum ColumnsQuery {
    static let sql = """
        SELECT a.attrelid AS relid, a.attnum AS num, a.attname AS name, a.attnotnull AS not_null,
               a.attislocal AS is_local, a.attidentity AS identity, a.attgenerated AS generated,
               a.atttypid AS type_oid, a.atttypmod AS type_modifier, a.attndims AS dims,
               a.attcollation AS collation_oid,
               s.seqstart AS seq_start, s.seqincrement AS seq_increment, s.seqmin AS seq_min,
               s.seqmax AS seq_max, s.seqcache AS seq_cache, s.seqcycle AS seq_cycle,
               d.description AS comment
        FROM pg_catalog.pg_attribute a
        JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        -- The identity sequence, looked up only for identity columns (a join probed pg_depend for all).
        LEFT JOIN LATERAL (
            SELECT seq.* FROM pg_catalog.pg_depend dep
            JOIN pg_catalog.pg_sequence seq ON seq.seqrelid = dep.objid
            WHERE a.attidentity <> '' AND dep.refclassid = 'pg_catalog.pg_class'::regclass
              AND dep.refobjid = a.attrelid AND dep.refobjsubid = a.attnum
              AND dep.classid = 'pg_catalog.pg_class'::regclass AND dep.deptype = 'i') s ON true
        LEFT JOIN pg_catalog.pg_description d
               ON d.classoid = 'pg_catalog.pg_class'::regclass AND d.objoid = a.attrelid AND d.objsubid = a.attnum
        WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'c')
          AND \(CatalogSQL.namespaceFilter("n"))
        """

    /// A column and the relation it belongs to.
    struct Entry {
        var relationOID: UInt32
        var number: Int
        var isLocal: Bool
        var isGenerated: Bool
        /// The column's type, modifier and collation, as `ColumnTypesQuery` names them.
        var typeKey: ColumnTypesQuery.Key
        var declaredDimensions: Int
        var column: Column
    }

    /// The columns, ordered by relation and position, with an empty type and no default yet.
    static func read(_ rows: RowSource) throws -> [Entry] {
        var positions: Fields?
        var entries: [Entry] = []
        try rows { row in
            let fields = try positions ?? Fields(row)
            positions = fields
            var identity: Identity?
            switch row[fields.identity] {
            case "a": identity = Identity(generation: .always, sequence: try sequenceOptions(row))
            case "d": identity = Identity(generation: .byDefault, sequence: try sequenceOptions(row))
            default: identity = nil
            }
            let column = Column(
                name: try row.string(at: fields.name), type: DataType(""), isNotNull: row[fields.notNull] == "t",
                identity: identity, comment: row[fields.comment])
            let key = ColumnTypesQuery.Key(
                type: try row.oid(at: fields.typeOID), modifier: try row.int(at: fields.typeModifier),
                collation: try row.oid(at: fields.collation))
            entries.append(
                Entry(
                    relationOID: try row.oid(at: fields.relid), number: try row.int(at: fields.number),
                    isLocal: row[fields.isLocal] == "t", isGenerated: row[fields.generated] == "s", typeKey: key,
                    declaredDimensions: try row.int(at: fields.dimensions), column: column))
        }
        entries.sort { ($0.relationOID, $0.number) < ($1.relationOID, $1.number) }
        return entries
    }

    /// Field positions, looked up once per result rather than once per row.
    private struct Fields {
        let relid, number, name, notNull, isLocal, identity, generated: Int
        let typeOID, typeModifier, dimensions, collation, comment: Int
        init(_ row: Row) throws {
            relid = try row.position(of: "relid"); number = try row.position(of: "num"); name = try row.position(of: "name")
            notNull = try row.position(of: "not_null"); isLocal = try row.position(of: "is_local")
            identity = try row.position(of: "identity"); generated = try row.position(of: "generated")
            typeOID = try row.position(of: "type_oid"); typeModifier = try row.position(of: "type_modifier")
            dimensions = try row.position(of: "dims"); collation = try row.position(of: "collation_oid")
            comment = try row.position(of: "comment")
        }
    }

    private static func sequenceOptions(_ row: Row) throws -> SequenceOptions {
        SequenceOptions(
            start: try row.int64("seq_start"), increment: try row.int64("seq_increment"),
            minValue: try row.int64("seq_min"), maxValue: try row.int64("seq_max"),
            cache: try row.int64("seq_cache"), cycle: try row.bool("seq_cycle"))
    }
}

/// Column defaults and generation expressions, deparsed on their own: hashing the stored trees
/// into the columns query cost more than deparsing them.
enum DefaultsQuery {
    /// `$3`: the relations with generated columns. Only a generation expression can reference columns
    /// (a DEFAULT cannot), and pg_get_expr without a relation does not open one: 5x faster on 72,000
    /// defaults, same text.
    static let sql = """
        SELECT ad.adrelid AS relid, ad.adnum AS num,
               pg_catalog.pg_get_expr(ad.adbin, CASE WHEN g.relid IS NULL THEN 0 ELSE ad.adrelid END) AS expression
        FROM pg_catalog.pg_attrdef ad
        JOIN pg_catalog.pg_class c ON c.oid = ad.adrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN (SELECT DISTINCT unnest($3::oid[])) g(relid) ON g.relid = ad.adrelid
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'c') AND \(CatalogSQL.namespaceFilter("n"))
        """

    static func parameters(filter: [String?], columns: [ColumnsQuery.Entry]) -> [String?] {
        var generated = Set<UInt32>()
        for entry in columns where entry.isGenerated { generated.insert(entry.relationOID) }
        return filter + [PostgresArray.literal(generated.sorted().map { String($0) })]
    }

    /// Sets each column's default or generation expression; `columns` are ordered by relation and position.
    static func complete(_ columns: inout [ColumnsQuery.Entry], rows: RowSource) throws {
        var expressions: [(relation: UInt32, number: Int, text: String)] = []
        var fields: (relid: Int, num: Int, text: Int)?
        try rows { row in
            let at = try fields ?? (row.position(of: "relid"), row.position(of: "num"), row.position(of: "expression"))
            fields = at
            guard let expression = row[at.text] else { return }
            expressions.append((try row.oid(at: at.relid), try row.int(at: at.num), expression))
        }
        expressions.sort { ($0.relation, $0.number) < ($1.relation, $1.number) }
        // Both sides are ordered: one merge, no lookups.
        var next = expressions.startIndex
        for position in columns.indices {
            let key = (columns[position].relationOID, columns[position].number)
            while next < expressions.endIndex, (expressions[next].relation, expressions[next].number) < key { next += 1 }
            guard next < expressions.endIndex, (expressions[next].relation, expressions[next].number) == key else { continue }
            if columns[position].isGenerated {
                columns[position].column.generatedExpression = expressions[next].text
            } else {
                columns[position].column.defaultExpression = expressions[next].text
            }
        }
    }
}

/// The type and collation text of each distinct (type, modifier, collation) the columns use: a few
/// dozen `format_type` calls instead of two per column. Its parameters are what the columns query
/// returned, so it is one query whatever the schema's size.
enum ColumnTypesQuery {
    /// A column's type oid, type modifier and collation oid.
    struct Key: Hashable {
        var type: UInt32
        var modifier: Int
        var collation: UInt32
    }

    /// Arrays are named by their element type (the model counts dimensions); a collation is named only
    /// when it is not the type's own.
    static let sql = """
        SELECT t.ord, CASE WHEN vt.typelem <> 0 AND vt.typsubscript = 'pg_catalog.array_subscript_handler'::regproc
                           THEN true ELSE false END AS is_array,
               \(CatalogSQL.typeColumns(typmod: "t.modifier", dims: "0")),
               cn.nspname AS collation_schema, co.collname AS collation_name
        FROM unnest($1::oid[], $2::int4[], $3::oid[]) WITH ORDINALITY AS t(oid, modifier, coll, ord)
        JOIN pg_catalog.pg_type vt ON vt.oid = t.oid
        \(CatalogSQL.typeJoins)
        LEFT JOIN pg_catalog.pg_collation co ON co.oid = t.coll AND t.coll <> bt.typcollation
        LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
        """

    static func parameters(_ keys: [Key]) -> [String?] {
        [
            PostgresArray.literal(keys.map { String($0.type) }), PostgresArray.literal(keys.map { String($0.modifier) }),
            PostgresArray.literal(keys.map { String($0.collation) }),
        ]
    }

    /// Sets every column's type and collation from the query's rows, `keys` in the order they were asked.
    static func complete(_ columns: inout [ColumnsQuery.Entry], keys: [Key], result: QueryResult) throws {
        var named: [Key: (type: DataType, isArray: Bool, collation: QualifiedName?)] = [:]
        for row in result.rows {
            let ordinal = try row.int("ord")
            guard ordinal >= 1, ordinal <= keys.count else { continue }
            named[keys[ordinal - 1]] = (
                try row.dataType(arrayDimensions: 0), try row.bool("is_array"),
                try row.qualifiedName(schema: "collation_schema", name: "collation_name")
            )
        }
        for position in columns.indices {
            guard let name = named[columns[position].typeKey] else {
                throw PostgresError(kind: .protocolViolation, message: "type \(columns[position].typeKey.type) was not found")
            }
            columns[position].column.type = name.type
            columns[position].column.type.arrayDimensions = name.isArray ? max(columns[position].declaredDimensions, 1) : 0
            columns[position].column.collation = name.collation
        }
    }

    /// The distinct keys of `columns`, in first-use order.
    static func keys(_ columns: [ColumnsQuery.Entry]) -> [Key] {
        var seen = Set<Key>()
        return columns.compactMap { seen.insert($0.typeKey).inserted ? $0.typeKey : nil }
    }
}
