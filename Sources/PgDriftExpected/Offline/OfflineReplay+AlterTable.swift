import PgDriftModel
import PgDriftSQL

extension OfflineReplay {
    /// `ALTER TABLE`: columns added, dropped and changed in place, constraints added, dropped and
    /// validated, row level security switched.
    mutating func alterTable(_ node: ParseNode) throws {
        if node["objtype"]?.isString("OBJECT_VIEW") == true || node["objtype"]?.isString("OBJECT_MATVIEW") == true {
            return try alterView(node)
        }
        if node["objtype"]?.isString("OBJECT_INDEX") == true { return try attachIndexPartition(node) }
        guard node["objtype"].map({ $0.isString("OBJECT_TABLE") }) ?? true, let rangeVar = node["relation"] else {
            throw fallback("ALTER on something other than a table is not read offline")
        }
        guard let table = existingTable(rangeVar) else {
            // ALTER TABLE also takes a view (pg_dump writes `ALTER TABLE v OWNER TO ...` for one).
            if existing(schema: rangeVar["schemaname"]?.string, name: rangeVar["relname"]?.string ?? "", in: { views[$0] != nil }) != nil {
                return try alterView(node)
            }
            // ... and a sequence (`ALTER TABLE s OWNER TO ...`); its owner is not modelled.
            let subtypes = (node["cmds"]?.elements ?? []).compactMap { $0.node("AlterTableCmd")?["subtype"]?.string }
            if existing(schema: rangeVar["schemaname"]?.string, name: rangeVar["relname"]?.string ?? "", in: { sequences[$0] != nil }) != nil,
                subtypes.allSatisfy({ $0 == "AT_ChangeOwner" })
            {
                return
            }
            if node["missing_ok"]?.bool == true { return }
            throw fallback("table \(rangeVar["relname"]?.string ?? "") does not exist")
        }
        // `ALTER TABLE ONLY t`: a key added to a partitioned table is not copied onto its partitions.
        let only = rangeVar["inh"]?.bool != true
        var targets: [Int]?
        var statisticsCount = 0
        for command in node["cmds"]?.elements ?? [] {
            guard let command = command.node("AlterTableCmd"), let subtype = command["subtype"]?.string else { continue }
            var statistics: Int?
            if subtype == "AT_SetStatistics" {
                // libpg_query writes 0 and negative targets as an empty Integer: the SQL says which.
                if command["def"]?.node("Integer")?["ival"] == nil {
                    targets = try targets ?? statisticsTargets()
                    guard let all = targets, statisticsCount < all.count else { throw fallback("SET STATISTICS without a readable target") }
                    statistics = all[statisticsCount]
                }
                statisticsCount += 1
            }
            if subtype == "AT_AttachPartition" {
                try attachPartition(to: table, command)
                continue
            }
            if ["AT_DropColumn", "AT_AlterColumnType"].contains(subtype) {
                try refuseIfViewsRead(table, "ALTER TABLE \(subtype.dropFirst(3)) on \(table)")
            }
            try alter(table, subtype, command, only: only, statistics: statistics)
        }
    }

    /// The number after each `STATISTICS` of the statement, in order (`SET STATISTICS -1`).
    private func statisticsTargets() throws -> [Int] {
        let statement = String(decoding: text[statementRange], as: UTF8.self)
        let tokens = try SQLTokens.scan(statement)
        let bytes = Array(statement.utf8)
        func word(_ token: SQLTokens.Token) -> String { String(decoding: bytes[token.start..<token.end], as: UTF8.self).lowercased() }
        var targets: [Int] = []
        for (position, token) in tokens.enumerated() where word(token) == "statistics" {
            var next = position + 1
            var negative = false
            if next < tokens.count, word(tokens[next]) == "-" { negative = true; next += 1 }
            guard next < tokens.count, tokens[next].kind == SQLTokens.integerConstant, let value = Int(word(tokens[next])) else { continue }
            targets.append(negative ? -value : value)
        }
        return targets
    }

    private mutating func alter(_ table: QualifiedName, _ subtype: String, _ command: ParseNode, only: Bool, statistics: Int? = nil) throws {
        let columnName = command["name"]?.string
        // A partitioned table passes changes on to its partitions, whose copies the model leaves out:
        // only the changes whose copies take no name and need no rewrite of the key are read.
        if partitionKeys[table] != nil || tables[table]?.partitionOf != nil {
            let safe: Set = [
                "AT_AddColumn", "AT_ColumnDefault", "AT_SetNotNull", "AT_AddConstraint", "AT_EnableRowSecurity", "AT_DisableRowSecurity",
                "AT_ForceRowSecurity", "AT_NoForceRowSecurity", "AT_ChangeOwner",
            ]
            guard safe.contains(subtype), tables[table]?.partitionOf == nil || subtype != "AT_AddColumn" else {
                throw fallback("ALTER TABLE \(subtype.dropFirst(3)) on a partitioned table or partition is not read offline")
            }
            let special = command["def"]?.descendants("Constraint").contains {
                $0["contype"]?.isString("CONSTR_IDENTITY") == true || $0["contype"]?.isString("CONSTR_GENERATED") == true
            }
            guard special != true else { throw fallback("an identity or generated column in a partitioned table is not read offline") }
        }
        switch subtype {
        case "AT_AddColumn":
            guard let definition = command["def"]?.node("ColumnDef") else { throw fallback("ADD COLUMN without a definition") }
            if let name = definition["colname"]?.string, tables[table]?.column(named: name) != nil, command["missing_ok"]?.bool == true {
                return
            }
            var model = try takeTable(table)
            defer { tables[table] = model }
            try addColumn(definition, to: &model)
        case "AT_DropColumn":
            guard let columnName, tables[table]?.column(named: columnName) != nil else {
                if command["missing_ok"]?.bool == true { return }
                throw fallback("column \(columnName ?? "") does not exist")
            }
            try dropColumn(columnName, of: table)
        case "AT_AlterColumnType":
            guard let columnName, let definition = command["def"]?.node("ColumnDef"), let typeName = definition["typeName"] else {
                throw fallback("ALTER COLUMN TYPE without a type")
            }
            let type = try dataType(typeName)
            // A new type takes its own collation unless COLLATE names one.
            let collation = try collation(definition["collClause"], type: type)
            try changeColumn(columnName, of: table) {
                $0.type = type
                $0.collation = collation
                // The server gives the column its new type's storage and the default compression; the
                // statistics target stays.
                $0.storage = nil
                $0.compression = nil
            }
        case "AT_ColumnDefault":
            guard let columnName else { return }
            let type = tables[table]?.column(named: columnName)?.type
            let expression = try storedDefault(command["def"], type: type)
            try changeColumn(columnName, of: table) { $0.defaultExpression = expression }
        case "AT_AddIdentity":
            // `ALTER COLUMN c ADD GENERATED ... AS IDENTITY`: on a NOT NULL column without a default.
            guard let columnName, let constraint = command["def"]?.node("Constraint"), var model = tables[table],
                let index = model.columns.firstIndex(where: { $0.name == columnName })
            else { throw fallback("ADD IDENTITY on a column that does not exist here") }
            guard model.columns[index].isNotNull, model.columns[index].defaultExpression == nil, model.columns[index].generatedExpression == nil else {
                throw fallback("ADD IDENTITY on a column the server refuses it for")
            }
            try makeIdentity(&model.columns[index], constraint, table: table)
            tables[table] = model
        case "AT_SetNotNull", "AT_DropNotNull":
            guard let columnName else { return }
            if subtype == "AT_DropNotNull", tables[table]?.primaryKey?.columns.contains(columnName) == true {
                throw fallback("column \(columnName) is in a primary key")
            }
            try changeColumn(columnName, of: table) { $0.isNotNull = subtype == "AT_SetNotNull" }
        case "AT_AddConstraint":
            guard let constraint = command["def"]?.node("Constraint") else { throw fallback("ADD CONSTRAINT without a definition") }
            var model = try takeTable(table)
            defer { tables[table] = model }
            try addConstraint(constraint, to: &model, column: nil, only: only)
        case "AT_DropConstraint":
            guard let name = columnName, tables[table]?.constraints.contains(name) == true else {
                if command["missing_ok"]?.bool == true { return }
                throw fallback("constraint \(columnName ?? "") does not exist")
            }
            if let key = tables[table]?.constraints[name], key.kind == .primaryKey || key.kind == .unique {
                let leaning = tables.values.contains { other in
                    other.constraints.contains { $0.references?.table == table && Set($0.references?.columns ?? []) == Set(key.columns) }
                }
                guard !leaning else { throw fallback("dropping key \(name) would drop foreign keys leaning on it") }
            }
            _ = tables[table]?.constraints.remove(name)
            releaseConstraintName(QualifiedName(table.schema, name))
        case "AT_ValidateConstraint":
            guard let name = columnName, var constraint = tables[table]?.constraints[name] else {
                throw fallback("constraint \(columnName ?? "") does not exist")
            }
            constraint.isValidated = true
            tables[table]?.constraints.upsert(constraint)
        case "AT_SetStatistics", "AT_SetStorage", "AT_SetCompression":
            guard let columnName, let column = tables[table]?.column(named: columnName) else {
                throw fallback("ALTER TABLE \(subtype.dropFirst(3)) of a column that does not exist here")
            }
            let setting = try columnSetting(subtype, command["def"], statistics: statistics, of: column)
            try changeColumn(columnName, of: table, setting)
        case "AT_ReplicaIdentity":
            // USING INDEX is left to the server: the flag follows the index through renames and drops.
            let identity: ReplicaIdentity?
            switch command["def"]?.node("ReplicaIdentityStmt")?["identity_type"]?.string {
            case "d": identity = nil
            case "f": identity = .full
            case "n": identity = .nothing
            default: throw fallback("REPLICA IDENTITY USING INDEX is not read offline")
            }
            tables[table]?.replicaIdentity = identity
        case "AT_ChangeOwner":
            break  // owners are not modelled (grants, which name them, are compared through the server)
        case "AT_EnableTrig", "AT_DisableTrig", "AT_EnableAlwaysTrig", "AT_EnableReplicaTrig", "AT_EnableTrigAll", "AT_DisableTrigAll",
            "AT_EnableTrigUser", "AT_DisableTrigUser":
            try enableTrigger(subtype, name: columnName, of: table)
        case "AT_EnableRowSecurity": tables[table]?.rowLevelSecurity = true
        case "AT_DisableRowSecurity": tables[table]?.rowLevelSecurity = false
        case "AT_ForceRowSecurity": tables[table]?.forceRowLevelSecurity = true
        case "AT_NoForceRowSecurity": tables[table]?.forceRowLevelSecurity = false
        default:
            throw fallback("ALTER TABLE \(subtype.dropFirst(3)) is not read offline")
        }
    }

    /// SET STATISTICS n, SET STORAGE s, SET COMPRESSION c of `column`, as the server stores them: a
    /// storage equal to the type's is none, a statistics target above 10000 is 10000. What the server
    /// would refuse, or a type whose storage is not known here, defers.
    private func columnSetting(_ subtype: String, _ argument: ParseNode?, statistics: Int?, of column: Column) throws -> (inout Column) -> Void {
        switch subtype {
        case "AT_SetStatistics":
            // -1 is the default; the server refuses anything below it.
            guard let value = statistics ?? argument?.node("Integer")?["ival"]?.int, value >= -1 else {
                throw fallback("SET STATISTICS with a target the server refuses")
            }
            let target = min(value, 10000)
            return { $0.statisticsTarget = target == -1 ? nil : target }
        case "AT_SetStorage":
            guard let word = argument?.node("String")?["sval"]?.string, let storage = ColumnStorage(rawValue: word.lowercased()),
                let typeDefault = ColumnStorage.typeDefault(column.type)
            else { throw fallback("SET STORAGE of a column whose type's storage is not known here") }
            guard typeDefault != .plain || storage == .plain else { throw fallback("SET STORAGE the server refuses for a fixed-width type") }
            return { $0.storage = storage == typeDefault ? nil : storage }
        default:
            guard let word = argument?.node("String")?["sval"]?.string else { throw fallback("SET COMPRESSION without a method") }
            let compression = try compressionMethod(word, type: column.type)
            return { $0.compression = compression }
        }
    }

    /// `pglz` / `lz4` as the column keeps it, nil for `default`; on a type that cannot be compressed
    /// (PLAIN storage) the server refuses it, so that defers.
    func compressionMethod(_ word: String, type: DataType) throws -> String? {
        guard let storage = ColumnStorage.typeDefault(type), storage != .plain else {
            throw fallback("COMPRESSION on a column whose type is not known here to be compressible")
        }
        switch word.lowercased() {
        case "default": return nil
        case "pglz", "lz4": return word.lowercased()
        default: throw fallback("compression method \(word) is not read offline")
        }
    }

    private mutating func changeColumn(_ name: String, of table: QualifiedName, _ change: (inout Column) -> Void) throws {
        guard let index = tables[table]?.columns.firstIndex(where: { $0.name == name }) else {
            throw fallback("column \(name) does not exist")
        }
        change(&tables[table]!.columns[index])
    }

    /// Drops a column and the keys, foreign keys and indexes built on it, as the server does. Checks and
    /// expression indexes may read it too; which ones only the server can tell, so those fall back.
    private mutating func dropColumn(_ name: String, of table: QualifiedName) throws {
        guard var model = tables[table] else { return }
        guard !model.expressionsRead(name) else { throw fallback("dropping column \(name), which a check, index, policy or trigger condition reads") }
        guard !model.triggers.contains(where: { $0.updateColumns.contains(name) }) else {
            throw fallback("dropping column \(name), which a trigger's UPDATE OF names")
        }
        let leaning = tables.values.contains { other in
            other.constraints.contains { $0.references?.table == table && $0.references?.columns.contains(name) == true }
        }
        guard !leaning else { throw fallback("dropping column \(name) would drop foreign keys of other tables") }
        model.columns.removeAll { $0.name == name }
        for (sequence, owned) in sequences where owned.ownedBy == SequenceOwner(table: table, column: name) {
            sequences[sequence] = nil
        }
        for (sequence, owner) in identitySequences where owner == SequenceOwner(table: table, column: name) { identitySequences[sequence] = nil }
        for constraint in model.constraints where constraint.columns.contains(name) {
            _ = model.constraints.remove(constraint.name)
            releaseConstraintName(QualifiedName(table.schema, constraint.name))
        }
        for index in model.indexes where index.uses([name]) {
            _ = model.indexes.remove(index.name)
            indexOwners[QualifiedName(table.schema, index.name)] = nil
        }
        tables[table] = model
    }
}

extension Table {
    /// Whether a check, index predicate or expression, policy or trigger condition reads `column` (or
    /// cannot be parsed to tell).
    func expressionsRead(_ column: String) -> Bool {
        let expressions = constraints.compactMap { $0.kind == .check ? $0.expression : nil }
            + indexes.flatMap { index in [index.predicate].compactMap { $0 } + index.keys.compactMap(\.expression) }
            + triggers.compactMap(\.when) + policies.flatMap { [$0.using, $0.withCheck].compactMap { $0 } }
        return expressions.contains { ExpressionMeaning.columns(in: $0)?.contains(column) ?? true }
    }
}
