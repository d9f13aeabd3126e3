import Foundation

/// Runs a program to completion with posix_spawn and waitpid, in a chosen working directory. (Foundation's
/// `Process` can miss a child's exit on Linux when several run at once and hang the test run.)
public enum ChildProcess {
    public struct Output: Sendable {
        public var code: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs `arguments` (the first looked up on PATH) with standard input from /dev/null.
    public static func run(_ arguments: [String], in directory: String? = nil) throws -> Output {
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("pgdrift-child-\(UUID().uuidString)").path
        let (outPath, errPath) = (capture + ".out", capture + ".err")
        defer {
            unlink(outPath)
            unlink(errPath)
        }
        // Glibc's posix_spawn_file_actions_addchdir_np is not visible from Swift; GNU env changes directory.
        let arguments = directory.map { ["env", "-C", $0] + arguments } ?? arguments
        let code = wait(try start(arguments, stdout: outPath, stderr: errPath))
        return Output(
            code: code,
            stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }
}

extension ChildProcess {
    /// Starts `arguments` without waiting: standard output and error go to the files given.
    public static func start(_ arguments: [String], stdout: String, stderr: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        guard result == 0 else {
            throw ChildProcessError(message: "cannot run \(arguments[0]): \(String(cString: strerror(result)))")
        }
        return pid
    }

    /// Waits for a started process: its exit code, or 128 + the signal that ended it.
    public static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let low = status & 0x7f
        return low == 0 ? (status >> 8) & 0xff : 128 + low
    }
}

public struct ChildProcessError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
