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
    /// Folders with statements only a server can reproduce: a view (14), and a BEGIN that takes over the
    /// file's earlier statements (16).
    static let needServer: Set = ["14_policies_functions_sequences", "16_transaction_rolled_back"]

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
        // Findings carry file:line: every object read offline has a source.
        var objects: [ObjectID] = []
        for table in offline.tables {
            objects.append(ObjectID(kind: .table, schema: table.name.schema, name: table.name.name))
            objects += table.triggers.map { ObjectID(kind: .trigger, schema: table.name.schema, relation: table.name.name, name: $0.name) }
        }
        objects += offline.functions.map { ObjectID(kind: .function, schema: $0.name.schema, name: "\($0.name.name)(\($0.identityArguments))") }
        objects += offline.domains.map { ObjectID(kind: .domain, schema: $0.name.schema, name: $0.name.name) }
        objects += offline.compositeTypes.map { ObjectID(kind: .compositeType, schema: $0.name.schema, name: $0.name.name) }
        for object in objects { #expect(offline.sources[object] != nil, "no source for \(object)") }
    }

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

    @Test func theAnalyticsMigrationsNeedTheServerAndStayExact() throws {
        let directory = AnalyticsExample.directory.path
        let outcome = try OfflineSchemaLoader.load(try Self.files(directory))
        guard case .needsServer(let reason) = outcome else {
            Issue.record("the analytics migrations have extensions and views, which are not read offline")
            return
        }
        #expect(reason.hasPrefix(directory + "/001_extensions_and_schemas.sql:9: CREATE EXTENSION needs the server"), "\(reason)")
        let database = try AnalyticsExampleTests.build("offline_analytics")
        var notes: [String] = []
        var audit = Audit(source: .sqlDirectory(directory))
        audit.onNote = { notes.append($0) }
        let report = try audit.run(against: database.connectionString)
        #expect(report.findings.isEmpty, Comment(rawValue: Self.describe(report.findings)))
        #expect(notes == ["reading \(directory) through a shadow database: \(reason)"])
    }

    /// The analytics migrations without the statements that need a server — its extensions, its views
    /// and what names them, the index on an extension's operator class — read offline to the shadow's
    /// model. The statements are cut where libpg_query says they are, their lines kept blank, so every
    /// other statement keeps its line.
    @Test func theAnalyticsMigrationsAreExactOfflineButForExtensionsAndViews() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-analytics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var cut: [String] = []
        for (path, sql) in try Self.files(AnalyticsExample.directory.path) {
            var bytes = Array(sql.utf8)
            for statement in try ParsedScript(sql).statements where Self.needsServer(statement) {
                cut.append(statement.tag)
                for i in statement.offset..<(statement.offset + statement.length) where bytes[i] != 0x0A { bytes[i] = 0x20 }
            }
            try Data(bytes).write(to: folder.appendingPathComponent(URL(fileURLWithPath: path).lastPathComponent))
        }
        #expect(cut.count == 2 + 3 + 3 + 1, "\(cut)")
        let outcome = try OfflineSchemaLoader.load(try Self.files(folder.path))
        guard case .exact(let offline, _) = outcome else {
            Issue.record("fell back: \(outcome)")
            return
        }
        let shadow = try Self.shadowCatalog(folder.path)
        #expect(offline.tables.count == 12 && offline.functions.count == 5 && offline.domains.count == 1)
        let forward = SchemaDiff.findings(expected: offline, actual: shadow)
        #expect(forward.isEmpty, "offline → shadow:\n\(Self.describe(forward))")
        let backward = SchemaDiff.findings(expected: shadow, actual: offline)
        #expect(backward.isEmpty, "shadow → offline:\n\(Self.describe(backward))")
    }

    /// CREATE EXTENSION, CREATE VIEW, COMMENT ON VIEW, and an index on an operator class of an extension.
    static func needsServer(_ statement: ParsedScript.Statement) -> Bool {
        switch statement.tag {
        case "CreateExtensionStmt", "ViewStmt": return true
        case "CommentStmt": return statement.node["objtype"]?.isString("OBJECT_VIEW") == true
        case "IndexStmt": return statement.node.descendants("IndexElem").contains { $0["opclass"]?.strings == ["gin_trgm_ops"] }
        default: return false
        }
    }

    /// Grants are not replayed offline, so comparing them reads the files through the server.
    @Test func comparingPrivilegesUsesTheShadowDatabase() throws {
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
        #expect(notes == ["reading \(directory) through a shadow database: privileges are compared"])
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
