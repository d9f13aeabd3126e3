import Foundation
import PgDriftIntrospection
import PgDriftModel
import PgDriftPostgres
import PgDriftSQL

/// `CREATE EXTENSION` of an extension this machine does not have, in a shadow database: stand-ins made
/// from the audited database's definitions (`StandIns`), in place of the extension. What they made is
/// recorded, so that the catalog read back leaves them out, as introspection leaves out an extension's
/// members, and has the extension itself as the statement asked for it.
extension ShadowSession {
    /// What the stand-ins of the extensions this session made: objects to leave out of the catalog, and
    /// the extensions to put in it.
    struct StandInRecord {
        var extensions: [String: Extension] = [:]
        var functions: Set<FunctionKey> = []
        var types: Set<QualifiedName> = []
        var schemas: Set<String> = []
        /// The stood-in extensions' own index access methods.
        var accessMethods: Set<String> = []
        /// The options of indexes on those methods, put back into the catalog (`IndexStandIn`).
        var indexOptions: [QualifiedName: [String]] = [:]
        /// Objects of kinds pgdrift does not compare that the stand-ins made (an extension's operators):
        /// the extension's, not the migrations'.
        var notModelled: [String: Set<String>] = [:]
        /// Operators, operator classes, casts, ... that the stand-ins made.
        var definedObjects: Set<DefinedObject.Key> = []
    }

    /// Runs the stand-ins of the extension `node` creates, as the superuser, with the extension's
    /// schema first on the search path.
    func createStandIns(_ node: ParseNode, place: String) throws {
        guard let statement = CreateExtensionStatement(node) else { return }
        let name = statement.name
        if standIns.extensions[name] != nil {
            if statement.ifNotExists { return }
            throw ExpectedSchemaError("\(place): extension \"\(name)\" already exists")
        }
        guard let members = standInSources[name] else {
            throw ExpectedSchemaError("\(place): extension \(name) is not available on this machine, and the database does not have it either")
        }
        var schema = statement.schema
        // Where CREATE EXTENSION would put it: the statement's schema, else (when it may go anywhere)
        // the migrator's current schema, else where the database has it.
        if schema == nil {
            schema = members.isRelocatable ? try connection.query("SELECT pg_catalog.current_schema()").rows.first?[0] ?? "public" : members.schema
        }
        let target = schema ?? "public"
        let existingSchemas = Set(try admin.query("SELECT nspname::text FROM pg_catalog.pg_namespace").rows.compactMap { $0[0] })
        try admin.query("SELECT pg_catalog.set_config('search_path', $1, false)", [SQLQuote.identifier(target) + ", pg_catalog"])
        try admin.execute("SET check_function_bodies = off")
        let before = try Introspector.notModelled(on: admin)
        let definedBefore = try Introspector.definedObjectKeys(on: admin)
        for statement in StandIns(members: members).statements() {
            do { try admin.execute(statement) } catch let error as PostgresError {
                throw ExpectedSchemaError(
                    "\(place): extension \(name) is not available on this machine, and its stand-in failed: \(error.message) (\(statement.prefix(120)))")
            }
        }
        // The extension's own schemas (pg_cron's `cron`) are the superuser's: the migrations may use them,
        // and grant on them, as a platform's database owner may.
        for member in members.definitions where member.kind == "schema" {
            try admin.execute("GRANT ALL ON SCHEMA \(SQLQuote.identifier(member.identity)) TO \(SQLQuote.identifier(Self.migrator)) WITH GRANT OPTION")
        }
        try recordStandIns()
        for (kind, names) in try Introspector.notModelled(on: admin) {
            standIns.notModelled[kind, default: []].formUnion(Set(names).subtracting(before[kind] ?? []))
        }
        standIns.definedObjects.formUnion(try Introspector.definedObjectKeys(on: admin).subtracting(definedBefore))
        standIns.schemas.formUnion(members.definitions.filter { $0.kind == "schema" }.map(\.identity).filter { !existingSchemas.contains($0) })
        standIns.extensions[name] = Extension(name: name, schema: target, version: statement.version ?? "")
        standIns.accessMethods.formUnion(StandIns(members: members).accessMethods)
    }

    /// The routines and types the superuser owns outside extensions: the stand-ins made so far (what
    /// else it makes is an extension's, or goes back to the migrator).
    private func recordStandIns() throws {
        try admin.query("SELECT pg_catalog.set_config('search_path', '', false)")
        let functions = try admin.query("""
            SELECT n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid)
            FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
            WHERE p.proowner = (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user)
              AND n.nspname NOT IN ('pg_catalog', 'information_schema')
              AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
            """)
        for row in functions.rows {
            guard let schema = row[0], let name = row[1], let arguments = row[2] else { continue }
            standIns.functions.insert(FunctionKey(name: QualifiedName(schema, name), identityArguments: arguments))
        }
        let types = try admin.query("""
            SELECT n.nspname, t.typname FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
            WHERE t.typowner = (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user)
              AND n.nspname NOT IN ('pg_catalog', 'information_schema')
              AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
            """)
        for row in types.rows {
            guard let schema = row[0], let name = row[1] else { continue }
            standIns.types.insert(QualifiedName(schema, name))
        }
    }

    /// The stood-in extension an ALTER, COMMENT ON, SET SCHEMA or DROP EXTENSION statement names, if any.
    func standInExtension(_ statement: ParsedScript.Statement) -> String? {
        let node = statement.node
        let names: [String]
        switch statement.tag {
        case "AlterExtensionStmt", "AlterExtensionContentsStmt": names = [node["extname"]?.string].compactMap { $0 }
        case "CommentStmt" where node["objtype"]?.isString("OBJECT_EXTENSION") == true,
             "AlterObjectSchemaStmt" where node["objectType"]?.isString("OBJECT_EXTENSION") == true:
            names = [node["object"]?.node("String")?["sval"]?.string].compactMap { $0 }
        case "DropStmt" where node["removeType"]?.isString("OBJECT_EXTENSION") == true:
            names = (node["objects"]?.elements ?? []).compactMap { $0.node("String")?["sval"]?.string }
        default: names = []
        }
        return names.first { standIns.extensions[$0] != nil }
    }

    /// `ALTER EXTENSION … UPDATE TO v` and `… SET SCHEMA s` change what the expected schema says of the
    /// extension (the stand-ins stay: their objects are not compared); a comment is not compared for
    /// extensions; dropping one, with the objects the migrations made on it, is beyond a stand-in.
    func alterStandInExtension(_ statement: ParsedScript.Statement, place: String) throws {
        guard let name = standInExtension(statement) else { return }
        let node = statement.node
        switch statement.tag {
        case "AlterExtensionStmt":
            for option in node["options"]?.elements ?? [] {
                guard let definition = option.node("DefElem"), definition["defname"]?.isString("new_version") == true,
                    let version = definition["arg"]?.node("String")?["sval"]?.string
                else { continue }
                standIns.extensions[name]?.version = version
            }
        case "AlterObjectSchemaStmt":
            if let schema = node["newschema"]?.string { standIns.extensions[name]?.schema = schema }
        case "DropStmt":
            throw ExpectedSchemaError("\(place): dropping extension \(name), which this machine does not have and a shadow database only stands in for, is not read")
        default:
            break  // COMMENT ON EXTENSION, ALTER EXTENSION ADD / DROP: nothing the comparison of an extension looks at
        }
    }

    /// Creates an index on a stood-in access method without its options, and records them.
    func createIndexWithoutOptions(_ text: String, statementOffset: Int, node: ParseNode, run: (String) throws -> Void) throws {
        guard let (sql, options) = try IndexStandIn.withoutOptions(text, statementOffset: statementOffset, node: node) else {
            try run(text)
            return
        }
        try run(sql)
        guard let relation = node["relation"], let table = relation["relname"]?.string else { return }
        let regclass = [relation["schemaname"]?.string, table].compactMap { $0 }.map(SQLQuote.identifier).joined(separator: ".")
        // The index just made: the one named, else the table's newest.
        let found = try connection.query("""
            SELECT n.nspname, c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.oid = COALESCE(
              (SELECT x.indexrelid FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class xc ON xc.oid = x.indexrelid
               WHERE x.indrelid = $1::regclass AND xc.relname = $2),
              (SELECT max(x.indexrelid) FROM pg_catalog.pg_index x WHERE x.indrelid = $1::regclass))
            """, [regclass, node["idxname"]?.string])
        guard let row = found.rows.first, let schema = row[0], let index = row[1] else { return }
        standIns.indexOptions[QualifiedName(schema, index)] = options
    }

    /// The catalog without the stand-ins, and with the extensions they stood in for.
    func removingStandIns(from catalog: Catalog) -> Catalog {
        guard !standIns.extensions.isEmpty else { return catalog }
        var result = catalog
        result.functions = ObjectSet(catalog.functions.filter { !standIns.functions.contains($0.key) })
        result.enums = ObjectSet(catalog.enums.filter { !standIns.types.contains($0.name) })
        result.domains = ObjectSet(catalog.domains.filter { !standIns.types.contains($0.name) })
        result.compositeTypes = ObjectSet(catalog.compositeTypes.filter { !standIns.types.contains($0.name) })
        result.rangeTypes = ObjectSet(catalog.rangeTypes.filter { !standIns.types.contains($0.name) })
        result.schemas = ObjectSet(catalog.schemas.filter { !standIns.schemas.contains($0.name) })
        for (_, item) in standIns.extensions { result.extensions.upsert(item) }
        result.definedObjects = ObjectSet(catalog.definedObjects.filter { !standIns.definedObjects.contains($0.key) })
        for (kind, names) in standIns.notModelled {
            let left = result.notModelled[kind]?.filter { !names.contains($0) } ?? []
            result.notModelled[kind] = left.isEmpty ? nil : left
        }
        for (index, options) in standIns.indexOptions {
            guard var table = result.tables.first(where: { $0.name.schema == index.schema && $0.indexes[index.name] != nil }) else { continue }
            table.indexes[index.name]?.options = options
            result.tables.upsert(table)
        }
        return result
    }
}
