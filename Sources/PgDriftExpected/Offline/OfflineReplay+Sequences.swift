import PgDriftModel
import PgDriftSQL

extension OfflineReplay {
    /// The smallest and largest values of a sequence's type.
    static func range(of type: DataType) -> (min: Int64, max: Int64) {
        switch type {
        case .smallint: return (Int64(Int16.min), Int64(Int16.max))
        case .integer: return (Int64(Int32.min), Int64(Int32.max))
        default: return (Int64.min, Int64.max)
        }
    }

    /// `CREATE SEQUENCE` with its options; PostgreSQL's defaults for what is left out.
    mutating func createSequence(_ node: ParseNode) throws {
        guard let rangeVar = node["sequence"] else { throw fallback("CREATE SEQUENCE without a name") }
        guard (rangeVar["relpersistence"]?.string ?? "p") == "p" else { throw fallback("temporary or unlogged sequences are not read offline") }
        let name = try newName(schema: rangeVar["schemaname"]?.string, name: rangeVar["relname"]?.string ?? "")
        if isNameTaken(name) {
            if node["if_not_exists"]?.bool == true { return }
            throw fallback("\(name) already exists")
        }
        let (type, options, owner) = try sequenceOptions(node["options"]?.elements ?? [], type: .bigint, schema: name.schema)
        sequences[name] = SequenceObject(name: name, dataType: type, options: options, ownedBy: owner)
    }

    /// A sequence's type, numeric options (PostgreSQL's defaults for what is left out) and OWNED BY, as
    /// `CREATE SEQUENCE` and an identity column write them.
    func sequenceOptions(_ options: [ParseNode], type defaultType: DataType, schema: String) throws -> (DataType, SequenceOptions, SequenceOwner?) {
        let initial = SequenceOptions(start: 1, increment: 1, minValue: 1, maxValue: Self.range(of: defaultType).max)
        let (type, values, owner) = try applySequenceOptions(options, to: (defaultType, initial), isInit: true, schema: schema)
        return (type, values, owner ?? nil)
    }

    /// `ALTER SEQUENCE` of a sequence created here (not an identity column's).
    mutating func alterSequence(_ node: ParseNode) throws {
        guard node["for_identity"]?.bool != true, let rangeVar = node["sequence"] else { throw fallback("ALTER SEQUENCE of an identity") }
        guard let name = existing(schema: rangeVar["schemaname"]?.string, name: rangeVar["relname"]?.string ?? "", in: { sequences[$0] != nil }),
            let sequence = sequences[name]
        else {
            if node["missing_ok"]?.bool == true { return }
            throw fallback("sequence \(rangeVar["relname"]?.string ?? "") does not exist here")
        }
        let (type, options, owner) = try applySequenceOptions(
            node["options"]?.elements ?? [], to: (sequence.dataType, sequence.options), isInit: false, schema: name.schema)
        // A column default drawing from the sequence does not care about its type; the sequence does.
        sequences[name]?.dataType = type
        sequences[name]?.options = options
        if let owner { sequences[name]?.ownedBy = owner }
    }

    /// The options of `CREATE` or `ALTER SEQUENCE` applied as `init_params` does: what is not named
    /// keeps its value (or its default at creation), a limit at its type's bound follows a new type,
    /// and `NO MINVALUE`/`NO MAXVALUE` go back to the default for the increment's direction.
    private func applySequenceOptions(
        _ options: [ParseNode], to current: (type: DataType, options: SequenceOptions), isInit: Bool, schema: String
    ) throws -> (DataType, SequenceOptions, SequenceOwner??) {
        var type = current.type
        var values: [String: Int64?] = [:]
        var cycle: Bool?
        var owner: SequenceOwner??
        for option in options {
            guard let definition = option.node("DefElem"), let key = definition["defname"]?.string else { continue }
            switch key {
            case "as":
                guard let typeName = definition["arg"]?.node("TypeName") else { throw fallback("AS without a type") }
                type = try dataType(typeName)
                guard [.smallint, .integer, .bigint].contains(type) else { throw fallback("a sequence of type \(type)") }
            case "start", "increment", "minvalue", "maxvalue", "cache":
                values[key] = try sequenceNumber(definition["arg"], option: definition)
            case "restart":
                break  // the next value is data, not schema
            case "cycle":
                cycle = definition["arg"]?.node("Boolean")?["boolval"]?.bool == true
            case "owned_by":
                let names = definition["arg"]?.node("List")?["items"]?.strings ?? definition["arg"]?.strings ?? []
                guard names != ["none"] else {
                    owner = .some(nil)
                    continue
                }
                var parts = names
                guard let column = parts.popLast() else { throw fallback("OWNED BY without a column") }
                let (tableSchema, table) = try self.parts(parts)
                guard let owningTable = existing(schema: tableSchema, name: table, in: { tables[$0] != nil }),
                    tables[owningTable]?.column(named: column) != nil, owningTable.schema == schema
                else { throw fallback("OWNED BY a column that does not exist or is in another schema") }
                owner = SequenceOwner(table: owningTable, column: column)
            default:
                throw fallback("sequence option \(key) is not read offline")
            }
        }
        let old = current.options
        let (oldMin, oldMax) = Self.range(of: current.type)
        let (typeMin, typeMax) = Self.range(of: type)
        let increment = (values["increment"] ?? nil) ?? (isInit ? 1 : old.increment)
        guard increment != 0 else { throw fallback("INCREMENT 0") }
        // A limit named without a value (NO MINVALUE), or left at the old type's bound when the type
        // changes, goes back to its default.
        let resetMax = isInit || values.keys.contains("maxvalue") || type != current.type && old.maxValue == oldMax
        let resetMin = isInit || values.keys.contains("minvalue") || type != current.type && old.minValue == oldMin
        let maxValue = (values["maxvalue"] ?? nil) ?? (resetMax ? (increment > 0 ? typeMax : -1) : old.maxValue)
        let minValue = (values["minvalue"] ?? nil) ?? (resetMin ? (increment > 0 ? 1 : typeMin) : old.minValue)
        let start = (values["start"] ?? nil) ?? (isInit ? (increment > 0 ? minValue : maxValue) : old.start)
        let cache = (values["cache"] ?? nil) ?? (isInit ? 1 : old.cache)
        // The server refuses limits outside the type, a start outside the limits, a cache below 1.
        guard minValue >= typeMin, maxValue <= typeMax, minValue < maxValue, start >= minValue, start <= maxValue, cache >= 1 else {
            throw fallback("sequence limits the server refuses")
        }
        let options = SequenceOptions(
            start: start, increment: increment, minValue: minValue, maxValue: maxValue, cache: cache, cycle: cycle ?? (isInit ? false : old.cycle))
        return (type, options, owner)
    }

    /// A sequence option's number; `NO MINVALUE` has none. libpg_query writes 0 and negative integers
    /// as an empty `Integer`; those are read back from the SQL after the option's keyword.
    private func sequenceNumber(_ argument: ParseNode?, option: ParseNode) throws -> Int64? {
        guard let argument else { return nil }
        if let integer = argument.node("Integer") {
            if let value = integer["ival"]?.int { return Int64(value) }
            guard let value = try numberAfter(option.location) else { throw fallback("a zero or negative sequence option") }
            return value
        }
        if let text = argument.node("Float")?["fval"]?.string, let value = Int64(text) { return value }
        throw fallback("a sequence option that is not a number")
    }

    /// A `serial` column: an integer column whose default draws from the sequence it owns.
    mutating func addSerial(_ column: inout Column, type: DataType, table: QualifiedName) {
        let sequenceName = QualifiedName(table.schema, chooseName(schema: table.schema, table: table.name, columns: [column.name], label: "seq"))
        column.type = type
        column.isNotNull = true
        column.defaultExpression = Self.nextval(sequenceName)
        sequences[sequenceName] = SequenceObject(
            name: sequenceName, dataType: type, options: .ascending(max: Self.range(of: type).max),
            ownedBy: SequenceOwner(table: table, column: column.name))
    }

    /// `nextval('schema.sequence'::regclass)`, as the server prints a default with the search path empty.
    static func nextval(_ sequence: QualifiedName) -> String {
        "nextval(\(SQLQuote.literal(SQLQuote.identifier(sequence.schema) + "." + SQLQuote.identifier(sequence.name)))::regclass)"
    }

    /// `nextval('name')` written in a file, with the name resolved along the search path as the server
    /// resolves the regclass literal; nil when the expression is something else.
    func resolvedNextval(_ expression: ParseNode) throws -> String? {
        guard let call = expression.node("FuncCall"), call["funcname"]?.strings.last == "nextval",
            let arguments = call["args"]?.elements, arguments.count == 1
        else { return nil }
        var argument = arguments[0]
        if let cast = argument.node("TypeCast") {
            guard cast["typeName"]?["names"]?.strings.last == "regclass", let inner = cast["arg"] else { return nil }
            argument = inner
        }
        guard let literal = argument.node("A_Const")?["sval"]?["sval"]?.string else { return nil }
        // The name inside the literal follows SQL's identifier rules (quotes, folding to lower case,
        // truncation): PostgreSQL's parser reads it as a table name.
        guard let script = try? ParsedScript("SELECT * FROM " + literal), script.statements.count == 1,
            let from = script.statements[0].node["fromClause"]?.elements, from.count == 1, let range = from[0].node("RangeVar"),
            range["alias"] == nil, range["catalogname"] == nil,
            ["whereClause", "groupClause", "sortClause", "limitCount", "limitOffset", "lockingClause"].allSatisfy({ script.statements[0].node[$0] == nil }),
            let relname = range["relname"]?.string
        else { throw fallback("nextval() of '\(literal)', which is not a sequence name") }
        let (schema, name) = (range["schemaname"]?.string, relname)
        guard let sequence = existing(schema: schema, name: name, in: { sequences[$0] != nil }) else {
            throw fallback("nextval() of a sequence that does not exist here")
        }
        return Self.nextval(sequence)
    }

    /// `DROP SEQUENCE`, unless a column default still draws from it (the server refuses, or with
    /// CASCADE drops the default: both are the server's to tell).
    mutating func dropSequence(_ name: QualifiedName) throws {
        let drawnFrom = tables.values.contains { table in
            table.columns.contains { $0.defaultExpression == Self.nextval(name) }
        }
        guard !drawnFrom else { throw fallback("dropping sequence \(name), which a column default uses") }
        sequences[name] = nil
    }

    /// The integer written after the keyword at `location` (`MINVALUE -100`, `START WITH 0`,
    /// `INCREMENT BY -1`), found by PostgreSQL's scanner in the statement's text.
    private func numberAfter(_ location: Int?) throws -> Int64? {
        guard let location, statementRange.contains(location) else { return nil }
        let rest = String(decoding: text[location..<statementRange.upperBound], as: UTF8.self)
        let tokens = try SQLTokens.scan(rest)
        let bytes = Array(rest.utf8)
        var negative = false
        for token in tokens.dropFirst() {
            if token.keyword == "with" || token.keyword == "by" { continue }
            switch token.kind {
            case 45 where !negative: negative = true  // `-`
            case SQLTokens.integerConstant:
                guard let value = Int64(String(decoding: bytes[token.start..<token.end], as: UTF8.self)) else { return nil }
                return negative ? -value : value
            default: return nil
            }
        }
        return nil
    }
}
