/// CREATE TYPE ... AS ENUM.
public struct EnumType: CatalogObject {
    /// Schema-qualified raw name of the type.
    public var name: QualifiedName
    /// Labels in their sort order.
    public var values: [String]
    /// COMMENT ON TYPE.
    public var comment: String?

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
