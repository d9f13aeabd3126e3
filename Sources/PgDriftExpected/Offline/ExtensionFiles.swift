import Foundation
import PgDriftModel
import PgDriftServer
import PgDriftSQL

/// What `CREATE EXTENSION` would install, read from the local PostgreSQL's extension files — the same
/// files the shadow database would use: the control file (default version, fixed schema, required
/// extensions) and the install scripts (the operator classes an index may name, the types a column may have).
struct ExtensionFiles {
    /// `<sharedir>/extension`.
    let directory: String

    /// One extension as its files describe it.
    struct Package {
        var defaultVersion: String
        /// The schema a non-relocatable extension always goes to (`schema = pg_catalog`).
        var fixedSchema: String?
        var requires: [String]
    }

    /// An operator class an extension's script creates.
    struct OperatorClass: Equatable {
        var name: String
        var method: String
        var type: DataType
        var isDefault: Bool
    }

    /// The local server's extension directory, or nil when no PostgreSQL is installed; looked up once
    /// (it runs `pg_config`).
    static func local() -> ExtensionFiles? { located }

    private static let located: ExtensionFiles? = {
        guard let share = try? PostgresBinaries.locate().shareDirectory() else { return nil }
        return ExtensionFiles(directory: share + "/extension")
    }()

    /// The control file of `name`, or nil when the extension is not installed here.
    func package(_ name: String) -> Package? {
        guard let text = try? String(contentsOfFile: "\(directory)/\(name).control", encoding: .utf8) else { return nil }
        let settings = Self.controlSettings(text)
        guard let version = settings["default_version"] else { return nil }
        let requires = (settings["requires"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return Package(defaultVersion: version, fixedSchema: settings["schema"], requires: requires)
    }

    /// `key = value` lines, `#` comments, values optionally in single quotes (the server's
    /// configuration-file syntax, which control files use).
    static func controlSettings(_ text: String) -> [String: String] {
        var settings: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let content = line.trimmingCharacters(in: .whitespaces)
            guard !content.hasPrefix("#"), let equals = content.firstIndex(of: "=") else { continue }
            let key = content[..<equals].trimmingCharacters(in: .whitespaces)
            var value = content[content.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("'"), let close = value.dropFirst().firstIndex(of: "'") {
                value = String(value[value.index(after: value.startIndex)..<close]).replacingOccurrences(of: "''", with: "'")
            } else if let comment = value.firstIndex(of: "#") {
                value = value[..<comment].trimmingCharacters(in: .whitespaces)
            }
            settings[key] = value
        }
        return settings
    }

    /// The scripts that install `version`, in order: its own install script, or the shortest chain of
    /// update scripts from another version's install script (as the server chooses); nil if none.
    func installScripts(_ name: String, version: String) -> [String]? {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let prefix = name + "--"
        var bases: [String] = []
        var updates: [String: [String]] = [:]
        for file in files where file.hasPrefix(prefix) && file.hasSuffix(".sql") {
            let versions = file.dropFirst(prefix.count).dropLast(4).components(separatedBy: "--")
            if versions.count == 1 { bases.append(versions[0]) }
            if versions.count == 2 { updates[versions[0], default: []].append(versions[1]) }
        }
        func script(_ versions: String...) -> String { "\(directory)/\(name)--\(versions.joined(separator: "--")).sql" }
        if bases.contains(version) { return [script(version)] }
        var best: [String]?
        for base in bases.sorted() {
            // Breadth first: the first path found is a shortest one.
            var previous: [String: String] = [base: base]
            var queue = [base]
            while !queue.isEmpty, previous[version] == nil {
                let from = queue.removeFirst()
                for to in updates[from] ?? [] where previous[to] == nil {
                    previous[to] = from
                    queue.append(to)
                }
            }
            guard previous[version] != nil else { continue }
            var chain = [version]
            while chain[0] != base { chain.insert(previous[chain[0]]!, at: 0) }
            let scripts = [script(base)] + zip(chain, chain.dropFirst()).map { script($0, $1) }
            if best == nil || scripts.count < best!.count { best = scripts }
        }
        return best
    }

    /// What an extension's scripts create that migrations may name: operator classes (for indexes)
    /// and types (for columns and arguments).
    struct Objects {
        var operatorClasses: [OperatorClass] = []
        var types: Set<String> = []
        /// Functions and operators by name (an expression may call or use them).
        var functions: Set<String> = []
        var operators: Set<String> = []
    }

    /// The objects the scripts create, their `@extschema@` set to `schema` as the server does. The
    /// `\echo ... \quit` line (which stops psql from running a script by hand) is blanked first, as
    /// the server removes it.
    func objects(scripts: [String], schema: String) throws -> Objects {
        var found = Objects()
        for path in scripts {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let sql = PsqlMetaCommands.blanked(text).replacingOccurrences(of: "@extschema@", with: SQLQuote.identifier(schema))
            for statement in try ParsedScript(sql).statements {
                let node = statement.node
                switch statement.tag {
                case "CreateOpClassStmt":
                    guard let name = node["opclassname"]?.strings.last, let method = node["amname"]?.string,
                        let typeName = node["datatype"]?["names"]?.strings.last
                    else { continue }
                    found.operatorClasses.append(OperatorClass(
                        name: name, method: method, type: DataType(OfflineReplay.builtinTypes[typeName] ?? typeName),
                        isDefault: node["isDefault"]?.bool == true))
                case "CreateFunctionStmt":
                    if let name = node["funcname"]?.strings.last { found.functions.insert(name) }
                case "DefineStmt" where node["kind"]?.isString("OBJECT_OPERATOR") == true:
                    if let name = node["defnames"]?.strings.last { found.operators.insert(name) }
                case "DefineStmt" where node["kind"]?.isString("OBJECT_TYPE") == true:
                    if let name = node["defnames"]?.strings.last { found.types.insert(name) }
                case "CreateDomainStmt":
                    if let name = node["domainname"]?.strings.last { found.types.insert(name) }
                case "CreateEnumStmt":
                    if let name = node["typeName"]?.strings.last { found.types.insert(name) }
                case "CompositeTypeStmt":
                    if let name = node["typevar"]?["relname"]?.string { found.types.insert(name) }
                default: continue
                }
            }
        }
        return found
    }
}
