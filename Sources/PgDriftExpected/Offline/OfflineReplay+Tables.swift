import PgDriftModel
import PgDriftSQL

extension OfflineReplay {
    /// `CREATE TABLE`: plain and partitioned tables and partitions (not inherited, typed, temporary or
    /// with storage options).
    mutating func createTable(_ node: ParseNode) throws {
        guard let rangeVar = node["relation"] else { throw fallback("CREATE TABLE without a name") }
        for unsupported in ["ofTypename", "options", "accessMethod", "tablespacename"] where node[unsupported] != nil {
            throw fallback("CREATE TABLE with \(unsupported) is not read offline")
        }
        let bound = node["partbound"]
        let parents = node["inhRelations"]?.elements ?? []
        guard bound == nil ? parents.isEmpty : parents.count == 1 else { throw fallback("CREATE TABLE ... INHERITS is not read offline") }
        guard bound == nil || node["partspec"] == nil else { throw fallback("a partition that is partitioned itself is not read offline") }
        let persistence = rangeVar["relpersistence"]?.string ?? "p"
        guard persistence == "p" || persistence == "u" else { throw fallback("temporary tables are not read offline") }
        let name = try newName(schema: rangeVar["schemaname"]?.string, name: rangeVar["relname"]?.string ?? "")
        if tables[name] != nil || indexOwners[name] != nil {
            if node["if_not_exists"]?.bool == true { return }
            throw fallback("\(name) already exists")  // the server's error, with its wording, comes from shadow mode
        }
        guard !isUserType(name), sequences[name] == nil, partitionIndexNames[name] == nil else {
            throw fallback("a type, sequence or index \(name) already exists")
        }
        // Built in a local value and stored once: changing it inside the dictionary would copy it per column.
        var model = Table(name: name, isUnlogged: persistence == "u")
        for element in node["tableElts"]?.elements ?? [] {
            if let column = element.node("ColumnDef") {
                try addColumn(column, to: &model)
            } else if let constraint = element.node("Constraint") {
                try addConstraint(constraint, to: &model, column: nil)
            } else {
                throw fallback("CREATE TABLE ... LIKE is not read offline")
            }
        }
        // At their final size: as appended, 200,000 columns took 34 MB of arrays where 21 MB hold them
        // (massif; the SQL folder's peak RSS went from 429 to 417 MB).
        model.columns = model.columns.map { $0 }
        if let spec = node["partspec"] { try makePartitioned(&model, spec: spec) }
        if let bound { try makePartition(&model, of: parents.first?.node("RangeVar"), bound: bound) }
        tables[name] = model
    }

    /// Takes a stored table out of the dictionary, so a change to it does not copy it; the caller puts
    /// it back.
    mutating func takeTable(_ name: QualifiedName) throws -> Table {
        guard let model = tables.removeValue(forKey: name) else { throw fallback("table \(name) does not exist") }
        return model
    }

    /// A column definition (in `CREATE TABLE` or `ADD COLUMN`) with the constraints written on it.
    /// The `serial` pseudo-types and the integer type each stands for.
    static let serialTypes: [String: DataType] = [
        "serial": .integer, "serial4": .integer, "bigserial": .bigint, "serial8": .bigint, "smallserial": .smallint, "serial2": .smallint,
    ]

    mutating func addColumn(_ definition: ParseNode, to model: inout Table) throws {
        let table = model.name
        guard let name = definition["colname"]?.string, let typeName = definition["typeName"] else {
            throw fallback("a column without a name or type")
        }
        guard model.column(named: name) == nil else { throw fallback("column \(name) already exists") }
        var column: Column
        let serialTypes = Self.serialTypes
        let typeNames = typeName["names"]?.strings ?? []
        if typeNames.count == 1, let serial = serialTypes[typeNames[0]], typeName["arrayBounds"] == nil {
            column = Column(name: name, type: serial)
            addSerial(&column, type: serial, table: table)
        } else {
            column = Column(name: name, type: try dataType(typeName))
        }
        column.collation = try collation(definition["collClause"], type: column.type)
        if let method = definition["compression"]?.string { column.compression = try compressionMethod(method, type: column.type) }
        if definition["storage"] != nil { throw fallback("a column with STORAGE is not read offline") }
        // [NOT] DEFERRABLE and INITIALLY DEFERRED|IMMEDIATE written after a column constraint apply to it.
        var constraints: [(node: ParseNode, deferrable: Bool?, initiallyDeferred: Bool?, enforced: Bool?)] = []
        for item in definition["constraints"]?.elements ?? [] {
            guard let constraint = item.node("Constraint") else { continue }
            switch constraint["contype"]?.string {
            case "CONSTR_NOTNULL":
                column.isNotNull = true
                // Only PostgreSQL 18 keeps the name; compared only where the database has one too.
                if let name = constraint["conname"]?.string { column.notNullName = name }
            case "CONSTR_NULL":
                guard !definition.descendants("Constraint").contains(where: { $0["contype"]?.isString("CONSTR_IDENTITY") == true }) else {
                    throw fallback("an identity column declared NULL")
                }
                column.isNotNull = false
            case "CONSTR_DEFAULT":
                guard !serialTypes.keys.contains(typeNames.last ?? "") || typeNames.count > 1 else {
                    throw fallback("a serial column with a DEFAULT")
                }
                column.defaultExpression = try storedDefault(constraint["raw_expr"], type: column.type)
            case "CONSTR_IDENTITY": try makeIdentity(&column, constraint, table: table)
            case "CONSTR_GENERATED":
                // The expression is compared by meaning. 18's grammar says STORED or VIRTUAL (`generated_kind`,
                // VIRTUAL when neither is written); 15's knows only STORED.
                guard let expression = constraint["raw_expr"], constraint["generated_when"]?.isString("a") == true else {
                    throw fallback("a generated column without an expression")
                }
                if constraint["generated_kind"]?.isString("v") == true { column.generatedVirtual = true }
                let read = expression.descendants("ColumnRef").compactMap { $0["fields"]?.strings }
                guard read.allSatisfy({ $0.count == 1 && model.column(named: $0[0])?.generatedExpression == nil && model.column(named: $0[0]) != nil })
                else { throw fallback("a generated column reading a column that is not an earlier plain column") }
                column.generatedExpression = try expressionSQL(expression, column: model.column(named:))
            case "CONSTR_PRIMARY", "CONSTR_UNIQUE", "CONSTR_CHECK", "CONSTR_FOREIGN": constraints.append((constraint, nil, nil, nil))
            case "CONSTR_ATTR_ENFORCED", "CONSTR_ATTR_NOT_ENFORCED":
                // PostgreSQL 18: [NOT] ENFORCED after a column's check or foreign key.
                guard let last = constraints.last?.node["contype"]?.string, ["CONSTR_CHECK", "CONSTR_FOREIGN"].contains(last) else {
                    throw fallback("ENFORCED on a constraint that is not a check or foreign key")
                }
                constraints[constraints.count - 1].enforced = constraint["contype"]?.isString("CONSTR_ATTR_ENFORCED") == true
            case "CONSTR_ATTR_DEFERRABLE", "CONSTR_ATTR_NOT_DEFERRABLE", "CONSTR_ATTR_DEFERRED", "CONSTR_ATTR_IMMEDIATE":
                guard !constraints.isEmpty else { throw fallback("DEFERRABLE without a constraint") }
                switch constraint["contype"]?.string {
                case "CONSTR_ATTR_DEFERRABLE": constraints[constraints.count - 1].deferrable = true
                case "CONSTR_ATTR_NOT_DEFERRABLE": constraints[constraints.count - 1].deferrable = false
                case "CONSTR_ATTR_DEFERRED": constraints[constraints.count - 1].initiallyDeferred = true
                default: constraints[constraints.count - 1].initiallyDeferred = false
                }
            default: throw fallback("column constraint \(constraint["contype"]?.string ?? "?") is not read offline")
            }
        }
        guard column.identity == nil || column.defaultExpression == nil && column.generatedExpression == nil else {
            throw fallback("an identity column with a default")
        }
        model.columns.append(column)
        for constraint in constraints {
            try addConstraint(
                constraint.node, to: &model, column: name, deferrable: constraint.deferrable,
                initiallyDeferred: constraint.initiallyDeferred, enforced: constraint.enforced)
        }
    }

    /// The collation a `COLLATE` names, nil for the type's own; only the collations every server has
    /// (`C`, `POSIX`, `ucs_basic`, `default`) on the built-in string types: others depend on the server's locales.
    func collation(_ clause: ParseNode?, type: DataType) throws -> QualifiedName? {
        guard let clause = clause?.node("CollateClause") ?? clause else { return nil }
        let (schema, name) = try parts(clause["collname"]?.strings ?? [])
        let stringTypes = ["text", "character varying", "character"]
        guard schema == nil || schema == "pg_catalog", ["C", "POSIX", "ucs_basic", "default"].contains(name), type.schema == nil,
            stringTypes.contains(where: { type.name == $0 || type.name.hasPrefix($0 + "(") })
        else { throw fallback("collation \(name) is not read offline") }
        return name == "default" ? nil : QualifiedName("pg_catalog", name)
    }

    /// `GENERATED { ALWAYS | BY DEFAULT } AS IDENTITY [(options)]`: NOT NULL, with a sequence of its
    /// own named like a serial's and numbered as the column's type.
    mutating func makeIdentity(_ column: inout Column, _ constraint: ParseNode, table: QualifiedName) throws {
        guard [.smallint, .integer, .bigint].contains(column.type) else { throw fallback("an identity column of type \(column.type)") }
        guard column.identity == nil else { throw fallback("two identity clauses on one column") }
        // `SEQUENCE NAME s` (pg_dump writes it) names the sequence; the other options set it up.
        var given: QualifiedName?
        var rest: [ParseNode] = []
        for option in constraint["options"]?.elements ?? [] {
            guard option.node("DefElem")?["defname"]?.isString("sequence_name") == true else {
                rest.append(option)
                continue
            }
            let (schema, name) = try parts(option.node("DefElem")?["arg"]?.node("List")?["items"]?.strings ?? [])
            given = QualifiedName(schema ?? table.schema, name)
        }
        let (type, options, owner) = try sequenceOptions(rest, type: column.type, schema: table.schema)
        guard type == column.type, owner == nil else { throw fallback("identity options the server refuses") }
        let generation: Identity.Generation = constraint["generated_when"]?.isString("d") == true ? .byDefault : .always
        column.identity = Identity(generation: generation, sequence: options)
        column.isNotNull = true
        if let given {
            guard given.schema == table.schema || schemas[given.schema] != nil, !isNameTaken(given) else {
                throw fallback("identity sequence \(given) cannot be created")
            }
            identitySequences[given] = SequenceOwner(table: table, column: column.name)
            return
        }
        let sequence = QualifiedName(table.schema, chooseName(schema: table.schema, table: table.name, columns: [column.name], label: "seq"))
        identitySequences[sequence] = SequenceOwner(table: table, column: column.name)
    }

    /// The default the server stores: none for a NULL constant (`DEFAULT NULL` stores nothing), except
    /// on a type with a modifier, where the NULL goes through the modifier's coercion and is kept
    /// (`NULL::numeric`).
    func storedDefault(_ expression: ParseNode?, type: DataType?) throws -> String? {
        guard let expression else { return nil }
        var value = expression
        while let cast = value.node("TypeCast"), let argument = cast["arg"] { value = argument }
        if value.node("A_Const")?["isnull"]?.bool == true {
            let hasModifier = type.map { $0.schema == nil && $0.name.contains("(") } == true
            if let cast = expression.node("TypeCast") {
                // NULL cast to the column's own type folds to a NULL constant; other casts are kept.
                // On a type with a modifier, NULL cast to the bare type (`NULL::numeric`, as pg_dump
                // writes it) is what a plain NULL becomes.
                guard cast["arg"]?.node("A_Const") != nil, let typeName = cast["typeName"], let type,
                    try hasModifier ? dataType(typeName) == type.unmodified : dataType(typeName) == type
                else { throw fallback("a cast NULL default is not read offline") }
                return hasModifier ? "NULL" : nil
            }
            return hasModifier ? "NULL" : nil
        }
        guard expression.descendants("ColumnRef").isEmpty else { throw fallback("a default reading a column") }
        if let nextval = try resolvedNextval(expression) { return nextval }
        return try expressionSQL(expression)
    }

    /// A key, unique, check or foreign key constraint, under its name or the one the server makes up.
    /// `only`: the statement named the table with ONLY (a partitioned table's key is then not copied
    /// onto its partitions).
    mutating func addConstraint(
        _ constraint: ParseNode, to table: inout Table, column: String?, deferrable: Bool? = nil, initiallyDeferred: Bool? = nil,
        enforced: Bool? = nil, only: Bool = false
    ) throws {
        // A partition's columns are its parent's (the model keeps them there).
        var lookup = table
        if let parent = table.partitionOf, let parentModel = tables[parent] { lookup.columns = parentModel.columns }
        var model = try constraintModel(constraint, of: lookup, column: column, deferrable: deferrable, initiallyDeferred: initiallyDeferred)
        if try !isEnforced(constraint, column: enforced) {
            // Never validated, so NOT VALID means nothing for it (as the catalog is read).
            model.isEnforced = false
            model.isValidated = true
        }
        if table.kind == .partitioned || table.partitionOf != nil {
            // Keys are copied onto partitions; foreign keys on or to partitions are the server's to model.
            guard model.kind != .foreignKey else { throw fallback("a foreign key on a partitioned table or partition is not read offline") }
            if let parent = table.partitionOf, model.kind != .check {
                // A partition's own key (pg_dump's way), to be attached to the parent's one made with ONLY;
                // a key the parent copied onto it already would be a second one.
                guard let parentModel = tables[parent], parentModel.constraints.allSatisfy({ $0.kind == .check || onlyParentIndexes.contains(QualifiedName(parent.schema, $0.name)) }),
                    parentModel.indexes.allSatisfy({ onlyParentIndexes.contains(QualifiedName(parent.schema, $0.name)) })
                else { throw fallback("a key on a partition whose parent copies its keys onto it is not read offline") }
            }
            if table.kind == .partitioned, model.kind == .primaryKey || model.kind == .unique {
                try checkUniqueOnPartitioned(table.name, columns: model.columns)
                if only {
                    // Its partitions get no copy: each one's own key is attached to it later (or it stays invalid).
                    onlyParentIndexes.insert(QualifiedName(table.name.schema, model.name))
                } else {
                    try cloneIndexOntoPartitions(
                        of: table.name, columns: model.kind == .primaryKey ? [] : model.columns, label: model.kind == .primaryKey ? "pkey" : "key")
                }
            }
        }
        if let target = model.references?.table, partitionKeys[target] != nil || tables[target]?.partitionOf != nil {
            throw fallback("a foreign key to a partitioned table is not read offline")
        }
        if model.kind == .primaryKey {
            // A primary key makes its columns NOT NULL.
            for i in table.columns.indices where model.columns.contains(table.columns[i].name) { table.columns[i].isNotNull = true }
        }
        guard !table.constraints.contains(model.name) else { throw fallback("constraint \(model.name) already exists") }
        table.constraints.upsert(model)
        constraintNames[QualifiedName(table.name.schema, model.name), default: 0] += 1
        if model.kind == .primaryKey || model.kind == .unique { indexOwners[QualifiedName(table.name.schema, model.name)] = table.name }
    }

    /// Whether a check or foreign key is enforced. A column constraint's `[NOT] ENFORCED` is an item of
    /// its own after it (`column`); a table constraint's is `is_enforced`, which 18's parser writes when
    /// it is enforced and 15's never writes. Temporal keys (`WITHOUT OVERLAPS`, `PERIOD`) are the
    /// server's to judge: they need a range or multirange column and, for scalar columns, btree_gist.
    private func isEnforced(_ constraint: ParseNode, column: Bool?) throws -> Bool {
        if constraint["without_overlaps"]?.bool == true || constraint["fk_with_period"]?.bool == true {
            throw fallback("a temporal key is not read offline")
        }
        if let column { return column }
        guard PgQuery.grammarMajor >= 18, constraint["contype"]?.isString("CONSTR_CHECK") == true || constraint["contype"]?.isString("CONSTR_FOREIGN") == true
        else { return true }
        // A column constraint's own `is_enforced` is written true (its NOT ENFORCED, if any, came separately).
        return constraint["is_enforced"]?.bool == true
    }

    /// The model of a constraint clause on `table`.
    private func constraintModel(
        _ constraint: ParseNode, of model: Table, column: String?, deferrable: Bool?, initiallyDeferred: Bool?
    ) throws -> Constraint {
        let table = model.name
        guard let type = constraint["contype"]?.string else { throw fallback("a constraint without a type") }
        for unsupported in ["including", "options", "indexname", "indexspace", "exclusions", "where_clause"]
        where constraint[unsupported] != nil {
            throw fallback("a constraint with \(unsupported) is not read offline")
        }
        let initiallyDeferred = initiallyDeferred ?? (constraint["initdeferred"]?.bool == true)
        // INITIALLY DEFERRED implies DEFERRABLE.
        let deferrable = deferrable ?? (constraint["deferrable"]?.bool == true) || initiallyDeferred
        switch type {
        case "CONSTR_PRIMARY", "CONSTR_UNIQUE":
            var columns = constraint["keys"]?.strings ?? []
            if columns.isEmpty, let column { columns = [column] }
            let isPrimary = type == "CONSTR_PRIMARY"
            guard columns.allSatisfy({ model.column(named: $0) != nil }) else {
                throw fallback("a key on a column that does not exist")
            }
            if isPrimary, model.primaryKey != nil { throw fallback("a second primary key") }
            let name = constraint["conname"]?.string
                ?? chooseName(schema: table.schema, table: table.name, columns: isPrimary ? [] : columns, label: isPrimary ? "pkey" : "key")
            return Constraint(
                name: name, kind: isPrimary ? .primaryKey : .unique, columns: columns, isDeferrable: deferrable,
                isInitiallyDeferred: initiallyDeferred, nullsNotDistinct: constraint["nulls_not_distinct"]?.bool == true)
        case "CONSTR_CHECK":
            guard let expression = constraint["raw_expr"] else { throw fallback("an empty CHECK") }
            var read: [String] = []
            for reference in expression.descendants("ColumnRef") {
                if let name = reference["fields"]?.strings.last, !read.contains(name) { read.append(name) }
            }
            // A check naming a column the table lacks is the server's error to report.
            guard expression.descendants("ColumnRef").allSatisfy({ ($0["fields"]?.elements.count ?? 0) == 1 }),
                read.allSatisfy({ model.column(named: $0) != nil })
            else { throw fallback("a check reading a column that is not in its table") }
            let name = constraint["conname"]?.string
                ?? chooseName(schema: table.schema, table: table.name, columns: read.count == 1 ? read : [], label: "check")
            return Constraint(
                name: name, kind: .check, expression: try expressionSQL(expression, column: model.column(named:)),
                isValidated: constraint["initially_valid"]?.bool == true, isNoInherit: constraint["is_no_inherit"]?.bool == true)
        case "CONSTR_FOREIGN":
            var columns = constraint["fk_attrs"]?.strings ?? []
            if columns.isEmpty, let column { columns = [column] }
            guard let target = constraint["pktable"], let referenced = existingTable(target) ?? (newNameIfSelf(target, table)) else {
                throw fallback("a foreign key to a table that does not exist")
            }
            var targetColumns = constraint["pk_attrs"]?.strings ?? []
            if targetColumns.isEmpty {
                guard let key = (referenced == table ? model : tables[referenced])?.primaryKey else {
                    throw fallback("a foreign key to a table without a primary key")
                }
                targetColumns = key.columns
            }
            // The server refuses a foreign key without a key or unique constraint on the referenced columns.
            guard let referencedTable = referenced == table ? model : tables[referenced],
                Self.hasUniqueKey(referencedTable, on: Set(targetColumns)), columns.count == targetColumns.count,
                columns.allSatisfy({ model.column(named: $0) != nil })
            else { throw fallback("a foreign key the server would refuse or match differently") }
            let name = constraint["conname"]?.string
                ?? chooseName(schema: table.schema, table: table.name, columns: columns, label: "fkey")
            // ON DELETE SET NULL (a): the server requires the columns to be the key's own.
            let deleteSetColumns = constraint["fk_del_set_cols"]?.strings ?? []
            guard deleteSetColumns.allSatisfy(columns.contains) else { throw fallback("ON DELETE SET columns outside the foreign key") }
            return Constraint(
                name: name, kind: .foreignKey, columns: columns,
                references: ForeignKeyReference(
                    table: referenced, columns: targetColumns, onUpdate: try action(constraint["fk_upd_action"]),
                    onDelete: try action(constraint["fk_del_action"]), match: try match(constraint["fk_matchtype"]),
                    deleteSetColumns: deleteSetColumns),
                isDeferrable: deferrable, isInitiallyDeferred: initiallyDeferred,
                isValidated: constraint["initially_valid"]?.bool == true)
        default:
            throw fallback("constraint \(type) is not read offline")
        }
    }

    /// A foreign key of a table to itself, named before the table is complete.
    private func newNameIfSelf(_ target: ParseNode, _ table: QualifiedName) -> QualifiedName? {
        let name = target["relname"]?.string ?? ""
        let schema = target["schemaname"]?.string
        return name == table.name && (schema == nil || schema == table.schema) ? table : nil
    }

    private func action(_ code: ParseNode?) throws -> ForeignKeyReference.Action {
        switch code?.string ?? "a" {
        case "a": return .noAction
        case "r": return .restrict
        case "c": return .cascade
        case "n": return .setNull
        case "d": return .setDefault
        default: throw fallback("an unknown foreign key action")
        }
    }

    private func match(_ code: ParseNode?) throws -> ForeignKeyReference.Match {
        switch code?.string ?? "s" {
        case "s": return .simple
        case "f": return .full
        case "p": return .partial
        default: throw fallback("an unknown foreign key match")
        }
    }

    /// Forgets a constraint's name in its schema.
    mutating func releaseConstraintName(_ name: QualifiedName) {
        constraintNames[name, default: 1] -= 1
        if constraintNames[name] == 0 { constraintNames[name] = nil }
        if let owner = indexOwners[name], tables[owner]?.indexes.contains(name.name) != true { indexOwners[name] = nil }
    }

    /// Removes a table, after checking no other table's foreign key leans on it.
    mutating func dropTable(_ name: QualifiedName) throws {
        // Partitions go with their parent.
        for partition in tables.values where partition.partitionOf == name { try dropTable(partition.name) }
        for (index, partition) in partitionIndexNames where partition == name { partitionIndexNames[index] = nil }
        partitionKeys[name] = nil
        let leaning = tables.values.contains { other in
            other.name != name && other.constraints.contains { $0.references?.table == name }
        }
        guard !leaning else { throw fallback("dropping \(name) would drop foreign keys of other tables") }
        guard let table = tables.removeValue(forKey: name) else { return }
        for constraint in table.constraints { releaseConstraintName(QualifiedName(name.schema, constraint.name)) }
        for index in table.indexes { indexOwners[QualifiedName(name.schema, index.name)] = nil }
        // Sequences a column owns go with the table.
        for (sequence, model) in sequences where model.ownedBy?.table == name { sequences[sequence] = nil }
        for (sequence, owner) in identitySequences where owner.table == name { identitySequences[sequence] = nil }
    }

    /// Whether a primary key, unique constraint or plain unique index covers exactly `columns`.
    static func hasUniqueKey(_ table: Table, on columns: Set<String>) -> Bool {
        let byConstraint = table.constraints.contains { constraint in
            (constraint.kind == .primaryKey || constraint.kind == .unique) && Set(constraint.columns) == columns
        }
        let byIndex = table.indexes.contains { index in
            let keyColumns = index.keys.compactMap(\.column)
            return index.isUnique && index.predicate == nil && keyColumns.count == index.keys.count && Set(keyColumns) == columns
        }
        return byConstraint || byIndex
    }
}
