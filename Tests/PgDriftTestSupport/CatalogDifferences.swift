import PgDrift

/// A short list of the objects that differ between two catalogs, for test failure messages that a
/// person can read (comparing whole catalogs prints megabytes).
public func catalogDifferences(_ expected: Catalog, _ actual: Catalog) -> [String] {
    var lines: [String] = []
    func compare<Element: CatalogObject>(_ kind: String, _ a: ObjectSet<Element>, _ b: ObjectSet<Element>) {
        for key in Set(a.keys).union(b.keys).sorted() where a[key] != b[key] {
            switch (a[key], b[key]) {
            case (nil, _): lines.append("\(kind) \(key): only in actual")
            case (_, nil): lines.append("\(kind) \(key): only in expected")
            case let (x?, y?): lines.append("\(kind) \(key): \(firstDifference(x, y))")
            }
        }
    }
    compare("schema", expected.schemas, actual.schemas)
    compare("extension", expected.extensions, actual.extensions)
    compare("enum", expected.enums, actual.enums)
    compare("domain", expected.domains, actual.domains)
    compare("composite type", expected.compositeTypes, actual.compositeTypes)
    compare("sequence", expected.sequences, actual.sequences)
    compare("table", expected.tables, actual.tables)
    compare("view", expected.views, actual.views)
    compare("function", expected.functions, actual.functions)
    return lines
}

/// The first property (by reflection) where two values differ, with both values, shortened.
private func firstDifference<T>(_ a: T, _ b: T) -> String {
    let left = Mirror(reflecting: a).children
    let right = Array(Mirror(reflecting: b).children)
    for (index, child) in left.enumerated() where index < right.count {
        let x = String(describing: child.value)
        let y = String(describing: right[index].value)
        if x != y { return "\(child.label ?? "?"): \(x.prefix(300)) ≠ \(y.prefix(300))" }
    }
    return "differs"
}
