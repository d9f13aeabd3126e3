import Foundation

/// Work spread over a few threads, one item at a time, for a fleet's members.
enum Concurrently {
    /// `body(i)` for every i in 0..<count, at most `jobs` at once; the results by position. `body` also
    /// says whether to stop handing out items (`--fail-fast`): those never started are nil.
    static func map<Value>(_ count: Int, jobs: Int, _ body: @Sendable (Int) -> (value: Value, stop: Bool)) -> [Value?] {
        let queue = WorkQueue<Value>(count: count)
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, count))) { _ in
            while let position = queue.take() {
                let (value, stop) = body(position)
                queue.record(value, at: position, stop: stop)
            }
        }
        return queue.values
    }
}

/// The items still to hand out, and each item's result.
private final class WorkQueue<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var stopped = false
    private let count: Int
    private(set) var values: [Value?]

    init(count: Int) {
        self.count = count
        values = Array(repeating: nil, count: count)
    }

    /// The next item's position, or nil when all are taken or the work was stopped.
    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped, next < count else { return nil }
        next += 1
        return next - 1
    }

    func record(_ value: Value, at position: Int, stop: Bool) {
        lock.lock()
        values[position] = value
        if stop { stopped = true }
        lock.unlock()
    }
}
