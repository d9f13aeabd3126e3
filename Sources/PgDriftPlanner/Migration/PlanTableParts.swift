import PgDriftDiff
import PgDriftModel

extension PlanBuilder {
    /// Drops extra and changed constraints and indexes (a changed one is dropped and added again), and the
    /// foreign keys that lean on a key being dropped.
    mutating func dropChangedConstraintsAndIndexes() {
        for want in expected.tables {
            guard let have = current.tables[want.name], !isSettled(want, have) else { continue }
            let keptColumns = keptExtraColumns(of: want.name)
            for change in delta.constraints(of: want.name) {
                let dropped: Constraint
                switch change {
                case .removed(let constraint):
                    guard !constraint.columns.contains(where: keptColumns.contains) else { continue }
                    dropped = constraint
                case .altered(let wanted, let old, let attributes):
                    // A constraint the database has validated and the expected one has NOT VALID is
                    // added again NOT VALID; the other way round, VALIDATE does it (planConstraintsAndIndexes).
                    guard attributes.contains(.definition) || attributes.contains(.validation) && !wanted.isValidated else { continue }
                    dropped = old
                case .added, .renamed:
                    continue
                }
                // Already gone with a key it referenced (dropForeignKeys).
                guard current.tables[want.name]?.constraints[dropped.name] != nil else { continue }
                if dropped.kind == .primaryKey || dropped.kind == .unique {
                    dropForeignKeys(referencing: want.name, columns: dropped.columns)
                }
                dropConstraint(dropped, of: want.name)
            }
            for change in delta.indexes(of: want.name) {
                switch change {
                case .altered(_, let index, let attributes) where attributes.contains(.definition):
                    let name = SQLName.qualified(QualifiedName(want.name.schema, index.name))
                    if options.online && want.kind != .partitioned {
                        emit(.afterCommit, "DROP INDEX CONCURRENTLY IF EXISTS \(name);", hazards: ["Changed definition: dropped, then built again concurrently."])
                    } else {
                        emit(.dropIndexes, "DROP INDEX IF EXISTS \(name);", hazards: ["Changed definition: dropped here, created again below."],
                             effects: [.lock(want.name, onlineAvoids: want.kind != .partitioned)])
                    }
                    updateCurrentTable(want.name) { $0.indexes.remove(index.name) }
                case .removed(let index) where !index.uses(keptColumns):
                    dropIndex(index, of: want.name)
                    updateCurrentTable(want.name) { $0.indexes.remove(index.name) }
                case .added, .altered, .removed, .renamed:
                    continue
                }
            }
        }
        for (view, changes) in delta.viewIndexes.sorted(by: { $0.key < $1.key }) where current.views.contains(view) {
            for change in changes {
                switch change {
                case .altered(_, let index, let attributes) where attributes.contains(.definition):
                    let name = SQLName.qualified(QualifiedName(view.schema, index.name))
                    if options.online {
                        emit(.afterCommit, "DROP INDEX CONCURRENTLY IF EXISTS \(name);", hazards: ["Changed definition: dropped, then built again concurrently."])
                    } else {
                        emit(.dropIndexes, "DROP INDEX IF EXISTS \(name);", hazards: ["Changed definition: dropped here, created again below."])
                    }
                    current.views[view]?.indexes.remove(index.name)
                case .removed(let index):
                    dropIndex(index, of: view)
                    current.views[view]?.indexes.remove(index.name)
                case .added, .altered, .renamed:
                    continue
                }
            }
        }
    }

    /// Constraints and indexes that exist under another name (the same definition): renamed, so that
    /// migrations naming them work.
    mutating func planConstraintAndIndexRenames() {
        for want in expected.tables {
            guard let have = current.tables[want.name], !isSettled(want, have) else { continue }
            let table = SQLName.qualified(want.name)
            for case .renamed(let wanted, let old, _) in delta.constraints(of: want.name) {
                let sql = "ALTER TABLE \(table) RENAME CONSTRAINT \(SQLName.identifier(old.name)) TO \(SQLName.identifier(wanted.name));"
                let lookup = "SELECT FROM pg_catalog.pg_constraint WHERE conrelid = \(SQLQuote.literal(SQLQuote.qualified(want.name)))::regclass "
                    + "AND conname = \(SQLQuote.literal(old.name))"
                emit(.renameConstraintsAndIndexes, Idempotent.when(exists: lookup, run: sql))
                updateCurrentTable(want.name) { table in
                    guard var constraint = table.constraints.remove(old.name) else { return }
                    constraint.name = wanted.name
                    table.constraints.upsert(constraint)
                }
            }
            for case .renamed(let wanted, let old, _) in delta.indexes(of: want.name) {
                renameIndex(old.name, to: wanted.name, schema: want.name.schema)
                updateCurrentTable(want.name) { table in
                    guard var index = table.indexes.remove(old.name) else { return }
                    index.name = wanted.name
                    table.indexes.upsert(index)
                }
            }
        }
        for (view, changes) in delta.viewIndexes.sorted(by: { $0.key < $1.key }) where current.views.contains(view) {
            for case .renamed(let wanted, let old, _) in changes {
                renameIndex(old.name, to: wanted.name, schema: view.schema)
                guard var index = current.views[view]?.indexes.remove(old.name) else { continue }
                index.name = wanted.name
                current.views[view]?.indexes.upsert(index)
            }
        }
    }

    private mutating func renameIndex(_ old: String, to new: String, schema: String) {
        emit(.renameConstraintsAndIndexes,
             "ALTER INDEX IF EXISTS \(SQLName.qualified(QualifiedName(schema, old))) RENAME TO \(SQLName.identifier(new));")
    }

    /// Extra columns that stay because dropping them needs `--allow-destructive`: their indexes and
    /// constraints stay with them.
    func keptExtraColumns(of table: QualifiedName) -> Set<String> {
        guard !options.allowDestructive else { return [] }
        return Set(droppedColumns(table).map(\.name))
    }

    /// DROP INDEX, concurrently after the transaction with `--online`.
    private mutating func dropIndex(_ index: Index, of relation: QualifiedName) {
        let name = SQLName.qualified(QualifiedName(relation.schema, index.name))
        if options.online {
            emit(.afterCommit, "DROP INDEX CONCURRENTLY IF EXISTS \(name);")
        } else {
            emit(.dropIndexes, "DROP INDEX IF EXISTS \(name);", effects: [.lock(relation, onlineAvoids: true)])
        }
    }

    private mutating func dropConstraint(_ constraint: Constraint, of table: QualifiedName) {
        emit(constraint.kind == .foreignKey ? .dropForeignKeys : .dropConstraints,
             "ALTER TABLE \(SQLName.qualified(table)) DROP CONSTRAINT IF EXISTS \(SQLName.identifier(constraint.name));")
        updateCurrentTable(table) { $0.constraints.remove(constraint.name) }
    }

    /// Foreign keys of any table that reference these key columns (they depend on the key's index).
    private mutating func dropForeignKeys(referencing table: QualifiedName, columns: [String]) {
        for referencing in current.tables {
            for constraint in referencing.constraints where constraint.kind == .foreignKey {
                guard let reference = constraint.references, reference.table == table,
                    reference.columns.isEmpty || Set(reference.columns) == Set(columns)
                else { continue }
                dropConstraint(constraint, of: referencing.name)
            }
        }
    }

    /// Adds the constraints and indexes the expected tables have and `current` lacks, and validates
    /// constraints left NOT VALID.
    mutating func planConstraintsAndIndexes() {
        // Keys and checks of every table first, foreign keys after: a foreign key needs the key it
        // references, whichever table comes first by name.
        for foreignKeys in [false, true] {
            for want in expected.tables {
                guard let have = current.tables[want.name], !isSettled(want, have) else { continue }
                let isNew = !actual.tables.contains(want.name)
                for case .altered(let constraint, let old, let attributes) in delta.constraints(of: want.name)
                where (constraint.kind == .foreignKey) == foreignKeys && attributes.contains(.validation)
                    && !attributes.contains(.definition) && constraint.isValidated {
                    let validate = "ALTER TABLE \(SQLName.qualified(want.name)) VALIDATE CONSTRAINT \(SQLName.identifier(old.name));"
                    emit(options.online ? .afterCommit : .constraints, options.online ? Self.ownTransaction(validate) : validate,
                         effects: [.scan(want.name, .shareUpdateExclusive)])
                }
                // What `current` lacks: missing from the start, dropped above to be added again, or
                // dropped with a key it referenced.
                let missing = Pairing.byNameThenDefinition(want.constraints, have.constraints).missing
                for constraint in missing where (constraint.kind == .foreignKey) == foreignKeys {
                    addConstraint(constraint, to: want, isNewTable: isNew)
                }
                guard !foreignKeys else { continue }
                let (_, missingIndexes, _) = Pairing.byNameThenDefinition(want.indexes, have.indexes)
                for index in missingIndexes {
                    createIndex(index, on: want.name, phase: .indexes, concurrently: options.online && !isNew && want.kind != .partitioned)
                }
            }
        }
    }

    /// A statement run after the plan's transaction, in a transaction of its own (so a failure leaves
    /// nothing half done, and linters see it guarded).
    static func ownTransaction(_ statement: String) -> String { "BEGIN;\n\(statement)\nCOMMIT;" }

    /// Indexes of materialized views, once the views exist.
    mutating func planViewIndexes() {
        for want in expected.views where want.isMaterialized {
            guard let have = current.views[want.name] else { continue }
            let (_, missing, _) = Pairing.byNameThenDefinition(want.indexes, have.indexes)
            for index in missing {
                createIndex(index, on: want.name, phase: .views, concurrently: options.online)
            }
        }
    }

    private mutating func addConstraint(_ constraint: Constraint, to want: Table, isNewTable: Bool) {
        let table = want.name
        let name = SQLName.qualified(table)
        let phase: PlanPhase = constraint.kind == .foreignKey ? .foreignKeys : .constraints
        let lookup = "SELECT FROM pg_catalog.pg_constraint WHERE conrelid = \(SQLQuote.literal(SQLQuote.qualified(table)))::regclass "
            + "AND conname = \(SQLQuote.literal(constraint.name))"
        let body = TableStatements.constraintBody(constraint)
        let add = "ALTER TABLE \(name) ADD CONSTRAINT \(SQLName.identifier(constraint.name)) \(body)"
        let canDelayValidation = constraint.kind == .foreignKey || constraint.kind == .check
        // A foreign key to a key built after the transaction must wait for it.
        let afterKey = constraint.references.map { keysAddedAfterCommit.contains($0.table) } ?? false
        if afterKey { createdAfterCommit.insert("CONSTRAINT \(SQLName.identifier(constraint.name)) ON \(name)") }
        if options.online && !isNewTable && canDelayValidation && constraint.isValidated {
            emit(afterKey ? .afterCommit : phase, Idempotent.unless(exists: lookup, run: add + " NOT VALID;"),
                 hazards: ["Added NOT VALID: existing rows are checked by the VALIDATE after COMMIT."])
            emit(.afterCommit, Self.ownTransaction("ALTER TABLE \(name) VALIDATE CONSTRAINT \(SQLName.identifier(constraint.name));"),
                 effects: [.scan(table, .shareUpdateExclusive)])
            return
        }
        if options.online && !isNewTable && want.kind != .partitioned && (constraint.kind == .unique || constraint.kind == .primaryKey) {
            keysAddedAfterCommit.insert(table)
            createdAfterCommit.insert("CONSTRAINT \(SQLName.identifier(constraint.name)) ON \(name)")
            // Build the index without blocking writes, then turn it into the constraint.
            let index = Index(name: constraint.name, isUnique: true, nullsNotDistinct: constraint.nullsNotDistinct,
                              keys: constraint.columns.map { IndexKey.column($0) }, options: constraint.indexOptions)
            emit(.afterCommit, IndexStatements.createIndex(index, on: table, concurrently: true),
                 effects: [.scan(table, .shareUpdateExclusive, because: "the index is built concurrently")])
            let kind = constraint.kind == .primaryKey ? "PRIMARY KEY" : "UNIQUE"
            var using = "\(kind) USING INDEX \(SQLName.identifier(constraint.name))"
            if constraint.isDeferrable { using += " DEFERRABLE" + (constraint.isInitiallyDeferred ? " INITIALLY DEFERRED" : "") }
            emit(.afterCommit, Idempotent.unless(exists: lookup, run: "ALTER TABLE \(name) ADD CONSTRAINT \(SQLName.identifier(constraint.name)) \(using);"),
                 effects: constraint.kind == .primaryKey
                    ? [.scan(table, .accessExclusive, because: "SET NOT NULL on the key columns reads every row if they allow NULL")]
                    : [.lock(table)])
            return
        }
        var effects: [TableHazard] = []
        if constraint.isValidated {
            switch constraint.kind {
            case .foreignKey:
                effects.append(.scan(table, .shareRowExclusive, onlineAvoids: true, because: "every row's reference is checked"))
                if let referenced = constraint.references?.table, referenced != table { effects.append(.lock(referenced, .shareRowExclusive)) }
            case .check:
                effects.append(.scan(table, .accessExclusive, onlineAvoids: true, because: "every row is checked"))
            case .primaryKey, .unique:
                effects.append(.scan(table, .accessExclusive, onlineAvoids: want.kind != .partitioned, because: "its index is built"))
            case .exclusion:
                effects.append(.scan(table, .accessExclusive, because: "its index is built"))
            }
        } else {
            effects.append(.lock(table))
        }
        emit(afterKey ? .afterCommit : phase, Idempotent.unless(exists: lookup, run: add + (constraint.isValidated ? "" : " NOT VALID") + ";"),
             effects: effects)
        var added = constraint
        added.comment = nil  // COMMENT ON comes in its own phase
        updateCurrentTable(table) { $0.constraints.upsert(added) }
    }

    private mutating func createIndex(_ index: Index, on relation: QualifiedName, phase: PlanPhase, concurrently: Bool) {
        if concurrently {
            emit(.afterCommit, IndexStatements.createIndex(index, on: relation, concurrently: true),
                 effects: [.scan(relation, .shareUpdateExclusive, because: "the index is built concurrently")])
            createdAfterCommit.insert("INDEX \(SQLName.qualified(QualifiedName(relation.schema, index.name)))")
            for sql in IndexStatements.keyStatistics(index, schema: relation.schema) { emit(.afterCommit, sql) }
        } else {
            let partitioned = actual.tables[relation]?.kind == .partitioned
            emit(phase, IndexStatements.createIndex(index, on: relation),
                 effects: [.scan(relation, .share, onlineAvoids: !partitioned, because: "its index is built")])
            for sql in IndexStatements.keyStatistics(index, schema: relation.schema) { emit(phase, sql) }
        }
    }
}

extension PlanBuilder {
    /// What `ALTER INDEX` changes in place on indexes and keys that stay: storage parameters (also of a
    /// primary key's or unique constraint's index) and the statistics targets of expression keys.
    mutating func planIndexSettings() {
        for want in expected.tables {
            guard let have = current.tables[want.name], !isSettled(want, have) else { continue }
            for case .altered(let index, let old, let attributes) in delta.indexes(of: want.name) where !attributes.contains(.definition) {
                guard have.indexes[index.name] != nil else { continue }
                alterIndexSettings(index, from: old, attributes, schema: want.name.schema)
                var updated = index
                updated.comment = old.comment  // COMMENT ON comes in its own phase
                updateCurrentTable(want.name) { $0.indexes[index.name] = updated }
            }
            for case .altered(let constraint, let old, let attributes) in delta.constraints(of: want.name) {
                guard have.constraints[constraint.name] != nil else { continue }
                for attribute in attributes.sorted() {
                    switch attribute {
                    case .indexSettings:
                        let name = "ALTER INDEX \(SQLName.qualified(QualifiedName(want.name.schema, constraint.name)))"
                        for sql in Self.parameterChanges(name, from: old.indexOptions, to: constraint.indexOptions) { emit(.indexes, sql) }
                        updateCurrentTable(want.name) { $0.constraints[constraint.name]?.indexOptions = constraint.indexOptions }
                    case .definition, .validation:
                        continue  // dropped and added again, or validated (planConstraintsAndIndexes)
                    case .comment:
                        continue  // with the other comments (planComments)
                    }
                }
            }
        }
    }

    /// Storage parameters and statistics targets of an index that stays (its definition is the same).
    private mutating func alterIndexSettings(_ index: Index, from old: Index, _ attributes: Set<IndexAttribute>, schema: String) {
        let name = "ALTER INDEX \(SQLName.qualified(QualifiedName(schema, index.name)))"
        for attribute in attributes.sorted() {
            switch attribute {
            case .storageParameters:
                for sql in Self.parameterChanges(name, from: old.options, to: index.options) { emit(.indexes, sql) }
            case .statistics:
                for sql in IndexStatements.keyStatistics(index, schema: schema, from: old) { emit(.indexes, sql) }
            case .definition:
                continue  // dropped and created again (dropChangedConstraintsAndIndexes)
            case .comment:
                continue  // with the other comments (planComments)
            }
        }
    }

    /// The settings of materialized views' indexes that stay.
    mutating func planViewIndexSettings() {
        for (view, changes) in delta.viewIndexes.sorted(by: { $0.key < $1.key }) {
            for case .altered(let index, let old, let attributes) in changes where !attributes.contains(.definition) {
                guard current.views[view]?.indexes[index.name] != nil else { continue }
                alterIndexSettings(index, from: old, attributes, schema: view.schema)
                var updated = index
                updated.comment = old.comment
                current.views[view]?.indexes[index.name] = updated
            }
        }
    }

    /// `REPLICA IDENTITY`, once the index it names exists; set again when the plan rebuilt that index
    /// (a new index does not inherit the flag).
    mutating func planReplicaIdentity() {
        for want in expected.tables {
            guard let have = current.tables[want.name] else { continue }
            let index = want.replicaIdentity?.indexName
            guard want.replicaIdentity != have.replicaIdentity || index.map({ wasRebuilt($0, of: want) }) == true else { continue }
            emitAfterIndex(index, of: want.name, TableStatements.replicaIdentity(want.replicaIdentity, of: want.name))
            updateCurrentTable(want.name) { $0.replicaIdentity = want.replicaIdentity }
        }
    }

    /// `CLUSTER ON`, by the same rule as the replica identity: the flag lives on the index, so a rebuilt
    /// index loses it.
    mutating func planClusterOn() {
        for want in expected.tables {
            guard let have = current.tables[want.name] else { continue }
            guard want.clusterOn != have.clusterOn || want.clusterOn.map({ wasRebuilt($0, of: want) }) == true else { continue }
            emitAfterIndex(want.clusterOn, of: want.name, TableStatements.clusterOn(want.clusterOn, of: want.name))
            updateCurrentTable(want.name) { $0.clusterOn = want.clusterOn }
        }
    }

    /// Whether the plan drops and creates again the index or key `name` of a table.
    private func wasRebuilt(_ name: String, of want: Table) -> Bool {
        guard let before = actual.tables[want.name] else { return false }
        if let index = want.indexes[name] {
            return before.indexes[name].map { !index.withoutSettings.sameDefinition(as: $0.withoutSettings) } ?? false
        }
        if let key = want.constraints[name] {
            return before.constraints[name].map { !key.withoutSettings.sameDefinition(as: $0.withoutSettings) } ?? false
        }
        return false
    }

    /// A statement naming an index: in the indexes phase, or after the commit when the index or key is
    /// built concurrently after the transaction (`--online`).
    private mutating func emitAfterIndex(_ index: String?, of table: QualifiedName, _ sql: String) {
        let afterCommit = index.map { name in
            createdAfterCommit.contains("INDEX \(SQLName.qualified(QualifiedName(table.schema, name)))")
                || createdAfterCommit.contains("CONSTRAINT \(SQLName.identifier(name)) ON \(SQLName.qualified(table))")
        } ?? false
        emit(afterCommit ? .afterCommit : .indexes, afterCommit ? Self.ownTransaction(sql) : sql)
    }
}
