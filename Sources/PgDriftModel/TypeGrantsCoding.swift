/// Codable for the type models by hand, so that `grants` (added with the privilege comparison) is left
/// out of snapshots when empty and snapshots written before it still read.
extension EnumType {
    private enum CodingKeys: String, CodingKey { case name, values, comment, grants }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try c.decode(QualifiedName.self, forKey: .name), values: try c.decode([String].self, forKey: .values),
                  comment: try c.decodeIfPresent(String.self, forKey: .comment))
        grants = try c.decodeIfPresent([Grant].self, forKey: .grants) ?? []
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(values, forKey: .values)
        try c.encodeIfPresent(comment, forKey: .comment)
        if !grants.isEmpty { try c.encode(grants, forKey: .grants) }
    }
}

extension Domain {
    private enum CodingKeys: String, CodingKey {
        case name, baseType, isNotNull, defaultExpression, collation, checks, comment, grants
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decode(QualifiedName.self, forKey: .name), baseType: try c.decode(DataType.self, forKey: .baseType),
            isNotNull: try c.decode(Bool.self, forKey: .isNotNull),
            defaultExpression: try c.decodeIfPresent(String.self, forKey: .defaultExpression),
            collation: try c.decodeIfPresent(QualifiedName.self, forKey: .collation),
            checks: try c.decode([DomainCheck].self, forKey: .checks), comment: try c.decodeIfPresent(String.self, forKey: .comment))
        grants = try c.decodeIfPresent([Grant].self, forKey: .grants) ?? []
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(baseType, forKey: .baseType)
        try c.encode(isNotNull, forKey: .isNotNull)
        try c.encodeIfPresent(defaultExpression, forKey: .defaultExpression)
        try c.encodeIfPresent(collation, forKey: .collation)
        try c.encode(checks, forKey: .checks)
        try c.encodeIfPresent(comment, forKey: .comment)
        if !grants.isEmpty { try c.encode(grants, forKey: .grants) }
    }
}

extension CompositeType {
    private enum CodingKeys: String, CodingKey { case name, attributes, comment, grants }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try c.decode(QualifiedName.self, forKey: .name),
                  attributes: try c.decode([CompositeAttribute].self, forKey: .attributes),
                  comment: try c.decodeIfPresent(String.self, forKey: .comment))
        grants = try c.decodeIfPresent([Grant].self, forKey: .grants) ?? []
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(attributes, forKey: .attributes)
        try c.encodeIfPresent(comment, forKey: .comment)
        if !grants.isEmpty { try c.encode(grants, forKey: .grants) }
    }
}

extension RangeType {
    private enum CodingKeys: String, CodingKey {
        case name, subtype, subtypeOperatorClass, collation, canonical, subtypeDiff, multirangeName, comment, grants
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decode(QualifiedName.self, forKey: .name), subtype: try c.decode(DataType.self, forKey: .subtype),
            subtypeOperatorClass: try c.decodeIfPresent(QualifiedName.self, forKey: .subtypeOperatorClass),
            collation: try c.decodeIfPresent(QualifiedName.self, forKey: .collation),
            canonical: try c.decodeIfPresent(QualifiedName.self, forKey: .canonical),
            subtypeDiff: try c.decodeIfPresent(QualifiedName.self, forKey: .subtypeDiff),
            multirangeName: try c.decodeIfPresent(QualifiedName.self, forKey: .multirangeName),
            comment: try c.decodeIfPresent(String.self, forKey: .comment))
        grants = try c.decodeIfPresent([Grant].self, forKey: .grants) ?? []
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(subtype, forKey: .subtype)
        try c.encodeIfPresent(subtypeOperatorClass, forKey: .subtypeOperatorClass)
        try c.encodeIfPresent(collation, forKey: .collation)
        try c.encodeIfPresent(canonical, forKey: .canonical)
        try c.encodeIfPresent(subtypeDiff, forKey: .subtypeDiff)
        try c.encode(multirangeName, forKey: .multirangeName)
        try c.encodeIfPresent(comment, forKey: .comment)
        if !grants.isEmpty { try c.encode(grants, forKey: .grants) }
    }
}
