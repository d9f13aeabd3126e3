import PgDriftDiff
import PgDriftModel

extension PlanBuilder {
    /// CREATE SCHEMA / EXTENSION for what is missing; extension versions and schemas brought in line.
    /// Extra schemas and extensions are not drift and are left alone.
    mutating func planSchemasAndExtensions() {
        for (_, change) in delta.schemas.sorted(by: { $0.key < $1.key }) {
            switch change {
            case .added(let schema):
                emit(.schemas, TypeStatements.createSchema(schema))
                current.schemas.upsert(Namespace(name: schema.name))
            case .altered(_, _, let attributes):
                for attribute in attributes {
                    switch attribute {
                    case .comment: continue  // with the other comments (planComments)
                    }
                }
            case .removed, .renamed:
                continue  // not in the delta: an extra schema is not drift
            }
        }
        for (name, change) in delta.extensions.sorted(by: { $0.key < $1.key }) {
            switch change {
            case .added(let wanted):
                emit(.extensions, TypeStatements.createExtension(wanted))
                current.extensions.upsert(wanted)
            case .altered(let wanted, _, let attributes):
                for attribute in attributes.sorted() {
                    switch attribute {
                    case .schema:
                        emit(.extensions, "ALTER EXTENSION \(SQLName.identifier(name)) SET SCHEMA \(SQLName.identifier(wanted.schema));")
                    case .version:
                        emit(.extensions, "ALTER EXTENSION \(SQLName.identifier(name)) UPDATE TO \(SQLQuote.literal(wanted.version));")
                    }
                }
            case .removed, .renamed:
                continue  // not in the delta: an extra extension is not drift
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
        for (_, change) in delta.enums.sorted(by: { $0.key < $1.key }) {
            switch change {
            case .added(let want):
                emit(.types, Idempotent.unless(exists: Idempotent.typeLookup(want.name), run: TypeStatements.createEnum(want)))
                current.enums.upsert(Self.withoutComment(want))
            case .altered(let want, let have, let attributes), .renamed(let want, let have, let attributes):
                for attribute in attributes.sorted() {
                    switch attribute {
                    case .values: planEnumValues(want, have)
                    case .comment: continue  // with the other comments (planComments)
                    }
                }
            case .removed:
                continue  // dropped once nothing uses it (planExtraRoutinesAndTypes)
            }
        }
        for (_, change) in delta.domains.sorted(by: { $0.key < $1.key }) { planDomain(change) }
        for (_, change) in delta.compositeTypes.sorted(by: { $0.key < $1.key }) { planComposite(change) }
        for (_, change) in delta.rangeTypes.sorted(by: { $0.key < $1.key }) where !(change.expected?.needsUserFunctions ?? true) {
            planRange(change, phase: .types)
        }
    }

    /// New values added in place (ALTER TYPE can only add); removed or moved values swap the type.
    private mutating func planEnumValues(_ want: EnumType, _ have: EnumType) {
        if needsSwap(want, have) {
            swapEnum(want, have)
            return
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

    /// Range types whose subtype_diff is one of the schema's own functions: created once the functions are.
    mutating func planRangesAfterFunctions() {
        for (_, change) in delta.rangeTypes.sorted(by: { $0.key < $1.key }) where change.expected?.needsUserFunctions ?? false {
            planRange(change, phase: .functions)
        }
    }

    /// A missing range type is created; one that differs is left to a person: PostgreSQL cannot alter a
    /// range type's definition, and recreating it means dropping every column, function and value of it.
    private mutating func planRange(_ change: Change<RangeType, RangeTypeAttribute>, phase: PlanPhase) {
        switch change {
        case .added(let want):
            if want.canonical != nil {
                manual(phase, TypeStatements.createRange(want),
                       because: "a canonical function is written in C against a shell type of the range, created first")
                return
            }
            emit(phase, Idempotent.unless(exists: Idempotent.typeLookup(want.name), run: TypeStatements.createRange(want)))
            current.rangeTypes.upsert(Self.withoutComment(want))
        case .altered(let want, _, let attributes), .renamed(let want, _, let attributes):
            guard attributes.contains(where: \.needsReplacement) else { return }  // the comment: planComments
            manual(phase, "-- recreate range type \(SQLName.qualified(want.name)) as \(TypeStatements.createRange(want))",
                   because: "PostgreSQL cannot change a range type's definition")
        case .removed:
            return  // dropped once nothing uses it (planExtraRoutinesAndTypes)
        }
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
                        effects: users.map { .rewrite($0.table, because: "\($0.column.name) is moved to the new \(want.name.name)") },
                        destructive: removed.isEmpty ? "reorders the values of \(want.name)" : "removes \(removed.joined(separator: ", ")) from \(want.name); rows holding them make it fail")
        guard runs else { return }
        current.enums[want.name]?.values = want.values
        current.enums[want.name]?.comment = nil  // a new type: planComments sets the expected comment
        for (table, column) in users {
            updateCurrentTable(table) { table in
                if let index = table.columns.firstIndex(where: { $0.name == column.name }) { table.columns[index].defaultExpression = nil }
            }
            // The swap dropped the column's default: the column planner sets the expected one again.
            if column.defaultExpression != nil { columnWork[table, default: [:]][column.name, default: []].insert(.defaultValue) }
        }
    }

    private mutating func planDomain(_ change: Change<Domain, DomainAttribute>) {
        let (want, have, attributes): (Domain, Domain, Set<DomainAttribute>)
        switch change {
        case .added(let domain):
            emit(.types, Idempotent.unless(exists: Idempotent.typeLookup(domain.name), run: TypeStatements.createDomain(domain)))
            for statement in TypeStatements.addUnvalidatedDomainChecks(domain) { emit(.types, statement) }
            current.domains.upsert(Self.withoutComment(domain))
            return
        case .removed:
            return  // dropped once nothing uses it (planExtraRoutinesAndTypes)
        case .altered(let expected, let actual, let changed), .renamed(let expected, let actual, let changed):
            (want, have, attributes) = (expected, actual, changed)
        }
        let name = SQLName.qualified(want.name)
        if attributes.contains(.baseType) || attributes.contains(.collation) {
            manual(.types, "-- recreate domain \(name) as \(want.baseType.sql) and move its columns",
                   because: "PostgreSQL cannot change a domain's base type or collation")
            return
        }
        for attribute in attributes.sorted() {
            switch attribute {
            case .baseType, .collation:
                continue  // above
            case .defaultValue:
                emit(.types, "ALTER DOMAIN \(name) " + (want.defaultExpression.map { "SET DEFAULT \($0)" } ?? "DROP DEFAULT") + ";")
            case .notNull:
                emit(.types, "ALTER DOMAIN \(name) \(want.isNotNull ? "SET" : "DROP") NOT NULL;",
                     effects: want.isNotNull ? columnsUsing(want.name).map { .scan($0.table, .accessExclusive, because: "\($0.column.name) is checked for NULL") } : [])
            case .checks:
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
            case .comment:
                continue  // with the other comments (planComments)
            }
        }
        var updated = want
        updated.comment = have.comment
        current.domains.upsert(updated)
    }

    private mutating func planComposite(_ change: Change<CompositeType, CompositeTypeAttribute>) {
        let (want, have): (CompositeType, CompositeType)
        switch change {
        case .added(let type):
            emit(.types, Idempotent.unless(exists: Idempotent.typeLookup(type.name), run: TypeStatements.createComposite(type)))
            current.compositeTypes.upsert(Self.withoutComment(type))
            return
        case .removed:
            return  // dropped once nothing uses it (planExtraRoutinesAndTypes)
        case .altered(let expected, let actual, let attributes), .renamed(let expected, let actual, let attributes):
            // The comment: planComments.
            guard attributes.contains(.attributes) else { return }
            (want, have) = (expected, actual)
        }
        let name = SQLName.qualified(want.name)
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
        var updated = want
        updated.comment = have.comment
        current.compositeTypes.upsert(updated)
    }

    /// CREATE / ALTER SEQUENCE (ownership comes after the tables exist).
    mutating func planSequences() {
        for (_, change) in delta.sequences.sorted(by: { $0.key < $1.key }) {
            switch change {
            case .added(let want):
                emit(.sequences, TypeStatements.createSequence(want))
                var created = want
                created.ownedBy = nil
                created.comment = nil
                current.sequences.upsert(created)
            case .altered(let want, let have, let attributes), .renamed(let want, let have, let attributes):
                for attribute in attributes.sorted() {
                    switch attribute {
                    case .dataType, .options:
                        // One statement for both.
                        guard attribute == .dataType || !attributes.contains(.dataType) else { continue }
                        let sql = "ALTER SEQUENCE \(SQLName.qualified(want.name)) AS \(want.dataType.sql) \(TypeStatements.options(want.options))"
                        // Narrower bounds fail when the current value lies outside them; restarting fixes that but
                        // can hand out values already used.
                        if want.options.minValue > have.options.minValue || want.options.maxValue < have.options.maxValue {
                            emit(.sequences, sql + " RESTART;", destructive: "narrows the bounds of \(want.name) and restarts it at \(want.options.start)")
                        } else {
                            emit(.sequences, sql + ";")
                        }
                    case .ownedBy:
                        continue  // once the tables exist (planSequenceOwnership)
                    case .comment:
                        continue  // with the other comments (planComments)
                    }
                }
            case .removed:
                continue  // dropped last (planExtraRoutinesAndTypes)
            }
        }
    }

    /// OWNED BY of new sequences and of sequences whose owner differs.
    mutating func planSequenceOwnership() {
        for (name, change) in delta.sequences.sorted(by: { $0.key < $1.key }) {
            let owner: SequenceOwner?
            switch change {
            case .added(let want):
                guard want.ownedBy != nil else { continue }
                owner = want.ownedBy
            case .altered(let want, _, let attributes), .renamed(let want, _, let attributes):
                guard attributes.contains(.ownedBy) else { continue }
                owner = want.ownedBy
            case .removed:
                continue
            }
            let column = owner.map { "\(SQLName.qualified($0.table)).\(SQLName.identifier($0.column))" } ?? "NONE"
            emit(.sequenceOwnership, "ALTER SEQUENCE \(SQLName.qualified(name)) OWNED BY \(column);")
            current.sequences[name]?.ownedBy = owner
        }
    }

    /// Functions, sequences and types the expected schema does not have, once nothing uses them.
    mutating func planExtraRoutinesAndTypes() {
        for case .removed(let function) in delta.functions.sorted(by: { $0.key < $1.key }).map(\.value) {
            emit(.dropFunctions, "DROP \(Self.routineKind(function)) IF EXISTS \(SQLName.qualified(function.name))(\(function.identityArguments));")
        }
        for case .removed(let sequence) in delta.sequences.sorted(by: { $0.key < $1.key }).map(\.value) {
            emit(.dropSequences, "DROP SEQUENCE IF EXISTS \(SQLName.qualified(sequence.name));",
                 destructive: "drops sequence \(sequence.name) and its current value")
        }
        func removed<Object: CatalogObject, Attribute>(_ changes: [QualifiedName: Change<Object, Attribute>], _ kind: String)
            -> [(QualifiedName, String)] {
            changes.compactMap { name, change in if case .removed = change { (name, kind) } else { nil } }.sorted { $0.0 < $1.0 }
        }
        // Domains first: one may be over an enum or composite type dropped after it.
        let types = removed(delta.domains, "DOMAIN") + removed(delta.compositeTypes, "TYPE") + removed(delta.enums, "TYPE")
            + removed(delta.rangeTypes, "TYPE")
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


extension RangeType {
    /// Whether its subtype_diff is one of the schema's own functions (not pg_catalog's), which must
    /// exist before the type.
    var needsUserFunctions: Bool { subtypeDiff.map { $0.schema != "pg_catalog" } ?? false }
}
