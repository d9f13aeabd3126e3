import Foundation
import PgDriftTestSupport
import Testing

/// Issue 23: `make install` / `make uninstall` into a prefix, and `scripts/package`'s tarball and Debian
/// package, unpacked and run. The tests install the debug build that they run against (`install-files`,
/// `--bin-dir`); a release build is what `make install` and `scripts/package` make by themselves.
@Suite struct InstallTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let binDirectory = URL(fileURLWithPath: CLITests.binary).deletingLastPathComponent().path
    static let enabled = FileManager.default.isExecutableFile(atPath: binDirectory + "/pgdrift")
        && FileManager.default.isExecutableFile(atPath: binDirectory + "/generate-manual")

    static let installed = [
        "bin/pgdrift", "share/man/man1/pgdrift.1", "share/bash-completion/completions/pgdrift", "share/zsh/site-functions/_pgdrift",
        "share/fish/vendor_completions.d/pgdrift.fish",
    ]

    func folder() throws -> String {
        TestEnvironment.isolated
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-install-\(UUID())").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test(.enabled(if: enabled)) func makeInstallAndUninstallWithPrefixAndDestdir() throws {
        let stage = try folder()
        defer { try? FileManager.default.removeItem(atPath: stage) }
        let install = try ChildProcess.run(
            ["make", "-s", "install-files", "BIN_DIR=\(Self.binDirectory)", "PREFIX=/opt/pgdrift", "DESTDIR=\(stage)"], in: Self.root)
        #expect(install.code == 0, "\(install.stderr)")
        let prefix = stage + "/opt/pgdrift"
        for file in Self.installed {
            #expect(FileManager.default.fileExists(atPath: prefix + "/" + file), "\(file)")
        }
        let version = try ChildProcess.run([prefix + "/bin/pgdrift", "--version"])
        #expect(version.code == 0)
        #expect(version.stdout.hasPrefix("0.1.0 (reads SQL with PostgreSQL "))
        let manual = try String(contentsOfFile: prefix + "/share/man/man1/pgdrift.1", encoding: .utf8)
        #expect(manual.contains(".Nm pgdrift"))
        for subcommand in ["check", "plan", "apply", "explain", "snapshot", "init", "demo"] {
            #expect(manual.contains(".It Em \(subcommand)\n"), "\(subcommand)")
        }
        #expect(try String(contentsOfFile: prefix + "/share/bash-completion/completions/pgdrift", encoding: .utf8).contains("_pgdrift()"))
        #expect(try String(contentsOfFile: prefix + "/share/zsh/site-functions/_pgdrift", encoding: .utf8).hasPrefix("#compdef pgdrift"))
        #expect(try String(contentsOfFile: prefix + "/share/fish/vendor_completions.d/pgdrift.fish", encoding: .utf8).contains("complete -c 'pgdrift' -f"))

        let uninstall = try ChildProcess.run(["make", "-s", "uninstall", "PREFIX=/opt/pgdrift", "DESTDIR=\(stage)"], in: Self.root)
        #expect(uninstall.code == 0, "\(uninstall.stderr)")
        for file in Self.installed {
            #expect(!FileManager.default.fileExists(atPath: prefix + "/" + file), "\(file)")
        }
    }

    @Test(.enabled(if: enabled && FileManager.default.isExecutableFile(atPath: "/usr/bin/dpkg-deb")))
    func theDebianPackageAndTheTarballRunFromWhereTheyAreUnpacked() throws {
        let dist = try folder()
        defer { try? FileManager.default.removeItem(atPath: dist) }
        let package = try ChildProcess.run(["scripts/package", "--bin-dir", Self.binDirectory, "--out", dist], in: Self.root)
        #expect(package.code == 0, "\(package.stderr)")
        let written = package.stdout.split(separator: "\n").map(String.init)
        let arch = try ChildProcess.run(["dpkg", "--print-architecture"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(written == ["\(dist)/pgdrift-0.1.0-linux-\(arch).tar.gz", "\(dist)/pgdrift_0.1.0_\(arch).deb"])

        let control = try ChildProcess.run(["dpkg-deb", "-f", "\(dist)/pgdrift_0.1.0_\(arch).deb", "Package", "Depends", "Recommends"])
        #expect(control.stdout.hasPrefix("Package: pgdrift\nDepends: "), "\(control.stdout)")
        for library in ["libpq5", "libssl3", "libc6"] { #expect(control.stdout.contains(library), "\(control.stdout)") }
        #expect(control.stdout.hasSuffix("Recommends: postgresql-15\n"))

        let unpacked = dist + "/root"
        #expect(try ChildProcess.run(["dpkg-deb", "-x", "\(dist)/pgdrift_0.1.0_\(arch).deb", unpacked]).code == 0)
        for file in Self.installed { #expect(FileManager.default.fileExists(atPath: unpacked + "/usr/" + file), "\(file)") }
        let run = try ChildProcess.run([unpacked + "/usr/bin/pgdrift", "--version"])
        #expect(run.code == 0 && run.stdout.hasPrefix("0.1.0 "), "\(run.stderr)")

        let untarred = dist + "/tar"
        try FileManager.default.createDirectory(atPath: untarred, withIntermediateDirectories: true)
        #expect(try ChildProcess.run(["tar", "-C", untarred, "-xzf", "\(dist)/pgdrift-0.1.0-linux-\(arch).tar.gz"]).code == 0)
        let fromTar = try ChildProcess.run([untarred + "/bin/pgdrift", "explain", "--help"])
        #expect(fromTar.code == 0 && fromTar.stdout.hasPrefix("OVERVIEW: "), "\(fromTar.stderr)")
    }
}
