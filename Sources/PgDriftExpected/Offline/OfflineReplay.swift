import PgDriftModel
import PgDriftSQL

/// Replays DDL statements into the model without a server, for the statements whose effect it can
/// reproduce exactly. Anything else stops the replay with `OfflineFallback`: the caller then builds the
/// whole source in a shadow database, so a statement the replay does not know never becomes a wrong
/// model.
struct OfflineReplay {
    var schemas: [String: Namespace] = ["public": Namespace(name: "public", comment: "standard public schema")]
    var enums: [QualifiedName: EnumType] = [:]
    var tables: [QualifiedName: Table] = [:]
    var sequences: [QualifiedName: SequenceObject] = [:]
    var domains: [QualifiedName: Domain] = [:]
    var compositeTypes: [QualifiedName: CompositeType] = [:]
    var functions: [FunctionKey: Function] = [:]
    var extensions: [String: Extension] = [:]
    /// The extensions each installed one requires (from its control file; DROP refuses to break them).
    var extensionRequires: [String: [String]] = [:]
    /// Operator classes installed by extensions, by qualified name, with the extension that owns each.
    var extensionOperatorClasses: [QualifiedName: (operatorClass: ExtensionFiles.OperatorClass, extension: String)] = [:]
    /// Types installed by extensions (`citext`, `hstore`), by qualified name, with the extension that owns each.
    var extensionTypes: [QualifiedName: String] = [:]
    /// Functions and operators installed by extensions, by qualified name, with the extension that owns each.
    var extensionFunctions: [QualifiedName: String] = [:]
    var extensionOperators: [QualifiedName: String] = [:]
    /// The members of the extensions this machine lacks, as the audited database has them (nil: no
    /// database to take them from).
    var liveExtensions: LiveExtensions?
    /// Extensions to treat as missing here even when their files are installed (tests).
    var unavailableExtensions: Set<String> = []
    /// The extensions whose members were taken from the database (name → `pg_net 0.7.1`, for the note
    /// that says so); a top-level call of one of their functions is passed over.
    var databaseExtensions: [String: String] = [:]
    /// Their types that take an integer modifier printed as written (`vector(1536)`: no typmod_out).
    var extensionTypesWithModifier: Set<QualifiedName> = []
    /// Extensions a migration creates that neither this machine nor the database has: the expected
    /// schema has them (the database is reported to lack them), and what cannot be read without them
    /// is left out and listed in `unread`.
    var unknownExtensions: Set<String> = []
    /// The statements left out for want of such an extension: `file:line: reason`.
    var unread: [String] = []
    /// pg_cron's jobs the migrations schedule, once they create pg_cron from the database; nil when
    /// unknown (no pg_cron, or a call whose arguments are not constants).
    var scheduledJobs: [ScheduledJob]?
    /// Calls of their functions passed over (`cron.schedule`), with how many, for the note.
    var passedOverCalls: [String: Int] = [:]
    /// The sequences behind identity columns: not in the model (they belong to their column), but their names are taken.
    var identitySequences: [QualifiedName: SequenceOwner] = [:]
    /// The key columns of each partitioned table.
    var partitionKeys: [QualifiedName: [String]] = [:]
    /// Names of the copies of a partitioned table's indexes on its partitions (left out of the model) → the partition.
    var partitionIndexNames: [QualifiedName: QualifiedName] = [:]
    /// The input argument types of each function (its identity for the server, whatever the names).
    var functionInputTypes: [FunctionKey: [String]] = [:]
    /// Index name (schema-wide) → its table.
    var indexOwners: [QualifiedName: QualifiedName] = [:]
    /// Constraint names in use per schema (the server numbers a made-up name that is taken).
    var constraintNames: [QualifiedName: Int] = [:]
    var searchPath = ["public"]
    /// What `RESET search_path` goes back to: PostgreSQL's default, or `--search-path`.
    var defaultSearchPath = ["public"]
    /// Keys and indexes of partitioned tables made with ONLY: not copied onto partitions; a partition's
    /// own one is attached to each later.
    var onlyParentIndexes: Set<QualifiedName> = []
    /// Functions a view's query calls (by name): dropping or renaming one is the server's to tell.
    var functionsCalledByViews: Set<QualifiedName> = []
    /// Statements skipped on purpose (DO blocks, DML, GRANT, SET), counted by kind.
    var skipped: [String: Int] = [:]
    /// Where each object was declared, kept alongside.
    var sourceMap = SourceMapRecorder()

    var views: [QualifiedName: View] = [:]
    /// Whether privileges are compared: GRANT and REVOKE are read (`OfflineReplay+Grants.swift`).
    var readsPrivileges = false
    /// Whether owners are compared: what says who owns what defers to the shadow database.
    var readsOwners = false
    /// The GRANT and REVOKE statements so far, resolved, applied by `applyGrants` at the end.
    var grantOperations: [GrantOperation] = []

    var file = ""
    var lines = ScriptLines("")
    var statementLocation = SourceLocation(file: "", line: 1)
    /// The current file's text and the current statement's byte range in it (a view keeps its query's text).
    var text: [UInt8] = []
    var statementRange = 0..<0

    /// Replays one file's statements, in order.
    mutating func replay(_ script: ParsedScript, file: String) throws {
        self.file = file
        lines = script.lines
        text = script.bytes
        var transaction = TransactionState()
        if script.statements.contains(where: { $0.tag == "TransactionStmt" }) { transaction.implicitStart = self }
        for statement in script.statements {
            statementLocation = SourceLocation(file: file, line: lines.line(ofByte: statement.offset))
            statementRange = statement.offset..<(statement.offset + statement.length)
            if statement.tag == "TransactionStmt" {
                try self.transaction(statement.node, &transaction)
                continue
            }
            do {
                transaction.implicitWork = true
                if let setting = searchPathSetting(statement) {
                    applySearchPath(setting)
                    skipped["SELECT", default: 0] += 1
                    continue
                }
                if let reason = deferralReason(statement.tag, statement.node) { throw fallback(reason) }
                recordExtensionCalls(statement.tag, statement.node)
                if readsOwners, let reason = ownerDeferral(statement.tag, statement.node) { throw fallback(reason) }
                if readsPrivileges {
                    if let reason = privilegeDeferral(statement.tag, statement.node) { throw fallback(reason) }
                    if statement.tag == "GrantStmt" {
                        try recordGrant(statement.node)
                        continue
                    }
                }
                if let skip = Self.skippedStatements[statement.tag] {
                    if statement.tag != "VariableSetStmt" || !isSearchPath(statement.node) {
                        skipped[skip, default: 0] += 1
                        continue
                    }
                }
                do {
                    try apply(statement.tag, statement.node)
                } catch let unsupported as UnsupportedExpression {
                    throw fallback("\(unsupported.what) is not read offline")
                }
                sourceMap.record(statement.tag, statement.node, at: statementLocation, file: file, lines: lines)
            } catch let fallback as OfflineFallback where !unknownExtensions.isEmpty {
                // An extension neither here nor in the database: no shadow database can read this
                // either, so it is left out, and said (`unread`), and the reading goes on.
                unread.append(fallback.description)
            }
        }
        // The next file would run inside it; the shadow database reads none of it.
        if transaction.blockStart != nil { throw fallback("a transaction left open at the end of the file") }
    }

    /// One line on what was skipped, if anything: `skipped 2 DO blocks, 1 INSERT (...)`.
    var skippedNote: String? {
        guard !skipped.isEmpty else { return nil }
        let counts = skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)\($0.value == 1 ? "" : "s")" }
        return "read offline; skipped " + counts.joined(separator: ", ") + " (no effect on the modelled schema)"
    }

    /// Statements that do not change the schema's shape, or change only what pgdrift does not model
    /// (DO blocks, queries and settings only once `deferralReason` found them inert).
    static let skippedStatements = [
        "DoStmt": "DO block", "InsertStmt": "INSERT", "UpdateStmt": "UPDATE", "DeleteStmt": "DELETE",
        "SelectStmt": "SELECT", "GrantStmt": "GRANT/REVOKE", "GrantRoleStmt": "GRANT/REVOKE of a role",
        "VariableSetStmt": "SET", "AlterOwnerStmt": "OWNER TO",
        "AlterDefaultPrivilegesStmt": "ALTER DEFAULT PRIVILEGES", "CreateRoleStmt": "CREATE ROLE",
        "AlterRoleStmt": "ALTER ROLE", "VacuumStmt": "VACUUM/ANALYZE", "CopyStmt": "COPY",
        "RefreshMatViewStmt": "REFRESH MATERIALIZED VIEW",
    ]

    func isSearchPath(_ node: ParseNode) -> Bool { node["name"]?.isString("search_path") == true }

    /// The model built so far.
    func catalog() -> Catalog {
        // Identity columns carry their sequence's name, which renames of the sequence followed.
        var tables = self.tables
        for (sequence, owner) in identitySequences {
            guard let index = tables[owner.table]?.columns.firstIndex(where: { $0.name == owner.column }) else { continue }
            tables[owner.table]?.columns[index].identity?.sequenceName = sequence.name
        }
        var catalog = Catalog(
            schemas: ObjectSet(schemas.values), extensions: ObjectSet(extensions.values), enums: ObjectSet(enums.values), domains: ObjectSet(domains.values),
            compositeTypes: ObjectSet(compositeTypes.values), sequences: ObjectSet(sequences.values),
            tables: ObjectSet(tables.values), views: ObjectSet(views.values), functions: ObjectSet(functions.values))
        catalog.scheduledJobs = scheduledJobs?.sorted()
        return catalog
    }

    mutating func apply(_ tag: String, _ node: ParseNode) throws {
        switch tag {
        case "VariableSetStmt": applySearchPath(node)
        case "CreateSchemaStmt": try createSchema(node)
        case "CreateStmt": try createTable(node)
        case "AlterTableStmt": try alterTable(node)
        case "IndexStmt": try createIndex(node)
        case "CreateSeqStmt": try createSequence(node)
        case "AlterSeqStmt": try alterSequence(node)
        case "CreatePolicyStmt": try createPolicy(node)
        case "AlterPolicyStmt": try alterPolicy(node)
        case "CreateFunctionStmt": try createFunction(node)
        case "AlterFunctionStmt": try alterFunction(node)
        case "CreateTrigStmt": try createTrigger(node)
        case "CreateEnumStmt": try createEnum(node)
        case "CreateDomainStmt": try createDomain(node)
        case "AlterDomainStmt": try alterDomain(node)
        case "CompositeTypeStmt": try createCompositeType(node)
        case "AlterEnumStmt": try alterEnum(node)
        case "CommentStmt": try comment(node)
        case "RenameStmt": try rename(node)
        case "DropStmt": try drop(node)
        case "CreateExtensionStmt": try createExtension(node)
        case "ViewStmt": try createView(node)
        case "CreateTableAsStmt": try createTableAs(node)
        default: throw fallback("\(Self.statementName(tag)) is not read offline")
        }
    }

    /// `CreateFunctionStmt` → `CREATE FUNCTION`, for the fallback note.
    static func statementName(_ tag: String) -> String {
        let known = [
            "CreateFunctionStmt": "CREATE FUNCTION", "ViewStmt": "CREATE VIEW", "CreateTrigStmt": "CREATE TRIGGER",
            "CreatePolicyStmt": "CREATE POLICY", "AlterPolicyStmt": "ALTER POLICY", "CreateSeqStmt": "CREATE SEQUENCE",
            "CreateExtensionStmt": "CREATE EXTENSION", "CreateDomainStmt": "CREATE DOMAIN",
            "CompositeTypeStmt": "CREATE TYPE AS", "CreateTableAsStmt": "CREATE TABLE AS / MATERIALIZED VIEW",
            "AlterSeqStmt": "ALTER SEQUENCE", "AlterFunctionStmt": "ALTER FUNCTION", "CreateStmt": "CREATE TABLE",
            "AlterTableStmt": "ALTER TABLE", "IndexStmt": "CREATE INDEX", "DropStmt": "DROP", "RenameStmt": "RENAME",
            "CommentStmt": "COMMENT", "CreateEnumStmt": "CREATE TYPE AS ENUM", "AlterEnumStmt": "ALTER TYPE",
            "CreateSchemaStmt": "CREATE SCHEMA", "GrantStmt": "GRANT/REVOKE", "CreateRoleStmt": "CREATE ROLE",
            "AlterOwnerStmt": "OWNER TO", "CallStmt": "CALL", "TruncateStmt": "TRUNCATE", "CopyStmt": "COPY",
            "CreateRangeStmt": "CREATE TYPE AS RANGE", "AlterExtensionStmt": "ALTER EXTENSION UPDATE",
            "AlterExtensionContentsStmt": "ALTER EXTENSION ADD/DROP",
        ]
        return known[tag] ?? tag
    }

    /// Stops the replay at the current statement.
    func fallback(_ reason: String) -> OfflineFallback {
        OfflineFallback(reason: reason, location: statementLocation)
    }

    // MARK: names

    mutating func applySearchPath(_ node: ParseNode) {
        if node["kind"]?.isString("VAR_SET_VALUE") == true {
            let path = (node["args"]?.elements ?? []).compactMap { $0.node("A_Const")?["sval"]?["sval"]?.string }
            searchPath = path.isEmpty ? defaultSearchPath : path
        } else {
            searchPath = defaultSearchPath
        }
    }

    /// The schema new unqualified objects go to: the first schema of the path that exists.
    func creationSchema() throws -> String {
        guard let schema = searchPath.first(where: { schemas[$0] != nil }) else {
            throw fallback("no schema of the search path exists")
        }
        return schema
    }

    func newName(schema: String?, name: String) throws -> QualifiedName {
        if let schema {
            guard schemas[schema] != nil else { throw fallback("schema \(schema) does not exist") }
            return QualifiedName(schema, name)
        }
        return QualifiedName(try creationSchema(), name)
    }

    /// A name that should exist, looked up along the search path when unqualified; nil if none.
    func existing(schema: String?, name: String, in exists: (QualifiedName) -> Bool) -> QualifiedName? {
        if let schema { return exists(QualifiedName(schema, name)) ? QualifiedName(schema, name) : nil }
        for schema in searchPath where exists(QualifiedName(schema, name)) { return QualifiedName(schema, name) }
        return nil
    }

    func existingTable(_ rangeVar: ParseNode) -> QualifiedName? {
        existing(schema: rangeVar["schemaname"]?.string, name: rangeVar["relname"]?.string ?? "") { tables[$0] != nil }
    }

    /// A dotted name list (`[schema,] name`) split into its parts.
    func parts(_ names: [String]) throws -> (schema: String?, name: String) {
        switch names.count {
        case 1: return (nil, names[0])
        case 2: return (names[0], names[1])
        default: throw fallback("a name with \(names.count) parts is not read offline")
        }
    }

    /// Whether a relation, index or constraint already uses a name in a schema.
    func isNameTaken(_ name: QualifiedName) -> Bool {
        tables[name] != nil || indexOwners[name] != nil || sequences[name] != nil || constraintNames[name, default: 0] > 0
            || compositeTypes[name] != nil || identitySequences[name] != nil || partitionIndexNames[name] != nil
            || views[name] != nil
    }

    func chooseName(schema: String, table: String, columns: [String], label: String) -> String {
        let base = ConstraintNaming.name(table: table, columns: columns, label: label)
        guard isNameTaken(QualifiedName(schema, base)) else { return base }
        var number = 1
        while isNameTaken(QualifiedName(schema, ConstraintNaming.name(table: table, columns: columns, label: label + String(number)))) {
            number += 1
        }
        return ConstraintNaming.name(table: table, columns: columns, label: label + String(number))
    }
}

/// Why the offline replay stopped: a statement it cannot reproduce exactly, where it is.
struct OfflineFallback: Error, CustomStringConvertible {
    var reason: String
    var location: SourceLocation
    var description: String { "\(location.file):\(location.line): \(reason)" }
}
