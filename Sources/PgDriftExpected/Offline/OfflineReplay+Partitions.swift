import PgDriftModel
import PgDriftSQL

extension OfflineReplay {
    /// `PARTITION BY RANGE | LIST | HASH (columns)` as `pg_get_partkeydef` prints it. Expressions,
    /// collations and operator classes in the key fall back.
    mutating func makePartitioned(_ model: inout Table, spec: ParseNode) throws {
        guard !model.isUnlogged else { throw fallback("an unlogged partitioned table") }
        // Partitions take identity and generated columns by rules that changed between versions.
        guard model.columns.allSatisfy({ $0.identity == nil && $0.generatedExpression == nil }) else {
            throw fallback("an identity or generated column in a partitioned table is not read offline")
        }
        // `range` in 15's parse tree, `PARTITION_STRATEGY_RANGE` from 16 on.
        let written = spec["strategy"]?.string?.lowercased()
        guard let strategy = written.map({ $0.hasPrefix("partition_strategy_") ? String($0.dropFirst(19)) : $0 }),
            ["range", "list", "hash"].contains(strategy)
        else {
            throw fallback("an unknown partitioning strategy")
        }
        var columns: [String] = []
        for element in spec["partParams"]?.elements ?? [] {
            guard let element = element.node("PartitionElem"), let column = element["name"]?.string,
                element["collation"] == nil, element["opclass"] == nil, model.column(named: column) != nil
            else { throw fallback("a partition key with an expression, collation or operator class is not read offline") }
            columns.append(column)
        }
        guard !columns.isEmpty, strategy != "list" || columns.count == 1 else { throw fallback("a partition key the server refuses") }
        model.kind = .partitioned
        model.partitionKey = strategy.uppercased() + " (" + columns.map(SQLQuote.identifier).joined(separator: ", ") + ")"
        partitionKeys[model.name] = columns
    }

    /// `CREATE TABLE ... PARTITION OF parent FOR VALUES ...` without columns or constraints of its own:
    /// the partition's columns and copied keys are its parent's, which the catalog (and the model) leave
    /// out; their copies still take names, which later made-up names avoid.
    mutating func makePartition(_ model: inout Table, of parentName: ParseNode?, bound: ParseNode) throws {
        guard let parentName, let parent = existingTable(parentName), let keyColumns = partitionKeys[parent],
            let parentModel = tables[parent]
        else { throw fallback("a partition of a table that is not partitioned here") }
        guard model.columns.isEmpty, model.constraints.isEmpty, !model.isUnlogged else {
            throw fallback("a partition with columns, constraints or persistence of its own is not read offline")
        }
        guard !parentModel.constraints.contains(where: { $0.kind == .foreignKey }) else {
            throw fallback("a partition of a table with foreign keys is not read offline")
        }
        let types = keyColumns.map { parentModel.column(named: $0)?.type }
        model.partitionOf = parent
        model.partitionBound = try boundText(bound, keyTypes: types)
        for constraint in parentModel.constraints where constraint.kind == .primaryKey || constraint.kind == .unique {
            cloneIndexName(onto: model.name, columns: constraint.kind == .primaryKey ? [] : constraint.columns, label: constraint.kind == .primaryKey ? "pkey" : "key")
        }
        for index in parentModel.indexes {
            let columns = index.keys.compactMap(\.column)
            guard columns.count == index.keys.count else { throw fallback("a partition of a table with an expression index is not read offline") }
            cloneIndexName(onto: model.name, columns: columns, label: "idx")
        }
    }

    /// The copy of a parent's index on each of its partitions (`CREATE INDEX` or a key on a partitioned table).
    mutating func cloneIndexOntoPartitions(of table: QualifiedName, columns: [String]?, label: String) throws {
        let partitions = tables.values.filter { $0.partitionOf == table }.map(\.name)
        guard !partitions.isEmpty else { return }
        guard let columns else { throw fallback("an expression index on a partitioned table with partitions is not read offline") }
        for partition in partitions { cloneIndexName(onto: partition, columns: columns, label: label) }
    }

    /// The name `ChooseIndexName` gives the copy, taken in the partition's schema.
    private mutating func cloneIndexName(onto partition: QualifiedName, columns: [String], label: String) {
        let name = chooseName(schema: partition.schema, table: partition.name, columns: columns, label: label)
        partitionIndexNames[QualifiedName(partition.schema, name)] = partition
    }

    /// Keys and unique indexes of a partitioned table must hold its partition key.
    func checkUniqueOnPartitioned(_ table: QualifiedName, columns: [String]) throws {
        guard let key = partitionKeys[table] else { return }
        guard Set(key).isSubset(of: Set(columns)) else { throw fallback("a unique key without the partition key, which the server refuses") }
    }

    /// `pg_get_expr(relpartbound)`: values printed without their type, for the key types whose printed
    /// form is the written one (integers, text, ISO dates).
    func boundText(_ bound: ParseNode, keyTypes: [DataType?]) throws -> String {
        if bound["is_default"]?.bool == true { return "DEFAULT" }
        switch bound["strategy"]?.string {
        case "l":
            var values: [String] = []
            for datum in bound["listdatums"]?.elements ?? [] {
                let value = try boundValue(datum, type: keyTypes[0], allowBounds: false)
                guard !values.contains(value) else { throw fallback("a repeated partition value") }
                values.append(value)
            }
            return "FOR VALUES IN (" + values.joined(separator: ", ") + ")"
        case "r":
            let lower = try (bound["lowerdatums"]?.elements ?? []).enumerated().map { try boundValue($0.element, type: keyTypes[safe: $0.offset] ?? nil, allowBounds: true) }
            let upper = try (bound["upperdatums"]?.elements ?? []).enumerated().map { try boundValue($0.element, type: keyTypes[safe: $0.offset] ?? nil, allowBounds: true) }
            guard lower.count == keyTypes.count, upper.count == keyTypes.count else { throw fallback("a range bound of the wrong length") }
            return "FOR VALUES FROM (" + lower.joined(separator: ", ") + ") TO (" + upper.joined(separator: ", ") + ")"
        case "h":
            guard let modulus = bound["modulus"]?.int, modulus > 0 else { throw fallback("a hash bound without a modulus") }
            let remainder = bound["remainder"]?.int ?? 0
            guard remainder < modulus else { throw fallback("a hash remainder the server refuses") }
            return "FOR VALUES WITH (modulus \(modulus), remainder \(remainder))"
        default:
            throw fallback("a partition bound that does not match the key")
        }
    }

    private func boundValue(_ datum: ParseNode, type: DataType?, allowBounds: Bool) throws -> String {
        if allowBounds, let reference = datum.node("ColumnRef")?["fields"]?.strings, reference.count == 1,
            reference[0] == "minvalue" || reference[0] == "maxvalue"
        {
            return reference[0].uppercased()
        }
        guard let constant = datum.node("A_Const"), let type, type.schema == nil, !type.isArray else {
            throw fallback("a partition bound that is not a plain constant")
        }
        if constant["isnull"]?.bool == true, !allowBounds { return "NULL" }
        switch type.name {
        case "smallint", "integer", "bigint":
            guard constant["ival"] != nil, let number = constant.integerConstant, number >= 0 else {
                throw fallback("a partition bound that is not a non-negative integer")
            }
            return String(number)
        case "text":
            guard let text = constant["sval"]?["sval"]?.string, !text.contains("\\") else { throw fallback("a text bound that is not a plain string") }
            return SQLQuote.literal(text)
        case "date":
            guard let text = constant["sval"]?["sval"]?.string, Self.isISODate(text) else {
                throw fallback("a date bound not written as YYYY-MM-DD is not read offline")
            }
            return SQLQuote.literal(text)
        default:
            throw fallback("a partition bound on a \(type.name) key is not read offline")
        }
    }

    /// `YYYY-MM-DD` with a real month and day: what the server prints back unchanged (DateStyle ISO).
    static func isISODate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), year >= 1, (1...12).contains(month) else {
            return false
        }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
