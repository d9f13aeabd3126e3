import PgDriftSQL

/// `CREATE EXTENSION [IF NOT EXISTS] name [SCHEMA s] [VERSION v] [CASCADE]` as the parser gives it, for
/// both readers.
struct CreateExtensionStatement {
    var name: String
    var schema: String?
    var version: String?
    var cascade = false
    var ifNotExists: Bool
    /// An option neither reader knows (none in PostgreSQL 15), if any.
    var unknownOption: String?

    init?(_ node: ParseNode) {
        guard let name = node["extname"]?.string else { return nil }
        self.name = name
        ifNotExists = node["if_not_exists"]?.bool == true
        for option in node["options"]?.elements ?? [] {
            guard let definition = option.node("DefElem") else { continue }
            let value = definition["arg"]?.node("String")?["sval"]?.string
            switch definition["defname"]?.string {
            case "schema": schema = value
            case "new_version": version = value
            case "cascade": cascade = definition["arg"]?.node("Boolean")?["boolval"]?.bool ?? true
            default: unknownOption = definition["defname"]?.string ?? "?"
            }
        }
    }
}
