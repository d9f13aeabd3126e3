import Dispatch

/// Work started on another thread and waited for later: the expected side (another database, or a
/// shadow database to start) loads while the database under audit is read, instead of after it.
final class InBackground<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once by the worker before `done` is signalled, read after `wait` returns.
    private var result: Result<Value, Error>?

    init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global().async {
            self.result = Result { try work() }
            self.done.signal()
        }
    }

    /// The value, or the error the work threw.
    func wait() throws -> Value {
        done.wait()
        return try result!.get()
    }
}
