import PgDriftModel
import PgDriftSQL

extension SourceMapRecorder {
    /// `CREATE SCHEMA`, and the objects created inside it by the same statement.
    mutating func recordCreateSchema(_ node: ParseNode, at statement: SourceLocation) {
        guard let schema = node["schemaname"]?.string else { return }
        let id = ObjectID(kind: .schema, schema: schema, name: schema)
        if standalone[id] != nil, node["if_not_exists"]?.bool == true { return }
        standalone[id] = statement
        let elements = node["schemaElts"]?.elements ?? []
        guard !elements.isEmpty else { return }
        let saved = searchPath
        searchPath = [schema]
        for element in elements {
            if let (tag, body) = element.tagged { record(tag, body, at: statement) }
        }
        searchPath = saved
    }

    /// `CREATE INDEX`, named or under the name PostgreSQL makes up (`<table>_<columns>_idx`).
    mutating func recordCreateIndex(_ node: ParseNode, at statement: SourceLocation) {
        guard let rangeVar = node["relation"] else { return }
        let table = existingRelationName(rangeVar)
        let name: String
        if let given = node["idxname"]?.string {
            if indexOwners[QualifiedName(table.schema, given)] != nil, node["if_not_exists"]?.bool == true { return }
            name = given
        } else {
            let columns = (node["indexParams"]?.elements ?? []).compactMap { element in
                element.node("IndexElem").map { key in
                    key["indexcolname"]?.string ?? key["name"]?.string ?? key["expr"].map(IndexColumnNames.name) ?? "expr"
                }
            }
            let isPrimary = node["primary"]?.bool == true
            let label = isPrimary ? "pkey" : node["isconstraint"]?.bool == true ? "key" : "idx"
            name = chooseName(schema: table.schema, table: table.name, columns: isPrimary ? [] : columns, label: label)
        }
        indexOwners[QualifiedName(table.schema, name)] = table
        let here = location(of: rangeVar, or: statement)
        relations[table]?.members[MemberKey(kind: .index, name: name)] = here
    }

    /// Enums (and `ALTER TYPE ... ADD VALUE`, which changes one), domains, composite types, sequences.
    mutating func recordType(_ tag: String, _ node: ParseNode, at statement: SourceLocation) {
        let kind: ObjectKind
        let name: QualifiedName?
        switch tag {
        case "CreateEnumStmt", "AlterEnumStmt":
            kind = .enum
            name = resolveList(node["typeName"]?.strings ?? []) { standalone[ObjectID(kind: .enum, schema: $0.schema, name: $0.name)] != nil }
        case "CreateDomainStmt":
            kind = .domain
            name = resolveList(node["domainname"]?.strings ?? []) { _ in false }
        case "CompositeTypeStmt":
            kind = .compositeType
            name = node["typevar"].map(newRelationName)
        default:
            kind = .sequence
            name = node["sequence"].map(newRelationName)
        }
        guard let name else { return }
        let id = ObjectID(kind: kind, schema: name.schema, name: name.name)
        if standalone[id] != nil, node["if_not_exists"]?.bool == true || node["skipIfNewValExists"]?.bool == true { return }
        standalone[id] = statement
    }

    /// `CREATE [OR REPLACE] VIEW`, `CREATE MATERIALIZED VIEW` and `CREATE TABLE ... AS`.
    mutating func recordView(_ tag: String, _ node: ParseNode, at statement: SourceLocation) {
        let rangeVar: ParseNode?
        var kind = ObjectKind.view
        if tag == "ViewStmt" {
            rangeVar = node["view"]
        } else {
            if node["objtype"]?.isString("OBJECT_TABLE") == true { kind = .table }
            rangeVar = node["into"]?["rel"]
        }
        guard let rangeVar else { return }
        let view = newRelationName(rangeVar)
        if relations[view] != nil, node["if_not_exists"]?.bool == true { return }
        let members = relations[view]?.members ?? [:]
        relations[view] = RelationSources(kind: kind, location: location(of: rangeVar, or: statement), members: members)
    }

    /// `CREATE TRIGGER`, on a table or view.
    mutating func recordTrigger(_ node: ParseNode, at statement: SourceLocation) {
        guard let rangeVar = node["relation"], let name = node["trigname"]?.string else { return }
        let table = existingRelationName(rangeVar)
        relations[table]?.members[MemberKey(kind: .trigger, name: name)] = statement
    }

    /// `CREATE POLICY` and `ALTER POLICY` (the latest change wins).
    mutating func recordPolicy(_ node: ParseNode, at statement: SourceLocation) {
        guard let rangeVar = node["table"], let name = node["policy_name"]?.string else { return }
        let table = existingRelationName(rangeVar)
        relations[table]?.members[MemberKey(kind: .policy, name: name)] = statement
    }

    /// `ALTER ... RENAME`: the object moves to its new name, declared by this statement.
    mutating func recordRename(_ node: ParseNode, at statement: SourceLocation) {
        guard let type = node["renameType"]?.string, let newName = node["newname"]?.string else { return }
        let member: ObjectKind?
        switch type {
        case "OBJECT_TABLE", "OBJECT_VIEW", "OBJECT_MATVIEW", "OBJECT_FOREIGN_TABLE":
            guard let rangeVar = node["relation"] else { return }
            let old = existingRelationName(rangeVar)
            guard var relation = relations[old] else { return }
            let renamed = QualifiedName(old.schema, newName)
            relation.location = statement
            relations[old] = nil
            relations[renamed] = relation
            for (index, owner) in indexOwners where owner == old { indexOwners[index] = renamed }
            for (constraint, owner) in constraintOwners where owner == old { constraintOwners[constraint] = renamed }
            return
        case "OBJECT_INDEX":
            guard let rangeVar = node["relation"] else { return }
            let old = existingRelationName(rangeVar)
            guard let table = indexOwners.removeValue(forKey: old) else { return }
            indexOwners[QualifiedName(old.schema, newName)] = table
            relations[table]?.members[MemberKey(kind: .index, name: old.name)] = nil
            // An index behind a key renames the key with it.
            if relations[table]?.members.removeValue(forKey: MemberKey(kind: .constraint, name: old.name)) != nil {
                relations[table]?.members[MemberKey(kind: .constraint, name: newName)] = statement
            } else {
                relations[table]?.members[MemberKey(kind: .index, name: newName)] = statement
            }
            return
        case "OBJECT_SEQUENCE":
            guard let rangeVar = node["relation"] else { return }
            let old = newRelationName(rangeVar)
            standalone[ObjectID(kind: .sequence, schema: old.schema, name: old.name)] = nil
            standalone[ObjectID(kind: .sequence, schema: old.schema, name: newName)] = statement
            return
        case "OBJECT_SCHEMA":
            guard let old = node["subname"]?.string else { return }
            renameSchema(old, to: newName, at: statement)
            return
        case "OBJECT_TYPE", "OBJECT_DOMAIN":
            let parts = node["object"]?.node("List")?["items"]?.strings ?? node["object"]?.node("TypeName")?["names"]?.strings ?? []
            for kind in [ObjectKind.enum, .domain, .compositeType] {
                guard let old = resolveList(parts, exists: { standalone[ObjectID(kind: kind, schema: $0.schema, name: $0.name)] != nil }),
                    standalone.removeValue(forKey: ObjectID(kind: kind, schema: old.schema, name: old.name)) != nil
                else { continue }
                standalone[ObjectID(kind: kind, schema: old.schema, name: newName)] = statement
            }
            return
        case "OBJECT_FUNCTION", "OBJECT_PROCEDURE", "OBJECT_ROUTINE":
            guard let target = node["object"]?.node("ObjectWithArgs") else { return }
            renameFunction(target, to: newName, at: statement)
            return
        case "OBJECT_COLUMN": member = .column
        case "OBJECT_TABCONSTRAINT": member = .constraint
        case "OBJECT_TRIGGER": member = .trigger
        case "OBJECT_POLICY": member = .policy
        default: member = nil
        }
        guard let member, let rangeVar = node["relation"], let old = node["subname"]?.string else { return }
        let table = existingRelationName(rangeVar)
        guard relations[table]?.members.removeValue(forKey: MemberKey(kind: member, name: old)) != nil else { return }
        relations[table]?.members[MemberKey(kind: member, name: newName)] = statement
        if member == .constraint {
            constraintOwners[QualifiedName(table.schema, old)] = nil
            constraintOwners[QualifiedName(table.schema, newName)] = table
            if indexOwners.removeValue(forKey: QualifiedName(table.schema, old)) != nil {
                indexOwners[QualifiedName(table.schema, newName)] = table
            }
        }
    }

    private mutating func renameSchema(_ old: String, to new: String, at statement: SourceLocation) {
        standalone[ObjectID(kind: .schema, schema: old, name: old)] = nil
        standalone[ObjectID(kind: .schema, schema: new, name: new)] = statement
        var moved: [ObjectID: SourceLocation] = [:]
        for (id, location) in standalone where id.schema == old && id.kind != .schema {
            standalone[id] = nil
            moved[ObjectID(kind: id.kind, schema: new, relation: id.relation, name: id.name)] = location
        }
        standalone.merge(moved) { _, new in new }
        for (name, relation) in relations where name.schema == old {
            relations[name] = nil
            relations[QualifiedName(new, name.name)] = relation
        }
        indexOwners = Dictionary(uniqueKeysWithValues: indexOwners.map { key, owner in
            (key.schema == old ? QualifiedName(new, key.name) : key, owner.schema == old ? QualifiedName(new, owner.name) : owner)
        })
        constraintOwners = Dictionary(uniqueKeysWithValues: constraintOwners.map { key, owner in
            (key.schema == old ? QualifiedName(new, key.name) : key, owner.schema == old ? QualifiedName(new, owner.name) : owner)
        })
        for i in functions.indices where functions[i].schema == old { functions[i].schema = new }
    }

    /// `ALTER TABLE ... SET SCHEMA` (and views, sequences): the relation and its indexes move.
    mutating func recordSetSchema(_ node: ParseNode) {
        guard let newSchema = node["newschema"]?.string, let rangeVar = node["relation"] else { return }
        let old = existingRelationName(rangeVar)
        if let relation = relations.removeValue(forKey: old) {
            let moved = QualifiedName(newSchema, old.name)
            relations[moved] = relation
            for (index, owner) in indexOwners where owner == old {
                indexOwners[index] = nil
                indexOwners[QualifiedName(newSchema, index.name)] = moved
            }
            for (constraint, owner) in constraintOwners where owner == old {
                constraintOwners[constraint] = nil
                constraintOwners[QualifiedName(newSchema, constraint.name)] = moved
            }
        } else if let location = standalone.removeValue(forKey: ObjectID(kind: .sequence, schema: old.schema, name: old.name)) {
            standalone[ObjectID(kind: .sequence, schema: newSchema, name: old.name)] = location
        }
    }

    /// `DROP ...`: forgets the objects, so a later `CREATE ... IF NOT EXISTS` declares them afresh.
    mutating func recordDrop(_ node: ParseNode) {
        guard let type = node["removeType"]?.string else { return }
        for object in node["objects"]?.elements ?? [] {
            switch type {
            case "OBJECT_TABLE", "OBJECT_VIEW", "OBJECT_MATVIEW", "OBJECT_FOREIGN_TABLE":
                let parts = object.node("List")?["items"]?.strings ?? []
                if let name = resolveList(parts, exists: { relations[$0] != nil }) { removeRelation(name) }
            case "OBJECT_INDEX":
                let parts = object.node("List")?["items"]?.strings ?? []
                guard let name = resolveList(parts, exists: { indexOwners[$0] != nil }),
                    let table = indexOwners.removeValue(forKey: name)
                else { continue }
                relations[table]?.members[MemberKey(kind: .index, name: name.name)] = nil
            case "OBJECT_SEQUENCE":
                let parts = object.node("List")?["items"]?.strings ?? []
                if let name = resolveList(parts, exists: { standalone[ObjectID(kind: .sequence, schema: $0.schema, name: $0.name)] != nil }) {
                    standalone[ObjectID(kind: .sequence, schema: name.schema, name: name.name)] = nil
                }
            case "OBJECT_SCHEMA":
                guard let schema = object.node("String")?["sval"]?.string else { continue }
                dropSchema(schema)
            case "OBJECT_TYPE", "OBJECT_DOMAIN":
                let parts = object.node("TypeName")?["names"]?.strings ?? []
                for kind in [ObjectKind.enum, .domain, .compositeType] {
                    if let name = resolveList(parts, exists: { standalone[ObjectID(kind: kind, schema: $0.schema, name: $0.name)] != nil }) {
                        standalone[ObjectID(kind: kind, schema: name.schema, name: name.name)] = nil
                    }
                }
            case "OBJECT_FUNCTION", "OBJECT_PROCEDURE", "OBJECT_ROUTINE":
                if let target = object.node("ObjectWithArgs") { dropFunction(target) }
            case "OBJECT_TRIGGER", "OBJECT_POLICY":
                var parts = object.node("List")?["items"]?.strings ?? []
                guard parts.count >= 2, let member = parts.popLast(),
                    let table = resolveList(parts, exists: { relations[$0] != nil })
                else { continue }
                relations[table]?.members[MemberKey(kind: type == "OBJECT_TRIGGER" ? .trigger : .policy, name: member)] = nil
            default:
                break
            }
        }
    }

    private mutating func dropSchema(_ schema: String) {
        standalone = standalone.filter { $0.key.schema != schema }
        for name in relations.keys where name.schema == schema { relations[name] = nil }
        indexOwners = indexOwners.filter { $0.key.schema != schema }
        constraintOwners = constraintOwners.filter { $0.key.schema != schema }
        functions.removeAll { $0.schema == schema }
    }
}
