import PgDriftModel
import PgDriftSQL

extension SourceMapRecorder {
    /// Operators, aggregates, collations, text search objects, operator classes and families, rules,
    /// extended statistics, publications, event triggers, wrappers, servers and foreign tables: keyed as
    /// `DefinedObject.sourceID` keys them, by the name CREATE takes, quoted the same way.
    mutating func recordDefinedObject(_ tag: String, _ node: ParseNode, at statement: SourceLocation) {
        func qualified(_ parts: [String]) -> (schema: String, name: String)? {
            guard let name = parts.last else { return nil }
            return (parts.count > 1 ? parts[parts.count - 2] : searchPath.first ?? "public", name)
        }
        func inSchema(_ kind: DefinedObjectKind, _ parts: [String]) {
            guard let (schema, name) = qualified(parts) else { return }
            let created = kind == .operator ? SQLQuote.identifier(schema) + "." + name : SQLQuote.qualified(QualifiedName(schema, name))
            standalone[ObjectID(kind: .definedObject, schema: schema, relation: DefinedObject.sourceRelation(kind, table: nil), name: created)] = statement
        }
        func databaseWide(_ kind: DefinedObjectKind, _ name: String?) {
            guard let name else { return }
            standalone[ObjectID(kind: .definedObject, schema: "", relation: DefinedObject.sourceRelation(kind, table: nil), name: SQLQuote.identifier(name))] = statement
        }
        switch tag {
        case "DefineStmt":
            let kinds: [String: DefinedObjectKind] = [
                "OBJECT_AGGREGATE": .aggregate, "OBJECT_OPERATOR": .operator, "OBJECT_COLLATION": .collation,
                "OBJECT_TSDICTIONARY": .textSearchDictionary, "OBJECT_TSCONFIGURATION": .textSearchConfiguration,
            ]
            guard let kind = node["kind"]?.string.flatMap({ kinds[$0] }) else { return }
            inSchema(kind, node["defnames"]?.strings ?? [])
        case "CreateOpClassStmt": inSchema(.operatorClass, node["opclassname"]?.strings ?? [])
        case "CreateOpFamilyStmt": inSchema(.operatorFamily, node["opfamilyname"]?.strings ?? [])
        case "CreateStatsStmt": inSchema(.statistics, node["defnames"]?.strings ?? [])
        case "CreateForeignTableStmt":
            guard let relation = node["base"]?["relation"] else { return }
            let name = newRelationName(relation)
            inSchema(.foreignTable, [name.schema, name.name])
        case "RuleStmt":
            guard let rule = node["rulename"]?.string, let relation = node["relation"] else { return }
            let table = existingRelationName(relation)
            standalone[ObjectID(
                kind: .definedObject, schema: table.schema, relation: DefinedObject.sourceRelation(.rule, table: table.name),
                name: SQLQuote.identifier(rule))] = statement
        case "CreatePublicationStmt": databaseWide(.publication, node["pubname"]?.string)
        case "CreateEventTrigStmt": databaseWide(.eventTrigger, node["trigname"]?.string)
        case "CreateFdwStmt": databaseWide(.foreignDataWrapper, node["fdwname"]?.string)
        case "CreateForeignServerStmt": databaseWide(.foreignServer, node["servername"]?.string)
        default: return
        }
    }
}
