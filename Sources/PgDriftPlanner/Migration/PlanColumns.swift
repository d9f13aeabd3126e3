import PgDriftDiff
import PgDriftModel

extension PlanBuilder {
    /// The renames `--renames` performs: the delta's renamed columns (a missing and an extra column of
    /// the same type, unambiguous on both sides — the diff's possible_rename).
    func renames(_ table: QualifiedName) -> [ColumnRename] {
        guard options.renames else { return [] }
        return delta.columns(of: table).compactMap { change in
            guard case .renamed(let want, let have, _) = change else { return nil }
            return ColumnRename(from: have.name, to: want.name)
        }
    }

    /// The database's columns the expected table does not have (and that `--renames` does not rename).
    func droppedColumns(_ table: QualifiedName) -> [Column] {
        delta.columns(of: table).compactMap { change in
            switch change {
            case .removed(let column): column
            case .renamed(_, let column, _) where !options.renames: column
            case .added, .altered, .renamed: nil
            }
        }
    }

    /// Marks the columns whose change forces their readers (views, policies, triggers) to be rebuilt.
    mutating func findTouchedColumns() {
        for (name, change) in delta.tables {
            var touched: Set<String> = []
            for case .altered(let column, let old, let attributes) in change.columns {
                if attributes.contains(.type) || attributes.contains(.collation) {
                    let change = TypeChange(from: old.type, to: column.type)
                    if !change.narrowing || options.allowDestructive { touched.insert(column.name) }
                }
                if attributes.contains(.generated) && column.generatedExpression != nil { touched.insert(column.name) }
            }
            if options.allowDestructive { touched.formUnion(droppedColumns(name).map(\.name)) }
            if !touched.isEmpty { touchedColumns[name] = touched }
        }
        // A swapped enum retypes every column of that type.
        guard options.allowDestructive else { return }
        for want in expected.enums {
            guard let have = actual.enums[want.name], want.values != have.values, needsSwap(want, have) else { continue }
            for table in actual.tables {
                for column in table.columns where column.type.schema == want.name.schema && column.type.name == want.name.name {
                    touchedColumns[table.name, default: []].insert(column.name)
                }
            }
        }
    }

    /// RENAME COLUMN (with `--renames`) and DROP COLUMN for columns the expected schema does not have.
    mutating func planColumnRenamesAndDrops() {
        for want in expected.tables {
            guard let have = current.tables[want.name], !isSettled(want, have) else { continue }
            let table = SQLName.qualified(want.name)
            for rename in renames(want.name) {
                let sql = "ALTER TABLE \(table) RENAME COLUMN \(SQLName.identifier(rename.from)) TO \(SQLName.identifier(rename.to));"
                emit(.renameColumns, Idempotent.when(exists: Idempotent.columnLookup(want.name, rename.from), run: sql),
                     hazards: ["Clients still using \(rename.from) break; the data is kept."])
                updateCurrentTable(want.name) { $0.renameColumn(rename.from, to: rename.to) }
            }
            for column in droppedColumns(want.name) where have.column(named: column.name) != nil {
                let runs = emit(.dropColumns, "ALTER TABLE \(table) DROP COLUMN IF EXISTS \(SQLName.identifier(column.name));",
                                destructive: "drops column \(want.name.name).\(column.name) and its data")
                if runs { dropCurrentColumn(column.name, of: want.name) }
            }
        }
    }

    /// Removes a column from `current` with what PostgreSQL drops along with it.
    mutating func dropCurrentColumn(_ column: String, of name: QualifiedName) {
        updateCurrentTable(name) { $0.dropColumn(column) }
        for sequence in current.sequences where sequence.ownedBy == SequenceOwner(table: name, column: column) {
            current.sequences.remove(sequence.name)
        }
    }

    /// ADD COLUMN, and the changes of every attribute of the columns on both sides.
    mutating func planColumns(_ want: Table) {
        guard let have = current.tables[want.name], !isSettled(want, have) else { return }
        let table = SQLName.qualified(want.name)
        // Changes first: a rebuilt generated column is appended, before the new columns, as in a
        // database built from the expected SQL.
        for column in want.columns {
            guard let old = have.column(named: column.name), let work = columnWork[want.name]?[column.name], !work.isEmpty else { continue }
            alterColumn(old, to: column, changing: work, of: want.name, table: table)
        }
        for column in want.columns where have.column(named: column.name) == nil {
            addColumn(column, to: want.name)
        }
    }

    mutating func addColumn(_ column: Column, to name: QualifiedName) {
        var hazards: [String] = []
        if column.isNotNull && column.defaultExpression == nil && column.identity == nil && column.generatedExpression == nil {
            hazards.append("NOT NULL without a default: fails if the table has rows (add a default or backfill first).")
        }
        let effect: TableHazard
        if column.generatedExpression != nil && column.generatedVirtual != true {
            effect = .rewrite(name, because: "a stored generated column is computed for every row")
        } else if column.identity != nil {
            effect = .rewrite(name, because: "every row gets an identity value")
        } else if let expression = column.defaultExpression, Self.mayBeVolatile(expression) {
            effect = .rewrite(name, because: "a volatile default is computed for every row")
        } else {
            effect = .lock(name)
        }
        emit(.columns, "ALTER TABLE \(SQLName.qualified(name)) ADD COLUMN IF NOT EXISTS \(TableStatements.columnDefinition(column, table: name.name));",
             hazards: hazards, effects: [effect])
        for sql in TableStatements.columnSettings(column, of: name) { emit(.columns, sql) }
        addNotValidNotNull(column, of: name, phase: .columns)
        var added = column
        added.comment = nil  // COMMENT ON comes in its own phase
        updateCurrentTable(name) { $0.columns.append(added) }
    }

    /// Defaults PostgreSQL must evaluate per row (a function call other than a few stable ones).
    static func mayBeVolatile(_ expression: String) -> Bool {
        expression.contains("(") && !expression.hasPrefix("now()") && !expression.hasPrefix("CURRENT_")
    }

    /// Changes the attributes of a column that differ, in an order PostgreSQL accepts: first what
    /// releases the column (its generation, type, identity, default; NOT NULL before an identity is
    /// added), then what establishes the expected one. Each pass switches over every attribute, so one
    /// the diff compares cannot be left unplanned.
    mutating func alterColumn(_ old: Column, to new: Column, changing work: Set<ColumnAttribute>, of name: QualifiedName, table: String) {
        // A changed generation expression or kind: the column is rebuilt (PostgreSQL 15 to 17 cannot
        // alter an expression, and no version turns a stored column into a virtual one).
        if work.contains(.generated), new.generatedExpression != nil {
            rebuildGenerated(new, of: name, table: table)
            return
        }
        var pending = work
        var state = old
        for attribute in work.sorted() { release(attribute, &state, to: new, pending: &pending, of: name, table: table) }
        for attribute in pending.sorted() { establish(attribute, &state, to: new, of: name, table: table) }
        state.comment = old.comment
        updateCurrentTable(name) { table in
            if let index = table.columns.firstIndex(where: { $0.name == state.name }) { table.columns[index] = state }
        }
    }

    /// Drops the generated column and adds it again with the expected expression.
    private mutating func rebuildGenerated(_ new: Column, of name: QualifiedName, table: String) {
        let column = SQLName.identifier(new.name)
        let expression = new.generatedExpression ?? ""
        // Guarded by the expression, so a second run does not rebuild (and reorder) the column again.
        let lookup = "SELECT FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
            + "WHERE a.attrelid = \(SQLQuote.literal(SQLQuote.qualified(name)))::regclass AND a.attname = \(SQLQuote.literal(new.name)) "
            + "AND a.attgenerated = \(new.generatedVirtual == true ? "'v'" : "'s'") AND pg_catalog.pg_get_expr(d.adbin, d.adrelid) = \(SQLQuote.literal(expression))"
        let rebuild = "ALTER TABLE \(table) DROP COLUMN IF EXISTS \(column);\n"
            + "ALTER TABLE \(table) ADD COLUMN \(TableStatements.columnDefinition(new, table: name.name));"
        emit(.columns, Idempotent.unless(exists: lookup, run: rebuild),
             hazards: ["PostgreSQL cannot change a generation expression: \(new.name) is dropped and added again (values recomputed,",
                       "and the column moves to the end)."],
             effects: [new.generatedVirtual == true ? .lock(name) : .rewrite(name, because: "the generated column is computed again for every row")])
        dropCurrentColumn(new.name, of: name)
        updateCurrentTable(name) { $0.columns.append(new) }
        for sql in TableStatements.columnSettings(new, of: name) { emit(.columns, sql) }
    }

    /// A new column's `NOT NULL … NOT VALID`, which its definition cannot say (PostgreSQL 18; before 18,
    /// where it cannot be, the plain NOT NULL).
    mutating func addNotValidNotNull(_ column: Column, of name: QualifiedName, phase: PlanPhase) {
        guard column.isNotNull, column.notNullValidated == false else { return }
        let table = SQLName.qualified(name)
        let constraint = SQLName.identifier(column.notNullName ?? column.defaultNotNullName(table: name.name))
        emit(phase, namesNotNull
            ? "ALTER TABLE \(table) ADD CONSTRAINT \(constraint) NOT NULL \(SQLName.identifier(column.name)) NOT VALID;"
            : "ALTER TABLE \(table) ALTER COLUMN \(SQLName.identifier(column.name)) SET NOT NULL;")
    }

    /// PostgreSQL 18: a NOT NULL constraint kept, renamed, validated, or made NOT VALID again (dropped and
    /// added NOT VALID, which checks no row).
    private mutating func alterNotNull(_ state: inout Column, to new: Column, of name: QualifiedName, table: String) {
        guard let current = state.notNullName else { return }
        var constraintName = current
        if let wanted = new.notNullName, wanted != current {
            emit(.columns, "ALTER TABLE \(table) RENAME CONSTRAINT \(SQLName.identifier(current)) TO \(SQLName.identifier(wanted));")
            constraintName = wanted
        }
        let constraint = SQLName.identifier(constraintName)
        switch (state.notNullValidated ?? true, new.notNullValidated ?? true) {
        case (false, true):
            emit(.columns, "ALTER TABLE \(table) VALIDATE CONSTRAINT \(constraint);",
                 hazards: ["Fails if a row holds NULL."], effects: [.scan(name, .shareUpdateExclusive)])
        case (true, false):
            emit(.columns, "ALTER TABLE \(table) DROP CONSTRAINT \(constraint);")
            emit(.columns, "ALTER TABLE \(table) ADD CONSTRAINT \(constraint) NOT NULL \(SQLName.identifier(new.name)) NOT VALID;",
                 hazards: ["Rows already stored are not checked; new rows must not hold NULL."])
        default: break
        }
        state.notNullName = constraintName
        state.notNullValidated = new.notNullValidated
    }

    /// The first pass: what must go before the expected attributes can be set.
    private mutating func release(
        _ attribute: ColumnAttribute, _ state: inout Column, to new: Column, pending: inout Set<ColumnAttribute>,
        of name: QualifiedName, table: String
    ) {
        let column = SQLName.identifier(new.name)
        switch attribute {
        case .generated:
            // (A new expression rebuilt the column: here the column stops being generated.)
            emit(.columns, "ALTER TABLE \(table) ALTER COLUMN \(column) DROP EXPRESSION IF EXISTS;",
                 hazards: ["The column keeps its values and stops being generated."])
            state.generatedExpression = nil
        case .type, .collation:
            // One statement for both; the second of the two finds nothing left to do.
            guard state.type != new.type || state.collation != new.collation, alterType(state, to: new, of: name, table: table) else { return }
            let retyped = state.type != new.type
            state.type = new.type
            state.collation = new.collation
            if retyped {
                // The type change dropped the default, and a new type brings its own storage and the
                // default compression (the statistics target stays): the expected ones are set again.
                state.defaultExpression = nil
                (state.storage, state.compression) = (nil, nil)
                if new.defaultExpression != nil { pending.insert(.defaultValue) }
                if new.storage != nil { pending.insert(.storage) }
                if new.compression != nil { pending.insert(.compression) }
            }
        case .identity:
            guard state.identity != nil, new.identity == nil else { return }
            emit(.columns, "ALTER TABLE \(table) ALTER COLUMN \(column) DROP IDENTITY IF EXISTS;")
            state.identity = nil
        case .defaultValue:
            guard state.defaultExpression != nil, new.defaultExpression == nil else { return }
            emit(.columns, "ALTER TABLE \(table) ALTER COLUMN \(column) DROP DEFAULT;")
            state.defaultExpression = nil
        case .nullability:
            // NOT NULL before an identity is added (PostgreSQL requires it).
            guard new.isNotNull else { return }
            if state.isNotNull {
                alterNotNull(&state, to: new, of: name, table: table)
                return
            }
            if namesNotNull, let constraint = new.notNullName.map(SQLName.identifier) {
                // PostgreSQL 18 names it (the name and NOT VALID are known only from 18).
                let notValid = new.notNullValidated == false
                emit(.columns, "ALTER TABLE \(table) ADD CONSTRAINT \(constraint) NOT NULL \(column)\(notValid ? " NOT VALID" : "");",
                     hazards: notValid ? ["Rows already stored are not checked; new rows must not hold NULL."] : ["Fails if a row holds NULL."],
                     effects: [notValid ? .lock(name) : .scan(name, .accessExclusive)])
            } else {
                emit(.columns, "ALTER TABLE \(table) ALTER COLUMN \(column) SET NOT NULL;",
                     hazards: ["Fails if a row holds NULL."], effects: [.scan(name, .accessExclusive)])
            }
            state.isNotNull = true
            state.notNullName = new.notNullName ?? state.notNullName
            state.notNullValidated = new.notNullValidated
        case .storage, .compression, .statistics, .options, .comment:
            return
        }
    }

    /// The second pass: the expected attributes.
    private mutating func establish(_ attribute: ColumnAttribute, _ state: inout Column, to new: Column, of name: QualifiedName, table: String) {
        let column = SQLName.identifier(new.name)
        switch attribute {
        case .generated, .type, .collation:
            return  // released and set in the first pass
        case .identity:
            alterIdentity(&state, to: new, of: name, table: table)
        case .defaultValue:
            guard let expression = new.defaultExpression else { return }
            emit(.columns, "ALTER TABLE \(table) ALTER COLUMN \(column) SET DEFAULT \(expression);")
            state.defaultExpression = expression
        case .nullability:
            // NULL allowed once the identity is gone.
            guard !new.isNotNull, state.isNotNull else { return }
            emit(.columns, "ALTER TABLE \(table) ALTER COLUMN \(column) DROP NOT NULL;")
            state.isNotNull = false
        case .storage:
            var typed = new
            typed.type = state.type
            emit(.columns, new.storage.map { "ALTER TABLE \(table) ALTER COLUMN \(column) SET STORAGE \($0.sql);" }
                    ?? TableStatements.resetStorage(typed, of: name),
                 hazards: ["Rows already stored keep their old storage."], effects: [.lock(name)])
            state.storage = new.storage
        case .compression:
            emit(.columns, "ALTER TABLE \(table) ALTER COLUMN \(column) SET COMPRESSION \(new.compression.map(SQLName.identifier) ?? "DEFAULT");",
                 hazards: ["Values already stored keep their compression; new values use this one."])
            state.compression = new.compression
        case .statistics:
            emit(.columns, "ALTER TABLE \(table) ALTER COLUMN \(column) SET STATISTICS \(new.statisticsTarget ?? -1);",
                 hazards: ["Takes effect at the next ANALYZE."])
            state.statisticsTarget = new.statisticsTarget
        case .options:
            let changes = Self.parameterChanges("ALTER TABLE \(table) ALTER COLUMN \(column)", from: state.options ?? [], to: new.options ?? [])
            for sql in changes { emit(.columns, sql, hazards: ["Takes effect at the next ANALYZE."]) }
            state.options = new.options
        case .comment:
            return  // COMMENT ON, with the other comments (planComments)
        }
    }

    /// ALTER COLUMN ... TYPE, with USING where no assignment cast exists; narrowing is destructive.
    private mutating func alterType(_ old: Column, to new: Column, of name: QualifiedName, table: String) -> Bool {
        let column = SQLName.identifier(new.name)
        let change = TypeChange(from: old.type, to: new.type)
        var sql = "ALTER TABLE \(table) "
        // The old default may not cast to the new type: drop it here, set the expected one after.
        if old.type != new.type && old.defaultExpression != nil { sql += "ALTER COLUMN \(column) DROP DEFAULT, " }
        sql += "ALTER COLUMN \(column) TYPE \(new.type.sql)"
        if let collation = new.collation { sql += " COLLATE \(SQLName.qualified(collation))" }
        // Through text: every type reads its text form, where a direct cast may not exist.
        if change.needsUsing { sql += " USING \(column)::text::\(new.type.sql)" }
        let effect: TableHazard = if old.type == new.type {
            .scan(name, .accessExclusive, because: "the indexes on \(new.name) are rebuilt")
        } else if change.rewrites {
            .rewrite(name, because: "\(new.name) becomes \(new.type.sql), and the indexes are rebuilt")
        } else {
            .lock(name, because: "no rewrite: \(old.type.sql) → \(new.type.sql) keeps the stored bytes")
        }
        let destructive = old.type != new.type && change.narrowing
            ? "\(old.type.sql) → \(new.type.sql) may not keep every value" : nil
        return emit(.columns, sql + ";", effects: [effect], destructive: destructive)
    }

    /// ADD / SET / DROP identity.
    private mutating func alterIdentity(_ state: inout Column, to new: Column, of name: QualifiedName, table: String) {
        let column = SQLName.identifier(new.name)
        switch (state.identity, new.identity) {
        case (nil, nil):
            return
        case (.some, nil):
            return  // dropped before the default changes
        case (nil, .some(let identity)):
            let generation = identity.generation == .always ? "ALWAYS" : "BY DEFAULT"
            let add = "ALTER TABLE \(table) ALTER COLUMN \(column) ADD GENERATED \(generation) AS IDENTITY (\(TableStatements.identityOptions(identity, table: name.name, column: new.name)));"
            emit(.columns, Idempotent.unless(exists: Idempotent.columnLookup(name, new.name, extra: " AND attidentity <> ''"), run: add),
                 hazards: ["Existing values stay; new rows take values from a new identity sequence."])
        case (.some(let old), .some(let identity)):
            var parts: [String] = []
            if old.generation != identity.generation {
                parts.append("SET GENERATED \(identity.generation == .always ? "ALWAYS" : "BY DEFAULT")")
            }
            let (a, b) = (old.sequence, identity.sequence)
            if a.increment != b.increment { parts.append("SET INCREMENT BY \(b.increment)") }
            if a.minValue != b.minValue { parts.append("SET MINVALUE \(b.minValue)") }
            if a.maxValue != b.maxValue { parts.append("SET MAXVALUE \(b.maxValue)") }
            if a.start != b.start { parts.append("SET START WITH \(b.start)") }
            if a.cache != b.cache { parts.append("SET CACHE \(b.cache)") }
            if a.cycle != b.cycle { parts.append(b.cycle ? "SET CYCLE" : "SET NO CYCLE") }
            if let oldName = old.sequenceName, let newName = identity.sequenceName, oldName != newName {
                emit(.columns, "ALTER SEQUENCE IF EXISTS \(SQLName.qualified(QualifiedName(name.schema, oldName))) RENAME TO \(SQLName.identifier(newName));")
            }
            guard !parts.isEmpty else { state.identity = new.identity; return }
            emit(.columns, "ALTER TABLE \(table) ALTER COLUMN \(column) \(parts.joined(separator: " "));")
        }
        state.identity = new.identity
    }
}

extension Table {
    /// RENAME COLUMN as PostgreSQL applies it to the column and the column lists that name it.
    mutating func renameColumn(_ old: String, to new: String) {
        func rename(_ names: [String]) -> [String] { names.map { $0 == old ? new : $0 } }
        if let index = columns.firstIndex(where: { $0.name == old }) { columns[index].name = new }
        constraints.modifyEach { $0.columns = rename($0.columns) }
        indexes.modifyEach { index in
            index.include = rename(index.include)
            for position in index.keys.indices where index.keys[position].column == old {
                index.keys[position].column = new
            }
        }
    }

    /// DROP COLUMN as PostgreSQL applies it: the indexes and constraints that use the column go too.
    mutating func dropColumn(_ name: String) {
        columns.removeAll { $0.name == name }
        for constraint in constraints where constraint.columns.contains(name) { constraints.remove(constraint.name) }
        for index in indexes where index.include.contains(name) || index.keys.contains(where: { $0.column == name }) {
            indexes.remove(index.name)
        }
    }
}
