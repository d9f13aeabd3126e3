import PgDriftDiff
import PgDriftModel

extension PlanBuilder {
    /// One DROP TABLE for every table the expected schema does not have: one statement, so foreign keys
    /// among them and partitions of them need no ordering.
    mutating func planExtraTables() {
        let extra = actual.tables.filter { !expected.tables.contains($0.name) }
        guard !extra.isEmpty else { return }
        // A partition or child whose parent is dropped too goes with its parent.
        let dropped = Set(extra.map(\.name))
        let names = extra.filter { table in
            !(table.partitionOf.map(dropped.contains) ?? false) && !table.inherits.contains(where: dropped.contains)
        }.map(\.name)
        let runs = emit(.dropTables, "DROP TABLE IF EXISTS \(names.map(SQLName.qualified).joined(separator: ", "));",
                        destructive: "drops \(names.count == 1 ? "table" : "tables") \(names.map(\.description).joined(separator: ", ")) and \(names.count == 1 ? "its" : "their") rows")
        guard runs else { return }
        for table in extra {
            current.tables.remove(table.name)
            settled.remove(table.name)
            for sequence in current.sequences where sequence.ownedBy?.table == table.name { current.sequences.remove(sequence.name) }
        }
    }

    /// CREATE TABLE for missing tables (parents first), then the shape and columns of the others.
    mutating func planTables() {
        let missing = expected.tables.filter { !current.tables.contains($0.name) }
        let parents = missing.filter { $0.partitionOf == nil && $0.inherits.isEmpty }
        let children = missing.filter { $0.partitionOf != nil || !$0.inherits.isEmpty }
        for table in parents + children { createTable(table) }
        let created = Set(missing.map(\.name))
        for want in expected.tables where !created.contains(want.name) {
            planShape(want)
            planColumns(want)
        }
    }

    /// CREATE TABLE IF NOT EXISTS with its columns and the constraints that need no other table. The
    /// rest (foreign keys, indexes, policies, triggers, comments) is planned by the phases that compare
    /// with `current`, where the new table now stands bare.
    private mutating func createTable(_ table: Table) {
        emit(.tables, TableStatements.createTable(table, ifNotExists: true))
        for column in table.columns {
            for sql in TableStatements.columnSettings(column, of: table.name) { emit(.tables, sql) }
            addNotValidNotNull(column, of: table.name, phase: .tables)
        }
        var bare = table
        bare.replicaIdentity = nil  // set once its index exists (planReplicaIdentity)
        bare.clusterOn = nil  // the same (planClusterOn)
        bare.constraints = ObjectSet(table.constraints.filter(TableStatements.isInline))
        bare.indexes = []
        bare.policies = []
        bare.triggers = []
        bare.rowLevelSecurity = false
        bare.forceRowLevelSecurity = false
        bare.comment = nil
        for index in bare.columns.indices { bare.columns[index].comment = nil }
        bare.constraints.modifyEach { $0.comment = nil }
        current.tables.upsert(bare)
    }

    /// The table's own attributes that differ, from the delta: persistence, access method, storage
    /// parameters and partition membership here; partitioning and inheritance left to a person; the rest
    /// in the phase that can set it.
    private mutating func planShape(_ want: Table) {
        guard let have = current.tables[want.name] else { return }
        let table = SQLName.qualified(want.name)
        for attribute in delta.attributes(of: want.name).sorted() {
            switch attribute {
            case .persistence:
                emit(.tables, "ALTER TABLE \(table) SET \(want.isUnlogged ? "UNLOGGED" : "LOGGED");", effects: [.rewrite(want.name)])
            case .accessMethod:
                emit(.tables, "ALTER TABLE \(table) SET ACCESS METHOD \(SQLName.identifier(want.accessMethod ?? "heap"));",
                     effects: [.rewrite(want.name)])
            case .storageParameters:
                for sql in Self.parameterChanges("ALTER TABLE \(table)", from: have.options, to: want.options) { emit(.tables, sql) }
            case .partitioning:
                manual(.tables, "-- recreate \(table) as \(want.partitionKey.map { "PARTITION BY \($0)" } ?? "an ordinary table") and move its rows",
                       because: "PostgreSQL cannot change how an existing table is partitioned")
            case .partitionOf:
                if let parent = have.partitionOf {
                    emit(.tables, "ALTER TABLE \(SQLName.qualified(parent)) DETACH PARTITION \(table);",
                         effects: [.lock(parent), .lock(want.name)])
                }
                if let parent = want.partitionOf {
                    emit(.tables, "ALTER TABLE \(SQLName.qualified(parent)) ATTACH PARTITION \(table) \(want.partitionBound ?? "DEFAULT");",
                         effects: [.lock(parent, .shareUpdateExclusive), .scan(want.name, .accessExclusive, because: "to check its partition bound")])
                }
            case .inheritance:
                // INHERIT keeps the child's own copies of the parent's columns, so the table would still differ.
                manual(.tables, "-- recreate \(table) with INHERITS (\(want.inherits.map(SQLName.qualified).joined(separator: ", "))) and move its rows",
                       because: "a table cannot be made to inherit columns it already has")
            case .replicaIdentity, .clusterOn:
                continue  // after the indexes they name (planReplicaIdentity, planClusterOn)
            case .rowLevelSecurity:
                continue  // with the policies (planSecurity)
            case .comment:
                continue  // with the other comments (planComments)
            }
        }
    }

    /// `RESET (...)` of the parameters `old` has and `new` lacks, `SET (...)` of those `new` sets otherwise;
    /// nothing when they are the same set.
    static func parameterChanges(_ prefix: String, from old: [String], to new: [String]) -> [String] {
        guard Set(old) != Set(new) || old.count != new.count else { return [] }
        let keys = Set(new.map(TableStatements.parameterKey))
        let removed = old.map(TableStatements.parameterKey).filter { !keys.contains($0) }
        let changed = new.filter { !old.contains($0) }
        var statements: [String] = []
        if !removed.isEmpty { statements.append("\(prefix) RESET (\(removed.map(TableStatements.parameterName).joined(separator: ", ")));") }
        if !changed.isEmpty { statements.append("\(prefix) SET (\(TableStatements.storageParameters(changed)));") }
        return statements
    }
}
