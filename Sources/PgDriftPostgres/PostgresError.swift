/// A database error, for people: one line, the server's own message, no password.
///
/// `description` is what the CLI prints; the SQLSTATE and detail stay available for code that needs them.
public struct PostgresError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, broadly.
    public enum Kind: String, Sendable {
        /// Could not connect or authenticate.
        case connection
        /// A query failed on the server (syntax, permission, timeout, ...).
        case query
        /// The connection broke in the middle of a query.
        case connectionLost
        /// The server answered something pgdrift did not expect.
        case protocolViolation
        /// The server is of a major version pgdrift does not read.
        case unsupportedServer
    }

    /// Which broad kind of failure this is.
    public var kind: Kind
    /// The five-character SQLSTATE code, when the server sent one (`57014` for a statement timeout).
    public var sqlState: String?
    /// The server's primary message (or libpq's, for connection failures), already redacted.
    public var message: String
    /// The server's DETAIL line, if any.
    public var detail: String?
    /// The server's HINT line, if any.
    public var hint: String?
    /// 1-based character position in the query text, for syntax errors.
    public var position: Int?

    /// Creates an error from its parts; `message` must already be redacted.
    public init(
        kind: Kind, sqlState: String? = nil, message: String, detail: String? = nil, hint: String? = nil,
        position: Int? = nil
    ) {
        self.kind = kind
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.hint = hint
        self.position = position
    }

    /// One line for people: the message, prefixed for connection failures and with advice for a lock timeout.
    public var description: String {
        switch kind {
        case .connection: return "cannot connect: \(message)"
        case .connectionLost: return "connection lost: \(message)"
        case .unsupportedServer: return message
        case .query, .protocolViolation:
            if sqlState == "55P03" { return message + " (another session holds a lock on an object being read or changed; try again when it is done)" }
            return message
        }
    }

    /// Whether the statement was cancelled by `statement_timeout` or `lock_timeout`.
    public var isTimeout: Bool { sqlState == "57014" || sqlState == "55P03" }
}
