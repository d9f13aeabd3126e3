/// An object that holds grants, named as GRANT names it. The diff and the planner both walk
/// `Catalog.privilegeTargets`, so the two see the same objects with the same grants.
public struct PrivilegeTarget: Hashable, Comparable, Sendable {
    /// The kinds GRANT knows, with their keyword and default.
    public enum Kind: String, Hashable, Comparable, Sendable, CaseIterable {
        case schema, type, domain, sequence, function, procedure, table, view, materializedView

        /// The keyword after `ON` in GRANT (a view is granted on as a TABLE).
        public var keyword: String {
            switch self {
            case .schema: "SCHEMA"
            case .type: "TYPE"
            case .domain: "DOMAIN"
            case .sequence: "SEQUENCE"
            case .function: "FUNCTION"
            case .procedure: "PROCEDURE"
            case .table, .view, .materializedView: "TABLE"
            }
        }

        /// How messages name it.
        public var noun: String {
            switch self {
            case .materializedView: "materialized view"
            default: rawValue
            }
        }

        /// What a new object of this kind holds besides its owner's privileges (`acldefault`):
        /// EXECUTE to PUBLIC for routines, USAGE to PUBLIC for types and domains.
        public var implicitGrants: [Grant] {
            switch self {
            case .function, .procedure: [Grant(grantee: "PUBLIC", privilege: "EXECUTE")]
            case .type, .domain: [Grant(grantee: "PUBLIC", privilege: "USAGE")]
            case .schema, .sequence, .table, .view, .materializedView: []
            }
        }

        public static func < (lhs: Kind, rhs: Kind) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    public var kind: Kind
    /// The object's name; a schema's is `QualifiedName(name, "")`.
    public var name: QualifiedName
    /// A routine's identity arguments (server text), nil for the others.
    public var arguments: String?

    public init(kind: Kind, name: QualifiedName, arguments: String? = nil) {
        self.kind = kind
        self.name = name
        self.arguments = arguments
    }

    /// Where a finding on the object puts it: a relation's name as its `table`, anything else but a
    /// schema as its `object` (`f(integer)` for a routine).
    public var findingTable: String? { [.table, .view, .materializedView].contains(kind) ? name.name : nil }
    public var findingObject: String? {
        findingTable != nil || kind == .schema ? nil : name.name + (arguments.map { "(\($0))" } ?? "")
    }

    /// `table public.t`, `function public.f(integer)`, `schema app`.
    public var description: String {
        if kind == .schema { return "schema \(name.schema)" }
        return "\(kind.noun) \(name)\(arguments.map { "(\($0))" } ?? "")"
    }

    public static func < (lhs: PrivilegeTarget, rhs: PrivilegeTarget) -> Bool {
        (lhs.name.schema, lhs.name.name, lhs.kind, lhs.arguments ?? "") < (rhs.name.schema, rhs.name.name, rhs.kind, rhs.arguments ?? "")
    }
}

extension Catalog {
    /// Every object that holds grants, with its grants (a table's include its columns').
    public var privilegeTargets: [PrivilegeTarget: [Grant]] {
        var targets: [PrivilegeTarget: [Grant]] = [:]
        for schema in schemas { targets[PrivilegeTarget(kind: .schema, name: QualifiedName(schema.name, ""))] = schema.grants }
        for type in enums { targets[PrivilegeTarget(kind: .type, name: type.name)] = type.grants }
        for type in compositeTypes { targets[PrivilegeTarget(kind: .type, name: type.name)] = type.grants }
        for type in rangeTypes { targets[PrivilegeTarget(kind: .type, name: type.name)] = type.grants }
        for domain in domains { targets[PrivilegeTarget(kind: .domain, name: domain.name)] = domain.grants }
        for sequence in sequences { targets[PrivilegeTarget(kind: .sequence, name: sequence.name)] = sequence.grants }
        for function in functions {
            let kind: PrivilegeTarget.Kind = function.kind == .procedure ? .procedure : .function
            targets[PrivilegeTarget(kind: kind, name: function.name, arguments: function.identityArguments)] = function.grants
        }
        for table in tables { targets[PrivilegeTarget(kind: .table, name: table.name)] = table.grants }
        for view in views {
            targets[PrivilegeTarget(kind: view.isMaterialized ? .materializedView : .view, name: view.name)] = view.grants
        }
        return targets
    }

    /// Whether the catalog was read with its privileges: some object holds a grant (a database read
    /// with them has EXECUTE to PUBLIC on any function, USAGE on any type). A model or snapshot without
    /// any says nothing about privileges, and a plan then leaves them alone.
    public var carriesPrivileges: Bool {
        // Stops at the first grant (most catalogs read with privileges have one early).
        !defaultPrivileges.isEmpty || schemas.contains { !$0.grants.isEmpty } || functions.contains { !$0.grants.isEmpty }
            || enums.contains { !$0.grants.isEmpty } || compositeTypes.contains { !$0.grants.isEmpty }
            || rangeTypes.contains { !$0.grants.isEmpty } || domains.contains { !$0.grants.isEmpty }
            || sequences.contains { !$0.grants.isEmpty } || tables.contains { !$0.grants.isEmpty }
            || views.contains { !$0.grants.isEmpty }
    }

    /// Whether the object `target` names exists, without building `privilegeTargets`.
    public func contains(_ target: PrivilegeTarget) -> Bool {
        switch target.kind {
        case .schema: schemas.contains(target.name.schema)
        case .type: enums.contains(target.name) || compositeTypes.contains(target.name) || rangeTypes.contains(target.name)
        case .domain: domains.contains(target.name)
        case .sequence: sequences.contains(target.name)
        case .function, .procedure: functions.contains(FunctionKey(name: target.name, identityArguments: target.arguments ?? ""))
        case .table: tables.contains(target.name)
        case .view: views[target.name].map { !$0.isMaterialized } ?? false
        case .materializedView: views[target.name]?.isMaterialized ?? false
        }
    }
}
