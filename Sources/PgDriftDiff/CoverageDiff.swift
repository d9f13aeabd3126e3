import PgDriftModel

extension DiffContext {
    /// One `not_checked` finding per kind pgdrift does not compare yet that either side has (issue 22):
    /// how many, and which, on each side. Nothing is said about whether they agree: they were not compared.
    mutating func diffCoverage() {
        let kinds = Set(expected.notModelled.keys).union(actual.notModelled.keys).sorted()
        for kind in kinds {
            let (database, wanted) = (actual.notModelled[kind] ?? [], expected.notModelled[kind] ?? [])
            let count = max(database.count, wanted.count)
            func list(_ names: [String]) -> String? { names.isEmpty ? nil : names.joined(separator: ", ") }
            var sides: [String] = []
            if database == wanted {
                sides.append("\(Self.sample(database)), in the database and in the expected schema")
            } else {
                if !database.isEmpty { sides.append("in the database \(Self.sample(database))") }
                if !wanted.isEmpty { sides.append("in the expected schema \(Self.sample(wanted))") }
            }
            report(Finding(
                kind: .notChecked, schema: "", object: kind, expected: list(wanted), actual: list(database),
                message: "\(Self.counted(count, kind)) not compared: " + sides.joined(separator: "; "),
                hint: "pgdrift does not model \(Self.plural(kind, 2)) yet; --strict-coverage makes this an error"))
        }
    }

    /// `3 operators`, `1 cast`.
    private static func counted(_ count: Int, _ kind: String) -> String { "\(count) \(plural(kind, count))" }

    private static func plural(_ kind: String, _ count: Int) -> String {
        if count == 1 || kind.hasSuffix("statistics") { return kind }
        if kind.hasSuffix("ss") { return kind + "es" }
        return kind.hasSuffix("y") ? String(kind.dropLast()) + "ies" : kind + "s"
    }

    /// The first names, and how many more.
    private static func sample(_ names: [String]) -> String {
        names.count <= 5 ? names.joined(separator: ", ") : names.prefix(5).joined(separator: ", ") + " and \(names.count - 5) more"
    }
}
