import Foundation
import PgDriftModel

/// initdb's output, made once per PostgreSQL installation and bootstrap superuser and kept in the
/// user's cache folder: a throwaway server copies it (about 0.1 s here) instead of running initdb
/// (about 0.4 s). A template is checked by a stamp of what made it (the programs' folder, initdb's
/// version, the options) and made again when that differs; one that cannot be made or copied only
/// means initdb runs as before.
enum ClusterTemplate {
    /// initdb's options, whatever the superuser.
    static let options = ["-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"]

    /// The folder of templates: `PGDRIFT_CLUSTER_CACHE`, else `/var/cache/pgdrift/clusters` for root (the
    /// server's OS user cannot enter /root), else `~/.cache/pgdrift/clusters`.
    static var root: String {
        let environment = ProcessInfo.processInfo.environment
        if let folder = environment["PGDRIFT_CLUSTER_CACHE"], !folder.isEmpty { return folder }
        if geteuid() == 0 { return "/var/cache/pgdrift/clusters" }
        return (environment["XDG_CACHE_HOME"] ?? NSHomeDirectory() + "/.cache") + "/pgdrift/clusters"
    }

    /// The template's data folder for these programs and superuser, made when missing or stale; nil when
    /// it cannot be (the caller runs initdb itself).
    static func dataDirectory(binaries: PostgresBinaries, superuser: String, runAs: [String]) -> String? {
        guard let version = initdbVersion(binaries) else { return nil }
        let stamp = ([binaries.directory, version.trimmingCharacters(in: .whitespacesAndNewlines), superuser] + options).joined(separator: "\n")
        let key = StableHash.hex(stamp)
        let folder = root + "/" + key
        if (try? String(contentsOfFile: folder + "/stamp", encoding: .utf8)) == stamp,
            FileManager.default.fileExists(atPath: folder + "/data/PG_VERSION")
        {
            return folder + "/data"
        }
        // Made aside and renamed into place, so that two processes making it at once both end with a
        // whole one.
        let making = folder + ".making-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        do {
            try FileManager.default.createDirectory(atPath: making, withIntermediateDirectories: true)
            // The server's OS user reads it to copy it.
            chmod(root, 0o755)
            if !runAs.isEmpty { try Shell.output(["chown", "postgres:", making]) }
            try Shell.output(runAs + [binaries.path("initdb"), "-D", making + "/data", "-U", superuser] + options)
            try stamp.write(toFile: making + "/stamp", atomically: true, encoding: .utf8)
            try? FileManager.default.removeItem(atPath: folder)
            if rename(making, folder) != 0 { try? FileManager.default.removeItem(atPath: making) }
            return FileManager.default.fileExists(atPath: folder + "/data/PG_VERSION") ? folder + "/data" : nil
        } catch {
            try? FileManager.default.removeItem(atPath: making)
            return nil
        }
    }

    /// `initdb --version`, asked once per installation and process (a run may start several servers).
    private static func initdbVersion(_ binaries: PostgresBinaries) -> String? {
        versionLock.withLock {
            if let version = versions[binaries.directory] { return version }
            let version = try? Shell.output([binaries.path("initdb"), "--version"])
            versions[binaries.directory] = version
            return version
        }
    }

    private static let versionLock = NSLock()
    nonisolated(unsafe) private static var versions: [String: String] = [:]
}
