import PgDriftModel

/// Works out an `Explanation` from what was read: the database's model and the role's access, the views
/// that depend on the object (from pg_depend), and the expected model. Pure.
struct Explainer {
    let reading: DatabaseReading
    let database: RelationIndex
    let expected: Catalog?
    let expectedSource: String

    init(reading: DatabaseReading, expected: Catalog?, expectedSource: String) {
        self.reading = reading
        database = RelationIndex(reading.catalog, access: reading.access)
        self.expected = expected
        self.expectedSource = expectedSource
    }

    var access: RoleAccess { reading.access }

    /// What NAME asks about. Two parts are `table.column`, unless no relation has the first part's name
    /// and a schema does: then `schema.table`.
    static func target(of name: ObjectName, in database: RelationIndex) -> (kind: Explanation.Kind, ref: ObjectRef) {
        let parts = name.parts
        switch parts.count {
        case 1:
            return (.table, ObjectRef(schema: nil, table: parts[0]))
        case 2 where database.named(parts[0]).isEmpty && database.schemas.contains(parts[0]):
            return (.table, ObjectRef(schema: parts[0], table: parts[1]))
        case 2:
            return (.column, ObjectRef(schema: nil, table: parts[0], column: parts[1]))
        default:
            return (.column, ObjectRef(schema: parts[0], table: parts[1], column: parts[2]))
        }
    }

    /// The relation a target names, as PostgreSQL would find it: in its schema, or along the role's
    /// search_path; failing that, in a schema off the search_path (flagged).
    static func locate(_ target: ObjectRef, in database: RelationIndex, searchPath: [String]) -> (entry: RelationIndex.Entry, offPath: Bool)? {
        if let schema = target.schema {
            return database[QualifiedName(schema, target.table)].map { ($0, false) }
        }
        for schema in searchPath {
            if let entry = database[QualifiedName(schema, target.table)] { return (entry, false) }
        }
        return database.named(target.table).first.map { ($0, true) }
    }

    func explain(_ name: ObjectName) -> Explanation {
        let (kind, target) = Self.target(of: name, in: database)
        let located = Self.locate(target, in: database, searchPath: access.searchPath)
        var found: ObjectRef?
        if let entry = located?.entry {
            if let column = target.column {
                if entry.column(column) != nil { found = entry.ref(column: column) }
            } else {
                found = entry.ref()
            }
        }
        var reasons = relationReasons(target, located: located)
        if kind == .column { reasons += columnReasons(target, located: located?.entry, exists: found != nil) }
        if let found { reasons += visibilityReasons(found) }
        let expectedSide = expectedSide(target, databaseSchema: located?.entry.name.schema)
        reasons += driftReasons(database: found, expected: expectedSide)

        let databaseSide = DatabaseSide(
            connection: reading.connection, role: access.role, searchPath: access.searchPath, exists: found != nil,
            object: found, visibleToRole: found.map(isVisible))
        let table = located?.entry.name ?? QualifiedName(target.schema ?? access.searchPath.first ?? "public", target.table)
        return Explanation(
            name: name.text, kind: kind, target: target, database: databaseSide, expected: expectedSide, reasons: reasons,
            similar: found == nil ? similarNames(kind, target, table: located?.entry.name) : [],
            referencedBy: referrers(table: table, column: target.column, tableExists: located != nil,
                                    schemaGiven: target.schema != nil || located != nil))
    }

    // MARK: reasons

    private func relationReasons(_ target: ObjectRef, located: (entry: RelationIndex.Entry, offPath: Bool)?) -> [Reason] {
        var reasons: [Reason] = []
        let sameName = database.named(target.table)
        if let (entry, offPath) = located {
            if offPath {
                reasons.append(Reason(
                    kind: .outsideSearchPath,
                    message: "\(entry.kind) \(entry.name) is in schema \(entry.name.schema), which is not on the search_path of role \(access.role) (\(path)): an unqualified \(SQLQuote.identifier(target.table)) does not find it; write \(entry.name)",
                    objects: [entry.ref()]))
            }
            let others = sameName.filter { $0.name != entry.name }
            if !others.isEmpty {
                reasons.append(Reason(
                    kind: .otherSchema,
                    message: "other schemas also have a relation named \(SQLQuote.identifier(target.table)): \(others.map(\.name.description).joined(separator: ", "))",
                    objects: others.map { $0.ref() }))
            }
        } else {
            if !sameName.isEmpty {
                reasons.append(Reason(
                    kind: .otherSchema,
                    message: "no \(SQLQuote.identifier(target.table)) in schema \(target.schema ?? path); it is in \(sameName.map(\.name.description).joined(separator: ", "))",
                    objects: sameName.map { $0.ref() }))
            }
            let variants = database.caseVariants(of: target.table, schema: target.schema)
            if !variants.isEmpty {
                reasons.append(Reason(
                    kind: .caseOrQuoting,
                    message: "differs only by case or quoting: the database has \(variants.map(\.name.description).joined(separator: ", "))"
                        + " (unquoted names are folded to lower case; a name with capitals must be written in double quotes)",
                    objects: variants.map { $0.ref() }))
            }
            if sameName.isEmpty && variants.isEmpty {
                reasons.append(Reason(
                    kind: .nowhere, message: "no table or view in any schema is called \(SQLQuote.identifier(target.table))", objects: []))
            }
            if target.column != nil {
                reasons.append(Reason(
                    kind: .missingTable,
                    message: "table \([target.schema, target.table].compactMap { $0 }.map(SQLQuote.identifier).joined(separator: ".")) does not exist\(target.schema == nil ? " on the search_path (\(path))" : "")",
                    objects: []))
            }
        }
        return reasons
    }

    private func columnReasons(_ target: ObjectRef, located entry: RelationIndex.Entry?, exists: Bool) -> [Reason] {
        guard let column = target.column else { return [] }
        var reasons: [Reason] = []
        if let entry, exists, entry.kind.hasSuffix("view") {
            reasons.append(Reason(
                kind: .viewColumn,
                message: "it is a column of \(entry.kind) \(entry.name), not of a table: information_schema.columns lists it, but pg_tables and ALTER TABLE do not know it",
                objects: [entry.ref(column: column)]))
        }
        guard !exists else { return reasons }
        if let entry, let columns = entry.columns {
            let variants = columns.filter { $0.name != column && $0.name.lowercased() == column.lowercased() }
            if !variants.isEmpty {
                reasons.append(Reason(
                    kind: .caseOrQuoting,
                    message: "differs only by case or quoting: \(entry.name) has \(variants.map { SQLQuote.identifier($0.name) }.joined(separator: ", "))"
                        + " (unquoted names are folded to lower case; a name with capitals must be written in double quotes)",
                    objects: variants.map { entry.ref(column: $0.name) }))
            }
        }
        // The exact name elsewhere: the same table in another schema, views, other tables. (When the
        // table itself is missing, the reasons about the table say more.)
        guard let entry else { return reasons }
        let holders = database.all.filter { $0.name != entry.name && $0.column(column) != nil }
        let sameTable = holders.filter { $0.name.name == target.table }
        let views = holders.filter { $0.kind.hasSuffix("view") && $0.name.name != target.table }
        let tables = holders.filter { !$0.kind.hasSuffix("view") && $0.name.name != target.table }
        if !sameTable.isEmpty {
            reasons.append(Reason(
                kind: .otherSchema,
                message: "\(sameTable.map { $0.ref(column: column).description }.joined(separator: ", ")) exists in another schema",
                objects: sameTable.map { $0.ref(column: column) }))
        }
        if !views.isEmpty {
            reasons.append(Reason(
                kind: .viewColumn,
                message: "it is a column of \(views.map { "\($0.kind) \($0.name)" }.joined(separator: ", "))",
                objects: views.map { $0.ref(column: column) }))
        }
        if !tables.isEmpty {
            reasons.append(Reason(
                kind: .otherTables,
                message: "other tables have a column \(SQLQuote.identifier(column)): \(tables.map(\.name.description).joined(separator: ", "))",
                objects: tables.map { $0.ref(column: column) }))
        }
        if holders.isEmpty && !reasons.contains(where: { $0.kind == .caseOrQuoting }) {
            reasons.append(Reason(
                kind: .nowhere, message: "no table or view in any schema has a column \(SQLQuote.identifier(column))", objects: []))
        }
        return reasons
    }

    private func isVisible(_ object: ObjectRef) -> Bool {
        guard let schema = object.schema else { return true }
        let name = QualifiedName(schema, object.table)
        return object.column.map { access.canSee(column: $0, of: name) } ?? access.canSee(name)
    }

    private func visibilityReasons(_ object: ObjectRef) -> [Reason] {
        guard let schema = object.schema, !isVisible(object) else { return [] }
        let name = QualifiedName(schema, object.table)
        let why: String
        if !access.canUse(schema: schema) {
            why = "role \(access.role) has no USAGE on schema \(SQLQuote.identifier(schema))"
        } else if !access.canSee(name) {
            why = "role \(access.role) holds no privilege on \(name)"
        } else {
            why = "role \(access.role) holds no privilege on column \(SQLQuote.identifier(object.column ?? ""))"
        }
        return [Reason(
            kind: .notVisible,
            message: "\(why): it exists (pg_catalog lists it), but information_schema hides it from this role and its queries fail with \"permission denied\"",
            objects: [object])]
    }

    private var path: String { access.searchPath.isEmpty ? "empty search_path" : access.searchPath.joined(separator: ", ") }

    // MARK: expected side

    private func expectedSide(_ target: ObjectRef, databaseSchema: String?) -> ExpectedSide {
        guard let expected else { return ExpectedSide(source: expectedSource, exists: false) }
        let index = RelationIndex(expected)
        let schemas = [target.schema, databaseSchema, "public"].compactMap { $0 }
        let entry = schemas.lazy.compactMap { index[QualifiedName($0, target.table)] }.first
            ?? (target.schema == nil ? index.named(target.table).first : nil)
        guard let entry else { return ExpectedSide(source: expectedSource, exists: false) }
        let kind: ObjectKind = entry.kind.hasSuffix("view") ? .view : .table
        if let column = target.column {
            guard entry.column(column) != nil else { return ExpectedSide(source: expectedSource, exists: false, object: entry.ref()) }
            let location = expected.sources[ObjectID(kind: .column, schema: entry.name.schema, relation: entry.name.name, name: column)]
                ?? expected.sources[ObjectID(kind: kind, schema: entry.name.schema, name: entry.name.name)]
            return ExpectedSide(source: expectedSource, exists: true, object: entry.ref(column: column), location: location)
        }
        return ExpectedSide(
            source: expectedSource, exists: true, object: entry.ref(),
            location: expected.sources[ObjectID(kind: kind, schema: entry.name.schema, name: entry.name.name)])
    }

    private func driftReasons(database found: ObjectRef?, expected side: ExpectedSide) -> [Reason] {
        guard expected != nil else { return [] }
        if found == nil, side.exists, let object = side.object {
            return [Reason(
                kind: .drift,
                message: "the expected schema (\(expectedSource)) has \(object)\(object.type.map { " \($0)" } ?? ""): the database drifted; pgdrift plan writes the migration that adds it",
                objects: [object])]
        }
        if let found, !side.exists {
            return [Reason(
                kind: .drift,
                message: "the expected schema (\(expectedSource)) does not have \(found): it is extra in the database",
                objects: [found])]
        }
        return []
    }
}
