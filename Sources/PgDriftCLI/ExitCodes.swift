/// The exit codes of the command contract.
enum ExitCode {
    static let clean: Int32 = 0
    static let drift: Int32 = 1
    static let usage: Int32 = 2
    static let database: Int32 = 3
}

/// A failure a command reports with its own message and exit code.
struct CLIError: Error {
    var message: String
    var code: Int32

    /// Bad input: an unreadable file, a malformed argument (exit 2).
    static func input(_ message: String) -> CLIError { CLIError(message: message, code: ExitCode.usage) }
}

/// A command that finished and wants a specific exit code (such as 1 for drift).
struct PgDriftExit: Error {
    var code: Int32
}
