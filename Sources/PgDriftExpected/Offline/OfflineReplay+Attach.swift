import PgDriftModel
import PgDriftSQL

/// Partitions the way pg_dump writes them: a plain table, `ALTER TABLE ONLY parent ATTACH PARTITION`,
/// keys and indexes made on the parent with ONLY and on each partition, then
/// `ALTER INDEX parent_index ATTACH PARTITION partition_index`. Once attached, a partition's columns,
/// checks, keys and indexes are its parent's copies, which the model (as introspection) leaves out.
extension OfflineReplay {
    /// `ALTER TABLE parent ATTACH PARTITION child FOR VALUES ...`, for a child with the parent's columns
    /// and checks, while the parent has no keys, indexes or foreign keys (those would be copied or
    /// matched onto the child).
    mutating func attachPartition(to parent: QualifiedName, _ command: ParseNode) throws {
        guard let partition = command["def"]?.node("PartitionCmd"), let childVar = partition["name"], let child = existingTable(childVar),
            let bound = partition["bound"], let keyColumns = partitionKeys[parent], let parentModel = tables[parent], var model = tables[child]
        else { throw fallback("ATTACH PARTITION of a table that does not exist here, or to one that is not partitioned") }
        guard model.partitionOf == nil, partitionKeys[child] == nil, model.inherits.isEmpty, model.isUnlogged == parentModel.isUnlogged else {
            throw fallback("attaching a partition, a partitioned table or a table of other persistence is not read offline")
        }
        guard parentModel.constraints.allSatisfy({ $0.kind == .check }), parentModel.indexes.isEmpty,
            model.constraints.allSatisfy({ $0.kind == .check }), model.indexes.isEmpty
        else { throw fallback("attaching a partition while either table has keys or indexes is not read offline") }
        // The same columns, by name and type; NOT NULL where the parent has it.
        guard model.columns.count == parentModel.columns.count, parentModel.columns.allSatisfy({ column in
            model.column(named: column.name).map {
                $0.type == column.type && $0.collation == column.collation && (!column.isNotNull || $0.isNotNull)
                    && $0.identity == nil && ($0.generatedExpression == nil) == (column.generatedExpression == nil)
            } ?? false
        }) else { throw fallback("attaching a partition whose columns are not its parent's") }
        // Each of the parent's checks must be on the child already; it becomes the parent's copy.
        for check in parentModel.constraints {
            guard let own = model.constraints[check.name], own.kind == .check, ExpressionMeaning.same(own.expression ?? "", check.expression ?? "") else {
                throw fallback("attaching a partition without the check \(check.name) of its parent")
            }
            _ = model.constraints.remove(check.name)
        }
        model.columns = []
        model.partitionOf = parent
        model.partitionBound = try boundText(bound, keyTypes: keyColumns.map { parentModel.column(named: $0)?.type })
        tables[child] = model
    }

    /// `ALTER INDEX parent_index ATTACH PARTITION partition_index`: the partition's key or index, made
    /// to match the parent's, becomes the parent's copy.
    mutating func attachIndexPartition(_ node: ParseNode) throws {
        let commands = (node["cmds"]?.elements ?? []).compactMap { $0.node("AlterTableCmd") }
        guard commands.count == 1, commands[0]["subtype"]?.isString("AT_AttachPartition") == true, let rangeVar = node["relation"],
            let childVar = commands[0]["def"]?.node("PartitionCmd")?["name"],
            let parentIndex = existing(schema: rangeVar["schemaname"]?.string, name: rangeVar["relname"]?.string ?? "", in: { indexOwners[$0] != nil }),
            let childIndex = existing(schema: childVar["schemaname"]?.string, name: childVar["relname"]?.string ?? "", in: { indexOwners[$0] != nil }),
            let parent = indexOwners[parentIndex], let child = indexOwners[childIndex], tables[child]?.partitionOf == parent,
            let parentModel = tables[parent], var model = tables[child]
        else { throw fallback("ALTER INDEX other than ATTACH PARTITION of a partition's index is not read offline") }
        if let key = parentModel.constraints[parentIndex.name] {
            guard let own = model.constraints[childIndex.name], own.kind == key.kind, own.columns == key.columns else {
                throw fallback("attaching index \(childIndex) that does not match \(parentIndex)")
            }
            _ = model.constraints.remove(childIndex.name)
        } else if let index = parentModel.indexes[parentIndex.name] {
            guard let own = model.indexes[childIndex.name], own.sameDefinition(as: index) else {
                throw fallback("attaching index \(childIndex) that does not match \(parentIndex)")
            }
            _ = model.indexes.remove(childIndex.name)
        } else {
            throw fallback("index \(parentIndex) is not read offline")
        }
        tables[child] = model
        indexOwners[childIndex] = nil
        partitionIndexNames[childIndex] = child
    }
}
