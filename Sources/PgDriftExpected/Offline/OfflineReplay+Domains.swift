import PgDriftModel
import PgDriftSQL

extension OfflineReplay {
    /// `CREATE DOMAIN` with NOT NULL, DEFAULT and CHECK constraints. Expressions are kept as written;
    /// the diff compares them with the server's text by meaning, as it does a table's checks.
    mutating func createDomain(_ node: ParseNode) throws {
        let (schema, name) = try parts(node["domainname"]?.strings ?? [])
        let qualified = try newName(schema: schema, name: name)
        guard !isUserType(qualified), tables[qualified] == nil, sequences[qualified] == nil else {
            throw fallback("type \(qualified) already exists")
        }
        guard let typeName = node["typeName"] else { throw fallback("a domain without a type") }
        guard node["collClause"] == nil else { throw fallback("a domain COLLATE is not read offline") }
        var domain = Domain(name: qualified, baseType: try dataType(typeName))
        for item in node["constraints"]?.elements ?? [] {
            guard let constraint = item.node("Constraint") else { continue }
            switch constraint["contype"]?.string {
            case "CONSTR_NOTNULL": domain.isNotNull = true
            case "CONSTR_NULL": domain.isNotNull = false
            case "CONSTR_DEFAULT": domain.defaultExpression = try domainDefault(constraint["raw_expr"], type: domain.baseType)
            case "CONSTR_CHECK": try addDomainCheck(constraint, to: &domain)
            default: throw fallback("domain constraint \(constraint["contype"]?.string ?? "?") is not read offline")
            }
        }
        domains[qualified] = domain
    }

    /// `ALTER DOMAIN`: SET/DROP DEFAULT, SET/DROP NOT NULL, ADD/DROP/VALIDATE CONSTRAINT.
    mutating func alterDomain(_ node: ParseNode) throws {
        let (schema, name) = try parts(node["typeName"]?.strings ?? [])
        guard let qualified = existing(schema: schema, name: name, in: { domains[$0] != nil }), var domain = domains[qualified] else {
            throw fallback("domain \(name) does not exist here")
        }
        // A NOT NULL or CHECK added to a domain in use is checked against the rows: that is the server's to do.
        let inUse = tables.values.contains { $0.columns.contains { $0.type.element == DataType(schema: qualified.schema, name: qualified.name) } }
        switch node["subtype"]?.string {
        case "T": domain.defaultExpression = try domainDefault(node["def"], type: domain.baseType)
        case "N": domain.isNotNull = false
        case "O":
            guard !inUse else { throw fallback("SET NOT NULL on a domain in use is not read offline") }
            domain.isNotNull = true
        case "C":
            guard let constraint = node["def"]?.node("Constraint"), constraint["contype"]?.isString("CONSTR_CHECK") == true else {
                throw fallback("ALTER DOMAIN ADD of this constraint is not read offline")
            }
            guard !inUse || constraint["skip_validation"]?.bool == true else {
                throw fallback("a check added to a domain in use is not read offline")
            }
            try addDomainCheck(constraint, to: &domain)
        case "X":
            guard let check = node["name"]?.string, domain.checks.contains(where: { $0.name == check }) else {
                if node["missing_ok"]?.bool == true { return }
                throw fallback("domain constraint does not exist")
            }
            domain.checks.removeAll { $0.name == check }
            releaseConstraintName(QualifiedName(qualified.schema, check))
        case "V":
            guard let check = node["name"]?.string, let index = domain.checks.firstIndex(where: { $0.name == check }) else {
                throw fallback("domain constraint does not exist")
            }
            domain.checks[index].isValidated = true
        default:
            throw fallback("this ALTER DOMAIN is not read offline")
        }
        domains[qualified] = domain
    }

    /// A domain default as stored: none for a plain NULL, as `storedDefault` decides for a column.
    private func domainDefault(_ expression: ParseNode?, type: DataType) throws -> String? {
        guard let expression else { return nil }
        return try storedDefault(expression, type: type)
    }

    /// A CHECK on a domain, named as the server names it (`<domain>_check`, numbered when taken).
    private mutating func addDomainCheck(_ constraint: ParseNode, to domain: inout Domain) throws {
        guard let expression = constraint["raw_expr"] else { throw fallback("an empty CHECK") }
        // Only VALUE may be read; any other column reference is the server's error.
        guard expression.descendants("ColumnRef").allSatisfy({ $0["fields"]?.strings == ["value"] }) else {
            throw fallback("a domain check reading something other than VALUE")
        }
        let schema = domain.name.schema
        let name = constraint["conname"]?.string
            ?? chooseName(schema: schema, table: domain.name.name, columns: [], label: "check")
        guard !domain.checks.contains(where: { $0.name == name }) else { throw fallback("constraint \(name) already exists") }
        domain.checks.append(DomainCheck(
            name: name, expression: try expressionSQL(expression, column: { [baseType = domain.baseType] in $0 == "value" ? Column(name: $0, type: baseType) : nil }), isValidated: constraint["skip_validation"]?.bool != true))
        domain.checks.sort { $0.name < $1.name }
        constraintNames[QualifiedName(schema, name), default: 0] += 1
    }

    /// `CREATE TYPE ... AS (attributes)`.
    mutating func createCompositeType(_ node: ParseNode) throws {
        guard let rangeVar = node["typevar"] else { throw fallback("a composite type without a name") }
        let name = try newName(schema: rangeVar["schemaname"]?.string, name: rangeVar["relname"]?.string ?? "")
        // The type's row type takes a relation name too.
        guard !isUserType(name), !isNameTaken(name) else { throw fallback("type \(name) already exists") }
        var attributes: [CompositeAttribute] = []
        for element in node["coldeflist"]?.elements ?? [] {
            guard let column = element.node("ColumnDef"), let attribute = column["colname"]?.string, let typeName = column["typeName"],
                column["collClause"] == nil, column["constraints"] == nil
            else { throw fallback("a composite attribute with COLLATE or constraints is not read offline") }
            guard !attributes.contains(where: { $0.name == attribute }) else { throw fallback("attribute \(attribute) twice") }
            attributes.append(CompositeAttribute(name: attribute, type: try dataType(typeName)))
        }
        compositeTypes[name] = CompositeType(name: name, attributes: attributes)
    }

    /// Whether a column, domain, composite attribute or routine signature uses a user type.
    func isTypeUsed(_ name: QualifiedName) -> Bool {
        let type = DataType(schema: name.schema, name: name.name)
        let spelled = SQLQuote.qualified(name)
        return tables.values.contains { $0.columns.contains { $0.type.element == type } }
            || domains.values.contains { $0.baseType.element == type }
            || compositeTypes.values.contains { $0.attributes.contains { $0.type.element == type } }
            || functions.values.contains { $0.arguments.contains(spelled) || $0.returnType?.contains(spelled) == true }
            || views.values.contains { $0.columns.contains { $0.type.element == type } }
    }
}
