import PgDriftModel

extension DiffContext {
    /// `--with-owners`: one `owner_mismatch` per object on both sides whose owner differs from the one
    /// the expected schema names (objects whose owner it does not name are not compared).
    mutating func diffOwners() {
        for delta in OwnerDelta.between(expected: expected, actual: actual) {
            let target = delta.target
            let isRelation = [.table, .view, .materializedView].contains(target.kind)
            report(Finding(
                kind: .ownerMismatch, schema: target.name.schema, table: isRelation ? target.name.name : nil,
                object: isRelation || target.kind == .schema ? nil : target.name.name + (target.arguments.map { "(\($0))" } ?? ""),
                expected: delta.expected, actual: delta.actual,
                message: "\(target.description) is owned by \(delta.actual), expected \(delta.expected)",
                hint: "pgdrift plan --with-owners writes the ALTER … OWNER TO statements"))
        }
    }
}
