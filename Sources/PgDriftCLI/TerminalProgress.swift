import Foundation
import PgDrift

/// A progress line on standard error, for steps that take more than a second, on a terminal only (and
/// never with --quiet): `==> shadow database: migration 12 of 40, 012_users.sql`, rewritten in place
/// until the command prints anything else or ends. Updates come from any thread.
final class TerminalProgress: @unchecked Sendable {
    /// The command's progress line, or nil when standard error is not a terminal or --quiet is given.
    static var forThisRun: TerminalProgress? {
        isatty(STDERR_FILENO) == 1 && !Output.quiet ? shared : nil
    }

    nonisolated(unsafe) private static var current: TerminalProgress?
    private static var shared: TerminalProgress {
        if let current { return current }
        let made = TerminalProgress()
        current = made
        return made
    }

    /// Clears the line, if one is shown, before other output (`writeStandardError` calls it).
    static func clear() { current?.erase() }

    private let lock = NSLock()
    private var message: String?
    private var shown = false
    private let started = DispatchTime.now()
    private var timer: DispatchSourceTimer?

    private init() {
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global())
        // First drawn after a second: a quick command shows nothing.
        timer.schedule(deadline: .now() + 1, repeating: .milliseconds(250))
        timer.setEventHandler { [weak self] in self?.draw() }
        timer.resume()
        self.timer = timer
    }

    /// What the run is doing now.
    func update(_ text: String) {
        lock.withLock { message = text }
    }

    private func draw() {
        lock.withLock {
            guard let message else { return }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            FileHandle.standardError.write(Data("\r\u{1B}[K==> \(message) (\(Int(seconds)) s)".utf8))
            shown = true
        }
    }

    private func erase() {
        lock.withLock {
            guard shown else { return }
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
            shown = false
        }
    }

    /// The run is over: no more lines.
    func finish() {
        timer?.cancel()
        erase()
        lock.withLock { message = nil }
    }
}
