/// An object whose owner differs: the one comparison of owners, rendered as `owner_mismatch` by the
/// diff and as `ALTER … OWNER TO` by the planner.
public struct OwnerDelta: Hashable, Sendable {
    public var target: PrivilegeTarget
    /// The expected owner.
    public var expected: String
    /// The database's owner.
    public var actual: String

    public init(target: PrivilegeTarget, expected: String, actual: String) {
        self.target = target
        self.expected = expected
        self.actual = actual
    }

    /// Every object on both sides whose expected owner is known and differs from the database's, in
    /// order. An object the database has no owner for (read without owners) is not compared.
    public static func between(expected: Catalog, actual: Catalog) -> [OwnerDelta] {
        expected.owners.compactMap { target, owner in
            guard let held = actual.owners[target], held != owner, actual.contains(target), expected.contains(target) else { return nil }
            return OwnerDelta(target: target, expected: owner, actual: held)
        }.sorted { $0.target < $1.target }
    }
}
