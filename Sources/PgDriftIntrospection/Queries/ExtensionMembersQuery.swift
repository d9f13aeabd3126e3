import PgDriftModel
import PgDriftPostgres

/// What an extension installed in a database holds (`pg_depend`, deptype `e`), by name: what a
/// migration that creates it may then use — its types as column types, its functions and operators in
/// expressions, its operator classes in indexes, the schemas it creates. Read for the extensions the
/// migrations create and this machine does not have (pg_net, pgvector, PostGIS, pg_cron …), in the
/// audit's read-only snapshot; one query, run only when there are such extensions.
package struct ExtensionMembers: Hashable, Sendable {
    /// An operator class, as an index key names it.
    package struct OperatorClass: Hashable, Sendable {
        package var name: QualifiedName
        package var method: String
        /// The type it serves.
        package var type: DataType
        package var isDefault: Bool
    }

    package var name: String
    /// The extension's schema in the database.
    package var schema: String
    package var version: String
    /// Whether `CREATE EXTENSION … SCHEMA` may put it elsewhere (its members follow its schema).
    package var isRelocatable: Bool
    package var schemas: [String] = []
    package var types: [QualifiedName] = []
    /// Those of its types that take a modifier and print it as stored (a typmod_in and no typmod_out).
    package var typesWithModifier: Set<QualifiedName> = []
    /// Functions, procedures and aggregates, by name.
    package var functions: [QualifiedName] = []
    package var operators: [QualifiedName] = []
    package var operatorClasses: [OperatorClass] = []
    /// Every member with its definition, for stand-ins in a shadow database (`ExtensionDefinitionsQuery`).
    package var definitions: [ExtensionMemberDefinition] = []

    package init(name: String, schema: String, version: String, isRelocatable: Bool) {
        self.name = name
        self.schema = schema
        self.version = version
        self.isRelocatable = isRelocatable
    }

    /// `pg_net 0.7.1`.
    package var description: String { "\(name) \(version)" }
}

enum ExtensionMembersQuery {
    /// `$1`: the extensions' names. Array types are not members (their element type is).
    static let sql = """
        SELECT e.extname AS extension, en.nspname AS extension_schema, e.extversion AS version, e.extrelocatable AS relocatable,
               CASE d.classid WHEN 'pg_catalog.pg_namespace'::regclass THEN 'schema' WHEN 'pg_catalog.pg_type'::regclass THEN 'type'
                    WHEN 'pg_catalog.pg_proc'::regclass THEN 'function' WHEN 'pg_catalog.pg_operator'::regclass THEN 'operator'
                    WHEN 'pg_catalog.pg_opclass'::regclass THEN 'operator class' END AS kind,
               COALESCE(ns.nspname, tn.nspname, pn.nspname, opn.nspname, cn.nspname) AS schema,
               COALESCE(ns.nspname, t.typname, p.proname, op.oprname, c.opcname) AS name,
               am.amname AS method, c.opcdefault AS is_default,
               t.typmodin <> 0 AND t.typmodout = 0 AS plain_modifier,
               NULLIF(stn.nspname, 'pg_catalog') AS served_schema,
               CASE WHEN stn.nspname = 'pg_catalog' THEN pg_catalog.format_type(c.opcintype, NULL) ELSE st.typname END AS served_name
        FROM pg_catalog.pg_extension e
        JOIN pg_catalog.pg_namespace en ON en.oid = e.extnamespace
        JOIN pg_catalog.pg_depend d ON d.refclassid = 'pg_catalog.pg_extension'::regclass AND d.refobjid = e.oid AND d.deptype = 'e'
        LEFT JOIN pg_catalog.pg_namespace ns ON d.classid = 'pg_catalog.pg_namespace'::regclass AND ns.oid = d.objid
        LEFT JOIN pg_catalog.pg_type t ON d.classid = 'pg_catalog.pg_type'::regclass AND t.oid = d.objid
        LEFT JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace
        LEFT JOIN pg_catalog.pg_proc p ON d.classid = 'pg_catalog.pg_proc'::regclass AND p.oid = d.objid
        LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = p.pronamespace
        LEFT JOIN pg_catalog.pg_operator op ON d.classid = 'pg_catalog.pg_operator'::regclass AND op.oid = d.objid
        LEFT JOIN pg_catalog.pg_namespace opn ON opn.oid = op.oprnamespace
        LEFT JOIN pg_catalog.pg_opclass c ON d.classid = 'pg_catalog.pg_opclass'::regclass AND c.oid = d.objid
        LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = c.opcnamespace
        LEFT JOIN pg_catalog.pg_am am ON am.oid = c.opcmethod
        LEFT JOIN pg_catalog.pg_type st ON st.oid = c.opcintype
        LEFT JOIN pg_catalog.pg_namespace stn ON stn.oid = st.typnamespace
        WHERE e.extname = ANY($1::text[])
        ORDER BY 1, 5, 6, 7
        """

    static func read(_ result: QueryResult) throws -> [String: ExtensionMembers] {
        var found: [String: ExtensionMembers] = [:]
        for row in result.rows {
            let name = try row.string("extension")
            var members = try found[name] ?? ExtensionMembers(
                name: name, schema: row.string("extension_schema"), version: row.string("version"),
                isRelocatable: row.bool("relocatable"))
            if let kind = try row.optionalString("kind"), let schema = try row.optionalString("schema"),
                let member = try row.optionalString("name")
            {
                let qualified = QualifiedName(schema, member)
                switch kind {
                case "schema": members.schemas.append(member)
                case "type":
                    members.types.append(qualified)
                    if try row.optionalString("plain_modifier") == "t" { members.typesWithModifier.insert(qualified) }
                case "function": members.functions.append(qualified)
                case "operator": members.operators.append(qualified)
                case "operator class":
                    let servedName = try row.string("served_name")
                    let served = try row.optionalString("served_schema").map { DataType(schema: $0, name: servedName) } ?? DataType(servedName)
                    members.operatorClasses.append(ExtensionMembers.OperatorClass(
                        name: qualified, method: try row.string("method"), type: served, isDefault: try row.bool("is_default")))
                default: break  // casts, operator families, tables …: nothing a migration names offline
                }
            }
            found[name] = members
        }
        return found
    }
}

extension Introspector {
    /// The members of every extension the database has and this machine lacks (`lacks` says which):
    /// one query for the names, and, only when there are any, one for the members
    /// and one per extension for their definitions.
    package static func extensionMembers(
        lackingHere lacks: (String) -> Bool, on connection: PostgresConnection
    ) throws -> [String: ExtensionMembers] {
        let installed = try connection.query("SELECT extname::text AS name FROM pg_catalog.pg_extension ORDER BY 1").rows
            .map { try $0.string("name") }
        var members = try extensionMembers(named: installed.filter(lacks), on: connection)
        // One query more per such extension (a handful at most), for stand-ins in a shadow database.
        for name in members.keys.sorted() {
            let definitions = try extensionDefinitions(of: members[name]!, on: connection)
            members[name]?.definitions = definitions
        }
        return members
    }

    /// The members of these extensions as installed in the database behind `connection` (read in the
    /// caller's transaction, with its empty search_path); an extension the database lacks is left out.
    package static func extensionMembers(named names: [String], on connection: PostgresConnection) throws -> [String: ExtensionMembers] {
        guard !names.isEmpty else { return [:] }
        return try ExtensionMembersQuery.read(connection.query(ExtensionMembersQuery.sql, [PostgresArray.literal(names)]))
    }
}
