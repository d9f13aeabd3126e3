import PgDriftModel

extension SchemaDiff {
    /// The diff, plus what only a live database tells: functions that refer to tables or columns the
    /// database lacks (`broken_reference`) and expected objects the connected role cannot see
    /// (`not_visible`). `access` is the role's, read with the actual catalog.
    public static func findings(
        expected: Catalog, actual: Catalog, access: RoleAccess, options: DiffOptions = DiffOptions(),
        constants: ConstantSpellings = ConstantSpellings()
    ) -> [Finding] {
        let all = findings(expected: expected, actual: actual, options: options, constants: constants)
            + NotVisible.findings(expected: expected, actual: actual, access: access)
            + BrokenReferences.findings(in: actual, access: access)
        return all.sorted(by: DiffContext.order)
    }

    /// Findings in report order: by schema, table, kind and name, what was not compared last.
    package static func ordered(_ findings: [Finding]) -> [Finding] { findings.sorted(by: DiffContext.order) }
}
