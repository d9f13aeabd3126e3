import ArgumentParser
import PgDrift

/// The exit codes of the command contract, as ArgumentParser's own `ExitCode` (a command throws
/// `ExitCode.drift` to end with 1).
extension ExitCode {
    /// 1: drift found (or left after --apply, or data lost by --prove).
    static let drift = ExitCode(1)
    /// 2: bad input or usage: an unreadable or unparsable file, a malformed argument, a stale plan.
    static let usage = ExitCode(2)
    /// 3: a database error: cannot connect, authentication, timeout, a failed query.
    static let database = ExitCode(3)
}

/// An error the command line reports as one line on standard error, ending with its exit code. Every
/// error a command can throw conforms; anything else is reported as bad input.
protocol CommandLineError: Error {
    /// The line, without the `pgdrift: ` prefix.
    var line: String { get }
    var exitCode: ExitCode { get }
}

/// A failure a command reports with its own message and exit code.
struct CLIError: CommandLineError {
    var message: String
    var code: ExitCode

    var line: String { message }
    var exitCode: ExitCode { code }

    /// Bad input: an unreadable file, a malformed argument (exit 2).
    static func input(_ message: String) -> CLIError { CLIError(message: message, code: .usage) }
}

extension PostgresError: CommandLineError {
    var line: String { description }
    var exitCode: ExitCode { .database }
}

extension ServerError: CommandLineError {
    var line: String { description }
    var exitCode: ExitCode { .database }
}

extension SnapshotError: CommandLineError {
    var line: String { message }
    var exitCode: ExitCode { .usage }
}

extension ExpectedSchemaError: CommandLineError {
    var line: String { description }
    var exitCode: ExitCode { .usage }
}

extension ConfigurationError: CommandLineError {
    var line: String { description }
    var exitCode: ExitCode { .usage }
}

extension PlanRefusal: CommandLineError {
    var line: String { description }
    var exitCode: ExitCode { .usage }
}

extension ValidationError: CommandLineError {
    var line: String { message }
    var exitCode: ExitCode { .usage }
}

extension FleetError: CommandLineError {
    var line: String { description }
    var exitCode: ExitCode { .usage }
}
