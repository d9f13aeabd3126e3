import Foundation

/// CREATE TYPE ... AS ENUM.
public struct EnumType: CatalogObject {
    /// Schema-qualified raw name of the type.
    public var name: QualifiedName
    /// Labels in their sort order.
    public var values: [String]
    /// COMMENT ON TYPE.
    public var comment: String?
    /// `GRANT USAGE ON TYPE` and the like (effective, the owner's aside), filled only when privileges are read.
    public var grants: [Grant] = []

    /// The type's identity in the catalog: its qualified name.
    public var key: QualifiedName { name }

    /// Creates an enum type from its name and labels in sort order.
    public init(name: QualifiedName, values: [String], comment: String? = nil) {
        self.name = name
        self.values = values
        self.comment = comment
    }
}

/// CREATE DOMAIN.
public struct Domain: CatalogObject {
    /// Schema-qualified raw name of the domain.
    public var name: QualifiedName
    /// The type the domain is based on.
    public var baseType: DataType
    /// Whether the domain is declared NOT NULL.
    public var isNotNull: Bool
    /// The DEFAULT expression in the server's canonical text, if any.
    public var defaultExpression: String?
    /// A COLLATE other than the base type's default.
    public var collation: QualifiedName?
    /// CHECK constraints, sorted by name.
    public var checks: [DomainCheck]
    /// COMMENT ON DOMAIN.
    public var comment: String?
    /// `GRANT USAGE ON TYPE` and the like (effective, the owner's aside), filled only when privileges are read.
    public var grants: [Grant] = []

    /// The domain's identity in the catalog: its qualified name.
    public var key: QualifiedName { name }

    /// Creates a domain from its parts (checks are sorted by name); by default nullable, with no default.
    public init(
        name: QualifiedName, baseType: DataType, isNotNull: Bool = false, defaultExpression: String? = nil,
        collation: QualifiedName? = nil, checks: [DomainCheck] = [], comment: String? = nil
    ) {
        self.name = name
        self.baseType = baseType
        self.isNotNull = isNotNull
        self.defaultExpression = defaultExpression
        self.collation = collation
        self.checks = checks.sorted { $0.name < $1.name }
        self.comment = comment
    }
}

/// A domain's named CHECK constraint.
public struct DomainCheck: Hashable, Codable, Sendable {
    /// Raw constraint name (not quoted).
    public var name: String
    /// The expression in the server's canonical text, `VALUE` standing for the value.
    public var expression: String
    /// False for a check added `NOT VALID` and not yet validated.
    public var isValidated: Bool

    /// Creates a domain check from its parts; validated by default.
    public init(name: String, expression: String, isValidated: Bool = true) {
        self.name = name
        self.expression = expression
        self.isValidated = isValidated
    }
}

/// CREATE TYPE ... AS (attributes).
public struct CompositeType: CatalogObject {
    /// Schema-qualified raw name of the type.
    public var name: QualifiedName
    /// Attributes in their declared order.
    public var attributes: [CompositeAttribute]
    /// COMMENT ON TYPE.
    public var comment: String?
    /// `GRANT USAGE ON TYPE` and the like (effective, the owner's aside), filled only when privileges are read.
    public var grants: [Grant] = []

    /// The type's identity in the catalog: its qualified name.
    public var key: QualifiedName { name }

    /// Creates a composite type from its name and attributes in order.
    public init(name: QualifiedName, attributes: [CompositeAttribute], comment: String? = nil) {
        self.name = name
        self.attributes = attributes
        self.comment = comment
    }
}

/// One attribute of a composite type.
public struct CompositeAttribute: Hashable, Codable, Sendable {
    /// Raw attribute name (not quoted).
    public var name: String
    /// The attribute's type.
    public var type: DataType
    /// A COLLATE other than the type's default.
    public var collation: QualifiedName?

    /// Creates an attribute from its parts.
    public init(name: String, type: DataType, collation: QualifiedName? = nil) {
        self.name = name
        self.type = type
        self.collation = collation
    }
}

/// CREATE TYPE ... AS RANGE. Its constructor functions and its multirange type are PostgreSQL's own
/// consequences of the range (made and dropped with it): the model leaves them out, as pg_dump does.
public struct RangeType: CatalogObject {
    /// Schema-qualified raw name of the type.
    public var name: QualifiedName
    /// The element type (`subtype`).
    public var subtype: DataType
    /// A `subtype_opclass` other than the subtype's default btree operator class.
    public var subtypeOperatorClass: QualifiedName?
    /// A `collation` other than the subtype's default.
    public var collation: QualifiedName?
    /// The `canonical` function, if any.
    public var canonical: QualifiedName?
    /// The `subtype_diff` function, if any.
    public var subtypeDiff: QualifiedName?
    /// The multirange type's name (`multirange_type_name`); PostgreSQL chooses one when not given.
    public var multirangeName: QualifiedName
    /// COMMENT ON TYPE.
    public var comment: String?
    /// `GRANT USAGE ON TYPE` and the like (effective, the owner's aside), filled only when privileges are read.
    public var grants: [Grant] = []

    /// The type's identity in the catalog: its qualified name.
    public var key: QualifiedName { name }

    /// Creates a range type from its parts; without a multirange name, the one PostgreSQL would choose.
    public init(
        name: QualifiedName, subtype: DataType, subtypeOperatorClass: QualifiedName? = nil, collation: QualifiedName? = nil,
        canonical: QualifiedName? = nil, subtypeDiff: QualifiedName? = nil, multirangeName: QualifiedName? = nil,
        comment: String? = nil
    ) {
        self.name = name
        self.subtype = subtype
        self.subtypeOperatorClass = subtypeOperatorClass
        self.collation = collation
        self.canonical = canonical
        self.subtypeDiff = subtypeDiff
        self.multirangeName = multirangeName ?? Self.defaultMultirangeName(for: name)
        self.comment = comment
    }

    /// PostgreSQL's choice (`makeMultirangeTypeName`): the first `range` in the name becomes
    /// `multirange`, or `_multirange` is appended; in the range's schema.
    public static func defaultMultirangeName(for name: QualifiedName) -> QualifiedName {
        if let found = name.name.range(of: "range") {
            return QualifiedName(name.schema, name.name.replacingCharacters(in: found, with: "multirange"))
        }
        return QualifiedName(name.schema, name.name + "_multirange")
    }
}

/// A type that carries a COMMENT ON text (the comment phase of a plan sets it apart from CREATE).
public protocol Commented { var comment: String? { get set } }
extension EnumType: Commented {}
extension Domain: Commented {}
extension CompositeType: Commented {}
extension RangeType: Commented {}
