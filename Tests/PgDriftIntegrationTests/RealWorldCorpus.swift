import Foundation
import PgDrift
import PgDriftTestSupport

/// The real-world corpus: schemas written by other projects, fetched from Debian packages by
/// `scripts/real-world-corpus` into a cache (nothing fetched is committed). The schema names come from
/// the committed manifest, so every schema is a test case even when the cache is missing.
enum RealWorldCorpus {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let manifest = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("RealWorldCorpus/manifest.tsv")

    /// One line of the manifest.
    struct Entry: Sendable {
        var name: String
        var package: String
    }

    /// The manifest's schemas, in its order.
    static let entries: [Entry] = {
        let text = (try? String(contentsOf: manifest, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 3 else { return nil }
            return Entry(name: String(fields[0]), package: String(fields[1]))
        }
    }()

    static var names: [String] { entries.map(\.name) }

    static let cache: String = {
        if let path = ProcessInfo.processInfo.environment["PGDRIFT_CORPUS_CACHE"], !path.isEmpty { return path }
        return NSHomeDirectory() + "/.cache/pgdrift/real-world"
    }()

    static func folder(_ name: String) -> String { cache + "/schemas/" + name }

    /// What fetching the corpus came to: nil once every schema's folder is there, else exit 75 (no network
    /// to the Debian mirrors) or another failure, with the script's words. The script runs once per test
    /// process, only when a folder is missing.
    static let fetchFailure: (noNetwork: Bool, message: String)? = {
        let missing = { names.filter { !FileManager.default.fileExists(atPath: folder($0) + "/.manifest-line") } }
        guard !missing().isEmpty else { return nil }
        let script = repository.appendingPathComponent("scripts/real-world-corpus").path
        let output: ChildProcess.Output
        do { output = try ChildProcess.run(["bash", script], in: repository.path) } catch {
            return (false, "cannot run scripts/real-world-corpus: \(error)")
        }
        let said = output.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        if output.code != 0 { return (output.code == 75, "scripts/real-world-corpus failed (exit \(output.code)): \(said)") }
        let stillMissing = missing()
        return stillMissing.isEmpty ? nil : (false, "scripts/real-world-corpus left out \(stillMissing.joined(separator: ", "))")
    }()

    /// Only a missing network skips the corpus's tests (visibly); any other failure fails them.
    static var skipped: Bool { fetchFailure?.noNetwork == true }

    /// Throws when the corpus could not be fetched for a reason other than the network.
    static func ready() throws {
        if let failure = fetchFailure { throw CorpusUnavailable(message: failure.message) }
    }

    struct CorpusUnavailable: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// A schema's .sql files in the order its installer runs them.
    static func files(_ name: String) throws -> [(path: String, sql: String)] {
        try OfflineLoaderTests.files(folder(name))
    }

    /// A fresh database built the way the project's installer builds it: each file as-is, as one query
    /// in its own session; a transaction a file leaves open (MediaWiki's tables.sql) is committed, as
    /// the installer that runs it does.
    static func build(_ name: String, label: String) throws -> TestDatabase {
        try ready()
        let database = try TestDatabase(label + "_" + name)
        for file in try files(name) {
            let connection = try database.connect()
            defer { connection.close() }
            try connection.execute(file.sql)
            if connection.inTransaction { try connection.execute("COMMIT") }
        }
        return database
    }

    /// A finding as the tests assert it: severity, kind and the object it is about.
    static func render(_ finding: Finding) -> String {
        "\(finding.severity.rawValue) \(finding.kind.rawValue) \(finding.path)" + (finding.object.map { " \($0)" } ?? "")
    }

    static func describe(_ findings: [Finding]) -> String {
        findings.map { "\(render($0)): \($0.message)" }.joined(separator: "\n")
    }
}
