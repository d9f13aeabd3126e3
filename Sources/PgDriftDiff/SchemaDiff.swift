import PgDriftModel

/// What the diff compares.
public struct DiffOptions: Sendable, Hashable {
    /// Compare grants (`--with-privileges`).
    public var comparePrivileges: Bool
    /// Compare COMMENT ON texts.
    public var compareComments: Bool
    /// Compare owners (`--with-owners`).
    public var compareOwners: Bool
    /// Compare pg_cron's jobs with the migrations' (`--with-extension-state`); they are reported either way.
    public var compareExtensionState = false
    /// Note the installed version of each expected extension without one (`extension_version`, info):
    /// for migrations, where no `VERSION` means any version.
    public var noteUnpinnedExtensionVersions = false

    /// Creates options; by default comments are compared and privileges and owners are not.
    public init(comparePrivileges: Bool = false, compareComments: Bool = true, compareOwners: Bool = false) {
        self.comparePrivileges = comparePrivileges
        self.compareComments = compareComments
        self.compareOwners = compareOwners
    }
}

/// The diff: expected catalog × actual catalog → findings. A pure function of its inputs; it writes no
/// SQL. Linear in the size of the schemas: every match is a dictionary lookup.
public enum SchemaDiff {
    /// Every drift, ordered by schema, table, kind and name.
    public static func findings(
        expected: Catalog, actual: Catalog, options: DiffOptions = DiffOptions(), constants: ConstantSpellings = ConstantSpellings()
    ) -> [Finding] {
        var context = DiffContext(expected: expected, actual: actual, options: options)
        context.expressions.constants = constants
        let types = context.typesAndNamespacesDelta()
        context.renderSchemasAndExtensions(types)
        context.renderTypes(types)
        context.renderSequences(types)
        context.diffTables()
        context.diffViews()
        context.diffFunctions()
        context.renderDefinedObjects(types)
        if options.comparePrivileges { context.diffPrivileges() }
        if options.compareOwners { context.diffOwners() }
        context.diffExtensionState()
        context.diffCoverage()
        return context.findings.sorted(by: DiffContext.order)
    }
}

extension SchemaDiff {
    /// The constants the diff cannot compare by their text (spelled differently on each side, such as
    /// `'0.0000'` read from a file and `'0'::double precision` from the catalog): the caller asks a
    /// server how their types print them (`ConstantSpellings`) and gives the answers to `findings`.
    public static func constantsToCanonicalise(expected: Catalog, actual: Catalog, options: DiffOptions = DiffOptions()) -> Set<TypedConstant> {
        let constants = ConstantSpellings()
        _ = findings(expected: expected, actual: actual, options: options, constants: constants)
        return constants.needed
    }
}

/// The state of one diff: both catalogs and the findings so far. Each object kind adds its
/// comparison in its own file, as an extension.
struct DiffContext {
    let expected: Catalog
    let actual: Catalog
    let options: DiffOptions
    /// Compares expressions; asks `constants` about constants spelled differently on each side.
    var expressions = ExpressionComparison()
    var findings: [Finding] = []

    mutating func report(_ finding: Finding) { findings.append(finding) }

    /// Where the expected object was declared.
    func source(_ kind: ObjectKind, _ schema: String, relation: String? = nil, _ name: String) -> SourceLocation? {
        expected.sources[ObjectID(kind: kind, schema: schema, relation: relation, name: name)]
    }

    /// By schema, table, kind and name; what was not compared comes last.
    static func order(_ a: Finding, _ b: Finding) -> Bool {
        if (a.kind == .notChecked) != (b.kind == .notChecked) { return b.kind == .notChecked }
        return (a.schema, a.table ?? "", a.kind, a.column ?? "", a.object ?? "")
            < (b.schema, b.table ?? "", b.kind, b.column ?? "", b.object ?? "")
    }
}
