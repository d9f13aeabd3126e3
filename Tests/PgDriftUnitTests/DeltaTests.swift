import PgDrift
import Testing

/// The one delta without a database: (expected, actual) → delta, and delta → statements, as whole values.
@Suite struct DeltaTests {
    static let name = QualifiedName("public", "t")

    /// One table `public.t` on each side.
    struct Case: CustomTestStringConvertible, Sendable {
        let title: String
        let expected: Table
        let actual: Table
        var options = PlanOptions()
        let delta: [String]
        let statements: [String]
        var testDescription: String { title }
    }

    static func table(_ columns: Column..., configure: (inout Table) -> Void = { _ in }) -> Table {
        var table = Table(name: name, columns: columns)
        configure(&table)
        return table
    }

    static let cases: [Case] = [
        Case(
            title: "a default spelled as a file spells it is the catalog's",
            expected: table(Column(name: "a", type: .text, defaultExpression: "'x'")),
            actual: table(Column(name: "a", type: .text, defaultExpression: "'x'::text")),
            delta: [], statements: []),
        Case(
            title: "a new type drops the default: it is set again",
            expected: table(Column(name: "a", type: .bigint, defaultExpression: "0")),
            actual: table(Column(name: "a", type: .integer, defaultExpression: "0")),
            delta: ["~ public.t.a (type)"],
            statements: [
                "ALTER TABLE public.t ALTER COLUMN a DROP DEFAULT, ALTER COLUMN a TYPE bigint;",
                "ALTER TABLE public.t ALTER COLUMN a SET DEFAULT 0;",
            ]),
        Case(
            title: "a default replaced: set, not dropped first",
            expected: table(Column(name: "a", type: .integer, isNotNull: true, defaultExpression: "2")),
            actual: table(Column(name: "a", type: .integer, defaultExpression: "1")),
            delta: ["~ public.t.a (default, nullability)"],
            statements: [
                "ALTER TABLE public.t ALTER COLUMN a SET NOT NULL;",
                "ALTER TABLE public.t ALTER COLUMN a SET DEFAULT 2;",
            ]),
        Case(
            title: "a comment and storage parameters in another order",
            expected: table(Column(name: "a", type: .integer, comment: "the a")) {
                $0.options = ["fillfactor=70", "autovacuum_enabled=false"]
                $0.isUnlogged = true
            },
            actual: table(Column(name: "a", type: .integer)) { $0.options = ["autovacuum_enabled=false", "fillfactor=70"] },
            delta: ["~ public.t (persistence)", "~ public.t.a (comment)"],
            statements: ["ALTER TABLE public.t SET UNLOGGED;", "COMMENT ON COLUMN public.t.a IS 'the a';"]),
        Case(
            title: "a renamed column, without --renames: dropped (destructive) and added",
            expected: table(Column(name: "id", type: .integer), Column(name: "b", type: .text)),
            actual: table(Column(name: "id", type: .integer), Column(name: "old_b", type: .text)),
            delta: ["> public.t.b <- old_b"],
            statements: [
                "ALTER TABLE public.t DROP COLUMN IF EXISTS old_b;",
                "ALTER TABLE public.t ADD COLUMN IF NOT EXISTS b text;",
            ]),
        Case(
            title: "a renamed column that also changed its default, with --renames",
            expected: table(Column(name: "id", type: .integer), Column(name: "b", type: .text, defaultExpression: "'new'")),
            actual: table(Column(name: "id", type: .integer), Column(name: "old_b", type: .text)),
            options: PlanOptions(renames: true),
            delta: ["> public.t.b <- old_b (default)"],
            statements: [
                """
                DO $pgdrift$
                BEGIN
                    IF EXISTS (SELECT FROM pg_catalog.pg_attribute WHERE attrelid = 'public.t'::regclass AND attname = 'old_b' AND NOT attisdropped) THEN
                        ALTER TABLE public.t RENAME COLUMN old_b TO b;
                    END IF;
                END
                $pgdrift$;
                """,
                "ALTER TABLE public.t ALTER COLUMN b SET DEFAULT 'new';",
            ]),
    ]

    @Test(arguments: cases) func deltaAndStatements(_ example: Case) {
        let expected = Catalog(tables: [example.expected])
        let actual = Catalog(tables: [example.actual])
        #expect(SchemaDiff.delta(expected: expected, actual: actual).lines == example.delta)
        let plan = MigrationPlanner.plan(expected: expected, actual: actual, options: example.options)
        #expect(plan.statements.map(\.sql) == example.statements)
    }

    @Test func addedAndRemovedTables() {
        let expected = Catalog(tables: [Table(name: QualifiedName("public", "new"), columns: [Column(name: "a", type: .integer)])])
        let actual = Catalog(tables: [Table(name: QualifiedName("public", "old"))])
        #expect(SchemaDiff.delta(expected: expected, actual: actual).lines == ["+ public.new", "- public.old"])
    }

    /// Exactly `line` in the delta, one finding, and at least one statement.
    static func expectOneChange(
        _ expected: Catalog, _ actual: Catalog, line: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        #expect(SchemaDiff.delta(expected: expected, actual: actual).lines == [line], sourceLocation: sourceLocation)
        #expect(SchemaDiff.findings(expected: expected, actual: actual).count == 1, sourceLocation: sourceLocation)
        #expect(!MigrationPlanner.plan(expected: expected, actual: actual).statements.isEmpty, sourceLocation: sourceLocation)
    }

    /// Two columns that differ in exactly `attribute`. The switch has no default: a new attribute does
    /// not compile here until it has a case, and then the test below requires a finding and a statement.
    static func columns(differingIn attribute: ColumnAttribute) -> (expected: Column, actual: Column) {
        let base = Column(name: "a", type: .text)
        var other = base
        switch attribute {
        case .generated: other.generatedExpression = "upper(b)"
        case .type: other.type = .integer
        case .collation: other.collation = QualifiedName("pg_catalog", "C")
        case .identity:
            other.type = .bigint
            other.isNotNull = true
            other.identity = Identity(generation: .always, sequence: .ascending(max: Int64.max))
            return (other, { var c = other; c.identity = nil; return c }())
        case .defaultValue: other.defaultExpression = "'x'::text"
        case .nullability: other.isNotNull = true
        case .storage: other.storage = .external
        case .compression: other.compression = "pglz"
        case .statistics: other.statisticsTarget = 500
        case .options: other.options = ["n_distinct=100"]
        case .comment: other.comment = "a comment"
        }
        return (other, base)
    }

    /// Every attribute the diff compares is one finding and at least one statement.
    @Test(arguments: ColumnAttribute.allCases) func everyColumnAttributeIsReportedAndPlanned(_ attribute: ColumnAttribute) {
        let (want, have) = Self.columns(differingIn: attribute)
        let b = Column(name: "b", type: .text)
        let expected = Catalog(tables: [Table(name: Self.name, columns: [b, want])])
        let actual = Catalog(tables: [Table(name: Self.name, columns: [b, have])])
        Self.expectOneChange(expected, actual, line: "~ public.t.a (\(attribute.rawValue))")
    }

    /// Two versions of `public.t` that differ in exactly `attribute` (with its parent `public.p`).
    static func tables(differingIn attribute: TableAttribute) -> (expected: Table, actual: Table) {
        let base = Table(name: name, columns: [Column(name: "a", type: .integer, isNotNull: true)],
                         indexes: [Index(name: "t_a", isUnique: true, keys: [IndexKey(column: "a", expression: nil)])])
        var other = base
        switch attribute {
        case .persistence: other.isUnlogged = true
        case .partitioning:
            other.kind = .partitioned
            other.partitionKey = "RANGE (a)"
        case .partitionOf:
            other.partitionOf = QualifiedName("public", "p")
            other.partitionBound = "FOR VALUES FROM (1) TO (10)"
        case .inheritance: other.inherits = [QualifiedName("public", "p")]
        case .accessMethod: other.accessMethod = "heap2"
        case .storageParameters: other.options = ["fillfactor=70"]
        case .replicaIdentity: other.replicaIdentity = .full
        case .clusterOn: other.clusterOn = "t_a"
        case .rowLevelSecurity: other.rowLevelSecurity = true
        case .comment: other.comment = "a comment"
        }
        return (other, base)
    }

    @Test(arguments: TableAttribute.allCases) func everyTableAttributeIsReportedAndPlanned(_ attribute: TableAttribute) {
        let (want, have) = Self.tables(differingIn: attribute)
        let parent = Table(name: QualifiedName("public", "p"), kind: .partitioned, partitionKey: "RANGE (a)",
                           columns: [Column(name: "a", type: .integer, isNotNull: true)])
        let expected = Catalog(tables: [parent, want])
        let actual = Catalog(tables: [parent, have])
        Self.expectOneChange(expected, actual, line: "~ public.t (\(attribute.rawValue))")
    }

    /// Two versions of a check constraint (or a key, for its index's settings) that differ in exactly `attribute`.
    static func constraints(differingIn attribute: ConstraintAttribute) -> (expected: Constraint, actual: Constraint) {
        let base = attribute == .indexSettings
            ? Constraint(name: "t_a_key", kind: .unique, columns: ["a"])
            : Constraint(name: "t_a_check", kind: .check, columns: ["a"], expression: "(a > 0)")
        var other = base
        switch attribute {
        case .definition: other.expression = "(a > 1)"
        case .validation: return (base, { var c = base; c.isValidated = false; return c }())
        case .indexSettings: other.indexOptions = ["fillfactor=70"]
        case .comment: other.comment = "a comment"
        }
        return (other, base)
    }

    @Test(arguments: ConstraintAttribute.allCases) func everyConstraintAttributeIsReportedAndPlanned(_ attribute: ConstraintAttribute) {
        let (want, have) = Self.constraints(differingIn: attribute)
        let column = Column(name: "a", type: .integer)
        let expected = Catalog(tables: [Table(name: Self.name, columns: [column], constraints: [want])])
        let actual = Catalog(tables: [Table(name: Self.name, columns: [column], constraints: [have])])
        Self.expectOneChange(expected, actual, line: "~ public.t constraint \(want.name) (\(attribute.rawValue))")
    }

    static func indexes(differingIn attribute: IndexAttribute) -> (expected: Index, actual: Index) {
        let base = Index(name: "t_lower", keys: [IndexKey.expression("lower(b)")])
        var other = base
        switch attribute {
        case .definition: other.isUnique = true
        case .storageParameters: other.options = ["fillfactor=70"]
        case .statistics: other.keys[0].statisticsTarget = 500
        case .comment: other.comment = "a comment"
        }
        return (other, base)
    }

    @Test(arguments: IndexAttribute.allCases) func everyIndexAttributeIsReportedAndPlanned(_ attribute: IndexAttribute) {
        let (want, have) = Self.indexes(differingIn: attribute)
        let column = Column(name: "b", type: .text)
        let expected = Catalog(tables: [Table(name: Self.name, columns: [column], indexes: [want])])
        let actual = Catalog(tables: [Table(name: Self.name, columns: [column], indexes: [have])])
        Self.expectOneChange(expected, actual, line: "~ public.t index t_lower (\(attribute.rawValue))")
    }

    /// Parts under another name are renamed; what is left over is added and removed.
    @Test func renamedAddedAndRemovedParts() {
        let column = Column(name: "a", type: .integer)
        let check = Constraint(name: "t_a_check", kind: .check, columns: ["a"], expression: "(a > 0)")
        var renamedCheck = check
        renamedCheck.name = "positive_a"
        let index = Index(name: "t_a_idx", keys: [IndexKey.column("a")])
        var renamedIndex = index
        renamedIndex.name = "a_idx"
        let expected = Catalog(tables: [Table(name: Self.name, columns: [column], constraints: [check],
                                              indexes: [index, Index(name: "t_new", method: "hash", keys: [IndexKey.column("a")])])])
        let actual = Catalog(tables: [Table(name: Self.name, columns: [column], constraints: [renamedCheck],
                                            indexes: [renamedIndex, Index(name: "t_old", method: "brin", keys: [IndexKey.column("a")])])])
        #expect(SchemaDiff.delta(expected: expected, actual: actual).lines == [
            "> public.t constraint t_a_check <- positive_a",
            "> public.t index t_a_idx <- a_idx",
            "+ public.t index t_new",
            "- public.t index t_old",
        ])
        let plan = MigrationPlanner.plan(expected: expected, actual: actual, options: PlanOptions(allowDestructive: true))
        #expect(plan.statements.map(\.sql).filter { !$0.hasPrefix("DO") } == [
            "DROP INDEX IF EXISTS public.t_old;",
            "ALTER INDEX IF EXISTS public.a_idx RENAME TO t_a_idx;",
            "CREATE INDEX IF NOT EXISTS t_new ON public.t USING hash (a);",
        ])
    }

    /// Two versions of a policy that differ in exactly `attribute`.
    static func policies(differingIn attribute: PolicyAttribute) -> (expected: Policy, actual: Policy) {
        let base = Policy(name: "owner only", command: .all, roles: ["public"], using: "(a > 0)", withCheck: "(a > 0)")
        var other = base
        switch attribute {
        case .command: other.command = .select
        case .permissiveness: other.isPermissive = false
        case .roles: other.roles = ["pg_monitor"]
        case .using: other.using = "(a > 1)"
        case .withCheck: other.withCheck = "(a > 1)"
        case .comment: other.comment = "a comment"
        }
        return (other, base)
    }

    @Test(arguments: PolicyAttribute.allCases) func everyPolicyAttributeIsReportedAndPlanned(_ attribute: PolicyAttribute) {
        let (want, have) = Self.policies(differingIn: attribute)
        let column = Column(name: "a", type: .integer)
        let expected = Catalog(tables: [Table(name: Self.name, columns: [column], rowLevelSecurity: true, policies: [want])])
        let actual = Catalog(tables: [Table(name: Self.name, columns: [column], rowLevelSecurity: true, policies: [have])])
        Self.expectOneChange(expected, actual, line: "~ public.t policy owner only (\(attribute.rawValue))")
    }

    /// ALTER POLICY where it reaches the expected policy; DROP and CREATE where it cannot.
    @Test func policiesAlteredOrRecreated() {
        let column = Column(name: "a", type: .integer)
        func plan(_ want: Policy, _ have: Policy) -> [String] {
            let expected = Catalog(tables: [Table(name: Self.name, columns: [column], rowLevelSecurity: true, policies: [want])])
            let actual = Catalog(tables: [Table(name: Self.name, columns: [column], rowLevelSecurity: true, policies: [have])])
            return MigrationPlanner.plan(expected: expected, actual: actual).statements.map(\.sql)
        }
        let (rolesWant, rolesHave) = Self.policies(differingIn: .roles)
        #expect(plan(rolesWant, rolesHave) == [
            "ALTER POLICY \"owner only\" ON public.t TO pg_monitor USING ((a > 0)) WITH CHECK ((a > 0));",
        ])
        let (commandWant, commandHave) = Self.policies(differingIn: .command)
        #expect(plan(commandWant, commandHave).first == "DROP POLICY IF EXISTS \"owner only\" ON public.t;")
        var noCheck = commandHave
        noCheck.withCheck = nil
        #expect(plan(noCheck, commandHave).first == "DROP POLICY IF EXISTS \"owner only\" ON public.t;")
    }

    static func triggers(differingIn attribute: TriggerAttribute) -> (expected: Trigger, actual: Trigger) {
        let base = Trigger(name: "t_touch", timing: .before, events: [.update], function: QualifiedName("public", "touch"))
        var other = base
        switch attribute {
        case .definition: other.events = [.insert, .update]
        case .enabled: other.enabled = .disabled
        case .comment: other.comment = "a comment"
        }
        return (other, base)
    }

    @Test(arguments: TriggerAttribute.allCases) func everyTriggerAttributeIsReportedAndPlanned(_ attribute: TriggerAttribute) {
        let (want, have) = Self.triggers(differingIn: attribute)
        let column = Column(name: "a", type: .integer)
        let expected = Catalog(tables: [Table(name: Self.name, columns: [column], triggers: [want])])
        let actual = Catalog(tables: [Table(name: Self.name, columns: [column], triggers: [have])])
        Self.expectOneChange(expected, actual, line: "~ public.t trigger t_touch (\(attribute.rawValue))")
    }

    /// A view's triggers are in the delta too, and an enabled state alone is ALTER TABLE … DISABLE TRIGGER.
    @Test func viewTriggersAndEnabledState() {
        let (want, have) = Self.triggers(differingIn: .enabled)
        var insteadOf = want
        insteadOf.timing = .insteadOf
        var insteadOfHave = have
        insteadOfHave.timing = .insteadOf
        let view = QualifiedName("public", "v")
        let expected = Catalog(views: [View(name: view, definition: "SELECT 1 AS a", triggers: [insteadOf])])
        let actual = Catalog(views: [View(name: view, definition: "SELECT 1 AS a", triggers: [insteadOfHave])])
        #expect(SchemaDiff.delta(expected: expected, actual: actual).lines == ["~ public.v trigger t_touch (enabled)"])
        #expect(MigrationPlanner.plan(expected: expected, actual: actual).statements.map(\.sql) == [
            "ALTER TABLE public.v DISABLE TRIGGER t_touch;",
        ])
    }

    static func views(differingIn attribute: ViewAttribute) -> (expected: View, actual: View) {
        let base = View(name: QualifiedName("public", "v"), definition: " SELECT 1 AS a;",
                        columns: [ViewColumn(name: "a", type: .integer)])
        var other = base
        switch attribute {
        case .kind: other.isMaterialized = true
        case .options: other.options = ["security_barrier=true"]
        case .query: other.definition = " SELECT 2 AS a;"
        case .columnTypes: other.columns = [ViewColumn(name: "a", type: .bigint)]
        case .comment: other.comment = "a comment"
        case .columnComments: other.columns[0].comment = "a comment"
        }
        return (other, base)
    }

    @Test(arguments: ViewAttribute.allCases) func everyViewAttributeIsReportedAndPlanned(_ attribute: ViewAttribute) {
        let (want, have) = Self.views(differingIn: attribute)
        let expected = Catalog(views: [want])
        let actual = Catalog(views: [have])
        Self.expectOneChange(expected, actual, line: "~ view public.v (\(attribute.rawValue))")
    }

    static func functions(differingIn attribute: FunctionAttribute) -> (expected: Function, actual: Function) {
        let base = Function(name: QualifiedName("public", "f"), identityArguments: "integer", arguments: "integer",
                            returnType: "integer", language: "sql", body: "SELECT $1")
        var other = base
        switch attribute {
        case .kind: other.kind = .procedure
        case .arguments: other.arguments = "x integer"
        case .returnType: other.returnType = "bigint"
        case .language: other.language = "plpgsql"
        case .body: other.body = "SELECT $1 + 1"
        case .volatility: other.volatility = .stable
        case .strictness: other.isStrict = true
        case .securityDefiner: other.isSecurityDefiner = true
        case .leakproof: other.isLeakproof = true
        case .parallel: other.parallel = .safe
        case .settings: other.configuration = ["search_path=public"]
        case .cost: other.cost = 5
        case .rows: other.rows = 10
        case .support: other.support = QualifiedName("public", "f_support")
        case .comment: other.comment = "a comment"
        }
        return (other, base)
    }

    @Test(arguments: FunctionAttribute.allCases) func everyFunctionAttributeIsReportedAndPlanned(_ attribute: FunctionAttribute) {
        let (want, have) = Self.functions(differingIn: attribute)
        Self.expectOneChange(Catalog(functions: [want]), Catalog(functions: [have]),
                             line: "~ function public.f(integer) (\(attribute.rawValue))")
    }

    // Schemas, extensions, types and sequences: each attribute one delta line, one finding, a statement
    // (or a step left to a person, which is a statement too).

    @Test func schemasAndExtensions() {
        let schema = Namespace(name: "app")
        Self.expectOneChange(Catalog(schemas: [schema]), Catalog(), line: "+ schema app")
        Self.expectOneChange(Catalog(schemas: [Namespace(name: "app", comment: "the app")]), Catalog(schemas: [schema]),
                             line: "~ schema app (comment)")
        // Extra schemas and extensions are not drift.
        #expect(SchemaDiff.delta(expected: Catalog(), actual: Catalog(schemas: [schema])).lines == [])
        let installed = Extension(name: "ltree", schema: "public", version: "1.2")
        Self.expectOneChange(Catalog(extensions: [installed]), Catalog(), line: "+ extension ltree")
        for (attribute, wanted) in [
            (ExtensionAttribute.schema, Extension(name: "ltree", schema: "extensions", version: "1.2")),
            (.version, Extension(name: "ltree", schema: "public", version: "1.3")),
        ] {
            Self.expectOneChange(Catalog(extensions: [wanted]), Catalog(extensions: [installed]),
                                 line: "~ extension ltree (\(attribute.rawValue))")
        }
        // A model that does not say which schema or version compares neither.
        #expect(SchemaDiff.delta(expected: Catalog(extensions: [Extension(name: "ltree", schema: "", version: "")]),
                                 actual: Catalog(extensions: [installed])).lines == [])
    }

    @Test(arguments: EnumAttribute.allCases) func everyEnumAttributeIsReportedAndPlanned(_ attribute: EnumAttribute) {
        let base = EnumType(name: QualifiedName("public", "mood"), values: ["sad", "ok"])
        var other = base
        switch attribute {
        case .values: other.values = ["sad", "ok", "happy"]
        case .comment: other.comment = "a comment"
        }
        Self.expectOneChange(Catalog(enums: [other]), Catalog(enums: [base]), line: "~ enum public.mood (\(attribute.rawValue))")
    }

    @Test(arguments: DomainAttribute.allCases) func everyDomainAttributeIsReportedAndPlanned(_ attribute: DomainAttribute) {
        let base = Domain(name: QualifiedName("public", "positive"), baseType: .integer,
                          checks: [DomainCheck(name: "positive_check", expression: "VALUE > 0")])
        var other = base
        switch attribute {
        case .baseType: other.baseType = .bigint
        case .collation: other.collation = QualifiedName("pg_catalog", "C")
        case .defaultValue: other.defaultExpression = "1"
        case .notNull: other.isNotNull = true
        case .checks: other.checks = [DomainCheck(name: "positive_check", expression: "VALUE > 1")]
        case .comment: other.comment = "a comment"
        }
        Self.expectOneChange(Catalog(domains: [other]), Catalog(domains: [base]), line: "~ domain public.positive (\(attribute.rawValue))")
    }

    @Test(arguments: CompositeTypeAttribute.allCases) func everyCompositeAttributeIsReportedAndPlanned(_ attribute: CompositeTypeAttribute) {
        let base = CompositeType(name: QualifiedName("public", "pair"), attributes: [CompositeAttribute(name: "a", type: .integer)])
        var other = base
        switch attribute {
        case .attributes: other.attributes.append(CompositeAttribute(name: "b", type: .text))
        case .comment: other.comment = "a comment"
        }
        Self.expectOneChange(Catalog(compositeTypes: [other]), Catalog(compositeTypes: [base]),
                             line: "~ type public.pair (\(attribute.rawValue))")
    }

    @Test(arguments: RangeTypeAttribute.allCases) func everyRangeAttributeIsReportedAndPlanned(_ attribute: RangeTypeAttribute) {
        let base = RangeType(name: QualifiedName("public", "span"), subtype: .integer)
        var other = base
        switch attribute {
        case .subtype: other.subtype = .bigint
        case .subtypeOperatorClass: other.subtypeOperatorClass = QualifiedName("pg_catalog", "int4_ops")
        case .collation: other.collation = QualifiedName("pg_catalog", "C")
        case .canonical: other.canonical = QualifiedName("public", "span_canonical")
        case .subtypeDiff: other.subtypeDiff = QualifiedName("pg_catalog", "int4mi")
        case .multirange: other.multirangeName = QualifiedName("public", "spans")
        case .comment: other.comment = "a comment"
        }
        Self.expectOneChange(Catalog(rangeTypes: [other]), Catalog(rangeTypes: [base]), line: "~ range public.span (\(attribute.rawValue))")
        let plan = MigrationPlanner.plan(expected: Catalog(rangeTypes: [other]), actual: Catalog(rangeTypes: [base]))
        // Only the comment can change in place.
        #expect(plan.statements.contains { $0.skipped != nil } == attribute.needsReplacement)
    }

    @Test(arguments: SequenceAttribute.allCases) func everySequenceAttributeIsReportedAndPlanned(_ attribute: SequenceAttribute) {
        let table = Table(name: QualifiedName("public", "t"), columns: [Column(name: "id", type: .bigint)])
        let base = SequenceObject(name: QualifiedName("public", "t_seq"))
        var other = base
        switch attribute {
        case .dataType: other.dataType = .integer
        case .options: other.options.cache = 20
        case .ownedBy: other.ownedBy = SequenceOwner(table: table.name, column: "id")
        case .comment: other.comment = "a comment"
        }
        Self.expectOneChange(Catalog(sequences: [other], tables: [table]), Catalog(sequences: [base], tables: [table]),
                             line: "~ sequence public.t_seq (\(attribute.rawValue))")
    }

    @Test func addedAndRemovedTypesAndSequences() {
        let mood = EnumType(name: QualifiedName("public", "mood"), values: ["a"])
        let positive = Domain(name: QualifiedName("public", "positive"), baseType: .integer)
        let pair = CompositeType(name: QualifiedName("public", "pair"), attributes: [CompositeAttribute(name: "a", type: .integer)])
        let span = RangeType(name: QualifiedName("public", "span"), subtype: .integer)
        let sequence = SequenceObject(name: QualifiedName("public", "s"))
        let delta = SchemaDiff.delta(
            expected: Catalog(enums: [mood], domains: [positive], sequences: [sequence]),
            actual: Catalog(compositeTypes: [pair], rangeTypes: [span]))
        #expect(delta.lines == ["+ enum public.mood", "+ domain public.positive", "- type public.pair", "- range public.span", "+ sequence public.s"])
        let plan = MigrationPlanner.plan(
            expected: Catalog(enums: [mood], domains: [positive], sequences: [sequence]),
            actual: Catalog(compositeTypes: [pair], rangeTypes: [span]), options: PlanOptions(allowDestructive: true))
        #expect(plan.statements.map(\.sql).filter { $0.hasPrefix("DROP") } == ["DROP TYPE IF EXISTS public.pair;", "DROP TYPE IF EXISTS public.span;"])
    }

    @Test func anEnumSwappedForRemovedValuesGetsItsCommentBack() {
        let name = QualifiedName("public", "mood")
        let want = EnumType(name: name, values: ["b", "a"], comment: "the mood")
        let have = EnumType(name: name, values: ["a", "b"], comment: "the mood")
        let plan = MigrationPlanner.plan(expected: Catalog(enums: [want]), actual: Catalog(enums: [have]),
                                         options: PlanOptions(allowDestructive: true))
        #expect(plan.statements.map(\.sql).last == "COMMENT ON TYPE public.mood IS 'the mood';")
    }

    @Test(arguments: IndexAttribute.allCases) func everyMaterializedViewIndexAttributeIsReportedAndPlanned(_ attribute: IndexAttribute) {
        let (want, have) = Self.indexes(differingIn: attribute)
        let view = View(name: QualifiedName("public", "mv"), isMaterialized: true, definition: " SELECT 1 AS a;")
        var expected = view, actual = view
        expected.indexes = [want]
        actual.indexes = [have]
        Self.expectOneChange(Catalog(views: [expected]), Catalog(views: [actual]),
                             line: "~ public.mv index \(want.name) (\(attribute.rawValue))")
    }
}
