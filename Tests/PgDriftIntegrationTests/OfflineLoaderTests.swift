import AnalyticsExample
import Foundation
import PgDrift
import PgDriftSQL
import PgDriftTestSupport
import Testing

/// The offline SQL reader against the server's own answer: for every folder of OfflineCorpus/, the model
/// read offline and the model of a shadow database built from the same files have no difference under
/// the diff's comparison, either way round; a folder the reader cannot reproduce falls back to the
/// shadow database and says so.
@Suite struct OfflineLoaderTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("OfflineCorpus")
    static var folders: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).sorted()
    }
    /// Folders with statements only a server can reproduce (none today; the fallback itself is tested
    /// by `unsupportedStatementsFallBack`).
    static let needServer: Set<String> = []

    static func files(_ directory: String) throws -> [(path: String, sql: String)] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".sql") }
            .sorted(by: NaturalOrder.less)
            .map { (directory + "/" + $0, try String(contentsOfFile: directory + "/" + $0, encoding: .utf8)) }
    }

    static func shadowCatalog(_ directory: String) throws -> Catalog {
        let loader = ExpectedSchemaLoader(builtin: { Catalog() })
        defer { loader.close() }
        loader.shadowOnly = true
        return try loader.load(.sqlDirectory(directory))
    }

    static func describe(_ findings: [Finding]) -> String {
        findings.map { "\($0.kind.rawValue) \($0.message) expected=\($0.expected ?? "-") actual=\($0.actual ?? "-")" }.joined(separator: "\n")
    }

    @Test(arguments: folders)
    func offlineModelEqualsShadowModel(folder: String) throws {
        let directory = Self.corpus.appendingPathComponent(folder).path
        let outcome = try OfflineSchemaLoader.load(try Self.files(directory))
        guard case .exact(let offline, _) = outcome else {
            #expect(Self.needServer.contains(folder), "\(folder) fell back: \(outcome)")
            return
        }
        #expect(!Self.needServer.contains(folder), "\(folder) was expected to need a server")
        let shadow = try Self.shadowCatalog(directory)
        let forward = SchemaDiff.findings(expected: offline, actual: shadow)
        #expect(forward.isEmpty, "offline → shadow, \(folder):\n\(Self.describe(forward))")
        let backward = SchemaDiff.findings(expected: shadow, actual: offline)
        #expect(backward.isEmpty, "shadow → offline, \(folder):\n\(Self.describe(backward))")
        #expect(offline.tables.count == shadow.tables.count)
        Self.expectSameViewsAndExtensions(offline, shadow, folder)
        // Findings carry file:line: every object read offline has a source.
        var objects: [ObjectID] = []
        for table in offline.tables {
            objects.append(ObjectID(kind: .table, schema: table.name.schema, name: table.name.name))
            objects += table.triggers.map { ObjectID(kind: .trigger, schema: table.name.schema, relation: table.name.name, name: $0.name) }
        }
        objects += offline.functions.map { ObjectID(kind: .function, schema: $0.name.schema, name: "\($0.name.name)(\($0.identityArguments))") }
        objects += offline.domains.map { ObjectID(kind: .domain, schema: $0.name.schema, name: $0.name.name) }
        objects += offline.compositeTypes.map { ObjectID(kind: .compositeType, schema: $0.name.schema, name: $0.name.name) }
        objects += offline.views.map { ObjectID(kind: .view, schema: $0.name.schema, name: $0.name.name) }
        for object in objects { #expect(offline.sources[object] != nil, "no source for \(object)") }
    }

    /// With privileges compared, every folder read offline (GRANT and REVOKE included) equals the shadow
    /// database's model, grants compared, both ways; a folder that defers says why.
    @Test(arguments: folders)
    func offlineModelWithPrivilegesEqualsShadowModel(folder: String) throws {
        let directory = Self.corpus.appendingPathComponent(folder).path
        let outcome = try OfflineSchemaLoader.load(try Self.files(directory), privileges: true)
        guard case .exact(let offline, _) = outcome else {
            #expect(Self.deferWithPrivileges.contains(folder), "\(folder) fell back: \(outcome)")
            return
        }
        #expect(!Self.deferWithPrivileges.contains(folder), "\(folder) was expected to defer")
        let loader = ExpectedSchemaLoader(builtin: { Catalog() }, options: IntrospectionOptions(includePrivileges: true))
        defer { loader.close() }
        loader.shadowOnly = true
        let shadow = try loader.load(.sqlDirectory(directory))
        let options = DiffOptions(comparePrivileges: true)
        let forward = SchemaDiff.findings(expected: offline, actual: shadow, options: options)
        #expect(forward.isEmpty, "offline → shadow, \(folder):\n\(Self.describe(forward))")
        let backward = SchemaDiff.findings(expected: shadow, actual: offline, options: options)
        #expect(backward.isEmpty, "shadow → offline, \(folder):\n\(Self.describe(backward))")
    }

    /// Folders whose statements defer when privileges are read (an owner change, `GRANT ON ALL`, ...).
    static let deferWithPrivileges: Set<String> = ["07_comments_rls_skipped", "21_views"]  // ALTER TABLE / VIEW … OWNER TO

    @Test(arguments: folders)
    func aDatabaseBuiltFromTheFolderHasNoDrift(folder: String) throws {
        let directory = Self.corpus.appendingPathComponent(folder).path
        let database = try TestDatabase("offline_" + folder)
        let connection = try database.connect()
        for file in try Self.files(directory) { try connection.execute(file.sql) }
        var notes: [String] = []
        var audit = Audit(source: .sqlDirectory(directory))
        audit.onNote = { notes.append($0) }
        let report = try audit.run(against: database.connectionString)
        #expect(report.findings.isEmpty, "\(folder):\n\(Self.describe(report.findings))")
        let fellBack = notes.contains { $0.contains("through a shadow database") }
        #expect(fellBack == Self.needServer.contains(folder), "\(folder): \(notes)")
    }

    /// What the diff does not compare is compared here: a view's output columns (names, types,
    /// comments), options, comment and the relations it reads; an extension's schema and version.
    static func expectSameViewsAndExtensions(_ offline: Catalog, _ shadow: Catalog, _ label: String) {
        #expect(offline.views.map(\.name) == shadow.views.map(\.name), "\(label)")
        for view in offline.views {
            guard let other = shadow.views[view.name] else { continue }
            #expect(view.columns == other.columns, "\(label) \(view.name): \(view.columns) against \(other.columns)")
            #expect(view.options == other.options && view.comment == other.comment, "\(label) \(view.name)")
            #expect(view.isMaterialized == other.isMaterialized && view.indexes == other.indexes, "\(label) \(view.name): \(view.indexes) against \(other.indexes)")
            #expect(view.dependsOn == other.dependsOn, "\(label) \(view.name): \(view.dependsOn) against \(other.dependsOn)")
            #expect(ExpressionMeaning.sameQuery(view.definition, other.definition), "\(label):\n\(view.definition)\n\(other.definition)")
        }
        #expect(offline.extensions == shadow.extensions, "\(label): \(offline.extensions) against \(shadow.extensions)")
    }

    /// The analytics migrations — extensions, an index on an extension's operator class, views, their
    /// comments — read offline to the shadow database's model, and a database built by them has no drift
    /// without a shadow database being started.
    @Test func theAnalyticsMigrationsAreExactOffline() throws {
        let directory = AnalyticsExample.directory.path
        let outcome = try OfflineSchemaLoader.load(try Self.files(directory))
        guard case .exact(let offline, _) = outcome else {
            Issue.record("the analytics migrations fell back: \(outcome)")
            return
        }
        let shadow = try Self.shadowCatalog(directory)
        #expect(offline.tables.count == 12 && offline.views.count == 3 && offline.extensions.count == 2)
        let forward = SchemaDiff.findings(expected: offline, actual: shadow)
        #expect(forward.isEmpty, "offline → shadow:\n\(Self.describe(forward))")
        let backward = SchemaDiff.findings(expected: shadow, actual: offline)
        #expect(backward.isEmpty, "shadow → offline:\n\(Self.describe(backward))")
        Self.expectSameViewsAndExtensions(offline, shadow, "analytics")
        #expect(offline.sources[ObjectID(kind: .view, schema: "public", name: "creator_leaderboard")]?.line == 6)

        let database = try AnalyticsExampleTests.build("offline_analytics")
        var notes: [String] = []
        var audit = Audit(source: .sqlDirectory(directory))
        audit.onNote = { notes.append($0) }
        let report = try audit.run(against: database.connectionString)
        #expect(report.findings.isEmpty, Comment(rawValue: Self.describe(report.findings)))
        #expect(!notes.contains { $0.contains("through a shadow database") }, "\(notes)")
    }

    /// A `pg_dump --schema-only` of the analytics database — `\restrict` lines, `ALTER TABLE ... OWNER
    /// TO` on views and sequences, `ADD GENERATED AS IDENTITY (SEQUENCE NAME ...)`, `= ANY (ARRAY[...])`
    /// — reads offline to the same model as the shadow database built from the dump, and the database
    /// has no drift against it.
    @Test func aSchemaDumpReadsOffline() throws {
        let database = try AnalyticsExampleTests.build("offline_dump")
        let dump = try TestServer.server().dumpSchema(database: database.name)
        #expect(dump.contains("\\restrict"), "pg_dump 15.14 and later write \\restrict")
        TestEnvironment.isolated
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-dump-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try dump.write(to: folder.appendingPathComponent("schema.sql"), atomically: true, encoding: .utf8)

        let outcome = try OfflineSchemaLoader.load([("schema.sql", PsqlMetaCommands.blanked(dump))])
        guard case .exact(let offline, _) = outcome else {
            Issue.record("the dump fell back: \(outcome)")
            return
        }
        let shadow = try Self.shadowCatalog(folder.path)
        let forward = SchemaDiff.findings(expected: offline, actual: shadow)
        #expect(forward.isEmpty, "offline → shadow:\n\(Self.describe(forward))")
        let backward = SchemaDiff.findings(expected: shadow, actual: offline)
        #expect(backward.isEmpty, "shadow → offline:\n\(Self.describe(backward))")
        Self.expectSameViewsAndExtensions(offline, shadow, "dump")

        var notes: [String] = []
        var audit = Audit(source: .sqlFile(folder.appendingPathComponent("schema.sql").path))
        audit.onNote = { notes.append($0) }
        let report = try audit.run(against: database.connectionString)
        #expect(report.findings.isEmpty, Comment(rawValue: Self.describe(report.findings)))
        #expect(!notes.contains { $0.contains("through a shadow database") }, "\(notes)")
    }

    /// Dumps the reader cannot take yet (none today).
    static let dumpsNeedServer: Set<String> = []

    /// `pg_dump --schema-only` of a database built from each folder reads back: offline to the shadow
    /// database's model (both ways), except where noted; through either reader, no drift.
    @Test(arguments: folders)
    func aSchemaDumpOfTheFolderReadsBack(folder: String) throws {
        let database = try TestDatabase("dump_" + folder)
        let connection = try database.connect()
        for file in try Self.files(Self.corpus.appendingPathComponent(folder).path) { try connection.execute(file.sql) }
        connection.close()
        let dump = try TestServer.server().dumpSchema(database: database.name)
        TestEnvironment.isolated
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-dump-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try dump.write(to: directory.appendingPathComponent("schema.sql"), atomically: true, encoding: .utf8)

        let outcome = try OfflineSchemaLoader.load([("schema.sql", PsqlMetaCommands.blanked(dump))])
        if case .exact(let offline, _) = outcome {
            #expect(!Self.dumpsNeedServer.contains(folder), "\(folder)'s dump was expected to need a server")
            let shadow = try Self.shadowCatalog(directory.path)
            let forward = SchemaDiff.findings(expected: offline, actual: shadow)
            #expect(forward.isEmpty, "offline → shadow, \(folder):\n\(Self.describe(forward))")
            let backward = SchemaDiff.findings(expected: shadow, actual: offline)
            #expect(backward.isEmpty, "shadow → offline, \(folder):\n\(Self.describe(backward))")
            Self.expectSameViewsAndExtensions(offline, shadow, folder + " dump")
        } else {
            #expect(Self.dumpsNeedServer.contains(folder), "\(folder)'s dump fell back: \(outcome)")
        }
        let report = try Audit(source: .sqlFile(directory.appendingPathComponent("schema.sql").path)).run(against: database.connectionString)
        #expect(report.findings.isEmpty, "\(folder):\n\(Self.describe(report.findings))")
    }

    /// Statements the reader does not resolve still fall back, naming the statement and why.
    @Test(arguments: [
        ("CREATE TABLE t (a int); CREATE VIEW v AS WITH RECURSIVE x AS (SELECT a FROM t) SELECT a FROM x;", "WITH RECURSIVE"),
        ("CREATE TABLE t (a int); CREATE VIEW v AS SELECT a FROM t WHERE a = ANY (SELECT a FROM t);", "an ANY or ALL sub-query with that operator"),
        ("CREATE TABLE t (a int); CREATE TABLE u (a int); CREATE VIEW v AS SELECT * FROM t, u;", "two output columns named a"),
        ("CREATE TABLE t (a int, b int); CREATE VIEW v AS SELECT a FROM t WHERE a IN (b, 2);", "an IN list of something other than constants"),
        ("CREATE TABLE t (a int); CREATE VIEW v AS SELECT a FROM t WHERE a = ANY ('{1,2}');", "an ANY or ALL of something other than an array of constants"),
        ("CREATE TABLE t (a int); CREATE VIEW v AS SELECT a FROM t;\nALTER TABLE t RENAME COLUMN a TO b;", "renaming a column of public.t, which view public.v reads"),
        ("CREATE TABLE t (d date); CREATE VIEW v AS SELECT d FROM t WHERE d > '2024-1-1';", "a constant compared with a date"),
        ("CREATE EXTENSION no_such_extension;", "extension no_such_extension is not available"),
        ("CREATE TABLE t (a int); CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql AS 'SELECT x';\nCREATE VIEW v AS SELECT f(a) FROM t;\nALTER FUNCTION f(int) RENAME TO g;",
         "renaming function public.f, which a view calls"),
        ("CREATE TABLE t (a bigint); CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql AS 'SELECT x';\nCREATE VIEW v AS SELECT f(a) FROM t;",
         "a call of f(bigint), which no one function of the migrations takes"),
    ])
    func unsupportedStatementsFallBack(sql: String, reason: String) throws {
        let outcome = try OfflineSchemaLoader.load([("f.sql", sql)])
        guard case .needsServer(let why) = outcome else {
            Issue.record("read offline: \(sql)")
            return
        }
        #expect(why.contains(reason), "\(why)")
    }

    /// GRANT and REVOKE are read offline when privileges are compared; an owner change is not (who owns
    /// decides whose privileges are left out), so this folder reads through the server.
    @Test func comparingPrivilegesWithAnOwnerChangeUsesTheShadowDatabase() throws {
        let directory = Self.corpus.appendingPathComponent("07_comments_rls_skipped").path
        let database = try TestDatabase("offline_privileges")
        let connection = try database.connect()
        for file in try Self.files(directory) { try connection.execute(file.sql) }
        var notes: [String] = []
        var audit = Audit(source: .sqlDirectory(directory))
        audit.diffOptions.comparePrivileges = true
        audit.onNote = { notes.append($0) }
        let report = try audit.run(against: database.connectionString)
        #expect(report.findings.isEmpty, Comment(rawValue: Self.describe(report.findings)))
        #expect(notes == ["reading \(directory) through a shadow database: \(directory)/002_more.sql:8: an owner change, with privileges compared, is read through the shadow database"])
    }

    @Test func shadowModeCanBeForced() throws {
        let directory = Self.corpus.appendingPathComponent("01_basic_tables").path
        let database = try TestDatabase("offline_forced_shadow")
        var notes: [String] = []
        var audit = Audit(source: .sqlDirectory(directory))
        audit.shadow = true
        audit.onNote = { notes.append($0) }
        let report = try audit.run(against: database.connectionString)
        #expect(report.findings.contains { $0.kind == .missingTable && $0.table == "users" })
        #expect(notes.isEmpty)
    }
}

/// `plan --expected DIR` against a database built from DIR plans nothing, whichever way DIR is read.
@Suite struct PlanFromMigrationsTests {
    @Test(arguments: OfflineLoaderTests.folders)
    func aDatabaseBuiltFromTheFolderNeedsNoPlan(folder: String) throws {
        let directory = OfflineLoaderTests.corpus.appendingPathComponent(folder).path
        let database = try TestDatabase("plan_sql_" + folder)
        let connection = try database.connect()
        for file in try OfflineLoaderTests.files(directory) { try connection.execute(file.sql) }
        connection.close()
        let plan = try Audit(source: .sqlDirectory(directory)).plan(against: database.connectionString)
        #expect(plan.isEmpty && plan.skipped.isEmpty, "\(folder):\n\(plan.render())")
    }
}
