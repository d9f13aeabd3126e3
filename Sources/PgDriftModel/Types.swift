/// CREATE TYPE ... AS ENUM.
public struct EnumType: CatalogObject {
    public var name: QualifiedName
    /// Labels in their sort order.
    public var values: [String]
    public var comment: String?

    public var key: QualifiedName { name }

    public init(name: QualifiedName, values: [String], comment: String? = nil) {
        self.name = name
        self.values = values
        self.comment = comment
    }
}

/// CREATE DOMAIN.
public struct Domain: CatalogObject {
    public var name: QualifiedName
    public var baseType: DataType
    public var isNotNull: Bool
    public var defaultExpression: String?
    public var collation: QualifiedName?
    /// CHECK constraints, sorted by name.
    public var checks: [DomainCheck]
    public var comment: String?

    public var key: QualifiedName { name }

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
    public var name: String
    /// The expression in the server's canonical text, `VALUE` standing for the value.
    public var expression: String
    public var isValidated: Bool

    public init(name: String, expression: String, isValidated: Bool = true) {
        self.name = name
        self.expression = expression
        self.isValidated = isValidated
    }
}

/// CREATE TYPE ... AS (attributes).
public struct CompositeType: CatalogObject {
    public var name: QualifiedName
    public var attributes: [CompositeAttribute]
    public var comment: String?

    public var key: QualifiedName { name }

    public init(name: QualifiedName, attributes: [CompositeAttribute], comment: String? = nil) {
        self.name = name
        self.attributes = attributes
        self.comment = comment
    }
}

/// One attribute of a composite type.
public struct CompositeAttribute: Hashable, Codable, Sendable {
    public var name: String
    public var type: DataType
    public var collation: QualifiedName?

    public init(name: String, type: DataType, collation: QualifiedName? = nil) {
        self.name = name
        self.type = type
        self.collation = collation
    }
}
