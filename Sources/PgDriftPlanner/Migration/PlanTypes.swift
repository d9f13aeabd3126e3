import PgDriftDiff
import PgDriftModel

extension PlanBuilder {
    /// CREATE SCHEMA / EXTENSION for what is missing; extension versions and schemas brought in line.
    /// Extra schemas and extensions are not drift and are left alone.
    mutating func planSchemasAndExtensions() {
        for schema in expected.schemas where !current.schemas.contains(schema.name) {
            emit(.schemas, TypeStatements.createSchema(schema))
            current.schemas.upsert(Namespace(name: schema.name))
        }
        for wanted in expected.extensions {
            guard let installed = current.extensions[wanted.name] else {
                emit(.extensions, TypeStatements.createExtension(wanted))
                current.extensions.upsert(wanted)
                continue
            }
            if !wanted.schema.isEmpty && wanted.schema != installed.schema {
                emit(.extensions, "ALTER EXTENSION \(SQLName.identifier(wanted.name)) SET SCHEMA \(SQLName.identifier(wanted.schema));")
            }
            if !wanted.version.isEmpty && wanted.version != installed.version {
                emit(.extensions, "ALTER EXTENSION \(SQLName.identifier(wanted.name)) UPDATE TO \(SQLQuote.literal(wanted.version));")
            }
        }
    }

    /// A type as CREATE leaves it: COMMENT ON comes in its own phase.
    static func withoutComment<T: Commented>(_ type: T) -> T {
        var copy = type
        copy.comment = nil
        return copy
    }

    /// Whether an enum's values can only be reached by swapping the type (a value removed or moved):
    /// ALTER TYPE can only add values.
    func needsSwap(_ want: EnumType, _ have: EnumType) -> Bool {
        let kept = want.values.filter { have.values.contains($0) }
        return kept != have.values
    }

    /// Columns of `current` whose type is this type (or an array of it).
    func columnsUsing(_ type: QualifiedName) -> [(table: QualifiedName, column: Column)] {
        current.tables.flatMap { table in
            table.columns.filter { $0.type.schema == type.schema && $0.type.name == type.name }.map { (table.name, $0) }
        }
    }

    /// Enums, domains and composite types: created when missing, altered when they differ.
    mutating func planTypes() {
        for want in expected.enums {
            guard let have = current.enums[want.name] else {
                emit(.types, Idempotent.unless(exists: Idempotent.typeLookup(want.name), run: TypeStatements.createEnum(want)))
                current.enums.upsert(Self.withoutComment(want))
                continue
            }
            guard want.values != have.values else { continue }
            if needsSwap(want, have) {
                swapEnum(want, have)
                continue
            }
            // In order, each new value placed after the value before it (which exists by then); a new
            // first value goes before the first value the type already has.
            for (position, value) in want.values.enumerated() where !have.values.contains(value) {
                var anchor = ""
                if position > 0 {
                    anchor = " AFTER \(SQLQuote.literal(want.values[position - 1]))"
                } else if let first = want.values.first(where: have.values.contains) {
                    anchor = " BEFORE \(SQLQuote.literal(first))"
                }
                // Committed before the plan's transaction, so the plan may use the value (additive and
                // guarded: a failed plan leaves only the new value, and a rerun skips it).
                emit(.beforeTransaction, "ALTER TYPE \(SQLName.qualified(want.name)) ADD VALUE IF NOT EXISTS \(SQLQuote.literal(value))\(anchor);")
            }
            current.enums[want.name]?.values = want.values
        }
        for want in expected.domains { planDomain(want) }
        for want in expected.compositeTypes { planComposite(want) }
        for want in expected.rangeTypes where !want.needsUserFunctions { planRange(want, phase: .types) }
    }

    /// Range types whose subtype_diff is one of the schema's own functions: created once the functions are.
    mutating func planRangesAfterFunctions() {
        for want in expected.rangeTypes where want.needsUserFunctions { planRange(want, phase: .functions) }
    }

    /// A missing range type is created; one that differs is left to a person: PostgreSQL cannot alter a
    /// range type's definition, and recreating it means dropping every column, function and value of it.
    private mutating func planRange(_ want: RangeType, phase: PlanPhase) {
        guard let have = current.rangeTypes[want.name] else {
            if want.canonical != nil {
                manual(phase, TypeStatements.createRange(want),
                       because: "a canonical function is written in C against a shell type of the range, created first")
                return
            }
            emit(phase, Idempotent.unless(exists: Idempotent.typeLookup(want.name), run: TypeStatements.createRange(want)))
            current.rangeTypes.upsert(Self.withoutComment(want))
            return
        }
        var comparable = want
        comparable.comment = have.comment
        comparable.grants = have.grants  // planned by PlanPrivileges
        guard comparable != have else { return }
        manual(phase, "-- recreate range type \(SQLName.qualified(want.name)) as \(TypeStatements.createRange(want))",
               because: "PostgreSQL cannot change a range type's definition")
    }

    /// Values removed or reordered: rename the old type away, create the new one, move every column to it
    /// through text, drop the old one. Rows holding a removed value make it fail, so it is destructive.
    private mutating func swapEnum(_ want: EnumType, _ have: EnumType) {
        let name = SQLName.qualified(want.name)
        let oldName = QualifiedName(want.name.schema, want.name.name + "__pgdrift_old")
        var lines = ["ALTER TYPE \(name) RENAME TO \(SQLName.identifier(oldName.name));", TypeStatements.createEnum(want)]
        let users = columnsUsing(want.name)
        for (table, column) in users {
            let columnName = SQLName.identifier(column.name)
            let brackets = String(repeating: "[]", count: column.type.arrayDimensions)
            var sql = "ALTER TABLE \(SQLName.qualified(table)) "
            if column.defaultExpression != nil { sql += "ALTER COLUMN \(columnName) DROP DEFAULT, " }
            sql += "ALTER COLUMN \(columnName) TYPE \(column.type.sql) USING \(columnName)::text\(brackets)::\(column.type.sql);"
            lines.append(sql)
        }
        lines.append("DROP TYPE \(SQLName.qualified(oldName));")
        let removed = have.values.filter { !want.values.contains($0) }
        let runs = emit(.types, lines.joined(separator: "\n"),
                        hazards: ["Rewrites \(users.count) column\(users.count == 1 ? "" : "s") under ACCESS EXCLUSIVE locks."],
                        destructive: removed.isEmpty ? "reorders the values of \(want.name)" : "removes \(removed.joined(separator: ", ")) from \(want.name); rows holding them make it fail")
        guard runs else { return }
        current.enums[want.name]?.values = want.values
        for (table, column) in users {
            updateCurrentTable(table) { table in
                if let index = table.columns.firstIndex(where: { $0.name == column.name }) { table.columns[index].defaultExpression = nil }
            }
            // The swap dropped the column's default: the column planner sets the expected one again.
            if column.defaultExpression != nil { columnWork[table, default: [:]][column.name, default: []].insert(.defaultValue) }
        }
    }

    private mutating func planDomain(_ want: Domain) {
        let name = SQLName.qualified(want.name)
        guard let have = current.domains[want.name] else {
            emit(.types, Idempotent.unless(exists: Idempotent.typeLookup(want.name), run: TypeStatements.createDomain(want)))
            for statement in TypeStatements.addUnvalidatedDomainChecks(want) { emit(.types, statement) }
            current.domains.upsert(Self.withoutComment(want))
            return
        }
        if want.baseType != have.baseType || want.collation != have.collation {
            manual(.types, "-- recreate domain \(name) as \(want.baseType.sql) and move its columns",
                   because: "PostgreSQL cannot change a domain's base type or collation")
            return
        }
        if want.defaultExpression != have.defaultExpression {
            emit(.types, "ALTER DOMAIN \(name) " + (want.defaultExpression.map { "SET DEFAULT \($0)" } ?? "DROP DEFAULT") + ";")
        }
        if want.isNotNull != have.isNotNull {
            emit(.types, "ALTER DOMAIN \(name) \(want.isNotNull ? "SET" : "DROP") NOT NULL;",
                 hazards: want.isNotNull ? ["Checks every column of the domain's type."] : [])
        }
        for check in have.checks where !want.checks.contains(check) {
            emit(.types, "ALTER DOMAIN \(name) DROP CONSTRAINT IF EXISTS \(SQLName.identifier(check.name));")
        }
        for check in want.checks where !have.checks.contains(check) {
            let lookup = "SELECT FROM pg_catalog.pg_constraint WHERE contypid = \(SQLQuote.literal(SQLQuote.qualified(want.name)))::regtype "
                + "AND conname = \(SQLQuote.literal(check.name))"
            let add = "ALTER DOMAIN \(name) ADD CONSTRAINT \(SQLName.identifier(check.name)) CHECK (\(check.expression))"
                + (check.isValidated ? "" : " NOT VALID") + ";"
            emit(.types, Idempotent.unless(exists: lookup, run: add))
        }
        var updated = want
        updated.comment = have.comment
        current.domains.upsert(updated)
    }

    private mutating func planComposite(_ want: CompositeType) {
        let name = SQLName.qualified(want.name)
        guard let have = current.compositeTypes[want.name] else {
            emit(.types, Idempotent.unless(exists: Idempotent.typeLookup(want.name), run: TypeStatements.createComposite(want)))
            current.compositeTypes.upsert(Self.withoutComment(want))
            return
        }
        guard want.attributes != have.attributes else { return }
        let wantNames = want.attributes.map(\.name)
        let haveNames = have.attributes.map(\.name)
        let kept = haveNames.filter(wantNames.contains)
        // ADD ATTRIBUTE appends: the new order must be the kept attributes followed by the new ones.
        guard wantNames == kept + wantNames.filter({ !haveNames.contains($0) }) else {
            manual(.types, "-- recreate type \(name) with attributes in the order (\(wantNames.joined(separator: ", ")))",
                   because: "ALTER TYPE can only append attributes")
            return
        }
        let users = columnsUsing(want.name)
        guard users.isEmpty else {
            manual(.types, "-- change type \(name) to (\(wantNames.joined(separator: ", "))) and its columns",
                   because: "ALTER TYPE refuses to change a composite type that columns use (\(users.map { "\($0.table.name).\($0.column.name)" }.joined(separator: ", ")))")
            return
        }
        // One statement per attribute, each guarded, so the plan can run twice.
        let relation = "(SELECT typrelid FROM pg_catalog.pg_type WHERE oid = \(SQLQuote.literal(SQLQuote.qualified(want.name)))::regtype)"
        func attributeLookup(_ attribute: String, type: String? = nil) -> String {
            "SELECT FROM pg_catalog.pg_attribute WHERE attrelid = \(relation) AND attname = \(SQLQuote.literal(attribute)) AND NOT attisdropped"
                + (type.map { " AND pg_catalog.format_type(atttypid, atttypmod) = \(SQLQuote.literal($0))" } ?? "")
        }
        for attribute in have.attributes where !wantNames.contains(attribute.name) {
            emit(.types, "ALTER TYPE \(name) DROP ATTRIBUTE IF EXISTS \(SQLName.identifier(attribute.name));",
                 destructive: "drops attribute \(attribute.name) of \(want.name) from values stored with it")
        }
        for attribute in want.attributes {
            var type = attribute.type.sql
            if let collation = attribute.collation { type += " COLLATE \(SQLName.qualified(collation))" }
            let attributeName = SQLName.identifier(attribute.name)
            if let old = have.attributes.first(where: { $0.name == attribute.name }) {
                guard old != attribute else { continue }
                emit(.types, Idempotent.unless(exists: attributeLookup(attribute.name, type: attribute.type.sql),
                                               run: "ALTER TYPE \(name) ALTER ATTRIBUTE \(attributeName) TYPE \(type);"))
            } else {
                emit(.types, Idempotent.unless(exists: attributeLookup(attribute.name), run: "ALTER TYPE \(name) ADD ATTRIBUTE \(attributeName) \(type);"))
            }
        }
        current.compositeTypes.upsert(want)
    }

    /// CREATE / ALTER SEQUENCE (ownership comes after the tables exist).
    mutating func planSequences() {
        for want in expected.sequences {
            guard let have = current.sequences[want.name] else {
                emit(.sequences, TypeStatements.createSequence(want))
                var created = want
                created.ownedBy = nil
                created.comment = nil
                current.sequences.upsert(created)
                continue
            }
            guard want.dataType != have.dataType || want.options != have.options else { continue }
            let sql = "ALTER SEQUENCE \(SQLName.qualified(want.name)) AS \(want.dataType.sql) \(TypeStatements.options(want.options))"
            // Narrower bounds fail when the current value lies outside them; restarting fixes that but
            // can hand out values already used.
            if want.options.minValue > have.options.minValue || want.options.maxValue < have.options.maxValue {
                emit(.sequences, sql + " RESTART;", destructive: "narrows the bounds of \(want.name) and restarts it at \(want.options.start)")
            } else {
                emit(.sequences, sql + ";")
            }
        }
    }

    mutating func planSequenceOwnership() {
        for want in expected.sequences where current.sequences[want.name]?.ownedBy != want.ownedBy {
            let owner = want.ownedBy.map { "\(SQLName.qualified($0.table)).\(SQLName.identifier($0.column))" } ?? "NONE"
            emit(.sequenceOwnership, "ALTER SEQUENCE \(SQLName.qualified(want.name)) OWNED BY \(owner);")
        }
    }

    /// Functions, sequences and types the expected schema does not have, once nothing uses them.
    mutating func planExtraRoutinesAndTypes() {
        for function in current.functions where !expected.functions.contains(function.key) {
            emit(.dropFunctions, "DROP \(Self.routineKind(function)) IF EXISTS \(SQLName.qualified(function.name))(\(function.identityArguments));")
        }
        for sequence in current.sequences where !expected.sequences.contains(sequence.name) {
            emit(.dropSequences, "DROP SEQUENCE IF EXISTS \(SQLName.qualified(sequence.name));",
                 destructive: "drops sequence \(sequence.name) and its current value")
        }
        let types: [(QualifiedName, String)] =
            current.domains.filter { !expected.domains.contains($0.name) }.map { ($0.name, "DOMAIN") }
            + current.compositeTypes.filter { !expected.compositeTypes.contains($0.name) }.map { ($0.name, "TYPE") }
            + current.enums.filter { !expected.enums.contains($0.name) }.map { ($0.name, "TYPE") }
            + current.rangeTypes.filter { !expected.rangeTypes.contains($0.name) }.map { ($0.name, "TYPE") }
        for (name, kind) in types {
            let sql = "DROP \(kind) IF EXISTS \(SQLName.qualified(name));"
            // A range's multirange type goes with it.
            let users = columnsUsing(name) + (current.rangeTypes[name].map { columnsUsing($0.multirangeName) } ?? [])
            if users.isEmpty {
                emit(.dropTypes, sql, destructive: "drops type \(name), which clients may still use")
            } else {
                manual(.dropTypes, sql, because: "\(name) is still the type of \(users.map { "\($0.table.name).\($0.column.name)" }.joined(separator: ", "))")
            }
        }
    }
}

/// Objects whose comment the comment phase sets.
protocol Commented { var comment: String? { get set } }
extension EnumType: Commented {}
extension Domain: Commented {}
extension CompositeType: Commented {}
extension RangeType: Commented {}

extension RangeType {
    /// Whether its subtype_diff is one of the schema's own functions (not pg_catalog's), which must
    /// exist before the type.
    var needsUserFunctions: Bool { subtypeDiff.map { $0.schema != "pg_catalog" } ?? false }
}
