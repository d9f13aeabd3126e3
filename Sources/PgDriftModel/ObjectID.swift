/// The kinds of object the model knows.
public enum ObjectKind: String, Hashable, Comparable, Codable, Sendable, CaseIterable {
    case schema, `extension`, table, column, constraint, index, policy, trigger
    case view, sequence, function, `enum`, domain, compositeType = "composite_type", rangeType = "range_type"
    /// An operator, cast, aggregate, collation, ... (`DefinedObject`): its ID's relation is
    /// `DefinedObject.sourceRelation`, its name the name CREATE takes.
    case definedObject = "defined_object"

    /// Orders kinds as they are declared: schema, extension, table, column, and so on.
    public static func < (lhs: ObjectKind, rhs: ObjectKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The kind's name for people, such as `composite type`.
    public var displayName: String { rawValue.replacingAll("_", with: " ") }

    /// `1 index`, `3 indexes`, `2 policies`.
    public func counted(_ count: Int) -> String {
        guard count != 1 else { return "1 \(displayName)" }
        switch self {
        case .index: return "\(count) indexes"
        case .policy: return "\(count) policies"
        default: return "\(count) \(displayName)s"
        }
    }
}

/// Identifies any object of the model: its kind, schema, owning relation (for columns, constraints,
/// indexes, policies and triggers) and name. Used for source locations, findings and ignore rules.
public struct ObjectID: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// What kind of object it is.
    public var kind: ObjectKind
    /// The raw name of the schema the object is in (for a schema, its own name).
    public var schema: String
    /// The table or view the object belongs to, if it belongs to one.
    public var relation: String?
    /// The object's own name (for functions: `name(identity arguments)`).
    public var name: String

    /// Creates an object ID from its parts.
    public init(kind: ObjectKind, schema: String, relation: String? = nil, name: String) {
        self.kind = kind
        self.schema = schema
        self.relation = relation
        self.name = name
    }

    /// Orders by schema, then relation (objects without one first), then kind, then name.
    public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool {
        (lhs.schema, lhs.relation ?? "", lhs.kind, lhs.name) < (rhs.schema, rhs.relation ?? "", rhs.kind, rhs.name)
    }

    /// The kind and the dotted path, unquoted, such as `column public.users.email` or `schema public`.
    public var description: String {
        var parts = [schema]
        if let relation { parts.append(relation) }
        if kind != .schema { parts.append(name) }
        return "\(kind.rawValue) " + parts.joined(separator: ".")
    }
}
