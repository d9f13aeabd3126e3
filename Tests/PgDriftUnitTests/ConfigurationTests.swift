import Foundation
import PgDrift
import PgDriftTestSupport
import Testing

/// pgdrift.toml and pgdrift.yml: every key, the same settings in both syntaxes, and one-line errors that
/// name the file and line.
@Suite struct ConfigurationTests {
    static let toml = """
        # pgdrift settings for a Supabase project
        expected = "supabase/migrations"
        database = 'postgresql://postgres@localhost:54322/postgres'   # literal string
        schemas = ["public", "app"]
        exclude_schemas = [
          "auth",      # Supabase's own
          "storage",
        ]
        ignore = ["public.tmp_*", "public.\\u00e9t\\u00e9_*"]
        strict = false
        with_privileges = true
        report_dir = "build/reports"

        [severity]
        extra_column = "off"
        missing_index = "warning"
        possible_rename = "error"
        """

    static let yaml = """
        ---
        # pgdrift settings for a Supabase project
        expected: supabase/migrations
        database: 'postgresql://postgres@localhost:54322/postgres'   # quoted
        schemas: [public, "app"]
        exclude_schemas:
          - auth   # Supabase's own
          - storage
        ignore:
        - public.tmp_*
        - "public.\\u00e9t\\u00e9_*"
        strict: false
        with_privileges: true
        report_dir: build/reports
        severity:
          extra_column: off
          missing_index: warning
          possible_rename: "error"
        """

    @Test func tomlReadsEveryKey() throws {
        let config = try PgDriftConfiguration(parsing: Self.toml, file: "pgdrift.toml")
        #expect(config.file == "pgdrift.toml")
        #expect(config.expected == "supabase/migrations")
        #expect(config.database == "postgresql://postgres@localhost:54322/postgres")
        #expect(config.schemas == ["public", "app"])
        #expect(config.excludeSchemas == ["auth", "storage"])
        #expect(config.ignore == ["public.tmp_*", "public.été_*"])
        #expect(config.strict == false)
        #expect(config.withPrivileges == true)
        #expect(config.reportDirectory == "build/reports")
        #expect(config.severities == [.extraColumn: .off, .missingIndex: .warning, .possibleRename: .error])
    }

    @Test func yamlSaysTheSame() throws {
        var fromYAML = try PgDriftConfiguration(parsing: Self.yaml, file: "pgdrift.yml")
        let fromTOML = try PgDriftConfiguration(parsing: Self.toml, file: "pgdrift.toml")
        #expect(fromYAML.file == "pgdrift.yml")
        fromYAML.file = fromTOML.file
        #expect(fromYAML == fromTOML)
    }

    @Test func emptyFilesAndMissingKeysKeepDefaults() throws {
        for (text, file) in [("", "pgdrift.toml"), ("# nothing\n\n", "pgdrift.toml"), ("", "pgdrift.yml"), ("---\n", "pgdrift.yaml")] {
            let config = try PgDriftConfiguration(parsing: text, file: file)
            #expect(config.expected == nil && config.strict == nil && config.schemas.isEmpty && config.severities.isEmpty)
        }
        let crlf = try PgDriftConfiguration(parsing: "strict = true\r\nschemas = [\"a\"]\r\n", file: "pgdrift.toml")
        #expect(crlf.strict == true && crlf.schemas == ["a"])
    }

    /// (file, text) → the one-line error.
    static let badFiles: [(String, String, String)] = [
        ("pgdrift.toml", "strict = true\n\nstrictt = true\n", "pgdrift.toml:3: unknown key 'strictt' (known: expected, database, database_env, schemas, exclude_schemas, ignore, strict, with_privileges, report_dir, severity, databases, tenant_schemas, template_schema, jobs)"),
        ("pgdrift.toml", "strict = \"yes\"\n", "pgdrift.toml:1: 'strict' must be true or false"),
        ("pgdrift.toml", "schemas = \"public\"\n", "pgdrift.toml:1: 'schemas' must be a list of strings"),
        ("pgdrift.toml", "expected = 4.2\n", "pgdrift.toml:1: unsupported value '4.2': use a quoted string, a number, true/false or a list of strings"),
        ("pgdrift.toml", "jobs = 0\n", "pgdrift.toml:1: 'jobs' must be a positive number"),
        ("pgdrift.toml", "# a\nexpected = \"migrations\n", "pgdrift.toml:2: unterminated string"),
        ("pgdrift.toml", "expected = \"a\" junk\n", "pgdrift.toml:1: unexpected text after the value"),
        ("pgdrift.toml", "expected = \"a\"\nexpected = \"b\"\n", "pgdrift.toml:2: 'expected' is set twice"),
        ("pgdrift.toml", "schemas = [\n  \"a\",\n  1,\n]\n", "pgdrift.toml:3: lists hold quoted strings only"),
        ("pgdrift.toml", "schemas = [\"a\"\n", "pgdrift.toml:1: unterminated list"),
        ("pgdrift.toml", "[severity]\nextra_column = \"off\"\nmissing_colum = \"error\"\n", "pgdrift.toml:3: unknown finding kind 'missing_colum'"),
        ("pgdrift.toml", "[severity]\nextra_column = \"fatal\"\n", "pgdrift.toml:2: severity of extra_column must be error, warning, info or off, not 'fatal'"),
        ("pgdrift.toml", "severity.extra_column = \"off\"\n", "pgdrift.toml:1: dotted keys are not supported; use a [table] header"),
        ("pgdrift.toml", "severity = { extra_column = \"off\" }\n", "pgdrift.toml:1: inline tables are not supported; use a [table] header"),
        ("pgdrift.toml", "[severity]\n[severity]\n", "pgdrift.toml:2: 'severity' is defined twice"),
        ("pgdrift.toml", "expected = \"\\q\"\n", "pgdrift.toml:1: unknown escape \\q"),
        ("pgdrift.yml", "strict: yes\n", "pgdrift.yml:1: 'strict' must be true or false"),
        ("pgdrift.yml", "schemas:\n\t- public\n", "pgdrift.yml:2: tabs cannot indent YAML; use spaces"),
        ("pgdrift.yml", "severity:\n  extra_column:\n    level: off\n", "pgdrift.yml:2: 'extra_column' has no value (only one level of nesting is supported)"),
        ("pgdrift.yml", "expected: &source migrations\n", "pgdrift.yml:1: anchors, aliases and tags are not supported"),
        ("pgdrift.yml", "schemas:\n", "pgdrift.yml:1: 'schemas' has no value"),
        ("pgdrift.yml", "expected migrations\n", "pgdrift.yml:1: expected 'key: value'"),
        ("pgdrift.yml", "severity:\n  extra_index: error\n   missing_index: off\n", "pgdrift.yml:3: inconsistent indentation"),
        ("pgdrift.yaml", "ignore: [a, 'b\n", "pgdrift.yaml:1: unterminated list"),
    ]

    @Test(arguments: badFiles)
    func badFileIsOneLineWithItsLine(file: String, text: String, message: String) {
        #expect(throws: ConfigurationError.self) { try PgDriftConfiguration(parsing: text, file: file) }
        do {
            _ = try PgDriftConfiguration(parsing: text, file: file)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func loadsTheFileOfTheWorkingDirectoryTomlFirst() throws {
        TestEnvironment.isolated
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-config-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try PgDriftConfiguration.load(fromDirectory: folder.path) == PgDriftConfiguration())
        try "strict: true\n".write(to: folder.appendingPathComponent("pgdrift.yml"), atomically: true, encoding: .utf8)
        #expect(try PgDriftConfiguration.load(fromDirectory: folder.path).strict == true)
        try "strict = false\n".write(to: folder.appendingPathComponent("pgdrift.toml"), atomically: true, encoding: .utf8)
        let config = try PgDriftConfiguration.load(fromDirectory: folder.path)
        #expect(config.strict == false && config.file == "pgdrift.toml")
    }

    @Test func severitiesApplyInTheLibraryAndStrictComesLast() {
        let findings = [
            Finding(kind: .extraColumn, schema: "public", table: "t", column: "b", message: "extra b"),
            Finding(kind: .missingIndex, schema: "public", table: "t", object: "t_a", message: "missing t_a"),
            Finding(kind: .possibleRename, schema: "public", table: "t", column: "a", message: "rename"),
            Finding(kind: .missingTable, schema: "public", table: "tmp_x", message: "missing tmp_x"),
        ]
        var audit = Audit(expected: Catalog())
        audit.ignore = ["public.tmp_*"]
        audit.severities = [.extraColumn: .off, .missingIndex: .warning]
        #expect(audit.triage(findings).map { "\($0.kind.rawValue) \($0.severity.rawValue)" }
            == ["missing_index warning", "possible_rename info"])
        audit.strict = true
        #expect(audit.triage(findings).map { "\($0.kind.rawValue) \($0.severity.rawValue)" }
            == ["missing_index error", "possible_rename error"])
    }
}
