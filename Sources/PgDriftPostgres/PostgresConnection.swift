import CLibPQ
import Foundation

/// One libpq connection. Not thread-safe: use it from one task at a time.
public final class PostgresConnection {
    private var handle: OpaquePointer?
    /// The connection string it was opened with (for display and redaction).
    public let connectionString: ConnectionString
    private let secrets: [String]
    /// How many queries this connection has sent, for the fixed-query-count guarantee.
    public private(set) var queryCount = 0

    /// Connects with anything libpq accepts. An empty string uses `PG*` variables and libpq defaults.
    public init(_ connectionString: ConnectionString) throws {
        self.connectionString = connectionString
        self.secrets = connectionString.secrets
        _ = try connectionString.options()  // a malformed string fails here, with a redacted message
        handle = PQconnectdb(connectionString.raw)
        guard let handle, PQstatus(handle) == CONNECTION_OK else {
            let message = handle.map { String(cString: PQerrorMessage($0)) } ?? "out of memory"
            if let handle { PQfinish(handle) }
            self.handle = nil
            throw PostgresError(kind: .connection, message: Self.oneLine(Redaction.scrub(message, secrets: secrets)))
        }
        PQsetClientEncoding(handle, "UTF8")
    }

    /// Connects with a connection string.
    public convenience init(_ raw: String) throws {
        try self.init(ConnectionString(raw))
    }

    deinit { close() }

    /// Whether a server accepts connections at `connectionString` (libpq's `PQping`): `accepting`, up but
    /// refusing for now (`starting`: still recovering or starting), or not answering.
    public enum Ping: Sendable { case accepting, starting, noResponse, badParameters }

    public static func ping(_ connectionString: String) -> Ping {
        switch PQping(connectionString) {
        case PQPING_OK: .accepting
        case PQPING_REJECT: .starting
        case PQPING_NO_RESPONSE: .noResponse
        default: .badParameters
        }
    }

    /// Closes the connection; further queries fail.
    public func close() {
        if let handle { PQfinish(handle) }
        handle = nil
    }

    /// The server's version number, such as 150018.
    public var serverVersion: Int { handle.map { Int(PQserverVersion($0)) } ?? 0 }

    /// Drops the server's notices and warnings instead of printing them (libpq's default): a migration's
    /// `RAISE NOTICE` and "already exists, skipping" are not pgdrift's to show.
    public func discardNotices() {
        guard let handle else { return }
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
    }

    /// Whether a transaction block is open (in progress or failed), as the server last said.
    public var inTransaction: Bool {
        guard let handle else { return false }
        let status = PQtransactionStatus(handle)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR
    }

    /// Runs one statement with `$1...` parameters bound as text (never spliced into SQL) and returns its rows.
    @discardableResult
    public func query(_ sql: String, _ parameters: [String?] = []) throws -> QueryResult {
        guard let handle else { throw PostgresError(kind: .connectionLost, message: "connection is closed") }
        queryCount += 1
        let started = Trace.start()
        let result: OpaquePointer? = withCStrings(parameters) { values in
            PQexecParams(handle, sql, Int32(parameters.count), nil, values, nil, nil, 0)
        }
        let rows = try check(result, handle: handle)
        Trace.query(sql, rows: rows.rowCount, since: started)
        return rows
    }

    /// Runs one statement like `query`, handing `body` one row at a time: a catalog of 200,000 columns
    /// never sits in memory as one result.
    ///
    /// Inside a transaction block (the catalog reads' snapshot) the rows come through a cursor, in
    /// pages of `Self.pageRows`: single-row mode costs libpq a result copy per row, a third of a
    /// 200,000-column read's client time. Outside one, libpq's single-row mode. Either way this counts
    /// as one query, and if `body` throws the rest of the rows are dropped and the connection stays usable.
    /// `body` must not read rows on the same connection (the cursor has one name).
    public func forEachRow(_ sql: String, _ parameters: [String?] = [], _ body: (Row) throws -> Void) throws {
        guard let handle else { throw PostgresError(kind: .connectionLost, message: "connection is closed") }
        guard inTransaction else { return try forEachSingleRow(sql, parameters, body, handle: handle) }
        queryCount += 1
        let started = Trace.start()
        var count = 0
        defer { Trace.query(sql, rows: count, since: started) }
        let declared: OpaquePointer? = withCStrings(parameters) { values in
            PQexecParams(handle, "DECLARE pgdrift_rows NO SCROLL CURSOR FOR " + sql, Int32(parameters.count), nil, values, nil, nil, 0)
        }
        _ = try check(declared, handle: handle)
        var failure: Error?
        while failure == nil {
            let page = try check(PQexec(handle, "FETCH FORWARD \(Self.pageRows) FROM pgdrift_rows"), handle: handle)
            do {
                for index in 0..<page.rowCount { try body(Row(result: page, index: index)) }
            } catch { failure = error }
            count += page.rowCount
            if page.rowCount < Self.pageRows { break }
        }
        _ = try check(PQexec(handle, "CLOSE pgdrift_rows"), handle: handle)
        if let failure { throw failure }
    }

    /// Rows per page of a cursor read: about 5 MB of a columns query's rows.
    static let pageRows = 20_000

    private func forEachSingleRow(
        _ sql: String, _ parameters: [String?], _ body: (Row) throws -> Void, handle: OpaquePointer
    ) throws {
        queryCount += 1
        let sent = withCStrings(parameters) { values in
            PQsendQueryParams(handle, sql, Int32(parameters.count), nil, values, nil, nil, 0)
        }
        guard sent == 1 else { _ = try check(nil, handle: handle); return }
        PQsetSingleRowMode(handle)
        let started = Trace.start()
        var count = 0
        defer { Trace.query(sql, rows: count, since: started) }
        var columnNames: [String]?
        var failure: Error?
        while let result = PQgetResult(handle) {
            guard failure == nil else { PQclear(result); continue }
            switch PQresultStatus(result) {
            case PGRES_SINGLE_TUPLE:
                count += 1
                let names = columnNames ?? (0..<PQnfields(result)).map { String(cString: PQfname(result, $0)) }
                columnNames = names
                do { try body(Row(result: QueryResult(result, columnNames: names), index: 0)) } catch { failure = error }
            case PGRES_TUPLES_OK, PGRES_COMMAND_OK:
                PQclear(result)
            default:
                failure = makeError(result, handle: handle)
                PQclear(result)
            }
        }
        if let failure { throw failure }
        if PQstatus(handle) != CONNECTION_OK { _ = try check(nil, handle: handle) }
    }

    /// Runs a script of one or more statements (no parameters), such as a migration file.
    public func execute(_ sql: String) throws {
        guard let handle else { throw PostgresError(kind: .connectionLost, message: "connection is closed") }
        queryCount += 1
        _ = try check(PQexec(handle, sql), handle: handle)
    }

    private func check(_ result: OpaquePointer?, handle: OpaquePointer) throws -> QueryResult {
        guard let result else {
            throw PostgresError(
                kind: .connectionLost,
                message: Self.oneLine(Redaction.scrub(String(cString: PQerrorMessage(handle)), secrets: secrets)))
        }
        switch PQresultStatus(result) {
        case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
            return QueryResult(result)
        default:
            let error = makeError(result, handle: handle)
            PQclear(result)
            throw error
        }
    }

    private func makeError(_ result: OpaquePointer, handle: OpaquePointer) -> PostgresError {
        func field(_ code: Int32) -> String? {
            guard let value = PQresultErrorField(result, code) else { return nil }
            return Redaction.scrub(String(cString: value), secrets: secrets)
        }
        let primary = field(Int32(UInt8(ascii: "M")))
        let sqlState = field(Int32(UInt8(ascii: "C")))
        let lost = PQstatus(handle) != CONNECTION_OK
        let message = primary ?? Redaction.scrub(String(cString: PQerrorMessage(handle)), secrets: secrets)
        return PostgresError(
            kind: lost ? .connectionLost : .query,
            sqlState: sqlState,
            message: Self.oneLine(message),
            detail: field(Int32(UInt8(ascii: "D"))),
            hint: field(Int32(UInt8(ascii: "H"))),
            position: field(Int32(UInt8(ascii: "P"))).flatMap { Int($0) })
    }

    /// libpq messages end with newlines and sometimes carry several lines; people get one.
    static func oneLine(_ message: String) -> String {
        message.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: "; ")
    }
}

/// Calls `body` with a C array of NUL-terminated strings (NULL for nil) that lives for the call.
private func withCStrings<R>(_ strings: [String?], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
    var owned: [UnsafeMutablePointer<CChar>?] = strings.map { $0.map { strdup($0)! } }
    defer { for pointer in owned { free(pointer) } }
    return owned.withUnsafeMutableBufferPointer { buffer in
        body(buffer.map { $0.map { UnsafePointer($0) } })
    }
}

/// `PGDRIFT_TRACE=1`: one line per query on standard error (wall milliseconds, rows, the query's
/// first words), to see where an introspection spends its time. Row handling on the client is
/// included for the queries read row by row.
package enum Trace {
    package static let enabled = ProcessInfo.processInfo.environment["PGDRIFT_TRACE"].map { !$0.isEmpty && $0 != "0" } ?? false

    /// `pgdrift: trace: <text>` on standard error, when tracing.
    package static func note(_ text: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("pgdrift: trace: \(text)\n".utf8))
    }

    static func start() -> UInt64 {
        guard enabled else { return 0 }
        _ = origin
        return DispatchTime.now().uptimeNanoseconds
    }

    static func query(_ sql: String, rows: Int, since started: UInt64) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        let milliseconds = Double(now - started) / 1e6
        let words = sql.split(whereSeparator: \.isWhitespace).prefix(8).joined(separator: " ")
        // Where the query ended, from the first traced event: the gaps between queries are the client's.
        let at = Double(now - origin) / 1e6
        FileHandle.standardError.write(Data(
            "pgdrift: trace: \(String(format: "%8.1f", milliseconds)) ms \(rows) rows: \(words) [at \(String(format: "%.0f", at)) ms]\n".utf8))
    }

    /// The clock's zero for `[at ...]`: when tracing was first asked about.
    package static let origin = DispatchTime.now().uptimeNanoseconds
}
