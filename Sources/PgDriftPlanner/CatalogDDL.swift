import PgDriftModel

/// The DDL that creates a whole catalog from nothing, as statements in an order PostgreSQL accepts:
/// schemas, extensions, types, sequences, functions, tables, keys, indexes, views, triggers, security,
/// comments. Used by `snapshot --format sql` and to build shadow databases.
///
/// Views come after the views they read (`View.dependsOn`, from `pg_depend`); a model written by hand
/// has no dependencies, so the shadow builder still retries a view that fails.
public enum CatalogDDL {
    /// One group of statements of one phase.
    public struct Phase: Sendable {
        /// What the phase creates, for comments and progress.
        public var name: String
        /// The statements, each ending with a semicolon.
        public var statements: [String]
    }

    /// The statements, grouped in phases, in order.
    public static func phases(for catalog: Catalog) -> [Phase] {
        var phases: [Phase] = []
        func add(_ name: String, _ statements: [String]) {
            if !statements.isEmpty { phases.append(Phase(name: name, statements: statements)) }
        }
        add("schemas", catalog.schemas.filter { $0.name != "public" }.map(TypeStatements.createSchema))
        add("extensions", catalog.extensions.map(TypeStatements.createExtension))
        add("types",
            catalog.enums.map(TypeStatements.createEnum) + catalog.compositeTypes.map(TypeStatements.createComposite)
                + catalog.rangeTypes.filter { !$0.needsUserFunctions }.map(TypeStatements.createRange)
                + catalog.domains.flatMap { [TypeStatements.createDomain($0)] + TypeStatements.addUnvalidatedDomainChecks($0) })
        add("sequences", catalog.sequences.map(TypeStatements.createSequence))
        add("functions", catalog.functions.map(RoutineStatements.createFunction)
            + catalog.rangeTypes.filter(\.needsUserFunctions).map(TypeStatements.createRange))
        // Parents before partitions and children.
        let tables = catalog.tables.sorted
        let parents = tables.filter { $0.partitionOf == nil && $0.inherits.isEmpty }
        let children = tables.filter { $0.partitionOf != nil || !$0.inherits.isEmpty }
        add("tables", (parents + children).map { TableStatements.createTable($0) })
        add("sequence ownership", catalog.sequences.compactMap(TypeStatements.ownSequence))
        add("foreign keys and unvalidated constraints",
            tables.flatMap { table in
                table.constraints.filter { !TableStatements.isInline($0) }.map { TableStatements.addConstraint($0, to: table.name) }
            })
        add("indexes", tables.flatMap { table in table.indexes.map { IndexStatements.createIndex($0, on: table.name) } })
        add("storage, statistics and replica identity",
            tables.flatMap { table in
                table.columns.flatMap { TableStatements.columnSettings($0, of: table.name) }
                    + table.indexes.flatMap { IndexStatements.keyStatistics($0, schema: table.name.schema) }
                    + (table.replicaIdentity.map { [TableStatements.replicaIdentity($0, of: table.name)] } ?? [])
                    + (table.clusterOn.map { [TableStatements.clusterOn($0, of: table.name)] } ?? [])
            })
        add("views",
            ViewOrder.dependencyOrder(Set(catalog.views.keys), in: catalog.views).compactMap { catalog.views[$0] }.flatMap { view in
                [RoutineStatements.createView(view)] + view.indexes.map { IndexStatements.createIndex($0, on: view.name) }
            })
        let relations: [(QualifiedName, ObjectSet<Trigger>)] =
            tables.map { ($0.name, $0.triggers) } + catalog.views.map { ($0.name, $0.triggers) }
        add("triggers",
            relations.flatMap { name, triggers in
                triggers.flatMap { trigger in
                    [TriggerStatements.createTrigger(trigger, on: name)]
                        + [TriggerStatements.enabledState(trigger, on: name)].compactMap { $0 }
                }
            })
        add("row level security",
            tables.flatMap { table in
                TableStatements.rowLevelSecurity(table) + table.policies.map { PolicyStatements.createPolicy($0, on: table.name) }
            })
        var comments: [String] = catalog.schemas.compactMap {
            CommentStatements.comment(on: "SCHEMA \(SQLName.identifier($0.name))", $0.comment)
        }
        comments += catalog.enums.compactMap { CommentStatements.comment(on: "TYPE \(SQLName.qualified($0.name))", $0.comment) }
        comments += catalog.compositeTypes.compactMap { CommentStatements.comment(on: "TYPE \(SQLName.qualified($0.name))", $0.comment) }
        comments += catalog.domains.compactMap { CommentStatements.comment(on: "DOMAIN \(SQLName.qualified($0.name))", $0.comment) }
        comments += catalog.sequences.compactMap { CommentStatements.comment(on: "SEQUENCE \(SQLName.qualified($0.name))", $0.comment) }
        comments += catalog.functions.compactMap(CommentStatements.comment(of:))
        comments += tables.flatMap(CommentStatements.comments(of:))
        comments += catalog.views.flatMap(CommentStatements.comments(of:))
        add("comments", comments)
        return phases
    }

    /// The whole script, one statement per paragraph, with a comment per phase.
    public static func script(for catalog: Catalog) -> String {
        var text = "-- Generated by pgdrift.\nSET check_function_bodies = off;\n"
        for phase in phases(for: catalog) {
            text += "\n-- \(phase.name)\n" + phase.statements.joined(separator: "\n") + "\n"
        }
        return text
    }
}
