import Foundation
import PgDriftIntrospection
import PgDriftModel
import PgDriftPostgres
import PgDriftServer
import PgDriftSQL

/// Turns any expected source into a catalog in the server's canonical form, so the diff compares
/// meaning, not spelling. The built-in model and SQL migrations go through a shadow database (a
/// throwaway PostgreSQL started on demand); snapshots and databases are canonical already.
public final class ExpectedSchemaLoader {
    private let builtin: () -> Catalog
    private let options: IntrospectionOptions
    private var server: TemporaryServer?

    /// `builtin` supplies the compiled model (the CLI passes `expected-schema`'s).
    public init(builtin: @escaping () -> Catalog, options: IntrospectionOptions = IntrospectionOptions()) {
        self.builtin = builtin
        self.options = options
    }

    deinit { server?.stop() }

    /// The expected catalog of `source`.
    public func load(_ source: ExpectedSource) throws -> Catalog {
        switch source {
        case .builtin:
            return try ShadowDatabase.canonicalize(builtin(), on: shadowServer(), options: options)
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
            return try loadMigrations(try migrationFiles(in: path))
        case .sqlFile(let path):
            return try loadMigrations([path])
        }
    }

    /// Stops the shadow server, if one was started.
    public func close() {
        server?.stop()
        server = nil
    }

    private func shadowServer() throws -> TemporaryServer {
        if let server { return server }
        let started = try TemporaryServer()
        server = started
        return started
    }

    /// The `.sql` files of a folder in natural order.
    func migrationFiles(in directory: String) throws -> [String] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: directory) } catch {
            throw ExpectedSchemaError("cannot read folder '\(directory)': \(error.localizedDescription)")
        }
        let files = names.filter { $0.hasSuffix(".sql") }.sorted(by: NaturalOrder.less)
        guard !files.isEmpty else { throw ExpectedSchemaError("folder '\(directory)' holds no .sql files") }
        return files.map { (directory as NSString).appendingPathComponent($0) }
    }

    /// Applies the files, in order, to a fresh shadow database and reads it back. A failing statement is
    /// reported as `file:line:column: server message`.
    private func loadMigrations(_ files: [String]) throws -> Catalog {
        let server = try shadowServer()
        let name = "expected_\(UInt32.random(in: 0...UInt32.max))"
        let admin = try server.connect()
        try server.createDatabase(name, using: admin)
        defer { try? admin.execute("DROP DATABASE IF EXISTS \(SQLQuote.identifier(name)) WITH (FORCE)") }
        let connection = try server.connect(database: name)
        defer { connection.close() }
        var sourceMap = SourceMapRecorder()
        for file in files {
            let sql: String
            do { sql = try String(contentsOfFile: file, encoding: .utf8) } catch {
                throw ExpectedSchemaError("cannot read '\(file)' as UTF-8 text")
            }
            try createMissingRoles(for: sql, on: admin)
            do {
                try connection.execute(sql)
            } catch let error as PostgresError {
                let (line, column) = Self.lineAndColumn(characterPosition: error.position, in: sql)
                throw ExpectedSchemaError("\(file):\(line):\(column): \(error.message)")
            }
            // The server ran the file, so PostgreSQL's own parser reads it too; only locations come from it.
            if let script = try? ParsedScript(sql) { sourceMap.record(script, file: file) }
        }
        var catalog = try Introspector(options: options).catalog(from: connection).catalog
        catalog.sources = sourceMap.sources(for: catalog)
        return catalog
    }

    /// Roles are cluster-wide and migrations name roles they do not create (`TO authenticated`): the
    /// shadow cluster gets every role a statement names, as NOLOGIN roles.
    private func createMissingRoles(for sql: String, on admin: PostgresConnection) throws {
        for role in (try? RoleReferences.roles(in: sql)) ?? [] { try ShadowDatabase.createRole(role, on: admin) }
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
