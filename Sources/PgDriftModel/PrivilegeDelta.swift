/// How one grantee's privileges on one object (or one of its columns) differ: the one comparison of
/// grants, rendered as a finding by the diff and as GRANT / REVOKE by the planner.
public struct PrivilegeDelta: Hashable, Sendable {
    /// The grantee; `PUBLIC` for everyone.
    public var grantee: String
    /// The column, for column privileges.
    public var column: String?
    /// Privileges to grant without grant option.
    public var grant: [String] = []
    /// Privileges to grant WITH GRANT OPTION (missing, or held without the option).
    public var grantWithOption: [String] = []
    /// Privileges held and not expected: REVOKE (which takes any grant option along).
    public var revoke: [String] = []
    /// Privileges expected without grant option but held with it: REVOKE GRANT OPTION FOR.
    public var revokeOption: [String] = []
    /// The grantee's expected and actual grants, as `Describe` shows them.
    public var expected: [Grant] = []
    public var actual: [Grant] = []

    /// `lacks SELECT, UPDATE; has DELETE not expected`.
    public var summary: String {
        let lacks = grant + grantWithOption.map { held($0) ? "GRANT OPTION FOR \($0)" : "\($0) WITH GRANT OPTION" }
        let extra = revoke + revokeOption.map { "GRANT OPTION FOR \($0)" }
        return [lacks.isEmpty ? nil : "lacks " + lacks.joined(separator: ", "),
                extra.isEmpty ? nil : "has " + extra.joined(separator: ", ") + " not expected"]
            .compactMap { $0 }.joined(separator: "; ")
    }

    private func held(_ privilege: String) -> Bool { actual.contains { $0.privilege == privilege } }

    /// The differences between two lists of grants of one object, one per column and grantee, in order.
    public static func between(expected: [Grant], actual: [Grant]) -> [PrivilegeDelta] {
        guard expected != actual else { return [] }
        struct Holder: Hashable, Comparable {
            var column: String
            var grantee: String
            static func < (a: Holder, b: Holder) -> Bool { (a.column, a.grantee) < (b.column, b.grantee) }
        }
        let want = Dictionary(grouping: expected) { Holder(column: $0.column ?? "", grantee: $0.grantee) }
        let have = Dictionary(grouping: actual) { Holder(column: $0.column ?? "", grantee: $0.grantee) }
        var deltas: [PrivilegeDelta] = []
        for holder in Set(want.keys).union(have.keys).sorted() {
            let wanted = want[holder] ?? []
            let held = have[holder] ?? []
            // Privilege → grantable; a privilege listed twice (from two grantors) counts once, with its option if any has it.
            let w = Dictionary(wanted.map { ($0.privilege, $0.isGrantable) }, uniquingKeysWith: { $0 || $1 })
            let h = Dictionary(held.map { ($0.privilege, $0.isGrantable) }, uniquingKeysWith: { $0 || $1 })
            guard w != h else { continue }
            var delta = PrivilegeDelta(grantee: holder.grantee, column: holder.column.isEmpty ? nil : holder.column)
            delta.expected = wanted.sorted()
            delta.actual = held.sorted()
            for privilege in Self.ordered(Set(w.keys).union(h.keys)) {
                switch (w[privilege], h[privilege]) {
                case (true?, true?), (false?, false?): break
                case (true?, _): delta.grantWithOption.append(privilege)
                case (false?, nil): delta.grant.append(privilege)
                case (false?, true?): delta.revokeOption.append(privilege)
                case (nil, _?): delta.revoke.append(privilege)
                case (nil, nil): break
                }
            }
            deltas.append(delta)
        }
        return deltas
    }

    /// The order GRANT lists privileges in (as `\dp` and pg_dump do), unknown ones last.
    public static let privilegeOrder = [
        "SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER", "USAGE", "CREATE", "EXECUTE",
        "CONNECT", "TEMPORARY",
    ]

    static func ordered(_ privileges: Set<String>) -> [String] {
        privileges.sorted { a, b in
            let (i, j) = (privilegeOrder.firstIndex(of: a) ?? privilegeOrder.count, privilegeOrder.firstIndex(of: b) ?? privilegeOrder.count)
            return (i, a) < (j, b)
        }
    }
}
