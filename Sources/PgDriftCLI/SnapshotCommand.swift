import ArgumentParser
import Foundation
import PgDrift

/// `pgdrift snapshot`: writes a database's schema as JSON.
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Write a database's schema as a JSON snapshot.",
        discussion: """
            The snapshot is pretty, key-sorted JSON: the same schema always gives the same bytes, so it
            diffs well in version control and can be given back as --expected FILE.json.

            Examples:
              pgdrift snapshot --database postgresql://localhost/app > schema.json
              pgdrift snapshot --schema public --out schema.json
              pgdrift snapshot --format sql > schema.sql
            """)

    @OptionGroup var verbosity: QuietOption

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Output format: json (a snapshot --expected can read back), sql (DDL that recreates the schema) or swift (the DSL, to bootstrap a Swift model).")
    var format: SnapshotFormat = .json

    @Option(help: "Write to this file instead of standard output.")
    var out: String?

    @Flag(name: .customLong("with-privileges"), inversion: .prefixedNo, help: "Include grants (default: pgdrift.toml's with_privileges, else no).")
    var withPrivileges: Bool?

    @Flag(name: .customLong("with-owners"), inversion: .prefixedNo, help: "Include owners (default: pgdrift.toml's with_owners, else no).")
    var withOwners: Bool?

    func run() throws {
        try database.requireOne("snapshot")
        let connection = try PostgresConnection(database.connectionString)
        let config = ProjectConfiguration.current
        let options = IntrospectionOptions(
            schemas: database.schemas, excludedSchemas: database.excludedSchemas,
            includePrivileges: withPrivileges ?? config.withPrivileges ?? false, includeOwners: withOwners ?? config.withOwners ?? false)
        let (catalog, server) = try Introspector(options: options).catalog(from: connection)
        let data: Data
        switch format {
        case .json: data = try Snapshot(catalog: catalog, serverVersion: server.versionNumber).jsonData()
        case .sql:
            // The plan's renderer, from an empty database: the same DDL `plan` writes, proven by its tests.
            let plan = MigrationPlanner.plan(expected: catalog, actual: Catalog())
            data = Data(plan.render(header: ["pgdrift snapshot: the schema of \(database.connectionString.description) as DDL."]).utf8)
        case .swift: data = Data(SwiftSchemaWriter().source(for: catalog).utf8)
        }
        try OutputFile.write(data, to: out)
    }
}

/// Formats `snapshot` writes.
enum SnapshotFormat: String, ExpressibleByArgument, CaseIterable {
    case json, sql, swift
}

/// Writes a command's output to a file or standard output.
enum OutputFile {
    static func write(_ data: Data, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(data)
            return
        }
        do {
            if isSpecialFile(path) {
                // /dev/null, /dev/stdout, a FIFO: write into it. An atomic write would rename a
                // temporary file over it and, as root, replace /dev/null with a regular file.
                guard let handle = FileHandle(forWritingAtPath: path) else {
                    throw CLIError.input("cannot write '\(path)'")
                }
                defer { try? handle.close() }
                try handle.write(contentsOf: data)
            } else {
                try data.write(to: URL(fileURLWithPath: path), options: .atomic)
            }
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError.input("cannot write '\(path)': \(error.localizedDescription)")
        }
    }

    /// Whether `path` exists and is something other than a regular file (a device, a FIFO, a socket).
    static func isSpecialFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return (info.st_mode & S_IFMT) != S_IFREG
    }
}
