import PgDriftModel

extension DiffContext {
    /// pg_cron's jobs: the database's, as one `extension_state` (information); with
    /// `--with-extension-state`, one `extension_state_mismatch` per job that differs from what the
    /// migrations schedule (named jobs paired by name, unnamed ones by schedule and command).
    mutating func diffExtensionState() {
        guard let jobs = actual.scheduledJobs else { return }
        if !jobs.isEmpty {
            report(Finding(
                kind: .extensionState, schema: "cron", object: "pg_cron", actual: jobs.map(\.description).joined(separator: "; "),
                message: "pg_cron schedules \(jobs.count) job\(jobs.count == 1 ? "" : "s"): " + jobs.map { $0.name ?? "unnamed" }.joined(separator: ", "),
                hint: options.compareExtensionState ? nil : "--with-extension-state compares them with the migrations' cron.schedule calls"))
        }
        guard options.compareExtensionState, let wanted = expected.scheduledJobs else { return }
        func mismatch(_ object: String, expected: ScheduledJob?, actual: ScheduledJob?, _ message: String) {
            report(Finding(
                kind: .extensionStateMismatch, schema: "cron", object: object, expected: expected?.description,
                actual: actual?.description, message: message))
        }
        let held = Dictionary(jobs.compactMap { job in job.name.map { ($0, job) } }, uniquingKeysWith: { first, _ in first })
        let named = Dictionary(wanted.compactMap { job in job.name.map { ($0, job) } }, uniquingKeysWith: { _, last in last })
        for (name, want) in named.sorted(by: { $0.key < $1.key }) {
            guard let have = held[name] else {
                mismatch(name, expected: want, actual: nil, "pg_cron job \(name) is not scheduled")
                continue
            }
            if have != want { mismatch(name, expected: want, actual: have, "pg_cron job \(name) differs") }
        }
        for (name, have) in held.sorted(by: { $0.key < $1.key }) where named[name] == nil {
            mismatch(name, expected: nil, actual: have, "pg_cron job \(name) is not scheduled by the migrations")
        }
        var unnamed = jobs.filter { $0.name == nil }
        for want in wanted where want.name == nil {
            if let index = unnamed.firstIndex(of: want) { unnamed.remove(at: index) } else {
                mismatch("unnamed", expected: want, actual: nil, "pg_cron job \(want.description) is not scheduled")
            }
        }
        for have in unnamed { mismatch("unnamed", expected: nil, actual: have, "pg_cron job \(have.description) is not scheduled by the migrations") }
    }
}
