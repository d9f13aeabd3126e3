/// `ALTER DEFAULT PRIVILEGES FOR ROLE r [IN SCHEMA s] GRANT … ON TABLES|SEQUENCES|FUNCTIONS|TYPES|SCHEMAS`:
/// one row of `pg_default_acl`, the privileges objects of one type get when role `r` creates them.
///
/// `grants` are the entry's privileges other than the role's own. An entry that is absent stands for
/// PostgreSQL's built-in default (`implicitGrants`): EXECUTE to PUBLIC on functions and USAGE to PUBLIC
/// on types for an entry of every schema, nothing for an entry of one schema (those only add).
public struct DefaultPrivileges: CatalogObject {
    /// The kind of object the entry is for (`defaclobjtype`).
    public enum ObjectType: String, Hashable, Comparable, Codable, Sendable, CaseIterable {
        case tables, sequences, functions, types, schemas

        /// The keyword of ALTER DEFAULT PRIVILEGES (`ON TABLES`).
        public var keyword: String { rawValue.uppercased() }

        /// `defaclobjtype`: r, S, f, T, n.
        public init?(code: String) {
            switch code {
            case "r": self = .tables
            case "S": self = .sequences
            case "f": self = .functions
            case "T": self = .types
            case "n": self = .schemas
            default: return nil
            }
        }

        public static func < (lhs: ObjectType, rhs: ObjectType) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// What identifies an entry: role, schema ("" for every schema) and object type.
    public struct Key: Hashable, Comparable, Codable, Sendable {
        public var role: String
        public var schema: String
        public var objectType: ObjectType

        public init(role: String, schema: String, objectType: ObjectType) {
            self.role = role
            self.schema = schema
            self.objectType = objectType
        }

        public static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.role, lhs.schema, lhs.objectType) < (rhs.role, rhs.schema, rhs.objectType)
        }

        /// The built-in default of an absent entry (see the type's comment).
        public var implicitGrants: [Grant] {
            guard schema.isEmpty else { return [] }
            switch objectType {
            case .functions: return [Grant(grantee: "PUBLIC", privilege: "EXECUTE")]
            case .types: return [Grant(grantee: "PUBLIC", privilege: "USAGE")]
            case .tables, .sequences, .schemas: return []
            }
        }
    }

    /// The role whose new objects get these privileges (`defaclrole`).
    public var role: String
    /// The schema the entry is limited to; nil for every schema.
    public var schema: String?
    /// The kind of object.
    public var objectType: ObjectType
    /// The privileges other than the role's own, sorted.
    public var grants: [Grant]

    public var key: Key { Key(role: role, schema: schema ?? "", objectType: objectType) }

    /// Creates an entry; grants are sorted.
    public init(role: String, schema: String? = nil, objectType: ObjectType, grants: [Grant]) {
        self.role = role
        self.schema = schema
        self.objectType = objectType
        self.grants = grants.sorted()
    }
}
