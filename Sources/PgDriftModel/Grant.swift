/// One privilege granted on an object (from `aclexplode`), for the opt-in privilege comparison.
public struct Grant: Hashable, Comparable, Codable, Sendable {
    /// The role that received the privilege; `PUBLIC` for everyone.
    public var grantee: String
    /// The privilege keyword: SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER, USAGE,
    /// CREATE, EXECUTE, CONNECT, TEMPORARY.
    public var privilege: String
    /// Whether the grantee may grant it on (WITH GRANT OPTION).
    public var isGrantable: Bool

    /// Creates a grant from its parts; by default without GRANT OPTION.
    public init(grantee: String, privilege: String, isGrantable: Bool = false) {
        self.grantee = grantee
        self.privilege = privilege
        self.isGrantable = isGrantable
    }

    /// Orders by grantee, then privilege, then grant option.
    public static func < (lhs: Grant, rhs: Grant) -> Bool {
        (lhs.grantee, lhs.privilege, lhs.isGrantable ? 1 : 0) < (rhs.grantee, rhs.privilege, rhs.isGrantable ? 1 : 0)
    }
}
