import PgDriftModel
import PgDriftSQL

extension SourceMapRecorder {
    /// `CREATE TABLE`: the table, each column at its own element, each constraint (named, or under the
    /// name PostgreSQL makes up), and the sequences behind `serial` columns.
    mutating func recordCreateTable(_ node: ParseNode, at statement: SourceLocation) {
        guard let rangeVar = node["relation"] else { return }
        let table = newRelationName(rangeVar)
        if relations[table] != nil, node["if_not_exists"]?.bool == true { return }
        removeRelation(table)
        let elements = node["tableElts"]?.elements ?? []
        var sources = RelationSources(kind: .table, location: location(of: rangeVar, or: statement))
        // Room for the columns and their constraints at once, not grown (and rehashed) one by one.
        sources.members.reserveCapacity(elements.count * 2)
        relations[table] = sources
        for element in elements {
            if let column = element.node("ColumnDef") {
                recordColumn(column, of: table, at: statement)
            } else if let constraint = element.node("Constraint") {
                recordConstraint(constraint, of: table, column: nil, at: statement)
            }
        }
    }

    /// A column definition (in `CREATE TABLE` or `ADD COLUMN`) and the constraints written on it.
    mutating func recordColumn(_ column: ParseNode, of table: QualifiedName, at statement: SourceLocation) {
        guard let name = column["colname"]?.string else { return }
        let here = location(of: column, or: statement)
        relations[table]?.members[MemberKey(kind: .column, name: name)] = here
        if let typeName = column["typeName"], let type = typeName["names"]?.strings.last,
            ["serial", "serial4", "bigserial", "serial8", "smallserial", "serial2"].contains(type)
        {
            let sequence = chooseName(schema: table.schema, table: table.name, columns: [name], label: "seq")
            standalone[ObjectID(kind: .sequence, schema: table.schema, name: sequence)] = here
        }
        for constraint in column["constraints"]?.elements ?? [] {
            guard let body = constraint.node("Constraint") else { continue }
            recordConstraint(body, of: table, column: name, at: statement)
        }
    }

    /// A key, unique, foreign key, check or exclusion constraint. Others (NOT NULL, DEFAULT, ...) are
    /// properties of their column.
    mutating func recordConstraint(_ constraint: ParseNode, of table: QualifiedName, column: String?, at statement: SourceLocation) {
        guard let type = constraint["contype"]?.string else { return }
        let label: String
        var columns: [String]
        switch type {
        case "CONSTR_PRIMARY":
            label = "pkey"
            columns = []
        case "CONSTR_UNIQUE":
            label = "key"
            columns = constraint["keys"]?.strings ?? []
            if columns.isEmpty, let column { columns = [column] }
        case "CONSTR_FOREIGN":
            label = "fkey"
            columns = constraint["fk_attrs"]?.strings ?? []
            if columns.isEmpty, let column { columns = [column] }
        case "CONSTR_CHECK":
            // Named after the one column its expression reads, else after the table alone.
            label = "check"
            var read: [String] = []
            for reference in constraint["raw_expr"]?.descendants("ColumnRef") ?? [] {
                if let name = reference["fields"]?.strings.last, !read.contains(name) { read.append(name) }
            }
            columns = read.count == 1 ? read : []
        case "CONSTR_EXCLUSION":
            label = "excl"
            columns = (constraint["exclusions"]?.elements ?? []).compactMap {
                $0.elements.first?.node("IndexElem").map { $0["name"]?.string ?? "expr" }
            }
        default:
            return
        }
        let name: String
        if let given = constraint["conname"]?.string {
            name = given
        } else if let index = constraint["indexname"]?.string {
            name = index  // ADD PRIMARY KEY USING INDEX keeps the index's name
        } else {
            name = chooseName(schema: table.schema, table: table.name, columns: columns, label: label)
        }
        if let index = constraint["indexname"]?.string {
            let indexName = QualifiedName(table.schema, index)
            indexOwners[indexName] = nil
            relations[table]?.members[MemberKey(kind: .index, name: index)] = nil
        }
        let here = location(of: constraint, or: statement)
        relations[table]?.members[MemberKey(kind: .constraint, name: name)] = here
        constraintOwners[QualifiedName(table.schema, name)] = table
        if label == "pkey" || label == "key" || label == "excl" { indexOwners[QualifiedName(table.schema, name)] = table }
    }

    /// `ALTER TABLE`: added columns and constraints, columns changed in place, drops.
    mutating func recordAlterTable(_ node: ParseNode, at statement: SourceLocation) {
        guard let rangeVar = node["relation"] else { return }
        if let type = node["objtype"], !type.isString("OBJECT_TABLE") && !type.isString("OBJECT_FOREIGN_TABLE")
            && !type.isString("OBJECT_MATVIEW") && !type.isString("OBJECT_VIEW")
        {
            return
        }
        let table = existingRelationName(rangeVar)
        guard relations[table] != nil else { return }
        for command in node["cmds"]?.elements ?? [] {
            guard let command = command.node("AlterTableCmd"), let subtype = command["subtype"]?.string else { continue }
            let columnName = command["name"]?.string
            switch subtype {
            case "AT_AddColumn", "AT_AddColumnToView":
                guard let column = command["def"]?.node("ColumnDef"), let name = column["colname"]?.string else { continue }
                let exists = relations[table]?.members[MemberKey(kind: .column, name: name)] != nil
                if exists && command["missing_ok"]?.bool == true { continue }
                recordColumn(column, of: table, at: statement)
            case "AT_AlterColumnType":
                guard let columnName else { continue }
                let here = location(of: command["def"]?.node("ColumnDef"), or: statement)
                relations[table]?.members[MemberKey(kind: .column, name: columnName)] = here
            case "AT_ColumnDefault", "AT_DropNotNull", "AT_SetNotNull", "AT_AddIdentity", "AT_SetIdentity",
                "AT_DropIdentity", "AT_DropExpression", "AT_CookedColumnDefault":
                guard let columnName, relations[table]?.members[MemberKey(kind: .column, name: columnName)] != nil else { continue }
                relations[table]?.members[MemberKey(kind: .column, name: columnName)] = statement
            case "AT_DropColumn":
                guard let columnName else { continue }
                relations[table]?.members[MemberKey(kind: .column, name: columnName)] = nil
            case "AT_AddConstraint":
                guard let constraint = command["def"]?.node("Constraint") else { continue }
                recordConstraint(constraint, of: table, column: nil, at: statement)
            case "AT_DropConstraint":
                guard let columnName else { continue }
                relations[table]?.members[MemberKey(kind: .constraint, name: columnName)] = nil
                constraintOwners[QualifiedName(table.schema, columnName)] = nil
                if indexOwners[QualifiedName(table.schema, columnName)] == table {
                    indexOwners[QualifiedName(table.schema, columnName)] = nil
                }
            default:
                break
            }
        }
    }

    /// Forgets a relation and every name it held.
    mutating func removeRelation(_ name: QualifiedName) {
        guard relations.removeValue(forKey: name) != nil else { return }
        indexOwners = indexOwners.filter { $0.value != name }
        constraintOwners = constraintOwners.filter { $0.value != name }
    }
}
