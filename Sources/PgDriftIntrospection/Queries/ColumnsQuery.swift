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
    /// The query for a server of this `server_version_num`: PostgreSQL 18 records NOT NULL as a
    /// constraint of its own (`contype 'n'`), with a name and a validity.
    static func sql(serverVersion: Int) -> String {
        guard serverVersion >= 180000 else { return sql }
        return sql.replacingOccurrences(of: "NULL::name AS not_null_name, NULL::bool AS not_null_validated,",
                                        with: "nn.conname AS not_null_name, nn.convalidated AS not_null_validated,")
            .replacingOccurrences(
                of: "-- (PostgreSQL 18: the NOT NULL constraints)\n",
                with: "LEFT JOIN pg_catalog.pg_constraint nn ON nn.conrelid = a.attrelid AND nn.contype = 'n' AND nn.conkey[1] = a.attnum\n")
    }

    static let sql = """
        SELECT a.attrelid AS relid, a.attnum AS num, a.attname AS name, a.attnotnull AS not_null,
               NULL::name AS not_null_name, NULL::bool AS not_null_validated,
               -- What most columns leave at its default is NULL: a NULL costs neither the server an
               -- output call nor the client a parse, and there are 200,000 rows at 10,000 tables.
               CASE WHEN NOT a.attislocal THEN true END AS inherited,
               NULLIF(a.attidentity, '') AS identity, NULLIF(a.attgenerated, '') AS generated,
               a.atttypid AS type_oid, NULLIF(a.atttypmod, -1) AS type_modifier, NULLIF(a.attndims, 0) AS dims,
               NULLIF(a.attcollation, 0) AS collation_oid,
               a.attstorage AS storage, NULLIF(a.attcompression, '') AS compression,
               -- NULL for the default from 17 on (-1 before).
               NULLIF(a.attstattarget, -1) AS statistics,
               -- Only when it holds a planner option PostgreSQL documents (read: keeps only those); some
               -- builds keep private entries there too (`pg_attver=…` on this project's Debian PostgreSQL
               -- 15), which pg_dump does not print. A text test, not a subquery per column.
               CASE WHEN pg_catalog.array_to_string(a.attoptions, ',') LIKE '%n\\_distinct%' THEN a.attoptions END AS options,
               s.seqstart AS seq_start, s.seqincrement AS seq_increment, s.seqmin AS seq_min,
               s.seqmax AS seq_max, s.seqcache AS seq_cache, s.seqcycle AS seq_cycle, s.relname AS seq_name,
               d.description AS comment,
               -- Column privileges (with `$3`): part of the table's grants (Grant.column).
               \(CatalogSQL.columnGrants(attribute: "a", owner: "c.relowner")) AS grants
        FROM pg_catalog.pg_attribute a
        JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        -- The identity sequence, looked up only for identity columns (a join probed pg_depend for all).
        LEFT JOIN LATERAL (
            SELECT seq.*, sc.relname FROM pg_catalog.pg_depend dep
            JOIN pg_catalog.pg_sequence seq ON seq.seqrelid = dep.objid
            JOIN pg_catalog.pg_class sc ON sc.oid = seq.seqrelid
            WHERE a.attidentity <> '' AND dep.refclassid = 'pg_catalog.pg_class'::regclass
              AND dep.refobjid = a.attrelid AND dep.refobjsubid = a.attnum
              AND dep.classid = 'pg_catalog.pg_class'::regclass AND dep.deptype = 'i') s ON true
        LEFT JOIN pg_catalog.pg_description d
               ON d.classoid = 'pg_catalog.pg_class'::regclass AND d.objoid = a.attrelid AND d.objsubid = a.attnum
        -- (PostgreSQL 18: the NOT NULL constraints)
        WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'c')
          AND \(CatalogSQL.namespaceFilter("n"))
        """

    /// The columns of each relation, grouped as they stream in. `sizes` (attribute counts by relation,
    /// dropped columns included) reserves each relation's arrays at their final size: 200,000 columns
    /// are most of a big catalog's memory, and arrays grown by doubling would waste a third of it.
    static func read(_ rows: RowSource, sizes: [UInt32: Int]) throws -> [UInt32: RelationColumns] {
        var positions: Fields?
        var relations: [UInt32: RelationColumns] = [:]
        var currentOID: UInt32?
        var current = RelationColumns(capacity: 0)
        try rows { row in
            let fields = try positions ?? Fields(row)
            positions = fields
            let oid = try row.oid(at: fields.relid)
            if oid != currentOID {
                // Rows come grouped by relation in practice; a relation seen again is appended to.
                if let previous = currentOID { relations[previous] = current }
                currentOID = oid
                current = relations.removeValue(forKey: oid) ?? RelationColumns(capacity: sizes[oid] ?? 8)
            }
            var identity: Identity?
            switch row[fields.identity] {
            case "a": identity = Identity(generation: .always, sequence: try sequenceOptions(row), sequenceName: row[fields.sequenceName])
            case "d": identity = Identity(generation: .byDefault, sequence: try sequenceOptions(row), sequenceName: row[fields.sequenceName])
            default: identity = nil
            }
            // The storage stays only where it is not the type's (ColumnTypesQuery compares it with typstorage).
            let statistics = try row.int(at: fields.statistics, ifNull: -1)
            current.columns.append(Column(
                name: try row.string(at: fields.name), type: DataType(""), isNotNull: row.bool(at: fields.notNull),
                identity: identity, comment: row[fields.comment],
                compression: compressionName(row[fields.compression]), statisticsTarget: statistics >= 0 ? statistics : nil,
                options: try row[fields.options].map { try PostgresArray.parse($0).compactMap { $0 }.filter { $0.hasPrefix("n_distinct") } }))
            if row.bool(at: fields.notNull), let name = row[fields.notNullName] {
                current.columns[current.columns.count - 1].notNullName = name
                if row[fields.notNullValidated] == "f" { current.columns[current.columns.count - 1].notNullValidated = false }
            }
            if let grants = row[fields.grants] {
                let column = current.columns[current.columns.count - 1].name
                for entry in try PostgresArray.parse(grants) { current.grants.append(try Row.grant(entry ?? "", column: column)) }
            }
            current.numbers.append(try row.int(at: fields.number))
            current.isLocal.append(!row.bool(at: fields.inherited))
            // 's' stored, 'v' virtual (PostgreSQL 18).
            let generated = row[fields.generated] ?? ""
            current.isGenerated.append(generated == "s" || generated == "v")
            if generated == "v" { current.columns[current.columns.count - 1].generatedVirtual = true }
            current.typeKeys.append(ColumnTypesQuery.Key(
                type: try row.oid(at: fields.typeOID), modifier: try row.int(at: fields.typeModifier, ifNull: -1),
                collation: try row.oid(at: fields.collation, ifNull: 0)))
            current.declaredDimensions.append(try row.int(at: fields.dimensions, ifNull: 0))
            current.storages.append(row[fields.storage].flatMap(ColumnStorage.init(code:)))
        }
        if let previous = currentOID { relations[previous] = current }
        for index in relations.values.indices { relations.values[index].sortByPosition() }
        return relations
    }

    /// Field positions, looked up once per result rather than once per row.
    private struct Fields {
        let relid, number, name, notNull, inherited, identity, generated: Int
        let typeOID, typeModifier, dimensions, collation, comment, sequenceName: Int
        let storage, compression, statistics, options, grants, notNullName, notNullValidated: Int
        init(_ row: Row) throws {
            notNullName = try row.position(of: "not_null_name"); notNullValidated = try row.position(of: "not_null_validated")
            options = try row.position(of: "options"); grants = try row.position(of: "grants")
            storage = try row.position(of: "storage"); compression = try row.position(of: "compression")
            statistics = try row.position(of: "statistics")
            relid = try row.position(of: "relid"); number = try row.position(of: "num"); name = try row.position(of: "name")
            notNull = try row.position(of: "not_null"); inherited = try row.position(of: "inherited")
            identity = try row.position(of: "identity"); generated = try row.position(of: "generated")
            typeOID = try row.position(of: "type_oid"); typeModifier = try row.position(of: "type_modifier")
            dimensions = try row.position(of: "dims"); collation = try row.position(of: "collation_oid")
            comment = try row.position(of: "comment"); sequenceName = try row.position(of: "seq_name")
        }
    }

    /// `attcompression`: `p` is pglz, `l` lz4, empty the default.
    static func compressionName(_ code: String?) -> String? {
        switch code {
        case "p": return "pglz"
        case "l": return "lz4"
        default: return nil
        }
    }

    private static func sequenceOptions(_ row: Row) throws -> SequenceOptions {
        SequenceOptions(
            start: try row.int64("seq_start"), increment: try row.int64("seq_increment"),
            minValue: try row.int64("seq_min"), maxValue: try row.int64("seq_max"),
            cache: try row.int64("seq_cache"), cycle: try row.bool("seq_cycle"))
    }
}

/// One relation's columns in position order, and beside them (same indices) what completes them.
struct RelationColumns {
    var columns: [Column] = []
    /// Attribute numbers (gaps where columns were dropped).
    var numbers: [Int] = []
    var isLocal: [Bool] = []
    var isGenerated: [Bool] = []
    /// The type, modifier and collation, named by `ColumnTypesQuery`.
    var typeKeys: [ColumnTypesQuery.Key] = []
    var declaredDimensions: [Int] = []
    /// `attstorage`, kept on the column only where it is not the type's (known once types are named).
    var storages: [ColumnStorage?] = []
    /// The columns' own privileges (read with privileges only).
    var grants: [Grant] = []

    init(capacity: Int) {
        columns.reserveCapacity(capacity)
        numbers.reserveCapacity(capacity)
        isLocal.reserveCapacity(capacity)
        isGenerated.reserveCapacity(capacity)
        typeKeys.reserveCapacity(capacity)
        declaredDimensions.reserveCapacity(capacity)
        storages.reserveCapacity(capacity)
    }

    /// The index of attribute number `number`, if it is a column read.
    func index(of number: Int) -> Int? {
        // Without dropped columns, number n sits at n - 1.
        if number >= 1, number <= numbers.count, numbers[number - 1] == number { return number - 1 }
        return numbers.firstIndex(of: number)
    }

    /// Orders the columns by position, if they did not come in order.
    mutating func sortByPosition() {
        guard zip(numbers, numbers.dropFirst()).contains(where: { $0 >= $1 }) else { return }
        let order = numbers.indices.sorted { numbers[$0] < numbers[$1] }
        columns = order.map { columns[$0] }
        numbers = order.map { numbers[$0] }
        isLocal = order.map { isLocal[$0] }
        isGenerated = order.map { isGenerated[$0] }
        typeKeys = order.map { typeKeys[$0] }
        declaredDimensions = order.map { declaredDimensions[$0] }
        storages = order.map { storages[$0] }
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

    static func parameters(filter: [String?], columns: [UInt32: RelationColumns]) -> [String?] {
        let generated = columns.filter { $0.value.isGenerated.contains(true) }.keys.sorted()
        return filter + [PostgresArray.literal(generated.map { String($0) })]
    }

    /// Sets each column's default or generation expression. Rows come grouped by relation in practice
    /// (pg_attrdef in the order the tables were made): each relation is taken out of the dictionary
    /// once per run of its rows, not once per row.
    static func complete(_ columns: inout [UInt32: RelationColumns], rows: RowSource) throws {
        var fields: (relid: Int, num: Int, text: Int)?
        var currentOID: UInt32?
        // The relation being filled (taken out of the dictionary, so its arrays change in place), and
        // whether it is one of the relations read.
        var current = RelationColumns(capacity: 0)
        var found = false
        try rows { row in
            let at = try fields ?? (row.position(of: "relid"), row.position(of: "num"), row.position(of: "expression"))
            fields = at
            guard let expression = row[at.text] else { return }
            let oid = try row.oid(at: at.relid)
            if oid != currentOID {
                if found, let previous = currentOID { columns[previous] = current }
                currentOID = oid
                if let taken = columns.removeValue(forKey: oid) { current = taken; found = true } else { found = false }
            }
            guard found, let position = current.index(of: try row.int(at: at.num)) else { return }
            if current.isGenerated[position] {
                current.columns[position].generatedExpression = expression
            } else {
                current.columns[position].defaultExpression = expression
            }
        }
        if found, let previous = currentOID { columns[previous] = current }
    }
}

/// The type and collation text of each distinct (type, modifier, collation) the columns use: a few
/// dozen `format_type` calls instead of two per column. Its parameters are what the columns query
/// returned, so it is one query whatever the schema's size.
enum ColumnTypesQuery {
    /// What a key names: the type, whether it is an array, the collation when not the type's, and the
    /// type's storage.
    typealias Naming = (type: DataType, isArray: Bool, collation: QualifiedName?, storage: ColumnStorage?)

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
               cn.nspname AS collation_schema, co.collname AS collation_name, vt.typstorage AS type_storage
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
    static func complete(_ columns: inout [UInt32: RelationColumns], keys: [Key], result: QueryResult) throws {
        var named: [Key: Naming] = [:]
        for row in result.rows {
            let ordinal = try row.int("ord")
            guard ordinal >= 1, ordinal <= keys.count else { continue }
            named[keys[ordinal - 1]] = (
                try row.dataType(arrayDimensions: 0), try row.bool("is_array"),
                try row.qualifiedName(schema: "collation_schema", name: "collation_name"),
                ColumnStorage(code: try row.string("type_storage"))
            )
        }
        for index in columns.values.indices {
            // Taken out while it changes, so its arrays are not shared and change in place.
            var relation = columns.values[index]
            columns.values[index] = RelationColumns(capacity: 0)
            // Neighbouring columns often share a type: looked up again only when it changes.
            var last: (key: Key, name: Naming)?
            for position in relation.columns.indices {
                let key = relation.typeKeys[position]
                if last?.key != key {
                    guard let found = named[key] else {
                        throw PostgresError(kind: .protocolViolation, message: "type \(key.type) was not found")
                    }
                    last = (key, found)
                }
                let name = last!.name
                var type = name.type
                type.arrayDimensions = name.isArray ? max(relation.declaredDimensions[position], 1) : 0
                relation.columns[position].type = type
                if let collation = name.collation { relation.columns[position].collation = collation }
                if let storage = relation.storages[position], storage != name.storage { relation.columns[position].storage = storage }
            }
            columns.values[index] = relation
        }
    }

    /// The distinct keys the columns use.
    static func keys(_ columns: [UInt32: RelationColumns]) -> [Key] {
        var seen = Set<Key>()
        for relation in columns.values { seen.formUnion(relation.typeKeys) }
        return Array(seen)
    }
}
