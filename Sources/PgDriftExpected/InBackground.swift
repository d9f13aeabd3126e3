import Dispatch

/// Work started on another thread and waited for later: the expected side (another database, or a
/// shadow database to start) loads while the database under audit is read, instead of after it; the
/// next SQL file parses while the current one is replayed. The value is handed over once, after the
/// semaphore, so it need not be Sendable (a parsed script holds its tree's class references).
package final class InBackground<Value>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once by the worker before `done` is signalled, read after `wait` returns.
    private var result: Result<Value, Error>?

    package init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global().async {
            self.result = Result { try work() }
            self.done.signal()
        }
    }

    /// The value, or the error the work threw.
    package func wait() throws -> Value {
        done.wait()
        return try result!.get()
    }
}
