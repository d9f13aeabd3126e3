import Foundation
import PgDrift

/// A second throwaway cluster whose PostgreSQL has extensions this machine's does not: the audited
/// database of issue 18's tests. It runs from a copy of the local installation (programs, libraries
/// and share folder, in the test run's temporary folder) into whose extension folder the SQL-only
/// extensions of `FakeExtensions` are written — pg_net, vector and pg_cron look-alikes. The system's
/// installation is not touched, so pgdrift's own reading (offline or in its shadow database) does not
/// have them, as on a developer's machine auditing a Supabase database.
public enum ExtensionCluster {
    public static let shared: Result<TemporaryServer, Error> = {
        TestEnvironment.isolated
        let result = Result { try TemporaryServer(binaries: try installation()) }
        if case .success = result {
            atexit {
                if case .success(let server) = ExtensionCluster.shared { server.stop() }
            }
        }
        return result
    }()

    /// A fresh database of the cluster, with `sql` run in it; its connection string.
    public static func database(_ label: String, sql: String) throws -> String {
        let server = try shared.get()
        let admin = try server.connect()
        defer { admin.close() }
        let name = "x_" + String(label.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }.prefix(40)) + "_\(UInt32.random(in: 0...UInt32.max))"
        try server.createDatabase(name, using: admin)
        let connection = try PostgresConnection(server.connectionString(database: name))
        defer { connection.close() }
        try connection.execute(sql)
        return server.connectionString(database: name)
    }

    /// Copies the installation pgdrift finds, keeping the programs' place relative to the share folder
    /// (PostgreSQL finds its share folder from where its program is), and adds the fake extensions.
    static func installation() throws -> PostgresBinaries {
        let system = try PostgresBinaries.locate()
        let bin = URL(fileURLWithPath: system.directory).standardizedFileURL.resolvingSymlinksInPath()
        let share = URL(fileURLWithPath: try system.shareDirectory()).standardizedFileURL.resolvingSymlinksInPath()
        // The deepest folder holding both: its layout below is kept.
        var common = bin.pathComponents
        let shareComponents = share.pathComponents
        while !common.isEmpty && !shareComponents.starts(with: common) { common.removeLast() }
        let prefix = NSString.path(withComponents: common)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-extension-cluster-\(UUID())").path
        let installation = bin.deletingLastPathComponent()  // bin/ and lib/ beside it (Debian), or the prefix
        for folder in [installation.path, share.path] {
            let copy = root + "/" + String(folder.dropFirst(prefix.count))
            try FileManager.default.createDirectory(atPath: (copy as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: folder, toPath: copy)
        }
        let extensions = root + "/" + String(share.path.dropFirst(prefix.count)) + "/extension"
        for (name, files) in FakeExtensions.all {
            for (file, text) in files { try text.write(toFile: "\(extensions)/\(name)\(file)", atomically: true, encoding: .utf8) }
        }
        // The copy is in the test run's temporary folder, removed when the run ends.
        return PostgresBinaries(directory: root + "/" + String(bin.path.dropFirst(prefix.count)))
    }
}
