// swift-tools-version: 6.0
// pgdrift — PostgreSQL schema-drift auditor.
// Dependencies point one way: CLI → reports/planner → diff → model; introspection and loader → model.
import PackageDescription

// PostgreSQL 18's parser, when scripts/fetch-pg-query has built it and scripts/swift-env found it
// (PGDRIFT_PG_QUERY=18, with PKG_CONFIG_PATH naming its folder); otherwise Debian's libpg-query-dev,
// PostgreSQL 15's grammar. Its archive has a name of its own (libpgdrift_pg_query.a): SwiftPM lists the
// system's library folder first, where `-lpg_query` would find Debian's.
let newerParser = Context.environment["PGDRIFT_PG_QUERY"] == "18"

let package = Package(
    name: "pgdrift",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "pgdrift", targets: ["pgdrift"]),
        .library(name: "PgDrift", targets: ["PgDrift"]),
        // The whole command-line tool with a model of your own as `builtin`: `PgDriftCLI.main(builtin: schema)`.
        .library(name: "PgDriftCLI", targets: ["PgDriftCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // System libraries: only the connection layer and the SQL loader import them.
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .systemLibrary(
            name: "CPgQuery",
            path: newerParser ? "Sources/CPgQuery18" : "Sources/CPgQuery",
            pkgConfig: newerParser ? "pgdrift_pg_query" : nil,
            providers: [.apt(["libpg-query-dev"])]
        ),
        // OpenSSL's digests, for the checksums migration tools record (the history, issue 19).
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"]), .brew(["openssl"])]
        ),

        // The schema model: value types, names, no dependencies.
        .target(name: "PgDriftModel"),
        // The Swift DSL for declaring an expected schema (result builders over the model's types).
        .target(name: "PgDriftDSL", dependencies: ["PgDriftModel"]),
        // libpq connections: connect, parameterised queries, typed rows, redacted errors.
        .target(name: "PgDriftPostgres", dependencies: ["CLibPQ"]),
        // Catalog introspection: one query per object kind → model.
        .target(name: "PgDriftIntrospection", dependencies: ["PgDriftModel", "PgDriftPostgres"]),
        // The diff: expected × actual → findings. Pure; writes no SQL. Reads function bodies and compares
        // expressions by meaning with PgDriftSQL.
        .target(name: "PgDriftDiff", dependencies: ["PgDriftModel", "PgDriftSQL"]),
        // Plans and DDL: the only place that writes SQL (through SQLQuote). Plans from the diff's delta.
        .target(name: "PgDriftPlanner", dependencies: ["PgDriftModel", "PgDriftDiff"]),
        // Reports and other renderings of models and findings, one renderer per format.
        .target(name: "PgDriftReports", dependencies: ["PgDriftModel", "PgDriftDiff"]),
        // SQL parsing through libpg_query (PostgreSQL's own parser).
        .target(name: "PgDriftSQL", dependencies: ["CPgQuery", "PgDriftModel"]),
        // `explain`: is this table or column really missing, and why (reads the database; pure otherwise).
        .target(
            name: "PgDriftExplain",
            dependencies: ["PgDriftModel", "PgDriftPostgres", "PgDriftSQL", "PgDriftIntrospection", "PgDriftDiff"]
        ),
        // Throwaway PostgreSQL clusters (tests, demo, shadow databases).
        .target(name: "PgDriftServer", dependencies: ["PgDriftModel", "PgDriftPostgres"]),
        // Expected schemas from every source (built-in model, SQL, snapshot, database) and shadow databases.
        .target(
            name: "PgDriftExpected",
            dependencies: ["PgDriftModel", "PgDriftPostgres", "PgDriftIntrospection", "PgDriftPlanner", "PgDriftServer", "PgDriftSQL"]
        ),
        // The example analytics migrations of the seed story, shipped as resources.
        .target(
            name: "AnalyticsExample",
            path: "examples/analytics",
            exclude: ["README.md"],
            resources: [.copy("sql"), .copy("roles.sql")]
        ),
        // The application: a whole audit or plan as one call (`Audit`), applying plans (`PlanApplier`),
        // and the project's configuration (pgdrift.toml).
        .target(
            name: "PgDriftAudit",
            dependencies: [
                "PgDriftModel", "PgDriftPostgres", "PgDriftIntrospection", "PgDriftSQL", "PgDriftPlanner", "PgDriftExpected",
                "PgDriftReports", "PgDriftDiff", "CCrypto",
            ]
        ),
        // The library Swift code imports: re-exports what users of `import PgDrift` need.
        .target(
            name: "PgDrift",
            dependencies: [
                "PgDriftModel", "PgDriftDSL", "PgDriftPostgres", "PgDriftIntrospection", "PgDriftSQL", "PgDriftServer",
                "PgDriftPlanner", "PgDriftExpected", "PgDriftReports", "PgDriftDiff", "PgDriftExplain", "PgDriftAudit",
            ]
        ),
        // The built-in expected schema (`--expected builtin`): the seed story's analytics model in the DSL.
        .target(name: "ExpectedSchema", dependencies: ["PgDrift"], path: "expected-schema"),
        // The command-line tool as a library: one file per subcommand; `PgDriftCLI.main(builtin:)`.
        .target(
            name: "PgDriftCLI",
            dependencies: [
                "PgDrift", "AnalyticsExample", "ExpectedSchema",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // pgdrift itself: PgDriftCLI with the analytics model.
        .executableTarget(name: "pgdrift", dependencies: ["PgDriftCLI"]),

        // Test support: one throwaway cluster per test run, a fresh database per test.
        .target(
            name: "PgDriftTestSupport",
            dependencies: ["PgDrift"],
            path: "Tests/PgDriftTestSupport"
        ),
        .testTarget(
            name: "PgDriftUnitTests", dependencies: ["PgDrift", "PgDriftTestSupport"], exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "PgDriftIntegrationTests",
            dependencies: ["PgDrift", "PgDriftTestSupport", "AnalyticsExample", "ExpectedSchema"],
            exclude: ["PlanCorpus", "OfflineCorpus", "RealWorldCorpus", "HistoryFixtures"]
        ),
    ]
)
