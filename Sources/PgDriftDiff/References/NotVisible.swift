import PgDriftModel

/// `not_visible`: expected objects that exist but that the connected role cannot see — no USAGE on
/// their schema, no privilege on the table, or none on the column. pgdrift reads pg_catalog, which
/// lists every object to every role, so such objects are never reported missing; these warnings say
/// that the role (and information_schema, which hides what a role has no privilege on) will not find
/// them.
package enum NotVisible {
    /// A `not_visible` warning for each expected schema, table or column the role cannot reach.
    package static func findings(expected: Catalog, actual: Catalog, access: RoleAccess) -> [Finding] {
        var findings: [Finding] = []
        var hiddenSchemas: Set<String> = []
        for schema in expected.schemas where actual.schemas.contains(schema.name) && !access.canUse(schema: schema.name) {
            hiddenSchemas.insert(schema.name)
            let relations = expected.tables.filter { $0.name.schema == schema.name }.count
                + expected.views.filter { $0.name.schema == schema.name }.count
            findings.append(Finding(
                kind: .notVisible, schema: schema.name,
                actual: "no USAGE on schema \(SQLQuote.identifier(schema.name)) for role \(access.role)",
                message: "role \(access.role) has no USAGE on schema \(SQLQuote.identifier(schema.name)): it cannot use any of the \(relations) tables and views expected there",
                hint: "GRANT USAGE ON SCHEMA \(SQLQuote.identifier(schema.name)) TO \(SQLQuote.identifier(access.role)), or check as a role that has it"))
        }
        let relations = expected.tables.map { ($0.name, $0.columns.map(\.name), "table") }
            + expected.views.map { ($0.name, $0.columns.map(\.name), $0.isMaterialized ? "materialized view" : "view") }
        for (name, columns, kind) in relations where !hiddenSchemas.contains(name.schema) {
            guard actual.tables.contains(name) || actual.views.contains(name), let relation = access.relations[name] else { continue }
            if !relation.isVisible {
                findings.append(Finding(
                    kind: .notVisible, schema: name.schema, table: name.name,
                    actual: "no privilege for role \(access.role)",
                    message: "\(kind) \(name) exists, but role \(access.role) holds no privilege on it: queries fail and information_schema does not list it",
                    hint: "GRANT SELECT ON \(name) TO \(SQLQuote.identifier(access.role)), or check as a role that has it"))
                continue
            }
            for column in columns where relation.hiddenColumns.contains(column) {
                findings.append(Finding(
                    kind: .notVisible, schema: name.schema, table: name.name, column: column,
                    actual: "no privilege for role \(access.role)",
                    message: "column \(name.name).\(column) exists, but role \(access.role) holds no privilege on it: information_schema.columns does not list it",
                    hint: "GRANT SELECT (\(SQLQuote.identifier(column))) ON \(name) TO \(SQLQuote.identifier(access.role))"))
            }
        }
        return findings
    }
}
