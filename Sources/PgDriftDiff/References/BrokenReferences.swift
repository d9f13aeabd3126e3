import PgDriftModel
import PgDriftSQL

/// `broken_reference`: functions whose bodies name a table or column the database does not have. Such
/// a function was created fine (PL/pgSQL checks names only when a statement runs) and fails when it
/// reaches that line. Dynamic SQL cannot be read; a function that runs some gets one `info` finding.
package enum BrokenReferences {
    /// One function's reference to something missing, with every body line that names it.
    package struct Reference: Hashable, Sendable {
        /// The function whose body names the missing object.
        package var function: FunctionKey
        /// The missing table, or the table of the missing column.
        package var table: QualifiedName
        /// The missing column; nil when the table is missing.
        package var column: String?
        /// The lines of the function body (1-based) that name it.
        package var lines: [Int]
    }

    /// The findings for every function of `catalog` (the database's model). `access` lists relations
    /// outside the model, which are not missing; without it only the model is consulted.
    package static func findings(in catalog: Catalog, access: RoleAccess? = nil) -> [Finding] {
        let read = readBodies(catalog)
        let created = createdTables(read)
        var findings: [Finding] = []
        for function in catalog.functions {
            guard let references = read[function.key] else { continue }
            for reference in missing(in: function, references, catalog: catalog, access: access, created: created) {
                findings.append(finding(reference))
            }
            if !references.dynamicSQLLines.isEmpty {
                findings.append(Finding(
                    kind: .uncheckedDynamicSQL, schema: function.name.schema, object: signature(function.key),
                    message: "function \(qualifiedSignature(function.key)) runs dynamic SQL (\(lines(references.dynamicSQLLines))): the names it uses are only known when it runs",
                    hint: "pgdrift cannot check the tables and columns of EXECUTE statements"))
            }
        }
        return findings
    }

    /// Every reference of `catalog`'s functions to a table or column (also ones that exist), for
    /// `explain`'s "what refers to it": the function, the table it resolved to and the lines.
    package static func references(in catalog: Catalog, access: RoleAccess? = nil) -> [Reference] {
        let read = readBodies(catalog)
        let lookup = RelationLookup(catalog: catalog, access: access)
        var found: [Reference] = []
        for function in catalog.functions {
            guard let references = read[function.key] else { continue }
            let path = RelationLookup.Path.of(function)
            var byTarget: [Target: [Int]] = [:]
            for reference in references.references {
                for target in resolvedTargets(reference.target, lookup: lookup, path: path) {
                    byTarget[target, default: []].append(reference.line)
                }
            }
            found += byTarget.map { Reference(function: function.key, table: $0.key.table, column: $0.key.column, lines: $0.value.sorted()) }
        }
        return found.sorted { ($0.function, $0.table, $0.column ?? "") < ($1.function, $1.table, $1.column ?? "") }
    }

    // MARK: reading

    private static func readBodies(_ catalog: Catalog) -> [FunctionKey: FunctionBodyReferences] {
        var read: [FunctionKey: FunctionBodyReferences] = [:]
        for function in catalog.functions {
            // A body PostgreSQL's parsers cannot read without a catalog is left unchecked.
            if let references = try? FunctionBodyReferences.read(
                body: function.body, language: function.language, arguments: function.arguments,
                returnType: function.kind == .procedure ? nil : function.returnType ?? "void")
            {
                read[function.key] = references
            }
        }
        return read
    }

    /// Tables some function creates for itself (temporary tables): others may use them too.
    private static func createdTables(_ read: [FunctionKey: FunctionBodyReferences]) -> Set<String> {
        Set(read.values.flatMap { $0.createdRelations.map(\.name) })
    }

    private struct Target: Hashable {
        var table: QualifiedName
        var column: String?
    }

    /// The references that certainly point at nothing, one per missing name, with their lines.
    private static func missing(
        in function: Function, _ references: FunctionBodyReferences, catalog: Catalog, access: RoleAccess?, created: Set<String>
    ) -> [Reference] {
        let lookup = RelationLookup(catalog: catalog, access: access)
        let path = RelationLookup.Path.of(function)
        var lines: [Target: [Int]] = [:]
        for reference in references.references {
            guard let target = missingTarget(reference.target, lookup: lookup, path: path, created: created) else { continue }
            lines[target, default: []].append(reference.line)
        }
        return lines.map { Reference(function: function.key, table: $0.key.table, column: $0.key.column, lines: $0.value.sorted()) }
            .sorted { ($0.table, $0.column ?? "") < ($1.table, $1.column ?? "") }
    }

    private static func missingTarget(
        _ target: SQLReference.Target, lookup: RelationLookup, path: RelationLookup.Path, created: Set<String>
    ) -> Target? {
        switch target {
        case .relation(let name):
            if created.contains(name.name) { return nil }
            if case .missing(let expectedAt) = lookup.resolve(name, along: path) { return Target(table: expectedAt) }
        case .column(let relation, let column):
            if case .found(let table, let columns?) = lookup.resolve(relation, along: path), !columns.contains(column) {
                return Target(table: table, column: column)
            }
        case .unqualifiedColumn(let column, let scopes):
            // PostgreSQL looks in the innermost FROM first, then outwards; stop at the first level that
            // has it, or that holds anything whose columns are unknown.
            var innermost: QualifiedName?
            for (depth, level) in scopes.enumerated() {
                var tables: [QualifiedName] = []
                for relation in level {
                    guard case .found(let table, let columns?) = lookup.resolve(relation, along: path) else { return nil }
                    if columns.contains(column) { return nil }
                    tables.append(table)
                }
                if depth == 0 { innermost = tables.count == 1 ? tables[0] : nil }
            }
            // Nowhere: it was meant for the one table of the innermost FROM (else it is unclear which).
            if let innermost { return Target(table: innermost, column: column) }
        }
        return nil
    }

    /// What a reference resolves to, whether or not it exists: a table, or a table's column.
    private static func resolvedTargets(_ target: SQLReference.Target, lookup: RelationLookup, path: RelationLookup.Path) -> [Target] {
        func table(_ name: RelationName) -> QualifiedName? {
            switch lookup.resolve(name, along: path) {
            case .found(let table, _), .missing(let table): return table
            case .unsure: return nil
            }
        }
        switch target {
        case .relation(let name):
            return table(name).map { [Target(table: $0)] } ?? []
        case .column(let relation, let column):
            return table(relation).map { [Target(table: $0, column: column)] } ?? []
        case .unqualifiedColumn(let column, let scopes):
            // The first table in scope that has the column; if none does, the innermost one.
            for level in scopes {
                for relation in level {
                    if case .found(let table, let columns?) = lookup.resolve(relation, along: path), columns.contains(column) {
                        return [Target(table: table, column: column)]
                    }
                }
            }
            if let only = scopes.first, only.count == 1, let name = table(only[0]) { return [Target(table: name, column: column)] }
            return []
        }
    }

    // MARK: findings

    private static func finding(_ reference: Reference) -> Finding {
        let what = reference.column.map { "column \(reference.table.name).\($0)" } ?? "table \(reference.table)"
        return Finding(
            kind: .brokenReference, schema: reference.table.schema, table: reference.table.name, column: reference.column,
            object: signature(reference.function),
            message: "function \(qualifiedSignature(reference.function)) refers to \(what), which does not exist (\(lines(reference.lines)) of its body)",
            hint: "the function fails when it reaches that line: create the \(reference.column == nil ? "table" : "column") or change the function")
    }

    static func signature(_ key: FunctionKey) -> String { "\(key.name.name)(\(key.identityArguments))" }

    static func qualifiedSignature(_ key: FunctionKey) -> String { "\(key.name)(\(key.identityArguments))" }

    /// `line 13`, `lines 4, 9`.
    static func lines(_ numbers: [Int]) -> String {
        let unique = Array(Set(numbers)).sorted()
        return (unique.count == 1 ? "line " : "lines ") + unique.map(String.init).joined(separator: ", ")
    }
}
