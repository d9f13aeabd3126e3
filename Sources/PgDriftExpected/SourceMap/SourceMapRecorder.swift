import PgDriftModel
import PgDriftSQL

/// Where each object of a set of SQL migrations was declared, read from PostgreSQL's parse tree
/// statement by statement, in the order the files run.
///
/// The location kept is the last statement that created or changed the object, because that is where
/// a person fixes it: a column points at its `CREATE TABLE` element, or at the later `ALTER TABLE ...
/// ALTER COLUMN` / `RENAME COLUMN` that last touched it; a table at the statement that gave it its
/// current name (`CREATE TABLE`, or a later `RENAME TO`). `IF NOT EXISTS` on an object that exists
/// keeps the first declaration, as the server does.
package struct SourceMapRecorder {
    /// A table, view or materialized view and the objects that live on it.
    struct RelationSources {
        var kind: ObjectKind
        var location: SourceLocation
        var members: [MemberKey: SourceLocation] = [:]
    }

    struct MemberKey: Hashable {
        var kind: ObjectKind
        var name: String
    }

    var relations: [QualifiedName: RelationSources] = [:]
    /// Indexes (and the indexes behind keys) by their schema-wide name → their table.
    var indexOwners: [QualifiedName: QualifiedName] = [:]
    /// Constraint names in use per schema → their table (PostgreSQL avoids them when it makes a name).
    var constraintOwners: [QualifiedName: QualifiedName] = [:]
    /// Schemas, enums, domains, composite types and sequences.
    var standalone: [ObjectID: SourceLocation] = [:]
    var functions: [FunctionDeclaration] = []
    /// `SET search_path`; objects without a schema are created in the first entry.
    var searchPath = ["public"]

    var file = ""
    var lines = ScriptLines("")

    /// Creates an empty recorder whose `search_path` is `public`.
    package init() {}

    /// Records every statement of `script`, read from `file` (the path as the user gave it).
    package mutating func record(_ script: ParsedScript, file: String) {
        self.file = file
        lines = script.lines
        for statement in script.statements {
            record(statement.tag, statement.node, at: location(ofByte: statement.offset))
        }
    }

    /// Records one statement of `file` (for a caller that walks the statements itself).
    mutating func record(_ tag: String, _ node: ParseNode, at statement: SourceLocation, file: String, lines: ScriptLines) {
        self.file = file
        self.lines = lines
        record(tag, node, at: statement)
    }

    /// The source map for a catalog loaded from the same files: function keys are completed from the
    /// catalog's identity arguments, since the text the server prints cannot be rebuilt from the file.
    package func sources(for catalog: Catalog) -> [ObjectID: SourceLocation] {
        var result = standalone
        result.reserveCapacity(standalone.count + functions.count + relations.values.reduce(0) { $0 + 1 + $1.members.count })
        for (name, relation) in relations {
            result[ObjectID(kind: relation.kind, schema: name.schema, name: name.name)] = relation.location
            for (member, location) in relation.members {
                result[ObjectID(kind: member.kind, schema: name.schema, relation: name.name, name: member.name)] = location
            }
        }
        for function in catalog.functions {
            if let declaration = FunctionDeclaration.match(function, in: functions) {
                result[ObjectID(kind: .function, schema: function.name.schema, name: "\(function.name.name)(\(function.identityArguments))")] = declaration.location
            }
        }
        return result
    }

    func location(ofByte offset: Int) -> SourceLocation {
        SourceLocation(file: file, line: lines.line(ofByte: offset))
    }

    /// The location of a node's `location` member, or `fallback` when the parser recorded none.
    func location(of node: ParseNode?, or fallback: SourceLocation) -> SourceLocation {
        guard let offset = node?.location else { return fallback }
        return location(ofByte: offset)
    }

    mutating func record(_ tag: String, _ node: ParseNode, at statement: SourceLocation) {
        switch tag {
        case "VariableSetStmt": recordSet(node)
        case "CreateSchemaStmt": recordCreateSchema(node, at: statement)
        case "CreateStmt": recordCreateTable(node, at: statement)
        case "AlterTableStmt": recordAlterTable(node, at: statement)
        case "IndexStmt": recordCreateIndex(node, at: statement)
        case "CreateEnumStmt", "CreateDomainStmt", "CompositeTypeStmt", "AlterEnumStmt", "CreateSeqStmt":
            recordType(tag, node, at: statement)
        case "ViewStmt", "CreateTableAsStmt": recordView(tag, node, at: statement)
        case "CreateFunctionStmt": recordFunction(node, at: statement)
        case "CreateTrigStmt": recordTrigger(node, at: statement)
        case "CreatePolicyStmt", "AlterPolicyStmt": recordPolicy(node, at: statement)
        case "RenameStmt": recordRename(node, at: statement)
        case "AlterObjectSchemaStmt": recordSetSchema(node)
        case "DropStmt": recordDrop(node)
        case "DefineStmt", "CreateOpClassStmt", "CreateOpFamilyStmt", "RuleStmt", "CreateStatsStmt", "CreatePublicationStmt",
            "CreateEventTrigStmt", "CreateFdwStmt", "CreateForeignServerStmt", "CreateForeignTableStmt":
            recordDefinedObject(tag, node, at: statement)
        default: break
        }
    }

    /// `SET search_path TO a, b` (and `SET LOCAL`); `RESET search_path` goes back to the default.
    mutating func recordSet(_ node: ParseNode) {
        guard node["name"]?.isString("search_path") == true else { return }
        if node["kind"]?.isString("VAR_SET_VALUE") == true {
            let path = (node["args"]?.elements ?? []).compactMap { $0.node("A_Const")?["sval"]?["sval"]?.string }
            searchPath = path.isEmpty ? ["public"] : path
        } else {
            searchPath = ["public"]
        }
    }

    /// The schema new unqualified objects go to: the first schema of the search path that names one.
    var creationSchema: String {
        searchPath.first { $0 != "$user" && $0 != "pg_temp" && $0 != "pg_catalog" } ?? "public"
    }

    /// A relation named by a `RangeVar` that is being created.
    func newRelationName(_ rangeVar: ParseNode) -> QualifiedName {
        QualifiedName(rangeVar["schemaname"]?.string ?? creationSchema, rangeVar["relname"]?.string ?? "")
    }

    /// A relation named by a `RangeVar` that should exist: an unqualified name is looked up along the
    /// search path, as the server does.
    func existingRelationName(_ rangeVar: ParseNode) -> QualifiedName {
        let name = rangeVar["relname"]?.string ?? ""
        if let schema = rangeVar["schemaname"]?.string { return QualifiedName(schema, name) }
        return resolve(name) { relations[$0] != nil || indexOwners[$0] != nil }
    }

    /// A name from a dotted list (`[schema,] name`), resolved along the search path when unqualified.
    func resolveList(_ parts: [String], exists: (QualifiedName) -> Bool) -> QualifiedName? {
        switch parts.count {
        case 1: return resolve(parts[0], exists: exists)
        case 2...: return QualifiedName(parts[parts.count - 2], parts[parts.count - 1])
        default: return nil
        }
    }

    func resolve(_ name: String, exists: (QualifiedName) -> Bool) -> QualifiedName {
        for schema in searchPath where exists(QualifiedName(schema, name)) { return QualifiedName(schema, name) }
        return QualifiedName(creationSchema, name)
    }

    /// Whether a name is taken in a schema by a relation, index or constraint (PostgreSQL then numbers
    /// the name it makes up: `t_a_key1`).
    func isNameTaken(_ name: QualifiedName) -> Bool {
        relations[name] != nil || indexOwners[name] != nil || constraintOwners[name] != nil
            || standalone[ObjectID(kind: .sequence, schema: name.schema, name: name.name)] != nil
    }

    /// PostgreSQL's made-up name, numbered when taken (`ChooseRelationName`, `ChooseConstraintName`).
    func chooseName(schema: String, table: String, columns: [String], label: String) -> String {
        let base = ConstraintNaming.name(table: table, columns: columns, label: label)
        guard isNameTaken(QualifiedName(schema, base)) else { return base }
        var number = 1
        while true {
            let candidate = ConstraintNaming.name(table: table, columns: columns, label: label + String(number))
            if !isNameTaken(QualifiedName(schema, candidate)) { return candidate }
            number += 1
        }
    }
}
