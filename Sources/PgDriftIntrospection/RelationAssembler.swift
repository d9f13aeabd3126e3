import PgDriftModel
import PgDriftPostgres

/// Joins the per-kind query results into tables, views and composite types, by relation oid —
/// one dictionary lookup per row, so assembling is linear in the schema's size.
struct RelationAssembler {
    private var relations: [UInt32: RelationsQuery.Relation] = [:]
    private var order: [UInt32] = []
    /// Each relation's columns; a table takes its array as it is (no copy: 200,000 columns are the
    /// bulk of a big catalog's memory).
    private var columns: [UInt32: RelationColumns] = [:]
    /// A column's name and collation by relation and attribute number (`nil` for a dropped column), for
    /// every relation the columns query read — also those left out of the model, which foreign keys
    /// may reference.
    private var columnSlots: [UInt32: [(name: String, collation: UInt32)?]] = [:]
    private var constraints: [UInt32: [Constraint]] = [:]
    private var indexes: [UInt32: [Index]] = [:]
    private var policies: [UInt32: [Policy]] = [:]
    private var triggers: [UInt32: [Trigger]] = [:]

    init(relations: [RelationsQuery.Relation]) {
        for relation in relations {
            self.relations[relation.oid] = relation
            order.append(relation.oid)
        }
    }

    /// The attribute counts of the relations, to size their column arrays (`ColumnsQuery.read`).
    var attributeCounts: [UInt32: Int] { relations.mapValues(\.attributeCount) }

    mutating func attach(columns read: [UInt32: RelationColumns]) {
        for (oid, relation) in read {
            var slots = [(name: String, collation: UInt32)?](repeating: nil, count: relation.numbers.last ?? 0)
            for (position, number) in relation.numbers.enumerated() where number > 0 {
                slots[number - 1] = (relation.columns[position].name, relation.typeKeys[position].collation)
            }
            columnSlots[oid] = slots
        }
        columns = read.filter { relations[$0.key] != nil }
    }

    /// The names of attribute numbers of relation `oid`; a number that names no column read is an error
    /// (the catalog changed under a snapshot that should not let it).
    func names(_ numbers: [Int], of oid: UInt32) throws -> [String] {
        try numbers.map { try slot(number: $0, of: oid).name }
    }

    private func slot(number: Int, of oid: UInt32) throws -> (name: String, collation: UInt32) {
        let slots = columnSlots[oid] ?? []
        guard number > 0, number <= slots.count, let slot = slots[number - 1] else {
            throw PostgresError(kind: .protocolViolation, message: "relation \(oid) has no column number \(number)")
        }
        return slot
    }

    mutating func attach(constraints entries: [ConstraintsQuery.Entry]) throws {
        for entry in entries where relations[entry.relationOID] != nil {
            var constraint = entry.constraint
            constraint.columns = try names(entry.columnNumbers, of: entry.relationOID)
            if !entry.deleteSetNumbers.isEmpty {
                constraint.references?.deleteSetColumns = try names(entry.deleteSetNumbers, of: entry.relationOID)
            }
            if !entry.referencedNumbers.isEmpty {
                constraint.references?.columns = try names(entry.referencedNumbers, of: entry.referencedOID)
            }
            constraints[entry.relationOID, default: []].append(constraint)
        }
    }

    mutating func attach(indexes entries: [IndexesQuery.Entry], keys: [IndexKeysQuery.Entry]) throws {
        var keysByIndex: [UInt32: [IndexKey]] = [:]
        for entry in keys where relations[entry.relationOID] != nil {
            var key = entry.key
            var columnCollation: UInt32?
            if entry.columnNumber > 0 {
                let slot = try slot(number: entry.columnNumber, of: entry.relationOID)
                key.column = slot.name
                columnCollation = slot.collation
            }
            key.collation = entry.explicitCollation(columnCollation: columnCollation)
            keysByIndex[entry.indexOID, default: []].append(key)
        }
        for entry in entries where relations[entry.relationOID] != nil {
            var index = entry.index
            let all = keysByIndex[entry.oid] ?? []
            index.keys = Array(all.prefix(entry.keyCount))
            index.include = all.dropFirst(entry.keyCount).compactMap(\.column)
            indexes[entry.relationOID, default: []].append(index)
        }
    }

    mutating func attach(policies entries: [(relationOID: UInt32, policy: Policy)]) {
        for entry in entries where relations[entry.relationOID] != nil {
            policies[entry.relationOID, default: []].append(entry.policy)
        }
    }

    mutating func attach(triggers entries: [(relationOID: UInt32, trigger: Trigger)]) {
        for entry in entries where relations[entry.relationOID] != nil {
            triggers[entry.relationOID, default: []].append(entry.trigger)
        }
    }

    /// Builds the model objects and adds them to `catalog`.
    func finish(into catalog: inout Catalog) {
        for oid in order {
            var relation = relations[oid]!
            let entries = columns[oid] ?? RelationColumns(capacity: 0)
            if !entries.grants.isEmpty { relation.grants = (relation.grants + entries.grants).sorted() }
            switch relation.kind {
            case "r", "p":
                catalog.tables.upsert(table(relation, entries))
            case "v", "m":
                catalog.views.upsert(view(relation, entries))
            default:
                var type = CompositeType(
                    name: relation.name,
                    attributes: entries.columns.map {
                        CompositeAttribute(name: $0.name, type: $0.type, collation: $0.collation)
                    },
                    comment: relation.comment)
                type.grants = relation.grants
                catalog.compositeTypes.upsert(type)
            }
        }
    }

    private func table(_ relation: RelationsQuery.Relation, _ entries: RelationColumns) -> Table {
        let isChild = relation.isPartition || !relation.parents.isEmpty
        return Table(
            name: relation.name,
            kind: relation.kind == "p" ? .partitioned : .ordinary,
            isUnlogged: relation.isUnlogged,
            partitionKey: relation.partitionKey,
            partitionOf: relation.isPartition ? relation.parents.first : nil,
            partitionBound: relation.partitionBound,
            inherits: relation.isPartition ? [] : relation.parents,
            // A partition's or child's inherited columns are its parent's; keep only its own.
            columns: isChild ? entries.columns.indices.filter { entries.isLocal[$0] }.map { entries.columns[$0] } : entries.columns,
            constraints: ObjectSet(constraints[relation.oid] ?? []),
            indexes: ObjectSet(indexes[relation.oid] ?? []),
            rowLevelSecurity: relation.rls,
            forceRowLevelSecurity: relation.forceRLS,
            policies: ObjectSet(policies[relation.oid] ?? []),
            triggers: ObjectSet(triggers[relation.oid] ?? []),
            options: relation.options,
            comment: relation.comment,
            grants: relation.grants,
            replicaIdentity: relation.replicaIdentity, clusterOn: relation.clusterOn, accessMethod: relation.accessMethod)
    }

    private func view(_ relation: RelationsQuery.Relation, _ entries: RelationColumns) -> View {
        View(
            name: relation.name,
            isMaterialized: relation.kind == "m",
            definition: relation.viewDefinition ?? "",
            options: relation.options,
            columns: entries.columns.map { ViewColumn(name: $0.name, type: $0.type, comment: $0.comment) },
            indexes: ObjectSet(indexes[relation.oid] ?? []),
            triggers: ObjectSet(triggers[relation.oid] ?? []),
            comment: relation.comment,
            grants: relation.grants,
            dependsOn: relation.viewDependencies)
    }
}
