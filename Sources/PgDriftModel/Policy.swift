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
    /// The columns of its table its expressions read (`pg_depend`), sorted. Derived from the expressions,
    /// so it takes no part in equality; the planner uses it to rebuild only the policies that read a
    /// column whose type changes.
    public var readsColumns: [String]

    /// The policy's identity within its table: its name.
    public var key: String { name }

    /// Creates a policy from its parts (roles are sorted); by default permissive, for all commands, to `public`.
    public init(
        name: String, command: Command = .all, isPermissive: Bool = true, roles: [String] = ["public"],
        using: String? = nil, withCheck: String? = nil, comment: String? = nil, readsColumns: [String] = []
    ) {
        self.readsColumns = readsColumns.sorted()
        self.name = name
        self.command = command
        self.isPermissive = isPermissive
        self.roles = roles.sorted()
        self.using = using
        self.withCheck = withCheck
        self.comment = comment
    }
}

extension Policy {
    private enum CodingKeys: String, CodingKey {
        case name, command, isPermissive, roles, using, withCheck, comment, readsColumns
    }

    /// Decodes a policy; snapshots written before `readsColumns` existed decode with none.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decode(String.self, forKey: .name),
            command: try container.decode(Command.self, forKey: .command),
            isPermissive: try container.decode(Bool.self, forKey: .isPermissive),
            roles: try container.decode([String].self, forKey: .roles),
            using: try container.decodeIfPresent(String.self, forKey: .using),
            withCheck: try container.decodeIfPresent(String.self, forKey: .withCheck),
            comment: try container.decodeIfPresent(String.self, forKey: .comment),
            readsColumns: try container.decodeIfPresent([String].self, forKey: .readsColumns) ?? [])
    }

    /// Equal in what the policy says; `readsColumns` follows from the expressions.
    public static func == (lhs: Policy, rhs: Policy) -> Bool {
        lhs.name == rhs.name && lhs.command == rhs.command && lhs.isPermissive == rhs.isPermissive
            && lhs.roles == rhs.roles && lhs.using == rhs.using && lhs.withCheck == rhs.withCheck
            && lhs.comment == rhs.comment
    }

    /// Hashes what equality compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(command)
        hasher.combine(isPermissive)
        hasher.combine(roles)
        hasher.combine(using)
        hasher.combine(withCheck)
        hasher.combine(comment)
    }
}
