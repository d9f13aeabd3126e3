import Foundation
import PgDrift
import PgDriftTestSupport

/// Drift seeded into a database built from a real-world schema, with its ground truth: each mutation is
/// SQL run on the database and the one finding `check` must report for it. Mutations are picked from the
/// database's own catalog so that each causes exactly one finding: every mutation takes a table of its
/// own (a missing and an extra column of one table would pair up as a possible rename), and only
/// objects nothing else leans on are dropped (no view, foreign key, index, constraint, trigger or
/// function body uses them), since a cascade would add findings of its own.
struct SeededDrift: CustomStringConvertible {
    struct Mutation {
        var sql: String
        /// The finding, rendered as `RealWorldCorpus.render` renders them.
        var finding: String
    }

    var seed: UInt64
    var mutations: [Mutation]

    var sql: String { mutations.map(\.sql).joined(separator: "\n") }
    var findings: [String] { mutations.map(\.finding).sorted() }
    var description: String { "PGDRIFT_SEED=\(seed)\n" + sql }

    /// The extra column's name (no corpus schema has it).
    static let extraColumn = "pgdrift_seeded_extra"

    /// Up to five mutations (drop a table, a column, an index; change a default; add a column), each
    /// where the schema has a candidate, chosen with a generator seeded by `seed`. Tables listed in
    /// `avoid` (those with known issues) are left alone.
    static func pick(from catalog: Catalog, seed: UInt64, avoid: Set<String> = []) -> SeededDrift {
        var random = SeededGenerator(seed: seed)
        let leanedOn = LeanedOn(catalog)
        var free = catalog.tables.filter { $0.kind == .ordinary && !avoid.contains($0.name.name) && leanedOn.isPlain($0) }
            .sorted { $0.name < $1.name }
        var mutations: [Mutation] = []

        func take(_ candidates: (Table) -> [Mutation]) {
            let options = free.enumerated().flatMap { index, table in candidates(table).map { (index, $0) } }
            guard let (index, mutation) = options.randomElement(using: &random) else { return }
            mutations.append(mutation)
            free.remove(at: index)
        }
        take { table in
            leanedOn.canDrop(table) ? [Mutation(sql: "DROP TABLE \(SQLQuote.qualified(table.name));", finding: "error missing_table \(path(table))")] : []
        }
        take { table in
            guard table.columns.count > 1, let last = table.columns.last, leanedOn.canDrop(last, of: table) else { return [] }
            // The last column, so that the plan adds it back where it was and pg_dump prints the same table;
            // not a NOT NULL one without a default, which no plan can add back to a table with rows.
            guard !last.isNotNull || last.defaultExpression != nil else { return [] }
            return [Mutation(sql: "ALTER TABLE \(SQLQuote.qualified(table.name)) DROP COLUMN \(SQLQuote.identifier(last.name));",
                             finding: "error missing_column \(path(table)).\(last.name)")]
        }
        take { table in
            table.indexes.map { index in
                Mutation(sql: "DROP INDEX \(SQLQuote.qualified(QualifiedName(table.name.schema, index.name)));",
                         finding: "error missing_index \(path(table)) \(index.name)")
            }
        }
        take { table in
            table.columns.compactMap { column in
                guard column.defaultExpression != nil, column.identity == nil, !leanedOn.ownsSequence(table, column),
                    let value = otherDefault(for: column.type) else { return nil }
                return Mutation(sql: "ALTER TABLE \(SQLQuote.qualified(table.name)) ALTER COLUMN \(SQLQuote.identifier(column.name)) SET DEFAULT \(value);",
                                finding: "error default_mismatch \(path(table)).\(column.name)")
            }
        }
        take { table in
            [Mutation(sql: "ALTER TABLE \(SQLQuote.qualified(table.name)) ADD COLUMN \(extraColumn) integer;",
                      finding: "warning extra_column \(path(table)).\(extraColumn)")]
        }
        return SeededDrift(seed: seed, mutations: mutations)
    }

    static func path(_ table: Table) -> String { "\(table.name.schema).\(table.name.name)" }

    /// A default of the column's type that no corpus schema uses, for the types it knows.
    static func otherDefault(for type: DataType) -> String? {
        guard !type.isArray, type.schema == nil || type.schema == "pg_catalog" else { return nil }
        switch type.name {
        case "smallint", "integer", "bigint", "numeric", "real", "double precision": return "4242"
        case "text", "character varying", "character": return SQLQuote.literal("pgdrift seeded")
        default: return nil
        }
    }
}

/// What the objects of a catalog lean on, to pick mutations whose only effect is their own finding.
private struct LeanedOn {
    /// Tables a view reads, a foreign key points at or a function body names.
    var usedTables: Set<QualifiedName> = []
    /// Columns a function body names (table, column).
    var usedColumns: Set<String> = []
    /// Columns that own a sequence (serial): dropping them drops the sequence too.
    var sequenceOwners: Set<String> = []
    /// Tables in an inheritance or partition tree.
    var inTrees: Set<QualifiedName> = []

    init(_ catalog: Catalog) {
        for view in catalog.views { usedTables.formUnion(view.dependsOn) }
        for table in catalog.tables {
            for constraint in table.constraints {
                if let target = constraint.references?.table, target != table.name { usedTables.insert(target) }
            }
            inTrees.formUnion(table.inherits)
            if !table.inherits.isEmpty || table.partitionOf != nil || table.partitionKey != nil { inTrees.insert(table.name) }
            if let parent = table.partitionOf { inTrees.insert(parent) }
        }
        for reference in BrokenReferences.references(in: catalog) {
            usedTables.insert(reference.table)
            if let column = reference.column { usedColumns.insert("\(reference.table).\(column)") }
        }
        for sequence in catalog.sequences {
            if let owner = sequence.ownedBy { sequenceOwners.insert("\(owner.table).\(owner.column)") }
        }
    }

    /// Not part of an inheritance or partition tree and without triggers (whose functions use columns
    /// through NEW and OLD, which no reference reader resolves).
    func isPlain(_ table: Table) -> Bool { !inTrees.contains(table.name) && table.triggers.isEmpty }

    func canDrop(_ table: Table) -> Bool {
        // A foreign key to itself goes with it.
        !usedTables.contains(table.name)
    }

    func canDrop(_ column: Column, of table: Table) -> Bool {
        let inIndexes = table.indexes.contains { index in
            index.predicate != nil || index.include.contains(column.name)
                || index.keys.contains { $0.column == column.name || $0.expression != nil }
        }
        let inConstraints = table.constraints.contains { $0.columns.contains(column.name) || $0.kind == .check || $0.kind == .exclusion }
        return !inIndexes && !inConstraints && !usedColumns.contains("\(table.name).\(column.name)")
            && !ownsSequence(table, column) && column.generatedExpression == nil
            && !table.columns.contains { $0.generatedExpression != nil }
    }

    func ownsSequence(_ table: Table, _ column: Column) -> Bool { sequenceOwners.contains("\(table.name).\(column.name)") }
}
