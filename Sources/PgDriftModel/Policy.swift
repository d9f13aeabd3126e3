/// A row-level security policy.
public struct Policy: CatalogObject {
    /// The command a policy applies to.
    public enum Command: String, Hashable, Codable, Sendable {
        case all = "ALL", select = "SELECT", insert = "INSERT", update = "UPDATE", delete = "DELETE"
    }

    /// Raw policy name, unique within its table (not quoted).
    public var name: String
    /// FOR ALL (the default), SELECT, INSERT, UPDATE or DELETE.
    public var command: Command
    /// PERMISSIVE (true, the default) or RESTRICTIVE.
    public var isPermissive: Bool
    /// The roles it applies to, sorted; `public` for everyone.
    public var roles: [String]
    /// USING expression (`pg_get_expr`).
    public var using: String?
    /// WITH CHECK expression (`pg_get_expr`).
    public var withCheck: String?
    /// COMMENT ON POLICY.
    public var comment: String?

    /// The policy's identity within its table: its name.
    public var key: String { name }

    /// Creates a policy from its parts (roles are sorted); by default permissive, for all commands, to `public`.
    public init(
        name: String, command: Command = .all, isPermissive: Bool = true, roles: [String] = ["public"],
        using: String? = nil, withCheck: String? = nil, comment: String? = nil
    ) {
        self.name = name
        self.command = command
        self.isPermissive = isPermissive
        self.roles = roles.sorted()
        self.using = using
        self.withCheck = withCheck
        self.comment = comment
    }
}
