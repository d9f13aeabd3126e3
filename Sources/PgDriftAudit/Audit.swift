import Foundation
import PgDriftDiff
import PgDriftExpected
import PgDriftIntrospection
import PgDriftModel
import PgDriftPlanner
import PgDriftPostgres
import PgDriftReports
import PgDriftSQL

/// A whole drift check as one call, for Swift code and tests:
///
/// ```swift
/// let report = try Audit(expected: mySchema.catalog).run(against: "postgresql://localhost/app")
/// #expect(report.findings.isEmpty)
/// ```
public struct Audit {
    /// The expected source.
    public var source: ExpectedSource
    /// The model behind `builtin`.
    public var builtin: Catalog
    /// Schemas to compare; empty compares every user schema.
    public var schemas: [String] = []
    /// Schemas left out of both the expected schema and the database.
    public var excludedSchemas: [String] = []
    /// Findings on objects whose `schema.name` matches one of these globs are left out (`public.tmp_*`).
    public var ignore: [String] = []
    /// Severity per finding kind, replacing the kind's default; `.off` drops the kind.
    public var severities: [FindingKind: SeverityOverride] = [:]
    /// Every finding that remains becomes an error.
    public var strict = false
    /// What the diff compares; grants are read from the database only when they are compared.
    public var diffOptions = DiffOptions()
    /// The statement timeout of the transaction that reads the database, in milliseconds.
    public var statementTimeoutMilliseconds = 60_000
    /// Read SQL migrations through a shadow database even when they could be read offline (`--shadow`).
    public var shadow = false
    /// Run migrations in the shadow database as a superuser (`--shadow-superuser`): only for migrations
    /// you trust, since a superuser's SQL can run programs and read or write the server's files.
    public var shadowSuperuser = false
    /// Extensions to treat as missing on this machine even when their files are installed (tests of
    /// what happens on a machine without pg_net, pgvector …).
    package var unavailableExtensions: Set<String> = []
    /// `statement_timeout` of each migration statement in the shadow database (`--shadow-timeout`).
    public var shadowTimeout = "5min"
    /// The search_path the migrations expect to start with (`--search-path`); nil: PostgreSQL's default.
    public var searchPath: [String]?
    /// Which migration history to read when the expected side is a folder of migrations (`--history`).
    public var history: HistorySetting = .detect
    /// Compare with what the migrations the history records produce: pending files are then pending,
    /// not drift (`--as-applied`).
    public var asApplied = false
    /// Where the shadow database's PostgreSQL programs are (`--postgres-bin`); nil: those of the audited
    /// database's major version where they are here, else any.
    public var postgresBin: String?
    /// Receives notes on how the expected schema was read (a fallback to a shadow database, skipped statements).
    public var onNote: ((String) -> Void)?
    /// Receives what a long step is doing (the shadow database's migrations, the catalog reads), from
    /// any thread, for a progress line on a terminal (`pgdrift` shows one after a second).
    public var onProgress: (@Sendable (String) -> Void)?

    /// Audits against a source (`builtin` means `builtin`, the compiled model).
    public init(source: ExpectedSource, builtin: Catalog = Catalog()) {
        self.source = source
        self.builtin = builtin
    }

    /// Audits against a model written in Swift.
    public init(expected: Catalog) {
        self.init(source: .builtin, builtin: expected)
    }

    /// Compares the expected schema with the database behind `connectionString`.
    public func run(against connectionString: String) throws -> DriftReport {
        try runKeepingExpected(against: connectionString).report
    }

    /// `run(against:)`, and the expected catalog as it was compared (a fleet compares it with the others).
    func runKeepingExpected(against connectionString: String) throws -> (report: DriftReport, expected: Catalog) {
        // Connected first: the database's major version picks the shadow database's.
        let connection = try PostgresConnection(connectionString)
        defer { connection.close() }
        let onlyFiles = asApplied ? try appliedFiles(on: connection, required: true) : nil
        let loading = loadExpected(introspectionOptions, onlyFiles: onlyFiles, serverMajor: connection.serverVersion / 10000)
        return try run(on: connection, extensions: loading.extensions) {
            let loaded = try loading.load.wait()
            for note in loaded.notes { onNote?(note) }
            return loaded.catalog
        }
    }

    /// Compares an expected catalog already loaded (by `plan`, say) with the database.
    public func run(against connectionString: String, expected: Catalog) throws -> DriftReport {
        let connection = try PostgresConnection(connectionString)
        defer { connection.close() }
        return try run(on: connection) { expected }.report
    }

    /// Reads the database, then takes the expected catalog (loaded meanwhile, or already) and compares.
    private func run(
        on connection: PostgresConnection, extensions: LiveExtensions? = nil, expected: () throws -> Catalog
    ) throws -> (report: DriftReport, expected: Catalog) {
        var phases = PhaseTrace()
        let sides = try sides(on: connection, extensions: extensions, expected: expected)
        phases.mark("both sides read and compared")
        var findings = sides.findings ?? SchemaDiff.findings(
            expected: sides.expected, actual: sides.database.catalog, access: sides.database.access, options: findingOptions,
            constants: sides.constants)
        if let ledger = try ledger(sides.history) {
            findings = MigrationHistoryFindings.findings(ledger) + MigrationHistoryFindings.annotate(findings, with: ledger, asApplied: asApplied)
        }
        findings = triage(findings)
        let report = DriftReport(
            expected: source.description, database: connection.connectionString.description, findings: findings,
            compared: DriftReport.compared(expected: sides.expected, database: sides.database.catalog))
        phases.mark("report made")
        return (report, sides.expected)
    }

    /// Both sides of one comparison and what the server said about the constants they spell differently.
    struct Sides {
        var expected: Catalog
        var database: DatabaseInspection
        var constants: ConstantSpellings
        /// The migration tool's history, for a folder of migrations (issue 19).
        var history: MigrationHistory?
        /// The findings, when the first diff needed no constant spelled by the server (not for plans).
        var findings: [Finding]?
    }

    /// The diff's options for findings: a folder or file of migrations also notes the extension
    /// versions it does not pin.
    var findingOptions: DiffOptions {
        var options = diffOptions
        switch source {
        case .sqlDirectory, .sqlFile: options.noteUnpinnedExtensionVersions = true
        default: break
        }
        return options
    }

    /// Reads the database and takes the expected catalog. Constants spelled differently on each side (a
    /// file's `'0.0000'`, the catalog's `'0'::double precision`) are settled by the database itself, in
    /// the same read-only snapshot and settings: one query for all of them, and only when the diff meets
    /// such a pair.
    /// `forPlan`: no role access, and the constants the alignment needs rather than the findings.
    /// `extensions`: where the reading of the migrations waits for the members of the extensions this
    /// machine lacks, which are read here, in the same snapshot, before the expected catalog is taken.
    func sides(
        on connection: PostgresConnection, forPlan: Bool = false, extensions: LiveExtensions? = nil, expected: () throws -> Catalog
    ) throws -> Sides {
        try sides(on: connection, forPlan: forPlan, extensions: extensions, expected: expected, then: { _, _ in () }).sides
    }

    /// As above; `then` runs last, in the same snapshot (search_path empty, output settings pinned),
    /// given both sides: the plan reads its tables' sizes and its fingerprint there.
    /// `wholeDatabase: false`: the caller compares parts of the database itself (a tenant schema at a
    /// time), so the sides are not diffed as wholes.
    func sides<Extra>(
        on connection: PostgresConnection, forPlan: Bool = false, wholeDatabase: Bool = true, extensions: LiveExtensions? = nil,
        expected: () throws -> Catalog, then: (PostgresConnection, Sides) throws -> Extra
    ) throws -> (sides: Sides, extra: Extra) {
        // Whatever happens, the reading of the migrations must not wait forever.
        defer { extensions?.fulfil(.failure(LiveExtensionsUnread())) }
        onProgress?("reading the database's catalog")
        let options = findingOptions
        let unavailable = unavailableExtensions
        // Read whatever the source: the tool's tables are never the schema's, even against a model.
        let readsHistory = history != .off
        let only = history.only
        let source = source
        let (_, result) = try Introspector(options: introspectionOptions).inspect(from: connection, access: !forPlan) {
            connection, inspection in
            let history = readsHistory ? try Introspector.migrationHistory(on: connection, only: only) : nil
            if let extensions {
                extensions.fulfil(Result {
                    try Introspector.extensionMembers(lackingHere: { !LiveExtensions.isAvailableHere($0, unless: unavailable) }, on: connection)
                })
            }
            onProgress?("reading the expected schema")
            let readExpected = try expected()
            // The history table is the migration tool's, not the schema's: never reported, never dropped.
            var inspected = inspection
            // Extension versions the migrations do not pin are not expected (issue 20).
            var expectedCatalog = try ExpectedSchemaLoader.unpinningExtensionVersions(readExpected, of: source)
            if let history {
                inspected.catalog.removeHistoryTables(of: history)
                expectedCatalog.removeHistoryTables(of: history)
            }
            // A first diff finds the constants the server must spell; when there are none (the common
            // case) its findings are the answer, and the diff is not run twice.
            var findings: [Finding]?
            var needed: Set<TypedConstant>
            if forPlan {
                needed = SchemaDiff.constantsToPlan(expected: expectedCatalog, actual: inspected.catalog)
            } else if !wholeDatabase {
                needed = []
            } else {
                let probe = ConstantSpellings()
                let first = SchemaDiff.findings(
                    expected: expectedCatalog, actual: inspected.catalog, access: inspected.access, options: options,
                    constants: probe)
                needed = probe.needed
                if needed.isEmpty { findings = first }
            }
            let constants = needed.isEmpty
                ? ConstantSpellings()
                : ConstantSpellings(answers: try ConstantsQuery.spellings(needed, on: connection), asked: needed)
            var sides = Sides(expected: expectedCatalog, database: inspected, constants: constants, history: history)
            sides.findings = findings
            return (sides, try then(connection, sides))
        }
        return result
    }

    /// The expected catalog and the notes on how it was read (given to `onNote` on the caller's thread).
    struct ExpectedLoad: Sendable {
        var catalog: Catalog
        var notes: [String]
    }

    /// What both sides are read with: the audit's schemas, grants when privileges are compared, owners
    /// when owners are, its timeout.
    var introspectionOptions: IntrospectionOptions {
        IntrospectionOptions(
            schemas: schemas, excludedSchemas: excludedSchemas, includePrivileges: diffOptions.comparePrivileges,
            includeOwners: diffOptions.compareOwners, statementTimeoutMilliseconds: statementTimeoutMilliseconds)
    }

    /// The expected catalog being loaded, and (for SQL) where it waits for the database's extensions.
    struct ExpectedLoading {
        var load: InBackground<ExpectedLoad>
        var extensions: LiveExtensions?
    }

    /// Starts loading the expected catalog on another thread (both sides are read at once); `onlyFiles`:
    /// of a folder of migrations, only these (`--as-applied`).
    func loadExpected(_ options: IntrospectionOptions, onlyFiles: Set<String>? = nil, serverMajor: Int? = nil) -> ExpectedLoading {
        let (source, builtin, schemas, excludedSchemas, shadow) = (self.source, self.builtin, self.schemas, self.excludedSchemas, self.shadow)
        let postgresBin = self.postgresBin
        let onProgress = self.onProgress
        let (shadowSuperuser, shadowTimeout, searchPath) = (self.shadowSuperuser, self.shadowTimeout, self.searchPath)
        let unavailable = unavailableExtensions
        // Only migrations create extensions: other sources never wait for the database.
        let extensions: LiveExtensions?
        switch source {
        case .sqlDirectory, .sqlFile: extensions = LiveExtensions()
        default: extensions = nil
        }
        return ExpectedLoading(load: InBackground {
            let loader = ExpectedSchemaLoader(builtin: { builtin }, options: options)
            defer { loader.close() }
            loader.shadowOnly = shadow
            loader.shadowSuperuser = shadowSuperuser
            loader.shadowTimeout = shadowTimeout
            loader.searchPath = searchPath
            loader.liveExtensions = extensions
            loader.unavailableExtensions = unavailable
            loader.onlyFiles = onlyFiles
            loader.serverMajor = serverMajor
            loader.postgresBin = postgresBin
            loader.onProgress = onProgress
            var notes: [String] = []
            loader.onNote = { notes.append($0) }
            let catalog = try loader.load(source).filtered(schemas: schemas, excluding: excludedSchemas)
            return ExpectedLoad(catalog: catalog, notes: notes)
        }, extensions: extensions)
    }

    /// Applies `ignore`, then `severities`, then `strict`: a kind turned off stays off under `strict`.
    public func triage(_ findings: [Finding]) -> [Finding] {
        findings.compactMap { finding in
            if ignore.contains(where: { Self.matches($0, finding) }) { return nil }
            var copy = finding
            if let override = severities[finding.kind] {
                guard let severity = override.severity else { return nil }
                copy.severity = severity
            }
            if strict { copy.severity = .error }
            return copy
        }
    }

    /// A glob matches `schema.table`, `schema.table.column` or `schema.object`; an operator, publication,
    /// ... (whose object is PostgreSQL's identity, schema included) its identity or `kind identity`.
    static func matches(_ glob: String, _ finding: Finding) -> Bool {
        var names = [finding.path]
        if let table = finding.table { names.append("\(finding.schema).\(table)") }
        if let object = finding.object { names.append("\(finding.schema).\(object)") }
        if [.missingObject, .extraObject, .objectMismatch].contains(finding.kind), let object = finding.object {
            names.append(object)
            // The message starts with the kind and the identity (`DefinedObject.description`).
            if let kind = DefinedObjectKind.allCases.first(where: { finding.message.hasPrefix("\($0.rawValue) \(object) ") }) {
                names.append("\(kind.rawValue) \(object)")
            }
        }
        return names.contains { fnmatch(glob, $0, 0) == 0 }
    }
}

/// What to make of one finding kind: report it at this severity, or drop it (`off`). The raw values are
/// the configuration file's (`[severity] extra_column = "off"`).
public enum SeverityOverride: String, Hashable, Sendable, CaseIterable {
    case error, warning, info, off

    /// The severity to report, or nil to drop the finding.
    public var severity: Severity? {
        switch self {
        case .error: .error
        case .warning: .warning
        case .info: .info
        case .off: nil
        }
    }
}
