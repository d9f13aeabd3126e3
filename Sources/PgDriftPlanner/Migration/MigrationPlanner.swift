import PgDriftDiff
import PgDriftModel

/// Plans the migration from the database's catalog to the expected one.
///
/// What differs comes from the diff: the delta (`SchemaDiff.delta`), which the planner switches over
/// change by change and attribute by attribute — the same comparison `check` renders as findings. The
/// statements are written from the expected catalog aligned with the database's (`SchemaDiff.aligned`:
/// expressions spelled the database's way where they mean the same).
/// The planner walks the two catalogs kind by kind. It keeps `current`, the database as it will be once
/// the statements planned so far have run: what it drops (to replace or rebuild) leaves `current`, what it
/// creates enters it, so later phases compare the expected catalog with what will really be there — a view
/// dropped around a column change is recreated by the same code that creates a missing view.
public enum MigrationPlanner {
    /// The plan that takes a database whose schema is `actual` to `expected`.
    /// `constants`: how the server prints constants spelled differently on each side (see `ConstantSpellings`).
    public static func plan(
        expected: Catalog, actual: Catalog, options: PlanOptions = PlanOptions(), constants: ConstantSpellings = ConstantSpellings()
    ) -> MigrationPlan {
        // Each table is compared as a whole once here; the passes below skip the equal ones.
        let unchanged = SchemaDiff.unchangedTables(expected: expected, actual: actual)
        let aligned = SchemaDiff.aligned(expected: expected, actual: actual, constants: constants, unchanged: unchanged)
        let delta = SchemaDiff.delta(expected: aligned, actual: actual, options: DiffOptions(), constants: constants, unchanged: unchanged)
        var builder = PlanBuilder(expected: aligned, actual: actual, delta: delta, unchanged: unchanged, options: options)
        builder.planEverything()
        var plan = MigrationPlan(options: options, statements: builder.orderedStatements)
        plan.dependencies = builder.dependencies
        return plan
    }
}

/// The state of one planning run. Each object kind adds its part in its own file, as an extension.
struct PlanBuilder {
    let expected: Catalog
    let actual: Catalog
    let options: PlanOptions
    /// What differs, as the diff found it.
    let delta: SchemaDelta
    /// The attributes still to change, per table and expected column name: the delta's, plus what the
    /// plan itself disturbs (a swapped enum drops the defaults of its columns).
    var columnWork: [QualifiedName: [String: Set<ColumnAttribute>]] = [:]
    /// Tables equal on both sides and not changed by the plan so far: every per-table pass skips them.
    var settled: Set<QualifiedName>
    /// The database as it will be after the statements planned so far.
    var current: Catalog
    var statements: [PlannedStatement] = []
    /// Columns whose type changes, or that are dropped or rebuilt: what reads them (views, policies,
    /// triggers) must be dropped first and recreated after.
    var touchedColumns: [QualifiedName: Set<String>] = [:]
    /// Functions dropped to be recreated with another signature.
    var replacedFunctions: Set<FunctionKey> = []
    /// Tables whose key is built concurrently after the transaction (`--online`).
    var keysAddedAfterCommit: Set<QualifiedName> = []
    /// Indexes and constraints created after the transaction: their comments must wait for them.
    var createdAfterCommit: Set<String> = []
    /// Objects this plan creates (or drops and creates again): they get their expected grants even
    /// without `--with-privileges`, since they start with PostgreSQL's defaults.
    var freshObjects: Set<PrivilegeTarget> = []
    /// The database records NOT NULL constraints by name (PostgreSQL 18: every NOT NULL column of it
    /// has one), so `ADD CONSTRAINT name NOT NULL column` may be written; before 18 that is an error.
    let namesNotNull: Bool

    init(expected: Catalog, actual: Catalog, delta: SchemaDelta, unchanged: Set<QualifiedName> = [], options: PlanOptions) {
        self.expected = expected
        self.actual = actual
        self.delta = delta
        self.options = options
        self.current = actual
        namesNotNull = options.serverVersion.map { $0 >= 180000 }
            ?? actual.tables.contains(where: { $0.columns.contains(where: { $0.notNullName != nil }) })
        // Equal from the start, or once aligned (expressions spelled the database's way).
        settled = unchanged
        for want in expected.tables where !unchanged.contains(want.name) && actual.tables[want.name] == want {
            settled.insert(want.name)
        }
        for (table, change) in delta.tables {
            for column in change.columns {
                switch column {
                case .altered(let want, _, let attributes):
                    columnWork[table, default: [:]][want.name] = attributes
                case .renamed(let want, _, let attributes) where options.renames:
                    columnWork[table, default: [:]][want.name] = attributes
                case .added, .removed, .renamed:
                    continue
                }
            }
        }
    }

    /// Plans every kind. The order of these calls is the order of decisions, not of the output: each
    /// statement carries its phase.
    mutating func planEverything() {
        findTouchedColumns()
        findReplacedFunctions()
        dropChangedViews()
        dropChangedTriggers()
        dropChangedPolicies()
        dropChangedConstraintsAndIndexes()
        planConstraintAndIndexRenames()
        planReplacedFunctions()
        planColumnRenamesAndDrops()
        planExtraTables()
        planSchemasAndExtensions()
        planTypes()
        planSequences()
        planFunctions()
        planRangesAfterFunctions()
        planTables()
        planSequenceOwnership()
        planViews()
        planViewIndexes()
        planConstraintsAndIndexes()
        planIndexSettings()
        planViewIndexSettings()
        planReplicaIdentity()
        planClusterOn()
        planTriggers()
        planSecurity()
        planDefinedObjects()
        planComments()
        planOwners()
        planPrivileges()
        planExtraRoutinesAndTypes()
    }

    /// The objects the plan was computed from: what differs, what it rebuilds, the tables it locks.
    /// A change to any of them since makes the plan stale (`PlanFingerprint`).
    var dependencies: [PlanDependency] {
        var found = Set<PlanDependency>()
        func relation(_ name: QualifiedName) { found.insert(PlanDependency(.relation, name)) }
        for name in delta.tables.keys { relation(name) }
        for name in delta.views.keys { relation(name) }
        for name in delta.viewTriggers.keys { relation(name) }
        for name in delta.viewIndexes.keys { relation(name) }
        for name in delta.sequences.keys { relation(name) }
        for key in delta.functions.keys { found.insert(PlanDependency(.function, key.name)) }
        for name in delta.schemas.keys { found.insert(PlanDependency(.schema, QualifiedName("", name))) }
        for name in delta.extensions.keys { found.insert(PlanDependency(.extension, QualifiedName("", name))) }
        for name in Array(delta.enums.keys) + Array(delta.domains.keys) + Array(delta.compositeTypes.keys) + Array(delta.rangeTypes.keys) {
            found.insert(PlanDependency(.type, name))
        }
        for object in freshObjects {
            switch object.kind {
            case .table, .view, .materializedView, .sequence: relation(object.name)
            case .function, .procedure: found.insert(PlanDependency(.function, object.name))
            case .type, .domain: found.insert(PlanDependency(.type, object.name))
            case .schema: found.insert(PlanDependency(.schema, QualifiedName("", object.name.schema)))
            }
        }
        for statement in statements where statement.runs {
            for hazard in statement.tableHazards { relation(hazard.table) }
        }
        return found.sorted()
    }

    /// Adds a statement. A destructive one runs only with `--allow-destructive`; the return value says
    /// whether the statement will run, so callers update `current` only then.
    @discardableResult
    mutating func emit(
        _ phase: PlanPhase, _ sql: String, hazards: [String] = [], effects: [TableHazard] = [], destructive: String? = nil
    ) -> Bool {
        let skip: PlannedStatement.Skip? = destructive != nil && !options.allowDestructive ? .destructive : nil
        // A table the plan creates is empty: nothing to rewrite or wait for.
        let existing = effects.filter { actual.tables.contains($0.table) }
        statements.append(PlannedStatement(
            phase: phase, sql: sql, hazards: hazards, tableHazards: existing, destructive: destructive, skipped: skip))
        return skip == nil
    }

    /// Adds a statement a person must review and run: pgdrift cannot do it safely by itself.
    mutating func manual(_ phase: PlanPhase, _ sql: String, because reason: String) {
        statements.append(PlannedStatement(phase: phase, sql: sql, skipped: .manual(reason)))
    }

    /// The statements by phase, in planning order within a phase.
    var orderedStatements: [PlannedStatement] {
        statements.enumerated().sorted { ($0.element.phase, $0.offset) < ($1.element.phase, $1.offset) }.map(\.element)
    }

    /// Changes a table of `current` in place.
    mutating func updateCurrentTable(_ name: QualifiedName, _ body: (inout Table) -> Void) {
        // Taken out, not copied: the set no longer shares the table's storage, so changing it copies nothing.
        settled.remove(name)
        guard var table = current.tables.remove(name) else { return }
        body(&table)
        current.tables.upsert(table)
    }

    /// Whether a column of a table is touched (retyped, dropped or rebuilt).
    func isTouched(_ table: QualifiedName) -> Bool { !(touchedColumns[table]?.isEmpty ?? true) }

    /// Whether the table already stands as expected, with no column whose readers are rebuilt: the
    /// per-table passes skip it (most tables of a big schema), since equal values have nothing to plan.
    func isSettled(_ want: Table, _ have: Table) -> Bool {
        !isTouched(want.name) && (settled.contains(want.name) || want == have)
    }
}
