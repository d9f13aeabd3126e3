import PgDriftModel

/// What can differ between the expected schema (namespace) and the database's. (Extra schemas are not
/// drift: the delta has no `removed` schemas.)
public enum SchemaAttribute: String, ChangeAttribute {
    case comment

    static func changed(_ want: Namespace, _ have: Namespace, comments: Bool) -> Set<SchemaAttribute> {
        comments && want.comment != have.comment ? [.comment] : []
    }
}

/// What can differ between an expected extension and the installed one. An empty schema or version on
/// the expected side (a Swift model that does not say) is not compared. (Extra extensions are not drift.)
public enum ExtensionAttribute: String, ChangeAttribute {
    case schema, version

    static func changed(_ want: Extension, _ have: Extension) -> Set<ExtensionAttribute> {
        ExtensionAttribute.changed { attribute in
            switch attribute {
            case .schema: !want.schema.isEmpty && want.schema != have.schema
            case .version: !want.version.isEmpty && want.version != have.version
            }
        }
    }
}

/// What can differ between two versions of an enum.
public enum EnumAttribute: String, ChangeAttribute {
    /// The labels, in order.
    case values, comment

    static func changed(_ want: EnumType, _ have: EnumType, comments: Bool) -> Set<EnumAttribute> {
        EnumAttribute.changed { attribute in
            switch attribute {
            case .values: want.values != have.values
            case .comment: comments && want.comment != have.comment
            }
        }
    }
}

/// What can differ between two versions of a domain. (Its grants are compared as privileges.)
public enum DomainAttribute: String, ChangeAttribute {
    /// The base type and the collation: PostgreSQL cannot change either in place.
    case baseType, collation
    case defaultValue = "default"
    case notNull
    /// CHECK constraints, paired by name, compared by meaning (and validation).
    case checks
    case comment
}

extension ExpressionComparison {
    /// The attributes of two versions of a domain that differ; expressions compared by meaning.
    func changedAttributes(_ want: Domain, _ have: Domain, comments: Bool) -> Set<DomainAttribute> {
        let aligned = aligned(want, to: have)
        return DomainAttribute.changed { attribute in
            switch attribute {
            case .baseType: want.baseType != have.baseType
            case .collation: want.collation != have.collation
            case .defaultValue: aligned.defaultExpression != have.defaultExpression
            case .notNull: want.isNotNull != have.isNotNull
            case .checks: Set(aligned.checks) != Set(have.checks)
            case .comment: comments && want.comment != have.comment
            }
        }
    }
}

/// What can differ between two versions of a composite type.
public enum CompositeTypeAttribute: String, ChangeAttribute {
    /// The attributes (name, type, collation), in order.
    case attributes, comment

    static func changed(_ want: CompositeType, _ have: CompositeType, comments: Bool) -> Set<CompositeTypeAttribute> {
        CompositeTypeAttribute.changed { attribute in
            switch attribute {
            case .attributes: want.attributes != have.attributes
            case .comment: comments && want.comment != have.comment
            }
        }
    }
}

/// What can differ between two versions of a range type. PostgreSQL can change none of them but the
/// comment in place.
public enum RangeTypeAttribute: String, ChangeAttribute {
    case subtype, subtypeOperatorClass, collation, canonical, subtypeDiff, multirange, comment

    /// Whether the type must be created again to change it.
    public var needsReplacement: Bool { self != .comment }

    static func changed(_ want: RangeType, _ have: RangeType, comments: Bool) -> Set<RangeTypeAttribute> {
        RangeTypeAttribute.changed { attribute in
            switch attribute {
            case .subtype: want.subtype != have.subtype
            case .subtypeOperatorClass: want.subtypeOperatorClass != have.subtypeOperatorClass
            case .collation: want.collation != have.collation
            case .canonical: want.canonical != have.canonical
            case .subtypeDiff: want.subtypeDiff != have.subtypeDiff
            case .multirange: want.multirangeName != have.multirangeName
            case .comment: comments && want.comment != have.comment
            }
        }
    }
}

/// What can differ between two versions of a sequence. (Identity sequences are compared with their
/// column; grants as privileges.)
public enum SequenceAttribute: String, ChangeAttribute {
    /// AS smallint | integer | bigint.
    case dataType
    /// START, INCREMENT, MINVALUE, MAXVALUE, CACHE, CYCLE.
    case options
    /// OWNED BY table.column.
    case ownedBy
    case comment

    static func changed(_ want: SequenceObject, _ have: SequenceObject, comments: Bool) -> Set<SequenceAttribute> {
        SequenceAttribute.changed { attribute in
            switch attribute {
            case .dataType: want.dataType != have.dataType
            case .options: want.options != have.options
            case .ownedBy: want.ownedBy != have.ownedBy
            case .comment: comments && want.comment != have.comment
            }
        }
    }
}
