import ArgumentParser
import ExpectedSchema
import Foundation
import PgDrift

/// The whole pgdrift command-line tool as a library, so that a package of your own gets it with your
/// model as `--expected builtin`:
///
/// ```swift
/// import PgDriftCLI
/// PgDriftCLI.main(builtin: expectedSchema)
/// ```
///
/// `pgdrift init --swift` writes such a package, bootstrapped from a database.
public enum PgDriftCLI {
    /// Runs the command line (`CommandLine.arguments`, or `arguments` without the program name) with
    /// `builtin` as the schema `--expected builtin` names, then exits with the command contract's code:
    /// 0 no drift, 1 drift, 2 bad input or usage, 3 database error.
    public static func main(builtin: Schema, arguments: [String]? = nil) -> Never {
        BuiltinModel.schema = builtin
        Main.run(arguments)
    }

    /// pgdrift itself: the seed story's analytics model (`expected-schema/`) is `builtin`.
    public static func main() -> Never {
        main(builtin: analyticsSchema)
    }
}

/// The schema `--expected builtin` names, set once by `PgDriftCLI.main` before any command runs.
enum BuiltinModel {
    nonisolated(unsafe) static var schema: Schema = analyticsSchema
    static var catalog: Catalog { schema.catalog }
}

/// Parses the command line and maps every outcome to the documented exit codes, with one clear line on
/// failure.
enum Main {
    static func run(_ arguments: [String]?) -> Never {
        let command: ParsableCommand
        do {
            command = try PgDriftCommand.parseAsRoot(arguments)
        } catch {
            let code = PgDriftCommand.exitCode(for: error)
            if code == .success {
                PgDriftCommand.exit(withError: error)  // --help, --version, completion scripts
            }
            let message = PgDriftCommand.message(for: error)
            printError(message.isEmpty ? "invalid usage" : message)
            printError("see 'pgdrift --help'")
            exit(ExitCode.usage.rawValue)
        }
        Interrupts.install()
        do {
            // demo is self-contained (its own server and the built-in model): a project's file does not apply.
            // init writes pgdrift.toml: a bad one there is what --force replaces.
            if !(command is DemoCommand) && !(command is InitCommand) { _ = try ProjectConfiguration.loaded.get() }
            var runnable = command
            try runnable.run()
            Interrupts.exit(ExitCode.success.rawValue)
        } catch let code as ExitCode {
            Interrupts.exit(code.rawValue)
        } catch {
            // `--help` parses to ArgumentParser's help command, whose run() throws the help request.
            if PgDriftCommand.exitCode(for: error) == .success { PgDriftCommand.exit(withError: error) }
            let (message, code) = describe(error)
            // Interrupted: the failure is the interrupt's doing (its servers are going), not news.
            if !Interrupts.received { printError(message) }
            Interrupts.exit(code.rawValue)
        }
    }

    /// The message and exit code of any error a command throws.
    static func describe(_ error: Error) -> (String, ExitCode) {
        guard let error = error as? CommandLineError else { return ("\(error)", .usage) }
        return (error.line, error.exitCode)
    }
}

/// Writes one line to standard error, prefixed with the program name.
func printError(_ message: String) {
    writeStandardError("pgdrift: \(message)\n")
}

/// Writes one progress line to standard error, unless `--quiet`.
func progress(_ message: String) {
    guard !Output.quiet else { return }
    writeStandardError("==> \(message)\n")
}

/// Writes to standard error after flushing what `print` left in standard output's buffer, so that
/// output piped or logged reads in the order a terminal shows it.
func writeStandardError(_ text: String) {
    fflush(nil)  // every output stream: standard output is the one print() buffers
    TerminalProgress.clear()
    FileHandle.standardError.write(Data(text.utf8))
}

/// How chatty the command line is.
enum Output {
    /// `--quiet`: no progress lines (notes that change what a result means, and errors, still go out).
    nonisolated(unsafe) static var quiet = false
}

/// `--quiet`, for every command that prints progress.
struct QuietOption: ParsableArguments {
    @Flag(help: "No progress lines on standard error (errors and notes that qualify a result still go there).")
    var quiet = false

    func validate() throws { Output.quiet = quiet }
}

/// Ctrl-C (SIGINT) and SIGTERM: every throwaway server of the run (the demo's, a shadow database's) is
/// stopped and its folder removed, then the process exits 128 + the signal. The handler itself only
/// writes the signal's number to a pipe (write(2) is async-signal-safe); a thread waiting on the pipe
/// does the work, outside the handler, where locks and fork are allowed.
enum Interrupts {
    nonisolated(unsafe) private static var pipeInput: Int32 = -1
    /// Set by the interrupt thread before it stops the servers.
    nonisolated(unsafe) private(set) static var received = false

    /// Exits with `code`, unless an interrupt is being handled: its thread then exits with 128 + the
    /// signal once the servers are stopped (a command that failed because they were going waits here).
    static func exit(_ code: Int32) -> Never {
        while received { sleep(60) }
        Foundation.exit(code)
    }

    static func install() {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return }
        pipeInput = ends[1]
        let output = ends[0]
        let thread = Thread {
            var number: Int32 = 0
            while true {
                let count = read(output, &number, MemoryLayout<Int32>.size)
                if count == MemoryLayout<Int32>.size { break }
                if count < 0 && errno == EINTR { continue }
                return  // the pipe is broken: no interrupt can come through it
            }
            received = true
            TemporaryServer.stopAll()
            Foundation.exit(128 + number)
        }
        thread.start()
        // A parent may have blocked them (a test runner, a supervisor): this process wants them.
        var wanted = sigset_t()
        sigemptyset(&wanted)
        for number in [SIGINT, SIGTERM] { sigaddset(&wanted, number) }
        pthread_sigmask(SIG_UNBLOCK, &wanted, nil)
        for number in [SIGINT, SIGTERM] {
            signal(number) { received in
                var number = received
                _ = write(Interrupts.pipeInput, &number, MemoryLayout<Int32>.size)
            }
        }
    }
}
