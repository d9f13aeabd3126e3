import PgDriftModel

/// COMMENT ON, for every kind of object that carries a comment.
enum CommentStatements {
    static func comment(on target: String, _ text: String?) -> String? {
        text.map { "COMMENT ON \(target) IS \(SQLQuote.literal($0));" }
    }

    /// The comments of a table and everything on it.
    static func comments(of table: Table) -> [String] {
        let name = SQLName.qualified(table.name)
        var statements = [comment(on: "TABLE \(name)", table.comment)]
        statements += table.columns.map { comment(on: "COLUMN \(name).\(SQLName.identifier($0.name))", $0.comment) }
        statements += table.constraints.map { comment(on: "CONSTRAINT \(SQLName.identifier($0.name)) ON \(name)", $0.comment) }
        statements += table.indexes.map { comment(on: "INDEX \(SQLName.qualified(QualifiedName(table.name.schema, $0.name)))", $0.comment) }
        statements += table.policies.map { comment(on: "POLICY \(SQLName.identifier($0.name)) ON \(name)", $0.comment) }
        statements += table.triggers.map { comment(on: "TRIGGER \(SQLName.identifier($0.name)) ON \(name)", $0.comment) }
        return statements.compactMap { $0 }
    }

    static func comments(of view: View) -> [String] {
        let name = SQLName.qualified(view.name)
        var statements = [comment(on: "\(view.isMaterialized ? "MATERIALIZED VIEW" : "VIEW") \(name)", view.comment)]
        statements += view.columns.map { comment(on: "COLUMN \(name).\(SQLName.identifier($0.name))", $0.comment) }
        statements += view.indexes.map { comment(on: "INDEX \(SQLName.qualified(QualifiedName(view.name.schema, $0.name)))", $0.comment) }
        statements += view.triggers.map { comment(on: "TRIGGER \(SQLName.identifier($0.name)) ON \(name)", $0.comment) }
        return statements.compactMap { $0 }
    }

    static func comment(of function: Function) -> String? {
        let kind = function.kind == .procedure ? "PROCEDURE" : "FUNCTION"
        return comment(on: "\(kind) \(SQLName.qualified(function.name))(\(function.identityArguments))", function.comment)
    }
}
