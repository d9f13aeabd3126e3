import PgDriftModel
import PgDriftSQL

extension OfflineReplay {
    /// `ALTER ... RENAME` of tables, columns, constraints and indexes.
    mutating func rename(_ node: ParseNode) throws {
        guard let newName = node["newname"]?.string, let type = node["renameType"]?.string else { return }
        switch type {
        case "OBJECT_TABLE":
            guard let rangeVar = node["relation"], let old = existingTable(rangeVar) else {
                if node["missing_ok"]?.bool == true { return }
                throw fallback("table does not exist")
            }
            let renamed = QualifiedName(old.schema, newName)
            guard !isNameTaken(renamed) else { throw fallback("\(renamed) already exists") }
            try refuseIfViewsRead(old, "renaming \(old)")
            guard var table = tables.removeValue(forKey: old) else { return }
            table.name = renamed
            tables[renamed] = table
            for (index, owner) in indexOwners where owner == old { indexOwners[index] = renamed }
            // Partitions name their parent; the key moves with the table.
            for partition in tables.values where partition.partitionOf == old { tables[partition.name]?.partitionOf = renamed }
            if let key = partitionKeys.removeValue(forKey: old) { partitionKeys[renamed] = key }
            for (index, partition) in partitionIndexNames where partition == old { partitionIndexNames[index] = renamed }
            for (sequence, model) in sequences where model.ownedBy?.table == old { sequences[sequence]?.ownedBy?.table = renamed }
            for (sequence, owner) in identitySequences where owner.table == old { identitySequences[sequence]?.table = renamed }
            // Foreign keys (this table's own included) follow the table.
            for name in Array(tables.keys) {
                tables[name]?.constraints.modifyEach { constraint in
                    if constraint.references?.table == old { constraint.references?.table = renamed }
                }
            }
        case "OBJECT_COLUMN":
            guard node["relationType"].map({ $0.isString("OBJECT_TABLE") }) ?? true, let rangeVar = node["relation"],
                let table = existingTable(rangeVar), let old = node["subname"]?.string
            else { throw fallback("RENAME COLUMN of something other than a table") }
            guard partitionKeys[table] == nil, tables[table]?.partitionOf == nil else {
                throw fallback("RENAME COLUMN of a partitioned table or partition is not read offline")
            }
            try refuseIfViewsRead(table, "renaming a column of \(table)")
            try renameColumn(old, to: newName, of: table)
        case "OBJECT_TABCONSTRAINT":
            guard let rangeVar = node["relation"], let table = existingTable(rangeVar), let old = node["subname"]?.string,
                var constraint = tables[table]?.constraints.remove(old)
            else { throw fallback("constraint does not exist") }
            releaseConstraintName(QualifiedName(table.schema, old))
            constraint.name = newName
            tables[table]?.constraints.upsert(constraint)
            constraintNames[QualifiedName(table.schema, newName), default: 0] += 1
            if constraint.kind == .primaryKey || constraint.kind == .unique { indexOwners[QualifiedName(table.schema, newName)] = table }
        case "OBJECT_POLICY":
            guard let rangeVar = node["relation"], let table = existingTable(rangeVar), let old = node["subname"]?.string,
                var policy = tables[table]?.policies.remove(old)
            else { throw fallback("policy does not exist here") }
            policy.name = newName
            tables[table]?.policies.upsert(policy)
        case "OBJECT_SEQUENCE":
            guard let rangeVar = node["relation"],
                let old = existing(schema: rangeVar["schemaname"]?.string, name: rangeVar["relname"]?.string ?? "", in: { sequences[$0] != nil }),
                var sequence = sequences.removeValue(forKey: old)
            else {
                if node["missing_ok"]?.bool == true { return }
                throw fallback("sequence does not exist here")
            }
            let renamed = QualifiedName(old.schema, newName)
            guard !isNameTaken(renamed), !isUserType(renamed) else { throw fallback("\(renamed) already exists") }
            sequence.name = renamed
            sequences[renamed] = sequence
            // The server prints a default's regclass by the sequence's current name.
            for name in Array(tables.keys) {
                guard var table = tables[name] else { continue }
                for i in table.columns.indices where table.columns[i].defaultExpression == Self.nextval(old) {
                    table.columns[i].defaultExpression = Self.nextval(renamed)
                }
                tables[name] = table
            }
        case "OBJECT_TYPE", "OBJECT_DOMAIN":
            try renameType(node["object"], to: newName, isDomain: type == "OBJECT_DOMAIN")
        case "OBJECT_FUNCTION", "OBJECT_PROCEDURE", "OBJECT_ROUTINE":
            try renameFunction(node["object"]?.node("ObjectWithArgs"), to: newName)
        case "OBJECT_TRIGGER":
            guard let rangeVar = node["relation"], let table = existingTable(rangeVar), let old = node["subname"]?.string,
                tables[table]?.triggers.contains(newName) == false, var trigger = tables[table]?.triggers.remove(old)
            else { throw fallback("trigger does not exist here") }
            trigger.name = newName
            tables[table]?.triggers.upsert(trigger)
        case "OBJECT_INDEX":
            guard let rangeVar = node["relation"],
                let old = existing(schema: rangeVar["schemaname"]?.string, name: rangeVar["relname"]?.string ?? "", in: { indexOwners[$0] != nil }),
                let table = indexOwners[old], var index = tables[table]?.indexes.remove(old.name)
            else { throw fallback("ALTER INDEX RENAME of an index behind a key is not read offline") }
            indexOwners[old] = nil
            index.name = newName
            tables[table]?.indexes.upsert(index)
            indexOwners[QualifiedName(old.schema, newName)] = table
        case "OBJECT_VIEW", "OBJECT_MATVIEW":
            try renameView(node, to: newName, materialized: type == "OBJECT_MATVIEW")
        default:
            throw fallback("RENAME of \(type.dropFirst(7)) is not read offline")
        }
    }

    /// `ALTER TYPE | DOMAIN ... RENAME TO`: columns, domains and attributes follow (they hold the type,
    /// not its name); a routine's printed signature holds the name, so a type routines use falls back.
    private mutating func renameType(_ object: ParseNode?, to newName: String, isDomain: Bool) throws {
        let names = object?.node("List")?["items"]?.strings ?? object?.node("TypeName")?["names"]?.strings ?? []
        let (schema, name) = try parts(names)
        guard let old = existing(schema: schema, name: name, in: { isDomain ? domains[$0] != nil : enums[$0] != nil || compositeTypes[$0] != nil }) else {
            throw fallback("type \(name) does not exist here")
        }
        let renamed = QualifiedName(old.schema, newName)
        guard !isUserType(renamed), !isNameTaken(renamed), tables[renamed] == nil else { throw fallback("type \(renamed) already exists") }
        let spelled = SQLQuote.qualified(old)
        guard !functions.values.contains(where: { $0.arguments.contains(spelled) || $0.returnType?.contains(spelled) == true }) else {
            throw fallback("renaming type \(old), which a routine's signature names")
        }
        if var type = enums.removeValue(forKey: old) { type.name = renamed; enums[renamed] = type }
        if var type = domains.removeValue(forKey: old) { type.name = renamed; domains[renamed] = type }
        if var type = compositeTypes.removeValue(forKey: old) { type.name = renamed; compositeTypes[renamed] = type }
        func follow(_ type: inout DataType) {
            if type.schema == old.schema && type.name == old.name { type.name = newName }
        }
        for key in Array(tables.keys) {
            guard var table = tables[key] else { continue }
            for i in table.columns.indices { follow(&table.columns[i].type) }
            tables[key] = table
        }
        for key in Array(domains.keys) { follow(&domains[key]!.baseType) }
        for key in Array(compositeTypes.keys) {
            compositeTypes[key]!.attributes = compositeTypes[key]!.attributes.map { var a = $0; follow(&a.type); return a }
        }
    }

    /// Renames a column where it is named: the table, its keys and indexes, foreign keys pointing at it.
    /// Checks and expressions spell it inside their text, so tables with those fall back.
    private mutating func renameColumn(_ old: String, to new: String, of table: QualifiedName) throws {
        guard var model = tables[table], let position = model.columns.firstIndex(where: { $0.name == old }) else {
            throw fallback("column \(old) does not exist")
        }
        guard model.column(named: new) == nil else { throw fallback("column \(new) already exists") }
        guard !model.expressionsRead(old) else { throw fallback("renaming column \(old), which a check, index, policy or trigger condition reads") }
        model.columns[position].name = new
        model.constraints.modifyEach { constraint in
            constraint.columns = constraint.columns.map { $0 == old ? new : $0 }
        }
        model.indexes.modifyEach { index in
            for i in index.keys.indices where index.keys[i].column == old { index.keys[i].column = new }
            index.include = index.include.map { $0 == old ? new : $0 }
        }
        // Triggers keep column numbers, so UPDATE OF follows the rename.
        model.triggers.modifyEach { trigger in trigger.updateColumns = trigger.updateColumns.map { $0 == old ? new : $0 } }
        tables[table] = model
        for (sequence, owned) in sequences where owned.ownedBy == SequenceOwner(table: table, column: old) {
            sequences[sequence]?.ownedBy?.column = new
        }
        for (sequence, owner) in identitySequences where owner == SequenceOwner(table: table, column: old) {
            identitySequences[sequence]?.column = new
        }
        for name in Array(tables.keys) {
            tables[name]?.constraints.modifyEach { constraint in
                guard var reference = constraint.references, reference.table == table else { return }
                reference.columns = reference.columns.map { $0 == old ? new : $0 }
                constraint.references = reference
            }
        }
    }

    /// `DROP TABLE | INDEX | TYPE | SCHEMA`.
    mutating func drop(_ node: ParseNode) throws {
        let type = node["removeType"]?.string ?? ""
        let missingOK = node["missing_ok"]?.bool == true
        for object in node["objects"]?.elements ?? [] {
            switch type {
            case "OBJECT_TABLE":
                let (schema, name) = try parts(object.node("List")?["items"]?.strings ?? [])
                guard let table = existing(schema: schema, name: name, in: { tables[$0] != nil }) else {
                    if missingOK { continue }
                    throw fallback("table \(name) does not exist")
                }
                try refuseIfViewsRead(table, "dropping \(table)")
                try dropTable(table)
            case "OBJECT_VIEW", "OBJECT_MATVIEW":
                try dropView(object.node("List")?["items"]?.strings ?? [], materialized: type == "OBJECT_MATVIEW", missingOK: missingOK)
            case "OBJECT_INDEX":
                let (schema, name) = try parts(object.node("List")?["items"]?.strings ?? [])
                guard let index = existing(schema: schema, name: name, in: { indexOwners[$0] != nil }),
                    let table = indexOwners[index], tables[table]?.indexes.contains(index.name) == true
                else {
                    if missingOK { continue }
                    throw fallback("index \(name) does not exist here")
                }
                guard partitionKeys[table] == nil else { throw fallback("dropping an index of a partitioned table is not read offline") }
                _ = tables[table]?.indexes.remove(index.name)
                indexOwners[index] = nil
            case "OBJECT_TYPE", "OBJECT_DOMAIN":
                let (schema, name) = try parts(object.node("TypeName")?["names"]?.strings ?? [])
                let isDomain = type == "OBJECT_DOMAIN"
                guard let found = existing(schema: schema, name: name, in: { isDomain ? domains[$0] != nil : enums[$0] != nil || compositeTypes[$0] != nil }) else {
                    if missingOK { continue }
                    throw fallback("type \(name) is not read offline")
                }
                guard !isTypeUsed(found) else { throw fallback("dropping type \(found), which columns, types or functions use") }
                for check in domains[found]?.checks ?? [] { releaseConstraintName(QualifiedName(found.schema, check.name)) }
                enums[found] = nil
                domains[found] = nil
                compositeTypes[found] = nil
            case "OBJECT_SEQUENCE":
                let (schema, name) = try parts(object.node("List")?["items"]?.strings ?? [])
                guard let sequence = existing(schema: schema, name: name, in: { sequences[$0] != nil }) else {
                    if missingOK { continue }
                    throw fallback("sequence \(name) does not exist")
                }
                try dropSequence(sequence)
            case "OBJECT_FUNCTION", "OBJECT_PROCEDURE", "OBJECT_ROUTINE":
                try dropFunction(object, missingOK: missingOK)
            case "OBJECT_TRIGGER":
                try dropTrigger(object.node("List")?["items"]?.strings ?? [], missingOK: missingOK)
            case "OBJECT_POLICY":
                try dropPolicy(object.node("List")?["items"]?.strings ?? [], missingOK: missingOK)
            case "OBJECT_EXTENSION":
                guard let name = object.node("String")?["sval"]?.string else { continue }
                try dropExtension(name, missingOK: missingOK)
            case "OBJECT_SCHEMA":
                guard let schema = object.node("String")?["sval"]?.string else { continue }
                guard schemas[schema] != nil else {
                    if missingOK { continue }
                    throw fallback("schema \(schema) does not exist")
                }
                let holdsObjects = tables.keys.contains { $0.schema == schema } || enums.keys.contains { $0.schema == schema }
                    || sequences.keys.contains { $0.schema == schema } || functions.keys.contains { $0.name.schema == schema }
                    || domains.keys.contains { $0.schema == schema } || compositeTypes.keys.contains { $0.schema == schema }
                    || extensions.values.contains { $0.schema == schema }
                guard !holdsObjects else { throw fallback("dropping schema \(schema) with objects in it") }
                schemas[schema] = nil
            default:
                throw fallback("DROP \(type.dropFirst(7)) is not read offline")
            }
        }
    }
}
