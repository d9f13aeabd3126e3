import PgDriftModel
import PgDriftSQL

/// GRANT and REVOKE read offline, when privileges are compared (`readsPrivileges`).
///
/// Sound for migrations run by one role that owns what it creates: each GRANT / REVOKE is resolved when
/// it runs (search path, objects, columns) and recorded; the grants are worked out at the end, from
/// PostgreSQL's defaults (EXECUTE to PUBLIC on routines, USAGE on types, USAGE on `public` to PUBLIC).
/// That is exact while the objects a recorded GRANT names keep their identity, so once one is recorded
/// every DROP, RENAME, SET SCHEMA or DROP COLUMN defers to the shadow database. What depends on which
/// role runs the migrations defers too: ALTER DEFAULT PRIVILEGES, OWNER TO, SET ROLE, `GRANTED BY`,
/// CURRENT_USER as a grantee, CREATE SCHEMA AUTHORIZATION; so does GRANT ON ALL … IN SCHEMA.
extension OfflineReplay {
    /// One GRANT or REVOKE, resolved when it ran.
    struct GrantOperation {
        var target: PrivilegeTarget
        var isGrant: Bool
        /// Privilege and column (nil: the object's own).
        var privileges: [(privilege: String, column: String?)]
        var grantees: [String]
        /// GRANT … WITH GRANT OPTION, or REVOKE GRANT OPTION FOR.
        var grantOption: Bool
    }

    /// The reason to defer a statement when privileges are read, if any.
    func privilegeDeferral(_ tag: String, _ node: ParseNode) -> String? {
        if let change = Self.ownerChange(tag, node) { return "\(change), with privileges compared, is read through the shadow database" }
        switch tag {
        case "AlterDefaultPrivilegesStmt": return "ALTER DEFAULT PRIVILEGES applies to the role running the migrations, which only a server knows"
        case "CreateSchemaStmt" where node["schemaElts"]?.elements.contains { $0.node("GrantStmt") != nil } == true:
            return "CREATE SCHEMA with a GRANT inside, with privileges compared"
        default: break
        }
        guard !grantOperations.isEmpty else { return nil }
        let changesIdentity = ["DropStmt", "RenameStmt", "AlterObjectSchemaStmt"].contains(tag)
            || tag == "AlterTableStmt" && (node["cmds"]?.elements ?? []).contains { $0.node("AlterTableCmd")?["subtype"]?.isString("AT_DropColumn") == true }
        return changesIdentity ? "\(Self.statementName(tag)) after a GRANT is read through the shadow database (grants follow objects)" : nil
    }

    /// The reason to defer a statement when owners are read (`--with-owners`), if any: the shadow
    /// database reads what the migrations say about owners, and nothing offline is owned by anyone known.
    func ownerDeferral(_ tag: String, _ node: ParseNode) -> String? {
        Self.ownerChange(tag, node).map { "\($0), with owners compared, is read through the shadow database" }
    }

    /// What a statement says about who owns what, if anything: OWNER TO, REASSIGN / DROP OWNED, SET ROLE,
    /// CREATE SCHEMA AUTHORIZATION.
    static func ownerChange(_ tag: String, _ node: ParseNode) -> String? {
        switch tag {
        case "AlterOwnerStmt", "ReassignOwnedStmt", "DropOwnedStmt": return "an owner change"
        case "VariableSetStmt" where node["name"]?.isString("role") == true || node["name"]?.isString("session_authorization") == true:
            return "SET ROLE (who owns what follows)"
        case "AlterTableStmt" where (node["cmds"]?.elements ?? []).contains { $0.node("AlterTableCmd")?["subtype"]?.isString("AT_ChangeOwner") == true }:
            return "an owner change"
        case "CreateSchemaStmt" where node["authrole"] != nil: return "CREATE SCHEMA … AUTHORIZATION"
        default: return nil
        }
    }

    /// Records a GRANT or REVOKE, resolving its objects now.
    mutating func recordGrant(_ node: ParseNode) throws {
        guard node["targtype"]?.isString("ACL_TARGET_OBJECT") == true else { throw fallback("GRANT ON ALL … IN SCHEMA is read through the shadow database") }
        guard node["grantor"] == nil else { throw fallback("GRANTED BY is read through the shadow database") }
        let grantees = try (node["grantees"]?.elements ?? []).map { element -> String in
            guard let role = element.node("RoleSpec") else { throw fallback("a grantee that is not a role") }
            if role["roletype"]?.isString("ROLESPEC_PUBLIC") == true { return "PUBLIC" }
            guard role["roletype"]?.isString("ROLESPEC_CSTRING") == true, let name = role["rolename"]?.string else {
                throw fallback("CURRENT_USER or SESSION_USER as a grantee is read through the shadow database")
            }
            return name
        }
        let objectType = node["objtype"]?.string ?? ""
        for object in node["objects"]?.elements ?? [] {
            let target = try grantTarget(objectType, object)
            var privileges: [(privilege: String, column: String?)] = []
            let listed = node["privileges"]?.elements ?? []
            if listed.isEmpty {
                privileges = Self.allPrivileges(target.kind).map { ($0, nil) }
            }
            for element in listed {
                guard let access = element.node("AccessPriv") else { throw fallback("an unknown privilege") }
                let columns = access["cols"]?.strings ?? []
                let names = access["priv_name"]?.string.map { [$0.uppercased()] } ?? Self.columnPrivileges
                for name in names {
                    if columns.isEmpty {
                        guard Self.allPrivileges(target.kind).contains(name) else { throw fallback("privilege \(name) on a \(target.kind.noun)") }
                        privileges.append((name, nil))
                    } else {
                        guard [.table, .view, .materializedView].contains(target.kind), Self.columnPrivileges.contains(name),
                            let relation = tables[target.name]?.columns.map(\.name) ?? views[target.name]?.columns.map(\.name)
                        else { throw fallback("column privilege \(name) on a \(target.kind.noun)") }
                        for column in columns {
                            guard relation.contains(column) else { throw fallback("column \(column) of \(target.name) does not exist") }
                            privileges.append((name, column))
                        }
                    }
                }
            }
            grantOperations.append(GrantOperation(
                target: target, isGrant: node["is_grant"]?.bool == true, privileges: privileges, grantees: grantees,
                grantOption: node["grant_option"]?.bool == true))
        }
    }

    /// The object a GRANT names, as the server resolves it now.
    private func grantTarget(_ objectType: String, _ object: ParseNode) throws -> PrivilegeTarget {
        switch objectType {
        case "OBJECT_TABLE", "OBJECT_SEQUENCE":
            guard let rangeVar = object.node("RangeVar") else { throw fallback("GRANT on an unknown relation") }
            let (schema, name) = (rangeVar["schemaname"]?.string, rangeVar["relname"]?.string ?? "")
            let found = existing(schema: schema, name: name) { tables[$0] != nil || views[$0] != nil || sequences[$0] != nil }
            guard let found else { throw fallback("GRANT on \(name), which is not read offline or does not exist") }
            if let view = views[found] { return PrivilegeTarget(kind: view.isMaterialized ? .materializedView : .view, name: found) }
            if tables[found] != nil, objectType == "OBJECT_TABLE" { return PrivilegeTarget(kind: .table, name: found) }
            if sequences[found] != nil, objectType == "OBJECT_SEQUENCE" { return PrivilegeTarget(kind: .sequence, name: found) }
            throw fallback("GRANT ON TABLE of a sequence (or ON SEQUENCE of a table) is read through the shadow database")
        case "OBJECT_FUNCTION", "OBJECT_PROCEDURE", "OBJECT_ROUTINE":
            guard let key = try namedFunction(object.node("ObjectWithArgs")), let function = functions[key] else {
                throw fallback("GRANT on a routine that does not exist here")
            }
            return PrivilegeTarget(kind: function.kind == .procedure ? .procedure : .function, name: function.name, arguments: function.identityArguments)
        case "OBJECT_SCHEMA":
            guard let name = object.node("String")?["sval"]?.string, schemas[name] != nil else { throw fallback("GRANT on a schema that does not exist here") }
            return PrivilegeTarget(kind: .schema, name: QualifiedName(name, ""))
        case "OBJECT_TYPE", "OBJECT_DOMAIN":
            let (schema, name) = try parts(object.node("List")?["items"]?.strings ?? [])
            guard let found = existing(schema: schema, name: name, in: { enums[$0] != nil || compositeTypes[$0] != nil || domains[$0] != nil }) else {
                throw fallback("GRANT on type \(name), which is not read offline or does not exist")
            }
            return PrivilegeTarget(kind: domains[found] != nil ? .domain : .type, name: found)
        default:
            throw fallback("GRANT on \(objectType) is read through the shadow database")
        }
    }

    static let columnPrivileges = ["SELECT", "INSERT", "UPDATE", "REFERENCES"]

    /// What ALL means, and what a GRANT may name, per kind.
    static func allPrivileges(_ kind: PrivilegeTarget.Kind) -> [String] {
        switch kind {
        case .table, .view, .materializedView: ["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"]
        case .sequence: ["USAGE", "SELECT", "UPDATE"]
        case .function, .procedure: ["EXECUTE"]
        case .schema: ["USAGE", "CREATE"]
        case .type, .domain: ["USAGE"]
        }
    }

    /// The catalog's grants: every object's defaults, then the recorded GRANT and REVOKE in order.
    func applyGrants(to catalog: inout Catalog) {
        var grants = catalog.privilegeTargets.mapValues { _ in [Grant]() }
        for target in grants.keys { grants[target] = target.kind.implicitGrants }
        // `public` as PostgreSQL 15 makes it: owned by pg_database_owner, USAGE to PUBLIC.
        let publicSchema = PrivilegeTarget(kind: .schema, name: QualifiedName("public", ""))
        if grants[publicSchema] != nil { grants[publicSchema] = [Grant(grantee: "PUBLIC", privilege: "USAGE")] }
        for operation in grantOperations {
            var list = grants[operation.target] ?? []
            for grantee in operation.grantees {
                for (privilege, column) in operation.privileges {
                    Self.apply(operation, grantee: grantee, privilege: privilege, column: column, to: &list)
                }
            }
            grants[operation.target] = list
        }
        for (target, list) in grants {
            let sorted = list.sorted()
            switch target.kind {
            case .schema: catalog.schemas[target.name.schema]?.grants = sorted
            case .type:
                if catalog.enums[target.name] != nil { catalog.enums[target.name]?.grants = sorted }
                if catalog.compositeTypes[target.name] != nil { catalog.compositeTypes[target.name]?.grants = sorted }
            case .domain: catalog.domains[target.name]?.grants = sorted
            case .sequence: catalog.sequences[target.name]?.grants = sorted
            case .function, .procedure:
                if let key = catalog.functions.first(where: { $0.name == target.name && $0.identityArguments == target.arguments })?.key {
                    catalog.functions[key]?.grants = sorted
                }
            case .table: catalog.tables[target.name]?.grants = sorted
            case .view, .materializedView: catalog.views[target.name]?.grants = sorted
            }
        }
    }

    /// One privilege of one GRANT or REVOKE on an ACL, as the server does it: a grant adds (or adds the
    /// option to) what is held; REVOKE takes the privilege, or only its option, off the object and,
    /// when it names the object, off each of its columns too.
    private static func apply(_ operation: GrantOperation, grantee: String, privilege: String, column: String?, to list: inout [Grant]) {
        func matches(_ grant: Grant) -> Bool {
            grant.grantee == grantee && grant.privilege == privilege && (column == nil || grant.column == column)
        }
        if operation.isGrant {
            if let index = list.firstIndex(where: { $0.grantee == grantee && $0.privilege == privilege && $0.column == column }) {
                list[index].isGrantable = list[index].isGrantable || operation.grantOption
            } else {
                list.append(Grant(grantee: grantee, privilege: privilege, isGrantable: operation.grantOption, column: column))
            }
        } else if operation.grantOption {
            for index in list.indices where matches(list[index]) { list[index].isGrantable = false }
        } else {
            list.removeAll(where: matches)
        }
    }
}
