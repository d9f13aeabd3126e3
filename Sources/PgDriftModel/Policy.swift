/// A row-level security policy.
public struct Policy: CatalogObject {
    /// The command a policy applies to.
    public enum Command: String, Hashable, Codable, Sendable {
        case all = "ALL", select = "SELECT", insert = "INSERT", update = "UPDATE", delete = "DELETE"
    }

    public var name: String
    public var command: Command
    /// PERMISSIVE (true, the default) or RESTRICTIVE.
    public var isPermissive: Bool
    /// The roles it applies to, sorted; `public` for everyone.
    public var roles: [String]
    /// USING expression (`pg_get_expr`).
    public var using: String?
    /// WITH CHECK expression (`pg_get_expr`).
    public var withCheck: String?
    public var comment: String?

    public var key: String { name }

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
