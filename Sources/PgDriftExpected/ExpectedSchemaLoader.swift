import Foundation
import PgDriftIntrospection
import PgDriftModel
import PgDriftPostgres
import PgDriftServer
import PgDriftSQL

/// Turns any expected source into a catalog in the server's canonical form, so the diff compares
/// meaning, not spelling. The built-in model and SQL migrations go through a shadow database (a
/// throwaway PostgreSQL started on demand); snapshots and databases are canonical already.
package final class ExpectedSchemaLoader {
    private let builtin: () -> Catalog
    private let options: IntrospectionOptions
    private var server: TemporaryServer?
    /// Read SQL migrations only through a shadow database (`--shadow`), never offline.
    package var shadowOnly = false
    /// Run migrations in the shadow database as a superuser (`--shadow-superuser`): only for migrations
    /// you trust, since a superuser's SQL can run programs and read or write the server's files.
    package var shadowSuperuser = false
    /// `statement_timeout` for each statement of the migrations in the shadow database (`--shadow-timeout`).
    package var shadowTimeout = "5min"
    /// The search_path the migrations expect to start with (`--search-path`), offline and in the shadow
    /// database; nil: PostgreSQL's default.
    package var searchPath: [String]?
    /// Receives one line when SQL is read through a shadow database because the offline reader cannot
    /// reproduce a statement, or when statements were skipped as having no effect on the schema.
    package var onNote: ((String) -> Void)?
    /// Receives what a long step is doing (`shadow database: migration 3 of 40, 003_users.sql`), from the
    /// loading thread, for a progress line on a terminal.
    package var onProgress: (@Sendable (String) -> Void)?
    /// The members of extensions this machine lacks, from the audited database (nil: none).
    package var liveExtensions: LiveExtensions?
    /// Extensions to treat as missing here even when their files are installed (tests).
    package var unavailableExtensions: Set<String> = []
    /// Of a folder of migrations, only these files (the ones the history records as applied); nil: all.
    package var onlyFiles: Set<String>?
    /// The audited database's major version: the shadow database runs the same one where its programs
    /// are here (issue 20).
    package var serverMajor: Int?
    /// Where the shadow's programs are (`--postgres-bin`); nil: looked for.
    package var postgresBin: String?

    /// `builtin` supplies the compiled model (the CLI passes `expected-schema`'s).
    package init(builtin: @escaping () -> Catalog, options: IntrospectionOptions = IntrospectionOptions()) {
        self.builtin = builtin
        self.options = options
    }

    deinit { server?.stop() }

    /// The expected catalog of `source`.
    package func load(_ source: ExpectedSource) throws -> Catalog {
        switch source {
        case .builtin:
            return try ShadowDatabase.canonicalize(builtin(), on: shadowServer(), options: options, statementTimeout: shadowTimeout)
        case .canonical(let catalog, _):
            return catalog
        case .snapshot(let path):
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
                throw ExpectedSchemaError("cannot read '\(path)': \(error.localizedDescription)")
            }
            do { return try Snapshot.decode(data).catalog } catch let error as SnapshotError {
                throw ExpectedSchemaError("snapshot '\(path)': \(error.message)")
            }
        case .database(let connection):
            return try Introspector(options: options).catalog(from: PostgresConnection(connection)).catalog
        case .sqlDirectory(let path):
            let files = try Self.migrationFiles(in: path).filter { onlyFiles?.contains($0) ?? true }
            // Nothing recorded as applied yet: the expected schema is empty.
            guard !files.isEmpty else { return Catalog() }
            return try loadSQL(files, source: path)
        case .sqlFile(let path):
            return try loadSQL([path], source: path)
        }
    }

    /// The schema of migrations (`source`), the version of each extension they do not pin left unset:
    /// without `VERSION` (or a later `ALTER EXTENSION … UPDATE TO`) any version is what they ask for,
    /// not the default of the server that read them, which is kept as `defaultVersion` (issue 20).
    package static func unpinningExtensionVersions(_ catalog: Catalog, of source: ExpectedSource) throws -> Catalog {
        // Without extensions there is nothing to unpin, and the files are not listed or read again.
        guard !catalog.extensions.isEmpty else { return catalog }
        let files: [String]
        switch source {
        case .sqlDirectory(let path): files = try migrationFiles(in: path)
        case .sqlFile(let path): files = [path]
        default: return catalog
        }
        let pinned = try pinnedExtensionVersions(files)
        var copy = catalog
        copy.extensions = ObjectSet(catalog.extensions.map { item in
            var unpinned = item
            if !pinned.contains(item.name) {
                unpinned.defaultVersion = item.version.isEmpty ? nil : item.version
                unpinned.version = ""
            }
            return unpinned
        })
        return copy
    }

    /// The extensions whose version the files name.
    static func pinnedExtensionVersions(_ files: [String]) throws -> Set<String> {
        var pinned = Set<String>()
        for file in files {
            let text = try read(file)
            // Most files never mention an extension: they are not parsed a second time.
            guard text.range(of: "extension", options: .caseInsensitive) != nil, let script = try? ParsedScript(text) else { continue }
            for statement in script.statements {
                switch statement.tag {
                case "CreateExtensionStmt":
                    if let create = CreateExtensionStatement(statement.node), create.version != nil { pinned.insert(create.name) }
                case "AlterExtensionStmt":
                    let updates = (statement.node["options"]?.elements ?? []).contains { $0.node("DefElem")?["defname"]?.string == "new_version" }
                    if updates, let name = statement.node["extname"]?.string { pinned.insert(name) }
                default:
                    continue
                }
            }
        }
        return pinned
    }

    /// Offline when every statement can be replayed exactly, else (or with `shadowOnly`) through a
    /// shadow database.
    private func loadSQL(_ files: [String], source: String) throws -> Catalog {
        guard !shadowOnly else { return try loadMigrations(files) }
        let texts = try files.map { (path: $0, sql: try Self.read($0)) }
        // With privileges, GRANT and REVOKE are read too (OfflineReplay+Grants.swift says what defers).
        switch try OfflineSchemaLoader.load(
            texts, searchPath: searchPath, refuseSuperuserStatements: !shadowSuperuser, privileges: options.includePrivileges,
            owners: options.includeOwners, liveExtensions: liveExtensions, unavailableExtensions: unavailableExtensions) {
        case .exact(let catalog, let notes):
            for note in notes { onNote?(note) }
            return catalog
        case .needsServer(let reason):
            onNote?("reading \(source) through a shadow database: \(reason)")
            return try loadMigrations(files, because: reason)
        }
    }

    /// A SQL file's text, psql's backslash commands (pg_dump's `\restrict`) blanked.
    private static func read(_ file: String) throws -> String {
        do { return MigrationSections.upOnly(PsqlMetaCommands.blanked(try String(contentsOfFile: file, encoding: .utf8))) } catch {
            throw ExpectedSchemaError("cannot read '\(file)' as UTF-8 text")
        }
    }

    /// Stops the shadow server, if one was started.
    package func close() {
        server?.stop()
        server = nil
    }

    private func shadowServer() throws -> TemporaryServer {
        if let server { return server }
        // Its superuser is not `postgres`, so a migration's `OWNER TO postgres` names an ordinary role.
        let binaries = try PostgresBinaries.locate(major: serverMajor, explicit: postgresBin)
        if let serverMajor, let shadowMajor = binaries.majorVersion, shadowMajor != serverMajor {
            onNote?("the shadow database runs PostgreSQL \(shadowMajor) (\(binaries.directory)), the audited database PostgreSQL \(serverMajor): "
                + "no PostgreSQL \(serverMajor) programs found (--postgres-bin DIR names them)")
        }
        let started = try TemporaryServer(binaries: binaries, superuser: ShadowSession.superuser)
        server = started
        return started
    }

    /// The migrations of a folder in natural order: its `.sql` files but rollbacks (golang-migrate's and
    /// sqlx's `.down.sql`, Flyway's `U<version>__` undo scripts), or, in a folder of folders, each
    /// folder's `migration.sql` (Prisma) or `up.sql` (Diesel).
    package static func migrationFiles(in directory: String) throws -> [String] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: directory) } catch {
            throw ExpectedSchemaError("cannot read folder '\(directory)': \(error.localizedDescription)")
        }
        let sorted = names.sorted(by: NaturalOrder.less)
        let flat = sorted.filter { $0.hasSuffix(".sql") && !isRollback($0) }
        if !flat.isEmpty { return SqitchPlan.ordered(flat, in: directory).map { (directory as NSString).appendingPathComponent($0) } }
        let nested = sorted.compactMap { name in
            ["migration.sql", "up.sql"].lazy.map { "\((directory as NSString).appendingPathComponent(name))/\($0)" }
                .first { FileManager.default.fileExists(atPath: $0) }
        }
        guard !nested.isEmpty else { throw ExpectedSchemaError("folder '\(directory)' holds no .sql files") }
        return nested
    }

    /// A file that undoes a migration rather than making one.
    static func isRollback(_ name: String) -> Bool {
        if name.hasSuffix(".down.sql") || name.hasSuffix(".undo.sql") { return true }
        return name.hasPrefix("U") && name.dropFirst().first?.isNumber == true && name.contains("__")
    }

    /// Applies the files, in order, to a fresh shadow database and reads it back. Every file is read
    /// first: a statement that needs a superuser stops the load before anything runs. A failing
    /// statement is reported as `file:line:column: server message`.
    private func loadMigrations(_ files: [String], because reason: String? = nil) throws -> Catalog {
        let texts = try files.map { try Self.read($0) }
        // Parsed once: for the refusals, the roles the files name, the statements to run one by one and
        // where each object is declared. A file the parser rejects goes to the server whole, which
        // reports the error.
        let scripts = texts.map { try? ParsedScript($0) }
        var roles = Set<String>()
        // The extensions this machine lacks, as the audited database has them (stand-ins are made from
        // them): waited for only when a migration creates one, so the shadow otherwise builds meanwhile.
        let createsMissing = scripts.contains { script in
            script?.statements.contains { LiveExtensions.missingHere($0, unless: unavailableExtensions) != nil } == true
        }
        let standInSources = createsMissing ? (try? liveExtensions?.members()) ?? [:] : [:]
        for (file, script) in zip(files, scripts) {
            guard let script else { continue }
            if !shadowSuperuser, let refusal = MigrationSafety.firstRefusal(in: script) {
                throw ExpectedSchemaError(ShadowRefusal.message(refusal, file: file, script: script))
            }
            roles.formUnion(RoleReferences.roles(in: script))
            roles.formUnion(RoleReferences.createdRoles(in: script))
            try refuseMissingExtensions(in: script, file: file, reason: reason, known: Set(standInSources.keys))
        }
        let session = try ShadowSession(
            server: shadowServer(), trustsMigrations: shadowSuperuser, statementTimeout: shadowTimeout, searchPath: searchPath)
        defer { session.close() }
        session.standInSources = standInSources
        session.unavailableExtensions = unavailableExtensions
        // Roles are cluster-wide and migrations name roles they do not create (`TO authenticated`).
        try session.ensureRoles(roles.sorted())
        var sourceMap = SourceMapRecorder()
        for (index, file) in files.enumerated() {
            onProgress?("shadow database: migration \(index + 1) of \(files.count), \((file as NSString).lastPathComponent)")
            try session.run(file: file, sql: texts[index], script: scripts[index])
            if let script = scripts[index] { sourceMap.record(script, file: file) }
        }
        // A last file that leaves its transaction open (`BEGIN;` and no COMMIT) meant its work to stay:
        // committed, so the catalog is read outside it.
        if session.connection.inTransaction {
            do { try session.connection.execute("COMMIT") } catch let error as PostgresError {
                throw ExpectedSchemaError("\(files.last ?? ""): the transaction it leaves open cannot be committed: \(error.message)")
            }
            onNote?("\(files.last ?? ""): a transaction was left open at the end; pgdrift committed it")
        }
        if !session.standIns.extensions.isEmpty {
            let used = session.standIns.extensions.keys.sorted().compactMap { standInSources[$0]?.description }
            onNote?(LiveExtensions.note(used))
        }
        onProgress?("shadow database: reading what the \(files.count) migrations made")
        var catalog = session.removingStandIns(from: try Introspector(options: options).catalog(from: session.connection).catalog)
        catalog.sources = sourceMap.sources(for: catalog)
        catalog.owners = ShadowSession.ownersTheMigrationsNamed(catalog.owners)
        return catalog
    }

    /// An extension this machine does not have is stood in for in a shadow database from the audited
    /// database's definitions; one the database does not have either cannot be: one clear line, before
    /// anything runs, instead of the server's error halfway through.
    private func refuseMissingExtensions(in script: ParsedScript, file: String, reason: String?, known: Set<String>) throws {
        for statement in script.statements {
            guard let name = LiveExtensions.missingHere(statement, unless: unavailableExtensions), !known.contains(name) else { continue }
            let place = "\(file):\(script.lines.line(ofByte: statement.offset)):\(script.lines.column(ofByte: statement.offset))"
            let why = reason.map { "; these migrations need one because \($0)" } ?? " (--shadow)"
            throw ExpectedSchemaError(
                "\(place): extension \(name) is not available on this machine nor in the database, so a shadow database cannot "
                    + "create or stand in for it\(why). Install the extension here, or compare with a database that has it")
        }
    }

    /// The server reports a 1-based character position in the script; people want line:column.
    static func lineAndColumn(characterPosition: Int?, in sql: String) -> (Int, Int) {
        guard let position = characterPosition, position > 0 else { return (1, 1) }
        var line = 1
        var column = 1
        for (offset, character) in sql.enumerated() {
            if offset >= position - 1 { break }
            if character == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }
}
