import PgDriftModel
import PgDriftSQL

extension OfflineReplay {
    /// Built-in types as the parser names them → `format_type`'s spelling, and whether the type takes
    /// the modifier in the middle (`timestamp(3) with time zone`).
    static let builtinTypes: [String: String] = [
        "int2": "smallint", "int4": "integer", "int8": "bigint", "smallint": "smallint", "integer": "integer",
        "bigint": "bigint", "float4": "real", "float8": "double precision", "real": "real", "bool": "boolean",
        "boolean": "boolean", "text": "text", "varchar": "character varying", "bpchar": "character",
        "numeric": "numeric", "decimal": "numeric", "date": "date", "timestamp": "timestamp without time zone",
        "timestamptz": "timestamp with time zone", "time": "time without time zone", "timetz": "time with time zone",
        "interval": "interval", "uuid": "uuid", "json": "json", "jsonb": "jsonb", "bytea": "bytea", "inet": "inet",
        "cidr": "cidr", "macaddr": "macaddr", "tsvector": "tsvector", "xml": "xml", "money": "money",
        "bit": "bit", "varbit": "bit varying", "oid": "oid", "name": "name", "char": "\"char\"",
    ]

    /// A column type: a built-in in `format_type`'s spelling, or an enum, domain or composite type created earlier.
    func dataType(_ typeName: ParseNode) throws -> DataType {
        guard typeName["pct_type"]?.bool != true, typeName["setof"]?.bool != true else {
            throw fallback("%TYPE and SETOF types are not read offline")
        }
        let names = typeName["names"]?.strings ?? []
        let dimensions = typeName["arrayBounds"]?.elements.count ?? 0
        let modifiers = (typeName["typmods"]?.elements ?? []).map { $0.node("A_Const")?.integerConstant }
        guard modifiers.allSatisfy({ $0 != nil }) else { throw fallback("a type modifier that is not a number") }
        let numbers = modifiers.compactMap { $0 }
        let (schema, name) = try parts(names)
        if schema == nil || schema == "pg_catalog" {
            if let userType = schema == nil ? existing(schema: nil, name: name, in: { isUserType($0) }) : nil {
                return DataType(schema: userType.schema, name: userType.name, modifier: try modifier(numbers, of: userType),
                                arrayDimensions: dimensions)
            }
            guard let builtin = Self.builtinTypes[name] else { throw fallback("type \(name) is not read offline") }
            return DataType(try spell(builtin, parserName: name, modifiers: numbers), arrayDimensions: dimensions)
        }
        guard let schema, isUserType(QualifiedName(schema, name)) else {
            throw fallback("type \(schema ?? "").\(name) is not read offline")
        }
        return DataType(schema: schema, name: name, modifier: try modifier(numbers, of: QualifiedName(schema, name)), arrayDimensions: dimensions)
    }

    /// A user type's modifier as `format_type` prints it: only one integer, on an extension type taken
    /// from the database that has no typmod_out (pgvector's `vector(1536)`), which the server prints
    /// as `(n)` — the value its typmod_in stored, the number written for such types.
    private func modifier(_ numbers: [Int], of type: QualifiedName) throws -> String? {
        guard !numbers.isEmpty else { return nil }
        guard numbers.count == 1, extensionTypesWithModifier.contains(type) else { throw fallback("a user type with a type modifier") }
        return "(\(numbers[0]))"
    }

    /// `format_type` with a modifier: `character varying(20)`, `numeric(10,2)`, `timestamp(3) with time zone`.
    func spell(_ builtin: String, parserName: String, modifiers: [Int]) throws -> String {
        if parserName == "bpchar" && modifiers.isEmpty { return "character(1)" }  // `char` alone is char(1)
        guard !modifiers.isEmpty else { return builtin }
        switch builtin {
        case "numeric":
            return "numeric(\(modifiers[0]),\(modifiers.count > 1 ? modifiers[1] : 0))"
        case "character varying", "character", "bit", "bit varying":
            return "\(builtin)(\(modifiers[0]))"
        case "timestamp without time zone", "timestamp with time zone", "time without time zone", "time with time zone":
            let parts = builtin.split(separator: " ", maxSplits: 1)
            return "\(parts[0])(\(modifiers[0])) \(parts[1])"
        default:
            throw fallback("type \(builtin) with a modifier is not read offline")
        }
    }

    /// `CREATE SCHEMA`, with the objects created inside it: the server creates those in the new schema,
    /// with it first on the search path, sequences first, then tables, views, indexes, triggers.
    mutating func createSchema(_ node: ParseNode) throws {
        guard let name = node["schemaname"]?.string else { throw fallback("CREATE SCHEMA AUTHORIZATION is not read offline") }
        if schemas[name] != nil {
            if node["if_not_exists"]?.bool == true { return }
            throw fallback("schema \(name) already exists")
        }
        schemas[name] = Namespace(name: name)
        let order = ["CreateSeqStmt", "CreateStmt", "ViewStmt", "IndexStmt", "CreateTrigStmt", "GrantStmt"]
        let elements = try (node["schemaElts"]?.elements ?? []).map { element -> (tag: String, node: ParseNode) in
            guard let (tag, body) = element.tagged, order.contains(tag) else { throw fallback("an object inside CREATE SCHEMA that is not read offline") }
            // Each element's relation is in the new schema; naming another is the server's error.
            for key in ["relation", "sequence", "view"] {
                if let schema = body[key]?["schemaname"]?.string, schema != name { throw fallback("an object inside CREATE SCHEMA in another schema") }
            }
            return (tag, body)
        }
        let saved = searchPath
        defer { searchPath = saved }
        searchPath = [name] + searchPath
        for element in elements.enumerated().sorted(by: { (order.firstIndex(of: $0.element.tag)!, $0.offset) < (order.firstIndex(of: $1.element.tag)!, $1.offset) }) {
            if element.element.tag == "GrantStmt" { continue }
            try apply(element.element.tag, element.element.node)
        }
    }

    /// `CREATE TYPE ... AS ENUM`.
    mutating func createEnum(_ node: ParseNode) throws {
        let (schema, name) = try parts(node["typeName"]?.strings ?? [])
        let qualified = try newName(schema: schema, name: name)
        guard !isUserType(qualified), tables[qualified] == nil else { throw fallback("type \(qualified) already exists") }
        enums[qualified] = EnumType(name: qualified, values: node["vals"]?.strings ?? [])
    }

    /// `ALTER TYPE ... ADD VALUE [IF NOT EXISTS] [BEFORE | AFTER]` and `RENAME VALUE`.
    mutating func alterEnum(_ node: ParseNode) throws {
        let (schema, name) = try parts(node["typeName"]?.strings ?? [])
        guard let qualified = existing(schema: schema, name: name, in: { enums[$0] != nil }), var type = enums[qualified] else {
            throw fallback("enum \(name) does not exist")
        }
        guard let newValue = node["newVal"]?.string else { return }
        if let old = node["oldVal"]?.string {
            guard let index = type.values.firstIndex(of: old) else { throw fallback("enum value \(old) does not exist") }
            type.values[index] = newValue
        } else if type.values.contains(newValue) {
            if node["skipIfNewValExists"]?.bool == true { return }
            throw fallback("enum value \(newValue) already exists")
        } else if let neighbor = node["newValNeighbor"]?.string {
            guard let index = type.values.firstIndex(of: neighbor) else { throw fallback("enum value \(neighbor) does not exist") }
            type.values.insert(newValue, at: node["newValIsAfter"]?.bool == true ? index + 1 : index)
        } else {
            type.values.append(newValue)
        }
        enums[qualified] = type
    }

    /// `COMMENT ON` a schema, type, sequence, function, trigger, policy, table, index, view, column or constraint.
    mutating func comment(_ node: ParseNode) throws {
        let text = node["comment"]?.string
        let objectType = node["objtype"]?.string ?? ""
        let object = node["object"]
        switch objectType {
        case "OBJECT_SCHEMA":
            guard let name = object?.node("String")?["sval"]?.string, schemas[name] != nil else { throw fallback("schema does not exist") }
            schemas[name]?.comment = text
        case "OBJECT_TYPE", "OBJECT_DOMAIN":
            let (schema, name) = try parts(object?.node("TypeName")?["names"]?.strings ?? [])
            let isDomain = objectType == "OBJECT_DOMAIN"
            guard let type = existing(schema: schema, name: name, in: { isDomain ? domains[$0] != nil : enums[$0] != nil || compositeTypes[$0] != nil }) else {
                throw fallback("COMMENT ON TYPE \(name) is not read offline")
            }
            enums[type]?.comment = text
            domains[type]?.comment = text
            compositeTypes[type]?.comment = text
        case "OBJECT_SEQUENCE":
            let (schema, name) = try parts(object?.node("List")?["items"]?.strings ?? [])
            guard let sequence = existing(schema: schema, name: name, in: { sequences[$0] != nil }) else {
                throw fallback("sequence \(name) does not exist here")
            }
            sequences[sequence]?.comment = text
        case "OBJECT_FUNCTION", "OBJECT_PROCEDURE", "OBJECT_ROUTINE":
            guard let key = try namedFunction(object?.node("ObjectWithArgs")) else { throw fallback("function does not exist here") }
            functions[key]?.comment = text
        case "OBJECT_TRIGGER":
            let (table, trigger) = try tableMember(object, "TRIGGER")
            guard var model = tables[table]?.triggers[trigger] else { throw fallback("trigger \(trigger) does not exist here") }
            model.comment = text
            tables[table]?.triggers.upsert(model)
        case "OBJECT_POLICY":
            let (table, policy) = try tableMember(object, "POLICY")
            guard var model = tables[table]?.policies[policy] else { throw fallback("policy \(policy) does not exist here") }
            model.comment = text
            tables[table]?.policies.upsert(model)
        case "OBJECT_TABLE", "OBJECT_INDEX":
            let (schema, name) = try parts(object?.node("List")?["items"]?.strings ?? [])
            if objectType == "OBJECT_TABLE" {
                guard let table = existing(schema: schema, name: name, in: { tables[$0] != nil }) else { throw fallback("table \(name) does not exist") }
                tables[table]?.comment = text
            } else {
                guard let index = existing(schema: schema, name: name, in: { indexOwners[$0] != nil }),
                    let table = indexOwners[index], var model = tables[table]?.indexes[index.name]
                else { throw fallback("COMMENT ON INDEX \(name) is not read offline") }
                model.comment = text
                tables[table]?.indexes.upsert(model)
            }
        case "OBJECT_EXTENSION":
            // Extensions' comments are not modelled (their control file sets one anyway).
            guard let name = object?.node("String")?["sval"]?.string, extensions[name] != nil || name == "plpgsql" else {
                throw fallback("extension does not exist here")
            }
        case "OBJECT_VIEW", "OBJECT_MATVIEW":
            guard try commentOnView(object?.node("List")?["items"]?.strings ?? [], column: nil, text: text) else {
                throw fallback("view does not exist here")
            }
        case "OBJECT_COLUMN":
            var names = object?.node("List")?["items"]?.strings ?? []
            if let column = names.popLast(), try commentOnView(names, column: column, text: text) { return }
            let (table, column) = try tableMember(object, "COLUMN")
            guard let index = tables[table]?.columns.firstIndex(where: { $0.name == column }) else {
                throw fallback("column \(column) does not exist")
            }
            tables[table]?.columns[index].comment = text
        case "OBJECT_TABCONSTRAINT":
            let (table, constraint) = try tableMember(object, "CONSTRAINT")
            guard var model = tables[table]?.constraints[constraint] else { throw fallback("constraint \(constraint) does not exist") }
            model.comment = text
            tables[table]?.constraints.upsert(model)
        default:
            throw fallback("COMMENT ON \(objectType.dropFirst(7)) is not read offline")
        }
    }

    /// The table and the member name of `COMMENT ON COLUMN|CONSTRAINT|TRIGGER [schema.]table.member`
    /// (the member comes last in the name list), the table resolved through search_path.
    func tableMember(_ object: ParseNode?, _ kind: String) throws -> (table: QualifiedName, member: String) {
        var names = object?.node("List")?["items"]?.strings ?? []
        guard let member = names.popLast() else { throw fallback("COMMENT ON \(kind) without a name") }
        let (schema, name) = try parts(names)
        guard let table = existing(schema: schema, name: name, in: { tables[$0] != nil }) else {
            throw fallback("table \(name) does not exist")
        }
        return (table, member)
    }
}
