/// Who owns the objects of a catalog, compared only when asked (`--with-owners`).
///
/// Kept beside the objects rather than in them: a catalog read without owners has none, and objects
/// stay equal values whatever their owner (most of a big schema is compared as whole values).
/// An expected object without an owner here is one whose owner the source does not say — the role that
/// runs the migrations, which only a server knows — and is not compared.
public typealias Owners = [PrivilegeTarget: String]

extension PrivilegeTarget {
    /// `ALTER <keyword> name OWNER TO` (views and materialized views have their own).
    public var ownerKeyword: String {
        switch kind {
        case .view: "VIEW"
        case .materializedView: "MATERIALIZED VIEW"
        default: kind.keyword
        }
    }
}

/// One owner in a snapshot's `owners` list.
struct OwnerEntry: Codable, Comparable {
    var kind: String
    var schema: String
    var name: String
    var arguments: String?
    var owner: String

    init(_ target: PrivilegeTarget, owner: String) {
        kind = target.kind.rawValue
        schema = target.name.schema
        name = target.name.name
        arguments = target.arguments
        self.owner = owner
    }

    var target: PrivilegeTarget? {
        PrivilegeTarget.Kind(rawValue: kind).map { PrivilegeTarget(kind: $0, name: QualifiedName(schema, name), arguments: arguments) }
    }

    static func < (a: OwnerEntry, b: OwnerEntry) -> Bool {
        (a.schema, a.name, a.kind, a.arguments ?? "") < (b.schema, b.name, b.kind, b.arguments ?? "")
    }
}
