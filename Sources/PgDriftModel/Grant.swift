/// One privilege granted on an object (from `aclexplode`), for the opt-in privilege comparison.
///
/// An object's grants are its effective ones other than its owner's: a NULL ACL reads as the owner's
/// default (`acldefault`), so a function never touched holds `EXECUTE TO PUBLIC`, and one whose
/// `REVOKE EXECUTE … FROM PUBLIC` was run does not.
public struct Grant: Hashable, Comparable, Codable, Sendable {
    /// The role that received the privilege; `PUBLIC` for everyone.
    public var grantee: String
    /// The privilege keyword: SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER, USAGE,
    /// CREATE, EXECUTE, CONNECT, TEMPORARY.
    public var privilege: String
    /// Whether the grantee may grant it on (WITH GRANT OPTION).
    public var isGrantable: Bool
    /// The column, for a column privilege (`GRANT SELECT (col) ON t`, from `attacl`); nil for the object's.
    public var column: String?

    /// Creates a grant from its parts; by default without GRANT OPTION, on the whole object.
    public init(grantee: String, privilege: String, isGrantable: Bool = false, column: String? = nil) {
        self.grantee = grantee
        self.privilege = privilege
        self.isGrantable = isGrantable
        self.column = column
    }

    /// Orders by column (the object's own first), grantee, privilege, then grant option.
    public static func < (lhs: Grant, rhs: Grant) -> Bool {
        (lhs.column ?? "", lhs.grantee, lhs.privilege, lhs.isGrantable ? 1 : 0)
            < (rhs.column ?? "", rhs.grantee, rhs.privilege, rhs.isGrantable ? 1 : 0)
    }
}
