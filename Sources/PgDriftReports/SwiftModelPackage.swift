import PgDriftModel

/// The Swift package `pgdrift init --swift` writes: a library target with the expected schema
/// (bootstrapped from a database by `SwiftSchemaWriter`), a three-line executable that is the whole
/// pgdrift command line with that model as `--expected builtin`, and a Swift Testing test that audits a
/// database against it.
public struct SwiftModelPackage: Sendable {
    /// Where the package gets pgdrift: a local checkout's path or a git URL.
    public enum Dependency: Hashable, Sendable {
        case path(String)
        case url(String, branch: String)

        /// SwiftPM's identity of the dependency: the last path component, lowercased, without `.git`.
        public var identity: String {
            let location: String
            switch self {
            case .path(let path): location = path
            case .url(let url, _): location = url
            }
            var last = location.split(separator: "/").last.map(String.init) ?? location
            if last.hasSuffix(".git") { last.removeLast(4) }
            return last.lowercased()
        }

        /// The `.package(…)` line of Package.swift.
        var declaration: String {
            switch self {
            case .path(let path): return ".package(path: \(SwiftLiteral.string(path)))"
            case .url(let url, let branch):
                return ".package(url: \(SwiftLiteral.string(url)), branch: \(SwiftLiteral.string(branch)))"
            }
        }
    }

    /// The package's name (its folder's name).
    public var name: String
    /// Where pgdrift comes from.
    public var dependency: Dependency
    /// Where the model came from, for its header (a connection string without its password).
    public var origin: String

    /// The library target holding the model.
    public static let modelTarget = "DatabaseSchema"
    /// The executable: `swift run drift check`.
    public static let executable = "drift"
    /// The test target.
    public static let testTarget = "DatabaseSchemaTests"

    public init(name: String, dependency: Dependency, origin: String) {
        self.name = name
        self.dependency = dependency
        self.origin = origin
    }

    /// The files, by path relative to the package's folder, for the model `catalog`.
    public func files(for catalog: Catalog) -> [(path: String, contents: String)] {
        var writer = SwiftSchemaWriter(
            header: [
                "// The expected schema of \(origin), bootstrapped by `pgdrift init --swift`.",
                "// It is yours now: edit it as the schema changes, and let `swift run drift check` tell the database's drift.",
            ],
            documentation: "The schema the database is expected to have (`--expected builtin` of `swift run drift`).")
        writer.bodyFiles = SwiftSchemaWriter.BodyFiles()
        let model = writer.files(for: catalog)
        let target = "Sources/\(Self.modelTarget)/"
        return [
            ("Package.swift", manifest),
            (target + "ExpectedSchema.swift", model.source),
            (target + "sql/README.md", sqlReadme),
        ] + model.resources.map { (target + $0.path, $0.contents) } + [
            ("Sources/\(Self.executable)/main.swift", executableSource),
            ("Tests/\(Self.testTarget)/ExpectedSchemaTests.swift", testSource),
            (".gitignore", ".build/\n.swiftpm/\nreports/\n"),
            ("README.md", readme),
        ]
    }

    var manifest: String {
        let package = SwiftLiteral.string(dependency.identity)
        return """
            // swift-tools-version: 6.0
            // Written by `pgdrift init --swift`: the expected schema as a Swift target, and pgdrift's command line with it.
            import PackageDescription

            let package = Package(
                name: \(SwiftLiteral.string(name)),
                platforms: [.macOS(.v13)],
                dependencies: [
                    \(dependency.declaration),
                ],
                targets: [
                    // The expected schema, in pgdrift's DSL; long function bodies are .sql files in sql/.
                    .target(
                        name: "\(Self.modelTarget)", dependencies: [.product(name: "PgDrift", package: \(package))],
                        resources: [.copy("sql")]
                    ),
                    // `swift run drift check|plan|explain|snapshot`: pgdrift, with this model as `--expected builtin`.
                    .executableTarget(
                        name: "\(Self.executable)",
                        dependencies: ["\(Self.modelTarget)", .product(name: "PgDriftCLI", package: \(package))]
                    ),
                    // `DATABASE_URL=… swift test`: the database has the expected schema.
                    .testTarget(
                        name: "\(Self.testTarget)",
                        dependencies: ["\(Self.modelTarget)", .product(name: "PgDrift", package: \(package))]
                    ),
                ]
            )

            """
    }

    var executableSource: String {
        """
        import DatabaseSchema
        import PgDriftCLI

        // pgdrift's whole command line, with this package's model as `--expected builtin`.
        PgDriftCLI.main(builtin: expectedSchema)

        """
    }

    var testSource: String {
        """
        import DatabaseSchema
        import Foundation
        import PgDrift
        import Testing

        /// The database at DATABASE_URL has the expected schema: what `swift run drift check` would report as
        /// an error or a warning fails the test, one line per finding. Without DATABASE_URL the test is skipped.
        @Test(.enabled(if: ProcessInfo.processInfo.environment["DATABASE_URL"] != nil, "set DATABASE_URL to audit a database"))
        func theDatabaseHasTheExpectedSchema() throws {
            let audit = Audit(source: .builtin, builtin: expectedSchema.catalog)
            let report = try audit.run(against: ProcessInfo.processInfo.environment["DATABASE_URL"] ?? "")
            let drift = report.findings.filter { $0.severity != .info }.map { "\\($0.kind.rawValue): \\($0.message)" }
            #expect(drift == [])
        }

        """
    }

    var sqlReadme: String {
        """
        SQL the model reads with `SQLResource.text("sql/…", in: .module)`: function bodies too long to read well
        in a Swift string, one file each, byte for byte what PostgreSQL keeps (a newline added at the end is
        part of the body).

        """
    }

    var readme: String {
        """
        # \(name)

        The expected schema of \(origin), as a Swift model (`Sources/\(Self.modelTarget)/ExpectedSchema.swift`),
        written by `pgdrift init --swift`. Edit it as the schema changes.

        ```sh
        swift run drift check --database "$DATABASE_URL"     # what drifted (exit 1 on drift)
        swift run drift plan --database "$DATABASE_URL"      # the migration that fixes it
        swift run drift explain TABLE.COLUMN                 # is it really missing, and why
        DATABASE_URL=… swift test                            # the same audit as a test
        ```

        `drift` is pgdrift's whole command line with this model as `--expected builtin` (the default).

        """
    }
}
