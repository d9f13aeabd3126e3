/// Seeded random folders of SQL migrations, for the offline reader's differential test: several files of
/// the DDL real projects write — schemas, tables, indexes, views, functions (SQL, SQL-standard bodies,
/// PL/pgSQL) in several schemas and called qualified and unqualified, triggers, policies, types, DO
/// blocks with and without DDL, renames, drops, `search_path` changes — and constants of the common
/// built-in types spelled the way people write them (`'0.0000'`, `'0012'`, `'2020-1-2'`, `'yes'`). Every
/// folder runs on a real server; the generator keeps a small model of what exists and where an
/// unqualified name resolves, so that it only writes statements that succeed.
public struct RandomMigrations {
    /// One migration file: its name (`003_x.sql`) and text.
    public struct File: Sendable {
        public var name: String
        public var sql: String
    }

    /// A built-in column type and constants of it, spelled as migrations spell them.
    struct ScalarType {
        var name: String
        var constants: [String]
        /// Whether `<` and `>=` exist for it (checks then compare with them too).
        var ordered = true
    }

    static let scalarTypes: [ScalarType] = [
        ScalarType(name: "double precision", constants: ["'0.0000'", "'1e3'", "-0.5", "'-0'"]),
        ScalarType(name: "real", constants: ["'1.50'", "2.5", "'3e0'"]),
        ScalarType(name: "bytea", constants: ["''", "'\\xDEADBEEF'", "'abc'"]),
        ScalarType(name: "bigint", constants: ["'0012'", "12", "-7", "'+5'"]),
        ScalarType(name: "integer", constants: ["'007'", "42", "(1 + 2)", "' 8 '"]),
        ScalarType(name: "smallint", constants: ["'03'", "3"]),
        ScalarType(name: "numeric", constants: ["'1.50'", "001.5", "1e2", "'0012.000'"]),
        ScalarType(name: "numeric(10,2)", constants: ["'1.5'", "2", "'0003.1'"]),
        ScalarType(name: "date", constants: ["'2020-1-2'", "'2020-01-02'", "'epoch'", "'infinity'"]),
        ScalarType(name: "timestamp without time zone", constants: ["'2020-01-02 3:04:05'", "'2020-1-2'", "'2020-01-02T03:04:05.500'"]),
        ScalarType(name: "timestamp with time zone", constants: ["'2020-01-02 03:04:05+02'", "'2020-01-02'", "'2020-1-2 3:4:5 UTC'"]),
        ScalarType(name: "interval", constants: ["'1 day 2 hours'", "'90 minutes'", "'1-2'", "'P1D'"]),
        ScalarType(name: "jsonb", constants: ["'{\"b\": 1,  \"a\":[1, 2]}'", "'[]'", "'{ }'", "'{\"z\":null,\"a\":\"x\"}'"]),
        ScalarType(name: "json", constants: ["'{\"b\":1,  \"a\":2}'", "'[1, 2]'"], ordered: false),
        ScalarType(name: "boolean", constants: ["'yes'", "'on'", "true", "'f'", "'1'"]),
        ScalarType(name: "integer[]", constants: ["'{1, 2}'", "ARRAY[1, 2]", "'{}'", "'{ 3 }'"]),
        ScalarType(name: "text[]", constants: ["'{a,\"b c\"}'", "'{}'"]),
        ScalarType(name: "inet", constants: ["'192.168.0.1/32'", "'10.0.0.1'", "'::1'", "'10.1.2.3/8'"]),
        ScalarType(name: "cidr", constants: ["'10.0/16'", "'192.168.1.0/24'"]),
        ScalarType(name: "time without time zone", constants: ["'1:2'", "'01:02:03.500'", "'23:59'"]),
        ScalarType(name: "uuid", constants: ["'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'", "'{a0eebc99-9c0b4ef8-bb6d6bb9-bd380a11}'"]),
        ScalarType(name: "money", constants: ["'12.5'", "'12'", "'$1,000.00'"]),
        ScalarType(name: "text", constants: ["'it''s'", "''", "'x'"]),
        ScalarType(name: "character varying(10)", constants: ["'x'", "'ab'"]),
        ScalarType(name: "character(3)", constants: ["'ab'", "'abc'"]),
        ScalarType(name: "macaddr", constants: ["'08-00-2B-01-02-03'", "'08002b010203'"]),
        ScalarType(name: "bit(4)", constants: ["B'1010'", "'0101'"]),
    ]

    struct Column {
        var name: String
        var type: ScalarType
        /// A view, a policy or a trigger condition reads it: no drop, no change of type.
        var pinned = false
    }

    struct Table {
        var schema: String
        var name: String
        var columns: [Column]
        var indexes: [String] = []
        var checks: [String] = []
        /// The column each check and index reads (the server drops them with it), by their names.
        var reads: [String: String] = [:]
        var policies: [String] = []
        var triggers: [String] = []
        var rls = false
    }

    struct Function {
        var schema: String
        var name: String
        /// Called by something the server keeps (a default, check, policy, view, index): never dropped.
        var used = false
        var isTrigger = false
    }

    struct View {
        var schema: String
        var name: String
        var table: String
    }

    struct Enum {
        var schema: String
        var name: String
        var values: [String]
    }

    var schemas = ["public"]
    /// The session's search_path as the server holds it (`"$user"` never exists here).
    var searchPath = ["public"]
    var tables: [Table] = []
    var functions: [Function] = []
    var views: [View] = []
    var enums: [Enum] = []
    var counter = 0
    var statements: [String] = []
    var random: SeededGenerator
    /// Every other seed leaves out what the offline reader is known to defer today (SQL-standard bodies,
    /// DDL in DO blocks, bit-string and ARRAY constants, casts of expressions, set_config in a DO block),
    /// so that half the folders test what it reads rather than only that it defers.
    let readable: Bool

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
        readable = seed % 2 == 0
    }

    /// The migration files of one seed: three to five files of four to nine statements.
    public static func generate(seed: UInt64) -> [File] {
        var generator = RandomMigrations(seed: seed)
        var files: [File] = []
        for number in 1...generator.int(3...5) {
            generator.statements = []
            if number == 1 { generator.start() }
            for _ in 0..<generator.int(4...9) { generator.step() }
            files.append(File(name: String(format: "%03d_step.sql", number), sql: generator.statements.joined(separator: "\n") + "\n"))
        }
        return files
    }

    // MARK: randomness

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
    mutating func fresh(_ prefix: String) -> String {
        counter += 1
        return "\(prefix)\(counter)"
    }

    // MARK: names

    /// The schema an unqualified CREATE puts its object in.
    var creationSchema: String { searchPath.first { schemas.contains($0) } ?? "public" }

    /// How to write a relation's name here: unqualified when the search_path finds it (names of
    /// relations are unique across schemas), else qualified.
    mutating func relationName(_ schema: String, _ name: String) -> String {
        searchPath.contains(schema) && chance(60) ? name : "\(schema).\(name)"
    }

    /// A call of an integer → integer function: unqualified when the search_path resolves that name to
    /// this very function, else qualified.
    mutating func call(_ function: Function, _ argument: String) -> String {
        let resolved = searchPath.first { schema in functions.contains { $0.schema == schema && $0.name == function.name && !$0.isTrigger } }
        let qualified = resolved != function.schema || chance(40)
        return "\(qualified ? function.schema + "." : "")\(function.name)(\(argument))"
    }

    /// Where the next object goes: an explicit schema, or none (the search_path's first schema).
    mutating func placement() -> (schema: String, prefix: String) {
        if chance(50) { return (creationSchema, "") }
        let schema = pick(schemas)
        return (schema, schema + ".")
    }

    // MARK: statements

    /// The first file starts with schemas and functions of the same name in two of them.
    mutating func start() {
        for name in ["app", "util"] where chance(80) {
            statements.append(chance(50) ? "CREATE SCHEMA \(name);" : "CREATE SCHEMA IF NOT EXISTS \(name);")
            schemas.append(name)
        }
        for schema in schemas where chance(70) { createFunction(schema: schema, name: "calc") }
    }

    mutating func step() {
        switch int(0...29) {
        case 0...5: createTable()
        case 6: createFunction(schema: pick(schemas), name: fresh("f"))
        case 7: createIndex()
        case 8: createView()
        case 9: createPolicy()
        case 10: createTrigger()
        case 11: createType()
        case 12, 13: doBlock()
        case 14: changeSearchPath()
        case 15: renameSomething()
        case 16: dropSomething()
        case 17, 18: addColumn()
        case 19: addCheck()
        case 20: alterColumn()
        case 21: comment()
        case 22: createSchema()
        case 23: dropColumn()
        case 24: tableSettings()
        default: createTable()
        }
    }

    mutating func createSchema() {
        let name = fresh("s")
        statements.append("CREATE SCHEMA \(name);")
        schemas.append(name)
    }

    mutating func createFunction(schema: String, name: String) {
        guard !functions.contains(where: { $0.schema == schema && $0.name == name }) else { return }
        let k = int(1...9)
        let qualified = schema == creationSchema && chance(40) ? name : "\(schema).\(name)"
        let head = "CREATE\(chance(30) ? " OR REPLACE" : "") FUNCTION \(qualified)(x integer) RETURNS integer"
        // SQL-standard bodies defer the whole folder to the shadow database today: one function in ten.
        switch readable ? 0 : int(0...19) {
        case 0...7:
            // COST, read offline (issue 16); the language's default written out or not.
            let cost = chance(25) ? " COST \(pick(["1", "100", "25", "0.5"]))" : ""
            statements.append("\(head) LANGUAGE sql IMMUTABLE\(cost) AS $$ SELECT x + \(k) $$;")
        case 8: statements.append("\(head) LANGUAGE sql IMMUTABLE RETURN x * \(k);")
        case 9: statements.append("\(head) LANGUAGE sql IMMUTABLE BEGIN ATOMIC SELECT x - \(k); END;")
        default: statements.append("\(head) LANGUAGE plpgsql IMMUTABLE AS $$ BEGIN RETURN x + \(k); END $$;")
        }
        functions.append(Function(schema: schema, name: name))
    }

    var callable: [Function] { functions.filter { !$0.isTrigger } }

    /// A constant of a column's type, sometimes with a cast.
    mutating func constant(_ type: ScalarType) -> String {
        let deferred = ["B'", "ARRAY", "(1 + 2)"]
        let text = pick(readable ? type.constants.filter { c in !deferred.contains { c.hasPrefix($0) } } : type.constants)
        return chance(20) ? "\(text)::\(type.name)" : text
    }

    mutating func randomColumn() -> Column {
        Column(name: fresh("c"), type: pick(Self.scalarTypes))
    }

    /// A column definition, with a default now and then (a constant or an integer function's call).
    mutating func columnSQL(_ column: Column) -> String {
        var text = "\(column.name) \(column.type.name)"
        if chance(20) { text += " NOT NULL" }
        if chance(55) {
            if column.type.name == "integer", !callable.isEmpty, chance(40) {
                let index = int(0...(callable.count - 1))
                let function = callable[index]
                text += " DEFAULT \(call(function, String(int(0...9))))"
                markUsed(function)
            } else {
                text += " DEFAULT \(constant(column.type))"
            }
        }
        return text
    }

    mutating func markUsed(_ function: Function) {
        for index in functions.indices where functions[index].schema == function.schema && functions[index].name == function.name {
            functions[index].used = true
        }
    }

    mutating func createTable() {
        let (schema, prefix) = placement()
        var table = Table(schema: schema, name: fresh("t"), columns: [])
        var definitions: [String] = []
        switch int(0...2) {
        case 0: definitions.append("id integer PRIMARY KEY")
        case 1: definitions.append("id serial PRIMARY KEY")
        default: definitions.append("id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY")
        }
        table.columns.append(Column(name: "id", type: Self.scalarTypes.first { $0.name == "integer" }!, pinned: true))
        for _ in 0..<int(1...5) {
            let column = randomColumn()
            definitions.append(columnSQL(column))
            table.columns.append(column)
        }
        if chance(30), let column = table.columns.dropFirst().randomElement(using: &random) {
            let name = fresh("ck")
            definitions.append("CONSTRAINT \(name) CHECK (\(checkExpression(column)))")
            table.checks.append(name)
            table.reads[name] = column.name
        }
        if chance(20) {
            let enumType = enums.isEmpty ? nil : pick(enums)
            if let enumType {
                let column = fresh("e")
                definitions.append("\(column) \(enumType.schema).\(enumType.name) DEFAULT '\(enumType.values[0])'")
            }
        }
        statements.append("CREATE TABLE \(prefix)\(table.name) (\(definitions.joined(separator: ", ")));")
        tables.append(table)
        if chance(40) { createIndex(on: tables.count - 1) }
        if chance(30) { createPolicy(on: tables.count - 1) }
    }

    /// A boolean expression on a column with a constant of its type: `<>`, `>=`, `IS DISTINCT FROM`, `IN`.
    mutating func checkExpression(_ column: Column) -> String {
        let type = column.type
        // json has no equality: compared as text.
        if type.name == "json" { return "\(column.name)::text <> \(pick(type.constants))" }
        switch int(0...4) {
        case 0 where type.ordered: return "\(column.name) >= \(constant(type))"
        case 1: return "\(column.name) IS DISTINCT FROM \(constant(type))"
        case 2: return "\(column.name) IN (\(constant(type)), \(constant(type)))"
        case 3 where !callable.isEmpty:
            let function = pick(callable)
            markUsed(function)
            return "\(column.name) <> \(constant(type)) OR \(call(function, "id")) > 0"
        default:
            return "\(column.name) <> \(constant(type))"
        }
    }

    mutating func randomTable() -> Int? {
        tables.isEmpty ? nil : int(0...(tables.count - 1))
    }

    mutating func createIndex(on index: Int? = nil) {
        guard let position = index ?? randomTable() else { return }
        let table = tables[position]
        let candidates = table.columns.filter { !["json", "money", "bytea", "jsonb", "integer[]", "text[]"].contains($0.type.name) || $0.name == "id" }
        guard let column = candidates.randomElement(using: &random) else { return }
        let target = relationName(table.schema, table.name)
        let named = chance(70)
        let name = named ? fresh("ix") : nil
        var keys = column.name
        if column.type.name == "integer", !callable.isEmpty, chance(25) {
            let function = pick(callable)
            markUsed(function)
            markPinned(position, column.name)
            keys = "(\(call(function, column.name)))"
        }
        var text = "CREATE \(chance(20) && keys == column.name ? "UNIQUE " : "")INDEX \(name.map { $0 + " " } ?? "")ON \(target) (\(keys))"
        if chance(25) { text += " WHERE \(checkExpression(column))" }
        statements.append(text + ";")
        if let name {
            tables[position].indexes.append(name)
            tables[position].reads[name] = column.name
        }
    }

    mutating func createPolicy(on index: Int? = nil) {
        guard let position = index ?? randomTable() else { return }
        var table = tables[position]
        let target = relationName(table.schema, table.name)
        if !table.rls {
            statements.append("ALTER TABLE \(target) ENABLE ROW LEVEL SECURITY;")
            table.rls = true
        }
        let name = chance(50) ? fresh("p") : "\"\(fresh("Policy "))\""
        let columnIndex = int(0...(table.columns.count - 1))
        table.columns[columnIndex].pinned = true
        var expression = checkExpression(table.columns[columnIndex])
        if !callable.isEmpty, chance(50) {
            let function = pick(callable)
            markUsed(function)
            expression = "(\(expression)) AND \(call(function, "id")) <> \(int(0...9))"
        }
        let command = pick(["", " FOR SELECT", " FOR UPDATE", " FOR ALL", " AS RESTRICTIVE FOR SELECT"])
        let clause = command.contains("UPDATE") || command.contains("ALL") && chance(50)
            ? " USING (\(expression)) WITH CHECK (id > \(constant(Self.scalarTypes[4])))" : " USING (\(expression))"
        table.policies.append(name)
        tables[position] = table
        statements.append("CREATE POLICY \(name) ON \(target)\(command)\(clause);")
    }

    mutating func createView() {
        guard let position = randomTable() else { return }
        let table = tables[position]
        let (schema, prefix) = placement()
        let name = fresh("v")
        var columns = ["id"]
        for column in table.columns.dropFirst() where chance(40) { columns.append(column.name) }
        for name in columns { markPinned(position, name) }
        var query = "SELECT \(columns.joined(separator: ", ")) FROM \(relationName(table.schema, table.name))"
        switch int(0...3) {
        case 0: query += " WHERE id > \(readable ? "3" : pick(["3", "'0012'", "(1 + 2)"]))"
        case 1 where !callable.isEmpty:
            let function = pick(callable)
            markUsed(function)
            query += " WHERE \(call(function, "id")) > 0"
        default: break
        }
        statements.append("CREATE\(chance(20) ? " OR REPLACE" : "") VIEW \(prefix)\(name) AS \(query);")
        views.append(View(schema: schema, name: name, table: table.name))
    }

    mutating func markPinned(_ position: Int, _ column: String) {
        for index in tables[position].columns.indices where tables[position].columns[index].name == column {
            tables[position].columns[index].pinned = true
        }
    }

    mutating func createTrigger() {
        guard let position = randomTable() else { return }
        let table = tables[position]
        var function = functions.first { $0.isTrigger }
        if function == nil || chance(30) {
            let (schema, prefix) = placement()
            let made = Function(schema: schema, name: fresh("trg_fn"), used: true, isTrigger: true)
            statements.append("CREATE FUNCTION \(prefix)\(made.name)() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  RETURN NEW;\nEND\n$$;")
            functions.append(made)
            function = made
        }
        guard let function else { return }
        let name = fresh("tr")
        let when = chance(40) ? " WHEN (NEW.id > \(pick(["'0012'", "5", "(2 + 2)"])))" : ""
        let reference = searchPath.first { schema in functions.contains { $0.schema == schema && $0.name == function.name } } == function.schema
            ? function.name : "\(function.schema).\(function.name)"
        statements.append("CREATE TRIGGER \(name) BEFORE INSERT OR UPDATE ON \(relationName(table.schema, table.name)) FOR EACH ROW\(when) EXECUTE FUNCTION \(reference)();")
        tables[position].triggers.append(name)
    }

    mutating func createType() {
        let (schema, prefix) = placement()
        let name = fresh("mood")
        let values = (0..<int(1...3)).map { "m\($0)" }
        let list = values.map { "'\($0)'" }.joined(separator: ", ")
        if readable || chance(75) {
            statements.append("CREATE TYPE \(prefix)\(name) AS ENUM (\(list));")
        } else {
            // The idempotent style of drizzle-kit and Supabase: DDL inside a DO block.
            statements.append("DO $$ BEGIN\n  CREATE TYPE \(schema).\(name) AS ENUM (\(list));\nEXCEPTION WHEN duplicate_object THEN NULL;\nEND $$;")
        }
        enums.append(Enum(schema: schema, name: name, values: values))
    }

    mutating func doBlock() {
        switch readable ? pick([0, 3, 7]) : int(0...9) {
        case 0...2: statements.append("DO $$ BEGIN RAISE NOTICE 'migrating %', \(int(1...9)); END $$;")
        case 3, 4: statements.append("DO $$\nDECLARE n integer;\nBEGIN\n  SELECT 1 INTO n;\n  PERFORM 1;\nEND\n$$;")
        case 5:
            guard let position = randomTable() else { return }
            let table = tables[position]
            let name = fresh("p")
            var body = "  CREATE POLICY \(name) ON \(table.schema).\(table.name) FOR SELECT USING (id > \(int(0...9)));"
            if !table.rls {
                body = "  ALTER TABLE \(table.schema).\(table.name) ENABLE ROW LEVEL SECURITY;\n" + body
                tables[position].rls = true
            }
            statements.append("DO $$ BEGIN\n\(body)\nEXCEPTION WHEN duplicate_object THEN NULL;\nEND $$;")
            tables[position].policies.append(name)
        case 6:
            guard let position = randomTable() else { return }
            let table = tables[position]
            let name = fresh("ck")
            statements.append("DO $$ BEGIN\n  ALTER TABLE \(table.schema).\(table.name) ADD CONSTRAINT \(name) CHECK (id > \(pick(["'0012'", "-1", "0"])));\nEXCEPTION WHEN duplicate_object THEN NULL;\nEND $$;")
            tables[position].checks.append(name)
        case 7:
            guard let position = randomTable() else { return }
            let table = tables[position]
            statements.append("DO $$\nBEGIN\n  IF NOT EXISTS (SELECT 1 FROM \(table.schema).\(table.name)) THEN\n    RAISE NOTICE 'empty';\n  END IF;\nEND\n$$;")
        default:
            // A search_path changed from inside a DO block lasts for the session.
            let path = randomPath()
            statements.append("DO $$ BEGIN PERFORM set_config('search_path', '\(path.joined(separator: ", "))', false); END $$;")
            searchPath = path
        }
    }

    mutating func randomPath() -> [String] {
        var path: [String] = []
        for schema in schemas.shuffled(using: &random) where chance(50) { path.append(schema) }
        if path.isEmpty { path = [pick(schemas)] }
        return path
    }

    mutating func changeSearchPath() {
        switch int(0...4) {
        case 0:
            statements.append("RESET search_path;")
            searchPath = ["public"]
        case 1:
            statements.append("SET search_path TO DEFAULT;")
            searchPath = ["public"]
        case 2:
            let path = randomPath()
            statements.append("SELECT pg_catalog.set_config('search_path', '\(path.joined(separator: ", "))', false);")
            searchPath = path
        default:
            let path = randomPath()
            statements.append("SET search_path = \(path.joined(separator: ", "));")
            searchPath = path
        }
    }

    mutating func addColumn() {
        guard let position = randomTable() else { return }
        let column = randomColumn()
        statements.append("ALTER TABLE \(relationName(tables[position].schema, tables[position].name)) ADD COLUMN \(columnSQL(column));")
        tables[position].columns.append(column)
    }

    mutating func addCheck() {
        guard let position = randomTable(), let column = tables[position].columns.randomElement(using: &random) else { return }
        let name = fresh("ck")
        let expression = checkExpression(column)
        statements.append("ALTER TABLE \(relationName(tables[position].schema, tables[position].name)) ADD CONSTRAINT \(name) CHECK (\(expression));")
        tables[position].checks.append(name)
        tables[position].reads[name] = column.name
    }

    mutating func alterColumn() {
        guard let position = randomTable(), let column = tables[position].columns.dropFirst().randomElement(using: &random) else { return }
        let target = relationName(tables[position].schema, tables[position].name)
        switch int(0...3) {
        case 0: statements.append("ALTER TABLE \(target) ALTER COLUMN \(column.name) SET DEFAULT \(constant(column.type));")
        case 1: statements.append("ALTER TABLE \(target) ALTER COLUMN \(column.name) DROP DEFAULT;")
        case 2 where ["integer", "smallint"].contains(column.type.name) && !column.pinned:
            // Retyping rewrites the column's default, checks and indexes.
            statements.append("ALTER TABLE \(target) ALTER COLUMN \(column.name) TYPE bigint;")
            for index in tables[position].columns.indices where tables[position].columns[index].name == column.name {
                tables[position].columns[index].type = Self.scalarTypes.first { $0.name == "bigint" }!
            }
        default: statements.append("ALTER TABLE \(target) ALTER COLUMN \(column.name) \(chance(50) ? "SET" : "DROP") NOT NULL;")
        }
    }

    /// The settings of issue 16 that pg_dump prints: a column's STORAGE, COMPRESSION and STATISTICS, a
    /// table's REPLICA IDENTITY and (in seeds that need not read offline) storage parameters.
    mutating func tableSettings() {
        guard let position = randomTable(), let column = tables[position].columns.randomElement(using: &random) else { return }
        let target = relationName(tables[position].schema, tables[position].name)
        let toastable: Set = ["bytea", "numeric", "numeric(10,2)", "jsonb", "json", "integer[]", "text[]", "text",
                              "character varying(10)", "character(3)", "inet", "cidr", "bit(4)"]
        switch int(0...4) {
        case 0 where toastable.contains(column.type.name):
            statements.append("ALTER TABLE \(target) ALTER COLUMN \(column.name) SET STORAGE \(pick(["PLAIN", "MAIN", "EXTERNAL", "EXTENDED"]));")
        case 1 where toastable.contains(column.type.name):
            statements.append("ALTER TABLE \(target) ALTER COLUMN \(column.name) SET COMPRESSION \(pick(["pglz", "default"]));")
        case 2: statements.append("ALTER TABLE \(target) ALTER COLUMN \(column.name) SET STATISTICS \(pick(["-1", "0", "100", "750", "12000"]));")
        case 3 where !readable: statements.append("ALTER TABLE \(target) SET (fillfactor = \(int(50...95)));")
        default: statements.append("ALTER TABLE \(target) REPLICA IDENTITY \(pick(["FULL", "NOTHING", "DEFAULT"]));")
        }
    }

    mutating func comment() {
        if let view = views.randomElement(using: &random), chance(30) {
            statements.append(chance(50) ? "COMMENT ON VIEW \(relationName(view.schema, view.name)) IS 'view \(int(0...9))';"
                : "COMMENT ON COLUMN \(view.schema).\(view.name).id IS 'id''s \(int(0...9))';")
            return
        }
        guard let position = randomTable() else { return }
        let table = tables[position]
        if chance(50), let column = table.columns.randomElement(using: &random) {
            statements.append("COMMENT ON COLUMN \(table.schema).\(table.name).\(column.name) IS 'column''s \(int(0...9))';")
        } else {
            statements.append("COMMENT ON TABLE \(relationName(table.schema, table.name)) IS 'table \(int(0...9))';")
        }
    }

    mutating func dropColumn() {
        guard let position = randomTable(),
            let column = tables[position].columns.dropFirst().filter({ !$0.pinned }).randomElement(using: &random)
        else { return }
        // Indexes and checks on it go with it (the server drops them).
        statements.append("ALTER TABLE \(relationName(tables[position].schema, tables[position].name)) DROP COLUMN \(column.name);")
        tables[position].columns.removeAll { $0.name == column.name }
        let gone = Set(tables[position].reads.filter { $0.value == column.name }.keys)
        tables[position].checks.removeAll(where: gone.contains)
        tables[position].indexes.removeAll(where: gone.contains)
    }

    mutating func renameSomething() {
        switch int(0...5) {
        case 0:
            guard let position = randomTable() else { return }
            let name = fresh("t")
            statements.append("ALTER TABLE \(relationName(tables[position].schema, tables[position].name)) RENAME TO \(name);")
            for index in views.indices where views[index].table == tables[position].name { views[index].table = name }
            tables[position].name = name
        case 1:
            guard let position = randomTable(), let column = tables[position].columns.dropFirst().randomElement(using: &random) else { return }
            let name = fresh("c")
            statements.append("ALTER TABLE \(relationName(tables[position].schema, tables[position].name)) RENAME COLUMN \(column.name) TO \(name);")
            for index in tables[position].columns.indices where tables[position].columns[index].name == column.name {
                tables[position].columns[index].name = name
            }
            for (object, read) in tables[position].reads where read == column.name { tables[position].reads[object] = name }
        case 2:
            guard let position = randomTable(), let index = tables[position].indexes.randomElement(using: &random) else { return }
            let name = fresh("ix")
            statements.append("ALTER INDEX \(relationName(tables[position].schema, index)) RENAME TO \(name);")
            tables[position].indexes = tables[position].indexes.map { $0 == index ? name : $0 }
            tables[position].reads[name] = tables[position].reads[index]
        case 3:
            guard !callable.isEmpty else { return }
            let function = pick(callable)
            let name = fresh("g")
            statements.append("ALTER FUNCTION \(function.schema).\(function.name)(integer) RENAME TO \(name);")
            for index in functions.indices where functions[index].schema == function.schema && functions[index].name == function.name {
                functions[index].name = name
            }
        case 4:
            guard let position = randomTable(), let check = tables[position].checks.randomElement(using: &random) else { return }
            let name = fresh("ck")
            statements.append("ALTER TABLE \(relationName(tables[position].schema, tables[position].name)) RENAME CONSTRAINT \(check) TO \(name);")
            tables[position].checks = tables[position].checks.map { $0 == check ? name : $0 }
            tables[position].reads[name] = tables[position].reads[check]
        default:
            guard let position = randomTable(), let trigger = tables[position].triggers.randomElement(using: &random) else { return }
            let name = fresh("tr")
            statements.append("ALTER TRIGGER \(trigger) ON \(relationName(tables[position].schema, tables[position].name)) RENAME TO \(name);")
            tables[position].triggers = tables[position].triggers.map { $0 == trigger ? name : $0 }
        }
    }

    mutating func dropSomething() {
        switch int(0...5) {
        case 0:
            guard let position = randomTable() else { return }
            let table = tables.remove(at: position)
            let cascade = views.contains { $0.table == table.name }
            views.removeAll { $0.table == table.name }
            statements.append("DROP TABLE \(chance(30) ? "IF EXISTS " : "")\(relationName(table.schema, table.name))\(cascade ? " CASCADE" : "");")
        case 1:
            guard let position = randomTable(), let index = tables[position].indexes.randomElement(using: &random) else { return }
            statements.append("DROP INDEX \(relationName(tables[position].schema, index));")
            tables[position].indexes.removeAll { $0 == index }
        case 2:
            guard let view = views.randomElement(using: &random) else { return }
            statements.append("DROP VIEW \(relationName(view.schema, view.name));")
            views.removeAll { $0.name == view.name }
        case 3:
            guard let function = functions.filter({ !$0.used }).randomElement(using: &random) else { return }
            statements.append("DROP FUNCTION \(function.schema).\(function.name)\(function.isTrigger ? "()" : "(integer)");")
            functions.removeAll { $0.schema == function.schema && $0.name == function.name }
        case 4:
            guard let position = randomTable(), let policy = tables[position].policies.randomElement(using: &random) else { return }
            statements.append("DROP POLICY \(policy) ON \(relationName(tables[position].schema, tables[position].name));")
            tables[position].policies.removeAll { $0 == policy }
        default:
            guard let position = randomTable(), let trigger = tables[position].triggers.randomElement(using: &random) else { return }
            statements.append("DROP TRIGGER IF EXISTS \(trigger) ON \(relationName(tables[position].schema, tables[position].name));")
            tables[position].triggers.removeAll { $0 == trigger }
        }
    }
}
