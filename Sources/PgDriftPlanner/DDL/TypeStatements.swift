import PgDriftModel

/// CREATE statements for schemas, extensions, enums, domains, composite and range types and sequences.
enum TypeStatements {
    static func createSchema(_ schema: Namespace) -> String {
        "CREATE SCHEMA IF NOT EXISTS \(SQLName.identifier(schema.name));"
    }

    static func createExtension(_ extensionObject: Extension) -> String {
        var sql = "CREATE EXTENSION IF NOT EXISTS \(SQLName.identifier(extensionObject.name))"
        if !extensionObject.schema.isEmpty { sql += " WITH SCHEMA \(SQLName.identifier(extensionObject.schema))" }
        if !extensionObject.version.isEmpty { sql += " VERSION \(SQLQuote.literal(extensionObject.version))" }
        return sql + ";"
    }

    static func createEnum(_ type: EnumType) -> String {
        "CREATE TYPE \(SQLName.qualified(type.name)) AS ENUM (\(type.values.map(SQLQuote.literal).joined(separator: ", ")));"
    }

    static func createDomain(_ domain: Domain) -> String {
        var sql = "CREATE DOMAIN \(SQLName.qualified(domain.name)) AS \(domain.baseType.sql)"
        if let collation = domain.collation { sql += " COLLATE \(SQLName.qualified(collation))" }
        if let expression = domain.defaultExpression { sql += " DEFAULT \(expression)" }
        if domain.isNotNull { sql += " NOT NULL" }
        for check in domain.checks where check.isValidated {
            sql += " CONSTRAINT \(SQLName.identifier(check.name)) CHECK (\(check.expression))"
        }
        return sql + ";"
    }

    /// Domain checks added NOT VALID can only be added after the domain exists.
    static func addUnvalidatedDomainChecks(_ domain: Domain) -> [String] {
        domain.checks.filter { !$0.isValidated }.map {
            "ALTER DOMAIN \(SQLName.qualified(domain.name)) ADD CONSTRAINT \(SQLName.identifier($0.name)) CHECK (\($0.expression)) NOT VALID;"
        }
    }

    static func createComposite(_ type: CompositeType) -> String {
        let attributes = type.attributes.map { attribute in
            var text = "\(SQLName.identifier(attribute.name)) \(attribute.type.sql)"
            if let collation = attribute.collation { text += " COLLATE \(SQLName.qualified(collation))" }
            return text
        }
        return "CREATE TYPE \(SQLName.qualified(type.name)) AS (\(attributes.joined(separator: ", ")));"
    }

    /// `CREATE TYPE ... AS RANGE (subtype = ..., ...)`, with every option the type has (the multirange's
    /// name always: PostgreSQL's choice depends on the range's name, which may differ from the source's).
    static func createRange(_ type: RangeType) -> String {
        var options = ["SUBTYPE = \(type.subtype.sql)"]
        if let opclass = type.subtypeOperatorClass { options.append("SUBTYPE_OPCLASS = \(SQLName.qualified(opclass))") }
        if let collation = type.collation { options.append("COLLATION = \(SQLName.qualified(collation))") }
        if let canonical = type.canonical { options.append("CANONICAL = \(SQLName.qualified(canonical))") }
        if let diff = type.subtypeDiff { options.append("SUBTYPE_DIFF = \(SQLName.qualified(diff))") }
        options.append("MULTIRANGE_TYPE_NAME = \(SQLName.qualified(type.multirangeName))")
        return "CREATE TYPE \(SQLName.qualified(type.name)) AS RANGE (\(options.joined(separator: ", ")));"
    }

    static func createSequence(_ sequence: SequenceObject) -> String {
        "CREATE SEQUENCE IF NOT EXISTS \(SQLName.qualified(sequence.name)) AS \(sequence.dataType.sql) "
            + options(sequence.options) + ";"
    }

    /// OWNED BY comes once the owning table exists.
    static func ownSequence(_ sequence: SequenceObject) -> String? {
        guard let owner = sequence.ownedBy else { return nil }
        return "ALTER SEQUENCE \(SQLName.qualified(sequence.name)) OWNED BY \(SQLName.qualified(owner.table)).\(SQLName.identifier(owner.column));"
    }

    /// `INCREMENT BY 1 MINVALUE 1 MAXVALUE ... START WITH 1 CACHE 1 NO CYCLE`.
    static func options(_ options: SequenceOptions) -> String {
        "INCREMENT BY \(options.increment) MINVALUE \(options.minValue) MAXVALUE \(options.maxValue) "
            + "START WITH \(options.start) CACHE \(options.cache) \(options.cycle ? "CYCLE" : "NO CYCLE")"
    }
}
