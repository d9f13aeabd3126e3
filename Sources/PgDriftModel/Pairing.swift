/// A part of a table whose name the server may generate (constraints, indexes) or that is compared
/// apart from its comment.
public protocol TablePart: CatalogObject where Key == String {
    var name: String { get set }
    var comment: String? { get set }
}

extension Constraint: TablePart {}
extension Index: TablePart {}
extension Policy: TablePart {}
extension Trigger: TablePart {}

extension TablePart {
    /// Equal in everything but the name (and the comment).
    public func sameDefinition(as other: Self) -> Bool {
        var renamed = self
        renamed.name = other.name
        renamed.comment = other.comment
        return renamed == other
    }
}

/// How the two sides of a comparison are matched. The diff and the planner share it, so what `check`
/// reports and what `plan` fixes are the same objects.
public enum Pairing {
    /// Visits the objects of two sets: only expected, only actual, and both.
    public static func match<Element: CatalogObject>(
        _ expected: ObjectSet<Element>, _ actual: ObjectSet<Element>,
        missing: (Element) -> Void, extra: (Element) -> Void, both: (Element, Element) -> Void
    ) {
        for element in expected {
            if let other = actual[element.key] { both(element, other) } else { missing(element) }
        }
        for element in actual where !expected.contains(element.key) { extra(element) }
    }

    /// Pairs objects by name; of the rest, an expected and an actual object with the same definition
    /// are the same object under another name. Such a pair is kept with its two names: a migration that
    /// names the object (`DROP CONSTRAINT x`) fails on the database that calls it otherwise, so the diff
    /// reports it and the planner renames it.
    public static func byNameThenDefinition<Part: TablePart>(
        _ expected: ObjectSet<Part>, _ actual: ObjectSet<Part>
    ) -> (pairs: [(Part, Part)], missing: [Part], extra: [Part]) {
        var pairs: [(Part, Part)] = []
        var missing: [Part] = []
        var extra = actual.filter { !expected.contains($0.name) }
        for want in expected {
            if let have = actual[want.name] {
                pairs.append((want, have))
            } else if let index = extra.firstIndex(where: { want.sameDefinition(as: $0) }) {
                pairs.append((want, extra.remove(at: index)))
            } else {
                missing.append(want)
            }
        }
        return (pairs, missing, extra)
    }
}

/// A missing and an extra column of one table that pair up as a rename: the same type, and unambiguous
/// on both sides. `check` reports these as possible_rename; `plan --renames` renames them.
public struct ColumnRename: Hashable, Sendable {
    /// The database's name.
    public var from: String
    /// The expected name.
    public var to: String

    public init(from: String, to: String) {
        self.from = from
        self.to = to
    }

    /// The renames among columns only on the expected side (`missing`) and only in the database (`extra`).
    public static func pairs(missing: [Column], extra: [Column]) -> [ColumnRename] {
        missing.compactMap { column in
            let candidates = extra.filter { $0.type == column.type }
            guard candidates.count == 1, missing.filter({ $0.type == column.type }).count == 1 else { return nil }
            return ColumnRename(from: candidates[0].name, to: column.name)
        }
    }
}
