import PgDriftModel
import PgDriftSQL

extension OfflineReplay {
    /// `CREATE [UNIQUE] INDEX`: column and expression keys with their ordering, INCLUDE columns, a
    /// predicate. Operator classes, collations and storage options fall back.
    mutating func createIndex(_ node: ParseNode) throws {
        for unsupported in ["options", "tableSpace", "excludeOpNames"] where node[unsupported] != nil {
            throw fallback("an index with \(unsupported) is not read offline")
        }
        guard let rangeVar = node["relation"] else { throw fallback("an index without a table") }
        if existingTable(rangeVar) == nil,
            let view = existing(schema: rangeVar["schemaname"]?.string, name: rangeVar["relname"]?.string ?? "", in: { views[$0]?.isMaterialized == true })
        {
            try createIndex(node, onMaterializedView: view)
            return
        }
        guard let table = existingTable(rangeVar) else { throw fallback("an index on a table that does not exist here") }
        // A partition's columns are its parent's (the model keeps them there).
        let columns = tables[table]?.partitionOf.flatMap { tables[$0]?.columns } ?? tables[table]?.columns ?? []
        let (keys, generatedNameParts) = try indexKeys(node) { name in columns.first { $0.name == name } }
        let include = (node["indexIncludingParams"]?.elements ?? []).compactMap { $0.node("IndexElem")?["name"]?.string }
        let name: String
        if let given = node["idxname"]?.string {
            if isNameTaken(QualifiedName(table.schema, given)) {
                if node["if_not_exists"]?.bool == true { return }
                throw fallback("\(given) already exists")
            }
            name = given
        } else {
            name = chooseName(schema: table.schema, table: table.name, columns: generatedNameParts, label: "idx")
        }
        if let parent = tables[table]?.partitionOf {
            // A partition's own index (pg_dump's way), to be attached to the parent's one made with ONLY.
            guard let parentModel = tables[parent], parentModel.indexes.allSatisfy({ onlyParentIndexes.contains(QualifiedName(parent.schema, $0.name)) }) else {
                throw fallback("an index on a partition whose parent copies its indexes onto it is not read offline")
            }
        } else if partitionKeys[table] != nil {
            guard node["concurrent"]?.bool != true else { throw fallback("CREATE INDEX CONCURRENTLY on a partitioned table") }
            let columns = keys.compactMap(\.column)
            if node["unique"]?.bool == true { try checkUniqueOnPartitioned(table, columns: columns) }
            if rangeVar["inh"]?.bool != true {
                // ON ONLY: the partitions get no copy; their own indexes are attached to it one by one later.
                onlyParentIndexes.insert(QualifiedName(table.schema, name))
            } else {
                try cloneIndexOntoPartitions(of: table, columns: columns.count == keys.count ? generatedNameParts : nil, label: "idx")
            }
        }
        let index = try index(node, name: name, keys: keys, include: include) { name in columns.first { $0.name == name } }
        tables[table]?.indexes.upsert(index)
        indexOwners[QualifiedName(table.schema, name)] = table
    }

    /// An index on a materialized view: the same keys, on the view's output columns.
    private mutating func createIndex(_ node: ParseNode, onMaterializedView view: QualifiedName) throws {
        let columns = views[view]?.columns ?? []
        let (keys, generatedNameParts) = try indexKeys(node) { name in columns.first { $0.name == name }.map { Column(name: $0.name, type: $0.type) } }
        let include = (node["indexIncludingParams"]?.elements ?? []).compactMap { $0.node("IndexElem")?["name"]?.string }
        let name = node["idxname"]?.string ?? chooseName(schema: view.schema, table: view.name, columns: generatedNameParts, label: "idx")
        if isNameTaken(QualifiedName(view.schema, name)) {
            if node["if_not_exists"]?.bool == true { return }
            throw fallback("\(name) already exists")
        }
        let index = try index(node, name: name, keys: keys, include: include) { name in
            columns.first { $0.name == name }.map { Column(name: $0.name, type: $0.type) }
        }
        views[view]?.indexes.upsert(index)
        indexOwners[QualifiedName(view.schema, name)] = view
    }

    private func index(_ node: ParseNode, name: String, keys: [IndexKey], include: [String], column: (String) -> Column?) throws -> Index {
        Index(
            name: name, method: node["accessMethod"]?.string ?? "btree", isUnique: node["unique"]?.bool == true,
            nullsNotDistinct: node["nulls_not_distinct"]?.bool == true, keys: keys, include: include,
            predicate: try node["whereClause"].map { try expressionSQL($0, column: column) })
    }

    /// The keys of `CREATE INDEX` and the parts the server makes a name from, columns looked up by name.
    private func indexKeys(_ node: ParseNode, column columnNamed: (String) -> Column?) throws -> ([IndexKey], [String]) {
        var keys: [IndexKey] = []
        var generatedNameParts: [String] = []
        for element in node["indexParams"]?.elements ?? [] {
            guard let key = element.node("IndexElem") else { continue }
            guard key["collation"] == nil, key["opclassopts"] == nil, key["opclass"] == nil || key["name"] != nil else {
                throw fallback("an index key with a collation, or an operator class on an expression, is not read offline")
            }
            let descending = key["ordering"]?.isString("SORTBY_DESC") == true
            let nullsFirst: Bool? = switch key["nulls_ordering"]?.string {
            case "SORTBY_NULLS_FIRST": true
            case "SORTBY_NULLS_LAST": false
            default: nil
            }
            if let column = key["name"]?.string {
                guard let found = columnNamed(column) else { throw fallback("index key \(column) does not exist") }
                let operatorClass = try key["opclass"].flatMap { try self.operatorClass($0.strings, method: node["accessMethod"]?.string ?? "btree", column: found) }
                keys.append(IndexKey(column: column, expression: nil, operatorClass: operatorClass, descending: descending, nullsFirst: nullsFirst))
                generatedNameParts.append(key["indexcolname"]?.string ?? column)
            } else if let expression = key["expr"] {
                // A bare column in parentheses is a column key to the server.
                if let reference = expression.node("ColumnRef")?["fields"]?.strings, reference.count == 1 {
                    keys.append(IndexKey(column: reference[0], expression: nil, descending: descending, nullsFirst: nullsFirst))
                    generatedNameParts.append(reference[0])
                } else {
                    keys.append(IndexKey(column: nil, expression: try expressionSQL(expression, column: columnNamed), descending: descending, nullsFirst: nullsFirst))
                    generatedNameParts.append(key["indexcolname"]?.string ?? IndexColumnNames.name(of: expression))
                }
            }
        }
        return (keys, generatedNameParts)
    }

    /// Built-in operator classes by name: the access method and column types they serve, and whether
    /// they are those types' default (the catalog, and the model, name only a non-default one). text's
    /// classes serve varchar too, which has none of its own (binary coercible, as pdns's and bacula's
    /// schemas use text_pattern_ops on varchar columns).
    static let builtinOperatorClasses: [String: (method: String, types: Set<String>, isDefault: Bool)] = [
        "jsonb_path_ops": ("gin", ["jsonb"], false), "jsonb_ops": ("gin", ["jsonb"], true),
        "text_pattern_ops": ("btree", ["text", "character varying"], false), "text_ops": ("btree", ["text", "character varying"], true),
        "int4_ops": ("btree", ["integer"], true), "int8_ops": ("btree", ["bigint"], true),
    ]

    /// The non-default operator class a key names, nil for the default one; others (an extension's,
    /// a user's) fall back.
    private func operatorClass(_ names: [String], method: String, column: Column?) throws -> QualifiedName? {
        let (schema, name) = try parts(names)
        // pg_catalog is searched first, so a built-in name wins over an extension's.
        if schema != "pg_catalog" && (schema != nil || Self.builtinOperatorClasses[name] == nil),
            let (qualified, installed) = extensionOperatorClass(schema: schema, name: name)
        {
            guard let column, column.type == installed.type, installed.method == method else {
                throw fallback("operator class \(name) of an extension on another type or access method is not read offline")
            }
            return installed.isDefault ? nil : qualified
        }
        guard schema == nil || schema == "pg_catalog", let known = Self.builtinOperatorClasses[name],
            let column, !column.type.isArray, column.type.schema == nil || column.type.schema == "pg_catalog",
            // A built-in type's name carries its modifier (`character varying(255)`): the class serves the type.
            known.types.contains(String(column.type.name.prefix { $0 != "(" })), known.method == method
        else { throw fallback("operator class \(name) is not read offline") }
        return known.isDefault ? nil : QualifiedName("pg_catalog", name)
    }
}
