/// Seeded random schemas and mutations of them, for the plan's convergence property: whatever the
/// schema and the change, applying the plan reaches the changed schema.

/// SplitMix64: small, fast, and the same sequence for the same seed on every machine.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A small schema: enums, range types, tables with keys, checks, indexes, foreign keys, RLS and policies,
/// views and materialized views (some with a unique index).
public struct RandomSchema: Sendable {
    public struct Column: Sendable {
        var name: String
        var type: String
        var notNull = false
        var defaultSQL: String?
        /// SET STORAGE (only on text-like columns) and SET STATISTICS.
        var storage: String?
        var statistics: Int?
        /// SET (n_distinct = v).
        var distinct: Double?
        /// SET COMPRESSION.
        var compression: String?
    }
    public struct Table: Sendable {
        var name: String
        var columns: [Column]
        var uniques: [String] = []
        var checks: [String: String] = [:]
        var indexes: [String: (column: String, unique: Bool)] = [:]
        var foreignKeys: [String: (column: String, table: String)] = [:]
        var rls = false
        var policies: [String: String] = [:]
        var comment: String?
        /// WITH (fillfactor = n), REPLICA IDENTITY FULL and CLUSTER ON the primary key.
        var fillfactor: Int?
        var replicaFull = false
        var clustered = false
        /// The primary key's index storage parameter (`ALTER INDEX t_pkey SET (fillfactor = n)`).
        var keyFillfactor: Int?
    }
    public var schema: String
    var enums: [String: [String]] = [:]
    var tables: [Table] = []
    var views: [String: (table: String, columns: [String])] = [:]
    /// Views made MATERIALIZED, and those of them with a unique index on their first column.
    var materialized: Set<String> = []
    var indexedViews: Set<String> = []
    /// Range types: name → subtype.
    var ranges: [String: String] = [:]
    var counter = 0
    /// Objects of the kinds `DefinedObject` models (issue 22), each in the schema or on one of its
    /// tables: operators over integers (symbol → function), collations (name → the one copied), text
    /// search configurations (name → the one copied), extended statistics (name → table, columns,
    /// kinds) and rules (name → table, event). What refers to a table or column that is gone is left out.
    var operators: [String: String] = [:]
    var collations: [String: String] = [:]
    var searchConfigurations: [String: String] = [:]
    var statistics: [String: (table: String, columns: [String], kinds: String)] = [:]
    var rules: [String: (table: String, event: String)] = [:]

    static let operatorSymbols = ["===", "<~>", "#<#", "@@@", "<=<"]
    static let operatorFunctions = ["int4eq", "int4ne", "int4lt", "int4gt"]

    static let scalarTypes = ["integer", "bigint", "smallint", "text", "character varying(20)", "character varying(50)",
                              "boolean", "numeric(10,2)", "timestamp with time zone", "date", "jsonb", "uuid"]

    /// A random schema named `schema`.
    public static func generate(schema: String, using random: inout SeededGenerator) -> RandomSchema {
        var model = RandomSchema(schema: schema)
        for _ in 0..<Int.random(in: 0...2, using: &random) { model.addEnum(using: &random) }
        for _ in 0..<Int.random(in: 1...4, using: &random) { model.addTable(using: &random) }
        for _ in 0..<Int.random(in: 0...2, using: &random) { model.addView(using: &random) }
        for name in model.views.keys.sorted() where Int.random(in: 0..<3, using: &random) == 0 {
            model.materialized.insert(name)
            if Bool.random(using: &random) { model.indexedViews.insert(name) }
        }
        if Int.random(in: 0..<3, using: &random) == 0 { model.ranges[model.fresh("rg")] = "integer" }
        for _ in 0..<Int.random(in: 0...2, using: &random) { model.changeDefinedObject(using: &random) }
        return model
    }

    /// Adds, drops or changes one operator, collation, text search configuration, statistics object or rule.
    mutating func changeDefinedObject(using random: inout SeededGenerator) {
        switch Int.random(in: 0..<5, using: &random) {
        case 0:
            let free = Self.operatorSymbols.filter { operators[$0] == nil }
            if let symbol = operators.keys.sorted().randomElement(using: &random), free.isEmpty || Bool.random(using: &random) {
                if Bool.random(using: &random) { operators[symbol] = nil }
                else { operators[symbol] = Self.operatorFunctions.filter { $0 != operators[symbol] }.randomElement(using: &random)! }
            } else if let symbol = free.randomElement(using: &random) {
                operators[symbol] = Self.operatorFunctions.randomElement(using: &random)!
            }
        case 1:
            if let name = collations.keys.sorted().randomElement(using: &random), Bool.random(using: &random) {
                collations[name] = Bool.random(using: &random) ? nil : (collations[name] == "C" ? "POSIX" : "C")
            } else {
                collations[fresh("coll")] = ["C", "POSIX"].randomElement(using: &random)!
            }
        case 2:
            if let name = searchConfigurations.keys.sorted().randomElement(using: &random), Bool.random(using: &random) {
                searchConfigurations[name] = Bool.random(using: &random) ? nil : (searchConfigurations[name] == "english" ? "simple" : "english")
            } else {
                searchConfigurations[fresh("ts")] = ["english", "simple"].randomElement(using: &random)!
            }
        case 3:
            if let name = statistics.keys.sorted().randomElement(using: &random), Bool.random(using: &random) {
                if Bool.random(using: &random) { statistics[name] = nil }
                else { statistics[name]!.kinds = statistics[name]!.kinds == "ndistinct" ? "dependencies, mcv" : "ndistinct" }
            } else if let table = tables.filter({ $0.columns.count >= 3 }).randomElement(using: &random) {
                let columns = table.columns.dropFirst().prefix(2).map(\.name)
                statistics[fresh("st")] = (table.name, Array(columns), ["ndistinct", "dependencies", "dependencies, mcv"].randomElement(using: &random)!)
            }
        default:
            if let name = rules.keys.sorted().randomElement(using: &random), Bool.random(using: &random) {
                if Bool.random(using: &random) { rules[name] = nil }
                else { rules[name]!.event = rules[name]!.event == "DELETE" ? "UPDATE" : "DELETE" }
            } else if let table = tables.randomElement(using: &random) {
                rules[fresh("ru")] = (table.name, ["DELETE", "UPDATE"].randomElement(using: &random)!)
            }
        }
    }

    mutating func fresh(_ prefix: String) -> String {
        counter += 1
        return "\(prefix)\(counter)"
    }

    // MARK: pieces

    mutating func addEnum(using random: inout SeededGenerator) {
        let values = (0..<Int.random(in: 1...4, using: &random)).map { "v\($0)" }
        enums[fresh("e")] = values
    }

    func randomType(using random: inout SeededGenerator) -> String {
        if !enums.isEmpty && Int.random(in: 0..<5, using: &random) == 0 {
            return "\(schema).\(enums.keys.sorted().randomElement(using: &random)!)"
        }
        return Self.scalarTypes.randomElement(using: &random)!
    }

    func defaultValue(for type: String, using random: inout SeededGenerator) -> String? {
        guard Bool.random(using: &random) else { return nil }
        switch type {
        case "integer", "bigint", "smallint": return String(Int.random(in: 0...99, using: &random))
        case "text", "character varying(20)", "character varying(50)": return "'d\(Int.random(in: 0...9, using: &random))'"
        case "boolean": return Bool.random(using: &random) ? "true" : "false"
        case "numeric(10,2)": return "1.50"
        case "timestamp with time zone": return "now()"
        case "date": return "CURRENT_DATE"
        case "jsonb": return "'{}'"
        case "uuid": return nil
        default:
            let name = String(type.split(separator: ".").last!)
            return enums[name].map { "'\($0[0])'" }
        }
    }

    mutating func randomColumn(using random: inout SeededGenerator) -> Column {
        let type = randomType(using: &random)
        return Column(name: fresh("c"), type: type, notNull: Int.random(in: 0..<3, using: &random) == 0,
                      defaultSQL: defaultValue(for: type, using: &random))
    }

    mutating func addTable(using random: inout SeededGenerator) {
        var table = Table(name: fresh("t"), columns: [Column(name: "id", type: "bigint", notNull: true)])
        for _ in 0..<Int.random(in: 1...5, using: &random) { table.columns.append(randomColumn(using: &random)) }
        if let target = tables.randomElement(using: &random), Bool.random(using: &random) {
            let column = Column(name: fresh("ref"), type: "bigint")
            table.columns.append(column)
            table.foreignKeys[fresh("fk")] = (column.name, target.name)
        }
        if Bool.random(using: &random), let column = table.columns.dropFirst().randomElement(using: &random), column.type != "jsonb" {
            table.indexes[fresh("ix")] = (column.name, Int.random(in: 0..<4, using: &random) == 0)
        }
        if Bool.random(using: &random), let column = table.columns.first(where: { ["integer", "bigint", "smallint"].contains($0.type) && $0.name != "id" }) {
            table.checks[fresh("ck")] = "\(column.name) >= 0"
        }
        if Int.random(in: 0..<3, using: &random) == 0 {
            table.rls = true
            table.policies[fresh("p")] = "id > \(Int.random(in: 0...9, using: &random))"
        }
        tables.append(table)
    }

    mutating func addView(using random: inout SeededGenerator) {
        guard let table = tables.randomElement(using: &random) else { return }
        let columns = ["id"] + table.columns.dropFirst().prefix(Int.random(in: 0...2, using: &random)).map(\.name)
        views[fresh("v")] = (table.name, columns)
    }

    // MARK: mutations

    /// Changes the schema in one to four random ways.
    public mutating func mutate(using random: inout SeededGenerator) {
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            switch Int.random(in: 0..<23, using: &random) {
            case 0: addTable(using: &random)
            case 1: dropTable(using: &random)
            case 2: withTable(using: &random) { table, _, random in table.columns.append(table.schemaColumn(&random)) }
            case 3: dropColumn(using: &random)
            case 4: changeType(using: &random)
            case 5: withColumn(using: &random) { column, _, _ in column.notNull.toggle() }
            case 6: withColumn(using: &random) { column, schema, random in
                column.defaultSQL = column.defaultSQL == nil ? schema.defaultValue(for: column.type, using: &random) : nil
            }
            case 7: withTable(using: &random) { table, schema, random in
                if let name = table.indexes.keys.sorted().first { table.indexes[name] = nil }
                else if let column = table.columns.dropFirst().first(where: { $0.type != "jsonb" }) { table.indexes[schema.fresh("ix")] = (column.name, Bool.random(using: &random)) }
            }
            case 8: withTable(using: &random) { table, schema, random in
                if let name = table.checks.keys.sorted().first { table.checks[name] = nil }
                else if let column = table.columns.first(where: { ["integer", "bigint"].contains($0.type) && $0.name != "id" }) {
                    table.checks[schema.fresh("ck")] = "\(column.name) < \(Int.random(in: 100...999, using: &random))"
                }
            }
            case 9: withTable(using: &random) { table, _, _ in table.rls.toggle() }
            case 10: withTable(using: &random) { table, schema, random in
                if let name = table.policies.keys.sorted().first, Bool.random(using: &random) { table.policies[name] = nil }
                else { table.policies[schema.fresh("p")] = "id <> \(Int.random(in: 0...9, using: &random))" }
            }
            case 11: if let name = enums.keys.sorted().randomElement(using: &random) { enums[name]!.insert("n\(counter)", at: Int.random(in: 0...enums[name]!.count, using: &random)); counter += 1 }
            case 12: addView(using: &random)
            case 13: if let name = views.keys.sorted().randomElement(using: &random) { views[name] = nil }
            case 14: withTable(using: &random) { table, _, random in table.comment = table.comment == nil ? "c\(Int.random(in: 0...9, using: &random))" : nil }
            case 15: withColumn(using: &random) { column, _, random in
                guard ["text", "character varying(20)", "character varying(50)", "jsonb"].contains(column.type) else { return }
                if Bool.random(using: &random) { column.storage = column.storage == nil ? ["MAIN", "EXTERNAL"].randomElement(using: &random) : nil }
                else { column.compression = column.compression == nil ? "pglz" : nil }
            }
            case 16: withColumn(using: &random) { column, _, random in
                if Bool.random(using: &random) { column.statistics = column.statistics == nil ? Int.random(in: 1...2000, using: &random) : nil }
                else { column.distinct = column.distinct == nil ? [-1, -0.5, 10, 250].randomElement(using: &random)! : nil }
            }
            case 17: withTable(using: &random) { table, _, random in
                switch Int.random(in: 0..<4, using: &random) {
                case 0: table.replicaFull.toggle()
                case 3: table.keyFillfactor = table.keyFillfactor == nil ? Int.random(in: 50...95, using: &random) : nil
                case 1: table.fillfactor = table.fillfactor == nil ? Int.random(in: 50...95, using: &random) : nil
                default: table.clustered.toggle()
                }
            }
            case 18: if let name = views.keys.sorted().randomElement(using: &random) {
                if materialized.remove(name) == nil { materialized.insert(name) }
            }
            case 19: if let name = materialized.sorted().randomElement(using: &random) {
                if indexedViews.remove(name) == nil { indexedViews.insert(name) }
            }
            case 20:
                if let name = ranges.keys.sorted().randomElement(using: &random), Bool.random(using: &random) { ranges[name] = nil }
                else { ranges[fresh("rg")] = ["integer", "bigint", "numeric", "date", "timestamp with time zone", "double precision"].randomElement(using: &random)! }
            case 21, 22: changeDefinedObject(using: &random)
            default: addEnum(using: &random)
            }
        }
    }

    mutating func withTable(using random: inout SeededGenerator, _ body: (inout Table, inout RandomSchema, inout SeededGenerator) -> Void) {
        guard !tables.isEmpty else { return }
        let index = Int.random(in: 0..<tables.count, using: &random)
        var table = tables[index]
        body(&table, &self, &random)
        tables[index] = table
    }

    mutating func withColumn(using random: inout SeededGenerator, _ body: (inout Column, RandomSchema, inout SeededGenerator) -> Void) {
        withTable(using: &random) { table, schema, random in
            let candidates = table.columns.indices.filter { table.columns[$0].name != "id" && !table.columns[$0].name.hasPrefix("ref") }
            guard let position = candidates.randomElement(using: &random) else { return }
            body(&table.columns[position], schema, &random)
        }
    }

    mutating func dropTable(using random: inout SeededGenerator) {
        guard let victim = tables.randomElement(using: &random)?.name else { return }
        tables.removeAll { $0.name == victim }
        for index in tables.indices {
            for (name, key) in tables[index].foreignKeys where key.table == victim { tables[index].foreignKeys[name] = nil }
        }
        views = views.filter { $0.value.table != victim }
    }

    mutating func dropColumn(using random: inout SeededGenerator) {
        withTable(using: &random) { table, schema, random in
            guard let column = table.columns.dropFirst().randomElement(using: &random)?.name else { return }
            table.columns.removeAll { $0.name == column }
            table.indexes = table.indexes.filter { $0.value.column != column }
            table.checks = table.checks.filter { !$0.value.hasPrefix(column + " ") }
            table.foreignKeys = table.foreignKeys.filter { $0.value.column != column }
            let tableName = table.name
            schema.views = schema.views.filter { !($0.value.table == tableName && $0.value.columns.contains(column)) }
        }
    }

    mutating func changeType(using random: inout SeededGenerator) {
        withColumn(using: &random) { column, schema, random in
            let type = schema.randomType(using: &random)
            guard type != column.type else { return }
            column.type = type
            column.defaultSQL = schema.defaultValue(for: type, using: &random)
            column.storage = nil  // a new type brings its own storage and the default compression
            column.compression = nil
        }
        // A check or index on a retyped column may no longer make sense: checks only on integer types.
        for position in tables.indices {
            let columns = tables[position].columns
            func type(_ name: String) -> String { columns.first { $0.name == name }?.type ?? "" }
            tables[position].checks = tables[position].checks.filter { check in
                ["integer", "bigint", "smallint"].contains(type(String(check.value.split(separator: " ")[0])))
            }
            tables[position].indexes = tables[position].indexes.filter { type($0.value.column) != "jsonb" }
        }
    }

    // MARK: SQL

    /// The schema as SQL, every name qualified.
    public var sql: String {
        var lines = ["CREATE SCHEMA \(schema);"]
        for (name, values) in enums.sorted(by: { $0.key < $1.key }) {
            lines.append("CREATE TYPE \(schema).\(name) AS ENUM (\(values.map { "'\($0)'" }.joined(separator: ", ")));")
        }
        for (name, subtype) in ranges.sorted(by: { $0.key < $1.key }) {
            let diff = subtype == "double precision" ? ", subtype_diff = float8mi" : ""
            lines.append("CREATE TYPE \(schema).\(name) AS RANGE (subtype = \(subtype)\(diff));")
        }
        for table in tables {
            let columns = table.columns.map { column -> String in
                var text = "\(column.name) \(column.type)"
                if column.notNull { text += " NOT NULL" }
                if let value = column.defaultSQL { text += " DEFAULT \(value)" }
                return text
            }
            let options = table.fillfactor.map { " WITH (fillfactor = \($0))" } ?? ""
            lines.append("CREATE TABLE \(schema).\(table.name) (\(columns.joined(separator: ", ")), PRIMARY KEY (id))\(options);")
            for column in table.columns {
                if let storage = column.storage { lines.append("ALTER TABLE \(schema).\(table.name) ALTER COLUMN \(column.name) SET STORAGE \(storage);") }
                if let target = column.statistics { lines.append("ALTER TABLE \(schema).\(table.name) ALTER COLUMN \(column.name) SET STATISTICS \(target);") }
                if let method = column.compression { lines.append("ALTER TABLE \(schema).\(table.name) ALTER COLUMN \(column.name) SET COMPRESSION \(method);") }
                if let value = column.distinct { lines.append("ALTER TABLE \(schema).\(table.name) ALTER COLUMN \(column.name) SET (n_distinct = \(value));") }
            }
            if table.replicaFull { lines.append("ALTER TABLE \(schema).\(table.name) REPLICA IDENTITY FULL;") }
            if let fill = table.keyFillfactor { lines.append("ALTER INDEX \(schema).\(table.name)_pkey SET (fillfactor = \(fill));") }
            if table.clustered { lines.append("ALTER TABLE \(schema).\(table.name) CLUSTER ON \(table.name)_pkey;") }
            for (name, expression) in table.checks.sorted(by: { $0.key < $1.key }) {
                lines.append("ALTER TABLE \(schema).\(table.name) ADD CONSTRAINT \(name) CHECK (\(expression));")
            }
            for (name, index) in table.indexes.sorted(by: { $0.key < $1.key }) {
                lines.append("CREATE \(index.unique ? "UNIQUE " : "")INDEX \(name) ON \(schema).\(table.name) (\(index.column));")
            }
            if table.rls { lines.append("ALTER TABLE \(schema).\(table.name) ENABLE ROW LEVEL SECURITY;") }
            for (name, expression) in table.policies.sorted(by: { $0.key < $1.key }) {
                lines.append("CREATE POLICY \(name) ON \(schema).\(table.name) USING (\(expression));")
            }
            if let comment = table.comment { lines.append("COMMENT ON TABLE \(schema).\(table.name) IS '\(comment)';") }
        }
        for table in tables {
            for (name, key) in table.foreignKeys.sorted(by: { $0.key < $1.key }) {
                lines.append("ALTER TABLE \(schema).\(table.name) ADD CONSTRAINT \(name) FOREIGN KEY (\(key.column)) REFERENCES \(schema).\(key.table) (id);")
            }
        }
        for (symbol, function) in operators.sorted(by: { $0.key < $1.key }) {
            lines.append("CREATE OPERATOR \(schema).\(symbol) (LEFTARG = integer, RIGHTARG = integer, FUNCTION = pg_catalog.\(function));")
        }
        for (name, source) in collations.sorted(by: { $0.key < $1.key }) {
            lines.append("CREATE COLLATION \(schema).\(name) FROM pg_catalog.\"\(source)\";")
        }
        for (name, source) in searchConfigurations.sorted(by: { $0.key < $1.key }) {
            lines.append("CREATE TEXT SEARCH CONFIGURATION \(schema).\(name) (COPY = pg_catalog.\(source));")
        }
        for (name, object) in statistics.sorted(by: { $0.key < $1.key }) {
            guard let table = tables.first(where: { $0.name == object.table }),
                  object.columns.allSatisfy({ column in table.columns.contains { $0.name == column } }) else { continue }
            lines.append("CREATE STATISTICS \(schema).\(name) (\(object.kinds)) ON \(object.columns.joined(separator: ", ")) FROM \(schema).\(object.table);")
        }
        for (name, rule) in rules.sorted(by: { $0.key < $1.key }) where tables.contains(where: { $0.name == rule.table }) {
            lines.append("CREATE RULE \(name) AS ON \(rule.event) TO \(schema).\(rule.table) DO INSTEAD NOTHING;")
        }
        for (name, view) in views.sorted(by: { $0.key < $1.key }) {
            let kind = materialized.contains(name) ? "MATERIALIZED VIEW" : "VIEW"
            lines.append("CREATE \(kind) \(schema).\(name) AS SELECT \(view.columns.joined(separator: ", ")) FROM \(schema).\(view.table);")
            if materialized.contains(name), indexedViews.contains(name), let first = view.columns.first {
                lines.append("CREATE UNIQUE INDEX \(name)_key ON \(schema).\(name) (\(first));")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension RandomSchema.Table {
    /// A new column, appended (ADD COLUMN appends, so the order stays comparable).
    func schemaColumn(_ random: inout SeededGenerator) -> RandomSchema.Column {
        let types = ["integer", "text", "boolean", "bigint", "date"]
        let type = types.randomElement(using: &random)!
        return RandomSchema.Column(name: "a\(columns.count)_\(Int.random(in: 0...999, using: &random))", type: type,
                                   notNull: Int.random(in: 0..<4, using: &random) == 0 && type == "boolean",
                                   defaultSQL: type == "boolean" ? "false" : nil)
    }
}
