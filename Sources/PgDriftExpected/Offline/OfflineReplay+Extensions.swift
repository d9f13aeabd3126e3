import PgDriftModel
import PgDriftIntrospection
import PgDriftSQL

extension OfflineReplay {
    /// `CREATE EXTENSION [IF NOT EXISTS] name [SCHEMA s] [VERSION v] [CASCADE]`, read from the local
    /// server's extension files (the ones a shadow database would install from). The extension's own
    /// objects are not in the model (introspection leaves them out too); its operator classes are
    /// remembered for the indexes that name them.
    mutating func createExtension(_ node: ParseNode) throws {
        guard let statement = CreateExtensionStatement(node) else { throw fallback("CREATE EXTENSION without a name") }
        if let option = statement.unknownOption { throw fallback("CREATE EXTENSION with option \(option) is not read offline") }
        let name = statement.name
        // plpgsql is in every database from the start (and left out of the model, as introspection does).
        if extensions[name] != nil || name == "plpgsql" {
            if statement.ifNotExists { return }
            throw fallback("extension \(name) already exists")
        }
        try installExtension(name, schema: statement.schema, version: statement.version, cascade: statement.cascade)
    }

    private mutating func installExtension(_ name: String, schema requested: String?, version requestedVersion: String?, cascade: Bool) throws {
        guard let files = ExtensionFiles.local(), !unavailableExtensions.contains(name), let package = files.package(name) else {
            try installFromDatabase(name, schema: requested, version: requestedVersion)
            return
        }
        let schema: String
        if let fixed = package.fixedSchema {
            guard requested == nil || requested == fixed, schemas[fixed] != nil || fixed == "pg_catalog" else {
                throw fallback("extension \(name) must go to schema \(fixed)")
            }
            schema = fixed
        } else if let requested {
            guard schemas[requested] != nil else { throw fallback("schema \(requested) does not exist") }
            schema = requested
        } else {
            schema = try creationSchema()
        }
        for required in package.requires where extensions[required] == nil {
            // Without CASCADE the server refuses; its message comes from the shadow database.
            guard cascade else { throw fallback("extension \(name) requires \(required), which is not installed") }
            try installExtension(required, schema: requested, version: nil, cascade: true)
        }
        let version = requestedVersion ?? package.defaultVersion
        guard let scripts = files.installScripts(name, version: version) else {
            throw fallback("no install script for version \(version) of extension \(name)")
        }
        let objects: ExtensionFiles.Objects
        do { objects = try files.objects(scripts: scripts, schema: schema) } catch {
            throw fallback("the install scripts of extension \(name) do not parse: \(error)")
        }
        for operatorClass in objects.operatorClasses {
            extensionOperatorClasses[QualifiedName(schema, operatorClass.name)] = (operatorClass, name)
        }
        for function in objects.functions { extensionFunctions[QualifiedName(schema, function)] = name }
        for op in objects.operators { extensionOperators[QualifiedName(schema, op)] = name }
        for type in objects.types {
            guard !isUserType(QualifiedName(schema, type)) else { throw fallback("type \(schema).\(type) of extension \(name) already exists") }
            extensionTypes[QualifiedName(schema, type)] = name
        }
        extensions[name] = Extension(name: name, schema: schema, version: version)
        extensionRequires[name] = package.requires
    }

    /// An extension this machine does not have (pg_net, pgvector, pg_cron …), read from the audited
    /// database, which has it: its types, functions, operators and operator classes, by name, as
    /// `installExtension` reads them from the install scripts. What the expected schema says about the
    /// extension itself is what the statement says: its schema, and its version only when given.
    private mutating func installFromDatabase(_ name: String, schema requested: String?, version: String?) throws {
        guard let liveExtensions else {
            throw fallback("extension \(name) is not available on this machine, and there is no database to read it from")
        }
        let all: [String: ExtensionMembers]
        do { all = try liveExtensions.members() } catch {
            throw fallback("extension \(name) is not available on this machine, and the database could not be read (\(error))")
        }
        guard let members = all[name] else {
            // Drift to report (the database lacks it), not a reason to stop: the reading goes on without it.
            extensions[name] = Extension(name: name, schema: try requested ?? creationSchema(), version: version ?? "")
            unknownExtensions.insert(name)
            return
        }
        let schema: String
        if let requested {
            guard schemas[requested] != nil else { throw fallback("schema \(requested) does not exist") }
            schema = requested
        } else if members.isRelocatable {
            schema = try creationSchema()
        } else {
            // Its control file may fix its schema, which only the database shows.
            schema = members.schema
        }
        // A relocatable extension's members are in its schema, wherever that is.
        func placed(_ member: QualifiedName) -> QualifiedName {
            members.isRelocatable && member.schema == members.schema ? QualifiedName(schema, member.name) : member
        }
        for operatorClass in members.operatorClasses {
            let qualified = placed(operatorClass.name)
            var served = operatorClass.type
            if let typeSchema = served.schema { served.schema = placed(QualifiedName(typeSchema, served.name)).schema }
            extensionOperatorClasses[qualified] = (
                ExtensionFiles.OperatorClass(name: qualified.name, method: operatorClass.method, type: served, isDefault: operatorClass.isDefault),
                name)
        }
        for function in members.functions { extensionFunctions[placed(function)] = name }
        for op in members.operators { extensionOperators[placed(op)] = name }
        for type in members.types {
            let qualified = placed(type)
            guard !isUserType(qualified) else { throw fallback("type \(qualified) of extension \(name) already exists") }
            extensionTypes[qualified] = name
            if members.typesWithModifier.contains(type) { extensionTypesWithModifier.insert(qualified) }
        }
        databaseExtensions[name] = members.description
        if name == "pg_cron" { scheduledJobs = [] }
        extensions[name] = Extension(name: name, schema: schema, version: version ?? "")
        extensionRequires[name] = []
    }

    /// `DROP EXTENSION`: allowed while no index uses one of its operator classes (the server would
    /// refuse, or drop the index with CASCADE).
    mutating func dropExtension(_ name: String, missingOK: Bool) throws {
        guard name != "plpgsql" else { throw fallback("dropping extension plpgsql is not read offline") }
        guard extensions[name] != nil else {
            if missingOK { return }
            throw fallback("extension \(name) does not exist")
        }
        let owned = Set(extensionOperatorClasses.filter { $0.value.extension == name }.keys)
        let used = tables.values.contains { table in
            table.indexes.contains { index in index.keys.contains { $0.operatorClass.map(owned.contains) == true } }
        }
        guard !used else { throw fallback("dropping extension \(name), whose operator classes an index uses") }
        for (type, owner) in extensionTypes where owner == name {
            guard !isTypeUsed(type) else { throw fallback("dropping extension \(name), whose type \(type) is in use") }
        }
        extensionTypes = extensionTypes.filter { $0.value != name }
        for (function, owner) in extensionFunctions where owner == name && expressionsCall(function) {
            throw fallback("dropping extension \(name), whose function \(function) an expression calls")
        }
        extensionFunctions = extensionFunctions.filter { $0.value != name }
        extensionOperators = extensionOperators.filter { $0.value != name }
        guard !extensionRequires.values.contains(where: { $0.contains(name) }) else {
            throw fallback("dropping extension \(name), which another extension requires")
        }
        for key in owned { extensionOperatorClasses[key] = nil }
        extensions[name] = nil
        extensionRequires[name] = nil
    }

    /// An operator class of an installed extension, by the name an index key gives (qualified or looked
    /// up along the search path); nil when no extension has it.
    func extensionOperatorClass(schema: String?, name: String) -> (QualifiedName, ExtensionFiles.OperatorClass)? {
        guard let found = existing(schema: schema, name: name, in: { extensionOperatorClasses[$0] != nil }),
            let entry = extensionOperatorClasses[found]
        else { return nil }
        return (found, entry.operatorClass)
    }
}
