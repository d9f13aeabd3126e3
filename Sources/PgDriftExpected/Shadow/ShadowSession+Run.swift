import Foundation
import PgDriftModel
import PgDriftPostgres
import PgDriftSQL

extension ShadowSession {
    /// Runs one migration file, statement by statement, with the transaction semantics of the file sent
    /// as one query (how migration tools run a file, and how the offline reader reads it): the file's
    /// statements share one transaction unless it says otherwise; `BEGIN` takes in the statements before
    /// it; after `COMMIT` a new one starts; one left open by `BEGIN` stays open for the next file.
    /// Statement by statement, each error names its own line, and set-up steps (roles, extensions only a
    /// superuser may create) run as the superuser in their place. `script` nil (the parser rejects the
    /// file): the file goes to the server as one query, which reports the error and runs nothing.
    func run(file: String, sql: String, script: ParsedScript?) throws {
        guard let script else {
            try execute(sql, on: connection, file: file, text: sql, offset: 0)
            return
        }
        let implicit = script.statements.count > 1
        var ownsTransaction = false
        for statement in script.statements {
            let text = String(decoding: script.bytes[statement.offset..<(statement.offset + statement.length)], as: UTF8.self)
            if implicit && !connection.inTransaction {
                try connection.execute("BEGIN")
                ownsTransaction = true
            }
            if statement.tag == "TransactionStmt", Self.begins(statement.node), ownsTransaction {
                // Sent as one query, the file's statements so far would join this transaction.
                ownsTransaction = false
                continue
            }
            let route = try route(statement)
            switch route {
            case .migration:
                try execute(text, on: connection, file: file, text: sql, offset: statement.offset)
                if statement.tag == "TransactionStmt" { ownsTransaction = ownsTransaction && connection.inTransaction && !Self.begins(statement.node) }
            case .superuser, .superuserThenHandBack:
                // The migrator's work so far is committed first, so the superuser's session sees it.
                let reopen = connection.inTransaction && !ownsTransaction
                if connection.inTransaction { try execute("COMMIT", on: connection, file: file, text: sql, offset: statement.offset) }
                ownsTransaction = false
                // In the migrator's search_path, where an unqualified name would be looked up.
                let path = try connection.query("SELECT pg_catalog.current_setting('search_path')").rows.first?[0] ?? "public"
                try admin.query("SELECT pg_catalog.set_config('search_path', $1, false)", [path])
                try execute(text, on: admin, file: file, text: sql, offset: statement.offset)
                if case .superuserThenHandBack = route { try handBackFunctions() }
                if reopen { try connection.execute("BEGIN") }
            case .role(let name):
                if let name { try ensureRoles([name]) }
            case .standInExtensionStatement:
                let place = "\(file):\(script.lines.line(ofByte: statement.offset)):\(script.lines.column(ofByte: statement.offset))"
                try alterStandInExtension(statement, place: place)
            case .indexWithoutOptions:
                try createIndexWithoutOptions(text, statementOffset: statement.offset, node: statement.node) { stripped in
                    try execute(stripped, on: connection, file: file, text: sql, offset: statement.offset)
                }
            case .standIn:
                // The migrator's work so far is committed first, as for the superuser's statements.
                let reopen = connection.inTransaction && !ownsTransaction
                if connection.inTransaction { try execute("COMMIT", on: connection, file: file, text: sql, offset: statement.offset) }
                ownsTransaction = false
                let (line, column) = (script.lines.line(ofByte: statement.offset), script.lines.column(ofByte: statement.offset))
                try createStandIns(statement.node, place: "\(file):\(line):\(column)")
                if reopen { try connection.execute("BEGIN") }
            case .skip:
                break
            }
        }
        if ownsTransaction && connection.inTransaction {
            try execute("COMMIT", on: connection, file: file, text: sql, offset: script.statements.last?.offset ?? 0)
        }
    }

    /// Where a statement runs.
    enum Route {
        /// As the migrator (everything a database owner may do).
        case migration
        /// As the superuser: `CREATE EXTENSION` of an extension only a superuser may create (its script
        /// comes from this machine), later statements on such an extension, `LEAKPROOF` (which tells
        /// the planner a function leaks nothing: harmless here, but a superuser's to say).
        case superuser
        /// As the superuser, then every function it owns outside extensions goes back to the migrator,
        /// which later statements (COMMENT, ALTER FUNCTION, OR REPLACE) expect to own them.
        case superuserThenHandBack
        /// A role statement: roles are cluster-wide and not part of the schema, so `CREATE ROLE` makes
        /// an ordinary role (what the migrations grant to and own objects as) and the rest is skipped.
        case role(String?)
        /// `CREATE INDEX … WITH (…)` on a stood-in access method: run without its options, which go
        /// back into the catalog (`IndexStandIn`).
        case indexWithoutOptions
        /// `ALTER`, `COMMENT ON` or `DROP EXTENSION` of a stood-in extension: not run (there is no
        /// extension to alter); a version or schema change is recorded, a drop stops with one line.
        case standInExtensionStatement
        /// `CREATE EXTENSION` of an extension this machine does not have: stand-ins of its members,
        /// from the audited database (`ShadowSession+StandIns.swift`).
        case standIn
        /// Not run: handing an object to a superuser (a SECURITY DEFINER function would then run the
        /// migration's code as one). Owners are not part of the compared schema.
        case skip
    }

    func route(_ statement: ParsedScript.Statement) throws -> Route {
        switch statement.tag {
        case "IndexStmt" where statement.node["options"] != nil
            && standIns.accessMethods.contains(statement.node["accessMethod"]?.string ?? ""):
            return .indexWithoutOptions
        case "CreateExtensionStmt":
            if LiveExtensions.missingHere(statement, unless: unavailableExtensions) != nil { return .standIn }
            guard !trustsMigrations, let name = statement.node["extname"]?.string else { return .migration }
            return try extensionNeedsSuperuser(name) ? .superuser : .migration
        // (One `where` for all the tags: in a case with several patterns it would guard the last only.)
        case let tag where ["AlterExtensionStmt", "AlterExtensionContentsStmt", "CommentStmt", "AlterObjectSchemaStmt", "DropStmt"].contains(tag)
            && standInExtension(statement) != nil:
            return .standInExtensionStatement
        case "AlterExtensionStmt", "AlterExtensionContentsStmt":
            guard !trustsMigrations, let name = statement.node["extname"]?.string else { return .migration }
            return try extensionOwnedBySuperuser(name) ? .superuser : .migration
        case "CommentStmt" where statement.node["objtype"]?.isString("OBJECT_EXTENSION") == true,
             "AlterObjectSchemaStmt" where statement.node["objectType"]?.isString("OBJECT_EXTENSION") == true:
            guard !trustsMigrations, let name = statement.node["object"]?.node("String")?["sval"]?.string else { return .migration }
            return try extensionOwnedBySuperuser(name) ? .superuser : .migration
        case "DropStmt" where statement.node["removeType"]?.isString("OBJECT_EXTENSION") == true:
            guard !trustsMigrations else { return .migration }
            let names = (statement.node["objects"]?.elements ?? []).compactMap { $0.node("String")?["sval"]?.string }
            return try names.contains(where: extensionOwnedBySuperuser) ? .superuser : .migration
        case "CreateFunctionStmt", "AlterFunctionStmt":
            return trustsMigrations ? .migration : Self.leakproofRoute(statement.node)
        case "CreateRoleStmt":
            return .role(statement.node["role"]?.string)
        case "AlterRoleStmt", "AlterRoleSetStmt", "DropRoleStmt", "GrantRoleStmt":
            return trustsMigrations ? .migration : .role(nil)
        case "VariableSetStmt" where ["role", "session_authorization"].contains(statement.node["name"]?.string ?? ""):
            // Acting as another role only changes who owns what is made next, which is not compared;
            // that role may not create where the migrator can.
            return trustsMigrations ? .migration : .skip
        case "AlterOwnerStmt":
            return try ownerChange(to: statement.node["newowner"])
        case "AlterTableStmt":
            let commands = (statement.node["cmds"]?.elements ?? []).compactMap { $0.node("AlterTableCmd") }
            guard !commands.isEmpty, commands.allSatisfy({ $0["subtype"]?.isString("AT_ChangeOwner") == true }) else { return .migration }
            return try ownerChange(to: commands[0]["newowner"])
        default:
            return .migration
        }
    }

    /// `OWNER TO role`: PostgreSQL lets an ordinary role give an object away only to a role that may
    /// create in its schema, which the roles pgdrift makes may not; the superuser makes the change for
    /// it, to ordinary roles only.
    private func ownerChange(to spec: ParseNode?) throws -> Route {
        guard !trustsMigrations, let spec, spec["roletype"]?.isString("ROLESPEC_CSTRING") == true,
            let role = spec["rolename"]?.string
        else { return .migration }
        try ensureRoles([role])
        return try isOrdinaryRole(role) ? .superuser : .skip
    }

    /// `LEAKPROOF` needs a superuser, and is harmless when the function does not also run as its owner
    /// (SECURITY DEFINER would make a superuser-owned function run the migration's code as one); the
    /// statement then runs as the superuser. With SECURITY DEFINER, the ordinary role runs it and the
    /// server refuses.
    static func leakproofRoute(_ node: ParseNode) -> Route {
        let options = (node["options"]?.elements ?? []) + (node["actions"]?.elements ?? [])
        func says(_ name: String) -> Bool {
            options.contains { option in
                guard let option = option.node("DefElem"), option["defname"]?.isString(name) == true else { return false }
                // libpg_query leaves out a Boolean's false value.
                if let boolean = option["arg"]?.node("Boolean") { return boolean["boolval"]?.bool ?? false }
                return (option["arg"]?.node("Integer")?["ival"]?.int ?? 1) != 0
            }
        }
        return says("leakproof") && !says("security") ? .superuserThenHandBack : .migration
    }

    /// Gives the migrator the routines the superuser's statement made (LEAKPROOF stays).
    func handBackFunctions() throws {
        try admin.execute("""
            DO $pgdrift$ DECLARE routine regprocedure; BEGIN
              FOR routine IN SELECT p.oid::regprocedure FROM pg_catalog.pg_proc p
                WHERE p.proowner = (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user)
                  AND p.pronamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)
                  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                                  WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
              LOOP
                EXECUTE format('ALTER ROUTINE %s OWNER TO %I', routine, \(SQLQuote.literal(Self.migrator)));
              END LOOP;
            END $pgdrift$
            """)
    }

    /// `BEGIN` / `START TRANSACTION`: the file's own transaction from here on.
    static func begins(_ node: ParseNode) -> Bool {
        node["kind"]?.isString("TRANS_STMT_BEGIN") == true || node["kind"]?.isString("TRANS_STMT_START") == true
    }

    /// Runs one statement (at byte `offset` of the file's `text`); a failure becomes one line naming the
    /// file, line and column, and says so when the statement needs a superuser.
    private func execute(_ statement: String, on connection: PostgresConnection, file: String, text: String, offset: Int) throws {
        do {
            try connection.execute(statement)
        } catch let error as PostgresError where error.kind == .query {
            let (line, column) = Self.lineAndColumn(of: error.position, inStatement: statement, at: offset, of: text)
            let place = "\(file):\(line):\(column)"
            if ShadowRefusal.needsSuperuser(error) {
                throw ExpectedSchemaError("\(place): \(error.message): " + ShadowRefusal.advice)
            }
            if error.sqlState == "57014" {
                throw ExpectedSchemaError("\(place): the statement ran longer than the shadow database allows (--shadow-timeout)")
            }
            throw ExpectedSchemaError("\(place): \(error.message)")
        }
    }

    /// The server counts 1-based characters in the statement it was sent; people want the file's line
    /// and column.
    static func lineAndColumn(of position: Int?, inStatement statement: String, at offset: Int, of text: String) -> (Int, Int) {
        let utf8 = Array(text.utf8)
        var byte = offset
        if let position, position > 1 {
            byte += String(statement.prefix(position - 1)).utf8.count
        }
        let prefix = String(decoding: utf8[0..<min(byte, utf8.count)], as: UTF8.self)
        return ExpectedSchemaLoader.lineAndColumn(characterPosition: prefix.count + 1, in: text)
    }
}

/// How pgdrift says it will not run a statement that needs a superuser.
enum ShadowRefusal {
    static let advice = "needs superuser; pgdrift does not run it (use --shadow-superuser to allow, only for migrations you trust)"

    /// A refusal found by reading (before anything runs): `file:line:column: COPY … PROGRAM needs superuser; …`.
    static func message(_ refusal: MigrationSafety.Refusal, file: String, script: ParsedScript) -> String {
        "\(file):\(script.lines.line(ofByte: refusal.offset)):\(script.lines.column(ofByte: refusal.offset)): \(refusal.what) \(advice)"
    }

    /// Whether the server refused a statement because only a superuser (or a role standing in for one)
    /// may run it.
    static func needsSuperuser(_ error: PostgresError) -> Bool {
        guard error.sqlState == "42501" else { return false }
        let text = ([error.message] + [error.detail, error.hint].compactMap { $0 }).joined(separator: " ")
        return ["superuser", "pg_execute_server_program", "pg_read_server_files", "pg_write_server_files",
                "permission denied for language", "permission denied to create extension",
                "permission denied to create role", "permission denied to create event trigger"]
            .contains { text.contains($0) }
    }
}
