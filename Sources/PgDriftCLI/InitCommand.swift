import ArgumentParser
import Foundation
import PgDrift

/// `pgdrift init`: a commented pgdrift.toml for the project in this folder (its migrations, their tool,
/// the variable that holds its database URL). `pgdrift init --swift`: a Swift package whose expected
/// schema is bootstrapped from a database, with pgdrift's command line (`swift run drift`) and a test
/// that audits a database against it.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Set up pgdrift for the project in this folder: a commented pgdrift.toml, or with --swift a Swift package of the model.",
        discussion: """
            Without --swift, init looks at this folder and writes pgdrift.toml. It finds the migrations (supabase/migrations, \
            prisma/migrations, Flyway's db/migration, Rails' db/migrate, Alembic's versions/, db/migrations, migrations/, sql/) \
            and the tool that runs them. It also finds the environment variable that holds the database URL (DATABASE_URL and \
            the like, in the environment or in .env.local / .env). The file names that variable, never the URL. For a Supabase \
            project it leaves Supabase's own schemas out. Nothing is read from a database.

            With --swift, the package holds the model (Sources/DatabaseSchema/ExpectedSchema.swift, in pgdrift's DSL), \
            `drift` (pgdrift's whole command line with that model as --expected builtin, in three lines) \
            and a Swift Testing test that audits the database at DATABASE_URL against it.

            Files that exist are left alone unless --force is given.

            Examples:
              pgdrift init
              pgdrift init --swift --database postgresql://localhost/app --output app-schema
              cd app-schema && swift run drift check --database postgresql://localhost/app
            """)

    @OptionGroup var verbosity: QuietOption

    @Flag(help: "Write a Swift package with the model, bootstrapped from the database, instead of pgdrift.toml.")
    var swift = false

    @OptionGroup var database: DatabaseOptions

    @Option(help: "With --swift: the package's folder; its name is the package's name.")
    var output = "database-schema"

    @Option(name: .customLong("pgdrift-package"), help: ArgumentHelp(
        "Where the package gets pgdrift: a checkout's path or a git URL (default: the checkout this pgdrift was built from).",
        valueName: "path-or-url"))
    var pgdriftPackage: String?

    @Option(help: "The branch of --pgdrift-package when it is a git URL.")
    var branch = "main"

    @Flag(help: "Overwrite files that exist.")
    var force = false

    func run() throws {
        try database.requireOne("init")
        guard swift else { return try writeConfiguration() }
        let dependency = try self.dependency()
        let folder = URL(fileURLWithPath: output, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL
        let package = SwiftModelPackage(
            name: folder.lastPathComponent, dependency: dependency, origin: database.connectionString.description)
        let connection = try PostgresConnection(database.connectionString)
        defer { connection.close() }
        let options = IntrospectionOptions(schemas: database.schemas, excludedSchemas: database.excludedSchemas)
        let catalog = try Introspector(options: options).catalog(from: connection).catalog
        let files = package.files(for: catalog)
        let existing = files.map(\.path).filter { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }
        if !force, let first = existing.first {
            throw CLIError.input("\(output)/\(first) exists; --force overwrites \(existing.count == 1 ? "it" : "the \(existing.count) files that exist")")
        }
        for (path, contents) in files {
            let file = folder.appendingPathComponent(path)
            do {
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw CLIError.input("cannot create '\(file.deletingLastPathComponent().path)': \(error.localizedDescription)")
            }
            try OutputFile.write(Data(contents.utf8), to: file.path)
        }
        let tables = catalog.tables.count
        progress("wrote \(output): a model of \(tables) table\(tables == 1 ? "" : "s") in Sources/DatabaseSchema/ExpectedSchema.swift; "
            + "cd \(output) && swift run drift check")
    }

    /// pgdrift.toml for the layout of the working directory.
    private func writeConfiguration() throws {
        let directory = FileManager.default.currentDirectoryPath
        let layout = ProjectLayout.detect(in: directory, environment: ProcessInfo.processInfo.environment)
        let path = directory + "/pgdrift.toml"
        if !force, let existing = PgDriftConfiguration.fileNames.first(where: { FileManager.default.fileExists(atPath: directory + "/" + $0) }) {
            throw CLIError.input("\(existing) exists; --force overwrites pgdrift.toml")
        }
        try OutputFile.write(Data(layout.configurationFile.utf8), to: path)
        var said = ["wrote pgdrift.toml"]
        if let expected = layout.expected {
            said.append("expected: \(expected)" + (layout.tool.map { " (\($0.rawValue))" } ?? ""))
        } else if let migrations = layout.migrations {
            said.append("\(migrations) is not SQL: set expected by hand (see the file)")
        } else {
            said.append("no migrations folder found: set expected by hand")
        }
        said.append(layout.databaseVariable.map { "database: $\($0) (\(layout.databaseFoundIn ?? "environment"))" }
            ?? "database: none found, pass --database or set database_env")
        if layout.tool == .supabase { said.append("Supabase's own schemas left out") }
        progress(said.joined(separator: "; "))
    }

    /// --pgdrift-package, else the checkout this binary was built from.
    private func dependency() throws -> SwiftModelPackage.Dependency {
        if let given = pgdriftPackage {
            if given.contains("://") || given.hasPrefix("git@") { return .url(given, branch: branch) }
            let path = URL(fileURLWithPath: given, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
                .standardizedFileURL.path
            guard FileManager.default.fileExists(atPath: path + "/Package.swift") else {
                throw CLIError.input("--pgdrift-package \(given): no Package.swift there")
            }
            return .path(path)
        }
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: checkout + "/Package.swift") else {
            throw CLIError.input("the checkout this pgdrift was built from is gone: give --pgdrift-package PATH-OR-URL")
        }
        return .path(checkout)
    }
}
