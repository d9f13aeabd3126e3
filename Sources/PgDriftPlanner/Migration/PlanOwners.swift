import PgDriftModel

extension PlanBuilder {
    /// `--with-owners`: ALTER … OWNER TO for each object whose owner differs (`OwnerDelta`, the diff's
    /// comparison) and for each object this plan creates whose expected owner is known. A role the
    /// target lacks is skipped with a NOTICE, as a grantee is.
    mutating func planOwners() {
        guard options.withOwners else { return }
        var owners: [PrivilegeTarget: String] = [:]
        for delta in OwnerDelta.between(expected: expected, actual: actual) { owners[delta.target] = delta.expected }
        for (target, owner) in expected.owners where !actual.contains(target) || freshObjects.contains(target) {
            owners[target] = owner
        }
        for (target, owner) in owners.sorted(by: { $0.key < $1.key }) {
            // Only objects that will stand once the plan has run (a creation left to a person is not).
            guard current.contains(target) else { continue }
            emitGuarded(["ALTER \(target.ownerKeyword) \(Self.sqlName(target)) OWNER TO \(SQLName.identifier(owner));"],
                        roles: [owner], subject: "owner of \(target.description)", phase: .owners)
        }
    }
}
