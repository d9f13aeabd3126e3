import PgDriftModel

extension DiffContext {
    /// `--with-owners`: one `owner_mismatch` per object on both sides whose owner differs from the one
    /// the expected schema names (objects whose owner it does not name are not compared).
    mutating func diffOwners() {
        for delta in OwnerDelta.between(expected: expected, actual: actual) {
            let target = delta.target
            report(Finding(
                kind: .ownerMismatch, schema: target.name.schema, table: target.findingTable, object: target.findingObject,
                expected: delta.expected, actual: delta.actual,
                message: "\(target.description) is owned by \(delta.actual), expected \(delta.expected)",
                hint: "pgdrift plan --with-owners writes the ALTER … OWNER TO statements"))
        }
    }
}
