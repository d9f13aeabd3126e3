import PgDriftModel

/// How one object differs between the expected schema and the database: the unit of the delta that
/// `check` renders as findings and `plan` turns into statements.
public enum Change<Object: Hashable & Sendable, Attribute: Hashable & Sendable>: Hashable, Sendable {
    /// Only in the expected schema: `check` reports it missing, `plan` creates it.
    case added(Object)
    /// Only in the database: `check` reports it extra, `plan` drops it (with `--allow-destructive`).
    case removed(Object)
    /// On both sides, with the attributes whose values differ (compared by meaning).
    case altered(expected: Object, actual: Object, attributes: Set<Attribute>)
    /// An object only in the expected schema and one only in the database that pair up unambiguously
    /// under another name; the attributes that differ besides the name. `check` cannot know it is the same
    /// object and reports both; `plan --renames` renames it.
    case renamed(expected: Object, actual: Object, attributes: Set<Attribute>)

    /// The expected side, when there is one.
    public var expected: Object? {
        switch self {
        case .added(let object), .altered(let object, _, _), .renamed(let object, _, _): object
        case .removed: nil
        }
    }

    /// The attributes that differ for an object on both sides under one name (none otherwise).
    public var alteredAttributes: Set<Attribute> {
        if case .altered(_, _, let attributes) = self { attributes } else { [] }
    }

    /// The database's side, when there is one.
    public var actual: Object? {
        switch self {
        case .removed(let object), .altered(_, let object, _), .renamed(_, let object, _): object
        case .added: nil
        }
    }
}

/// An attribute a change lists (`ColumnAttribute`, `TableAttribute`, ...): ordered as declared, which is
/// the order a plan changes them in.
public protocol ChangeAttribute: CaseIterable, Comparable, Hashable, Sendable, Codable, RawRepresentable
where RawValue == String, AllCases: RandomAccessCollection {}

extension ChangeAttribute {
    public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }

    /// The attributes `differs` says differ (an exhaustive `switch` in each caller, so a new attribute
    /// does not compile until it is compared).
    static func changed(where differs: (Self) -> Bool) -> Set<Self> { Set(allCases.filter(differs)) }
}
