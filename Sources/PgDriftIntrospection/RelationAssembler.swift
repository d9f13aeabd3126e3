import PgDriftModel

/// Joins the per-kind query results into tables, views and composite types, by relation oid —
/// one dictionary lookup per row, so assembling is linear in the schema's size.
struct RelationAssembler {
    private var relations: [UInt32: RelationsQuery.Relation] = [:]
    private var order: [UInt32] = []
    private var columns: [UInt32: [ColumnsQuery.Entry]] = [:]
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

    mutating func attach(columns entries: [ColumnsQuery.Entry]) {
        for entry in entries where relations[entry.relationOID] != nil {
            columns[entry.relationOID, default: []].append(entry)
        }
    }

    mutating func attach(constraints entries: [(relationOID: UInt32, constraint: Constraint)]) {
        for entry in entries where relations[entry.relationOID] != nil {
            constraints[entry.relationOID, default: []].append(entry.constraint)
        }
    }

    mutating func attach(indexes entries: [IndexesQuery.Entry], keys: [IndexKeysQuery.Entry]) {
        var keysByIndex: [UInt32: [IndexKeysQuery.Entry]] = [:]
        for key in keys { keysByIndex[key.indexOID, default: []].append(key) }
        for entry in entries where relations[entry.relationOID] != nil {
            var index = entry.index
            let all = keysByIndex[entry.oid] ?? []
            index.keys = all.prefix(entry.keyCount).map(\.key)
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
            let relation = relations[oid]!
            let entries = columns[oid] ?? []
            switch relation.kind {
            case "r", "p":
                catalog.tables.upsert(table(relation, entries))
            case "v", "m":
                catalog.views.upsert(view(relation, entries))
            default:
                catalog.compositeTypes.upsert(
                    CompositeType(
                        name: relation.name,
                        attributes: entries.map {
                            CompositeAttribute(name: $0.column.name, type: $0.column.type, collation: $0.column.collation)
                        },
                        comment: relation.comment))
            }
        }
    }

    private func table(_ relation: RelationsQuery.Relation, _ entries: [ColumnsQuery.Entry]) -> Table {
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
            columns: entries.filter { !isChild || $0.isLocal }.map(\.column),
            constraints: ObjectSet(constraints[relation.oid] ?? []),
            indexes: ObjectSet(indexes[relation.oid] ?? []),
            rowLevelSecurity: relation.rls,
            forceRowLevelSecurity: relation.forceRLS,
            policies: ObjectSet(policies[relation.oid] ?? []),
            triggers: ObjectSet(triggers[relation.oid] ?? []),
            options: relation.options,
            comment: relation.comment,
            grants: relation.grants)
    }

    private func view(_ relation: RelationsQuery.Relation, _ entries: [ColumnsQuery.Entry]) -> View {
        View(
            name: relation.name,
            isMaterialized: relation.kind == "m",
            definition: relation.viewDefinition ?? "",
            options: relation.options,
            columns: entries.map { ViewColumn(name: $0.column.name, type: $0.column.type, comment: $0.column.comment) },
            indexes: ObjectSet(indexes[relation.oid] ?? []),
            triggers: ObjectSet(triggers[relation.oid] ?? []),
            comment: relation.comment,
            grants: relation.grants,
            dependsOn: relation.viewDependencies)
    }
}
