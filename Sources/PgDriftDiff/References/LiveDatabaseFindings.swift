import Dispatch
import PgDriftModel
import Synchronization

extension SchemaDiff {
    /// The diff, plus what only a live database tells: functions that refer to tables or columns the
    /// database lacks (`broken_reference`) and expected objects the connected role cannot see
    /// (`not_visible`). `access` is the role's, read with the actual catalog.
    public static func findings(
        expected: Catalog, actual: Catalog, access: RoleAccess, options: DiffOptions = DiffOptions(),
        constants: ConstantSpellings = ConstantSpellings()
    ) -> [Finding] {
        // The live database's own findings read only the catalogs: made on another core while the diff
        // runs (at 10,000 tables, the 500 function bodies' references were a fifth of the diff's time).
        let parts = Mutex<(diff: [Finding], live: [Finding])>(([], []))
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                let found = findings(expected: expected, actual: actual, options: options, constants: constants)
                parts.withLock { $0.diff = found }
            } else {
                let found = NotVisible.findings(expected: expected, actual: actual, access: access)
                    + BrokenReferences.findings(in: actual, access: access)
                parts.withLock { $0.live = found }
            }
        }
        let (diff, live) = parts.withLock { $0 }
        return (diff + live).sorted(by: DiffContext.order)
    }

    /// Findings in report order: by schema, table, kind and name, what was not compared last.
    package static func ordered(_ findings: [Finding]) -> [Finding] { findings.sorted(by: DiffContext.order) }
}
