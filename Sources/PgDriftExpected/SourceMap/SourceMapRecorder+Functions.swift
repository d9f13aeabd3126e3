import PgDriftModel
import PgDriftSQL

/// A `CREATE FUNCTION` / `CREATE PROCEDURE` as written: its name and the types of its input arguments
/// (the ones that make its identity), spelled as the catalog prints them where the spelling is known.
struct FunctionDeclaration: Equatable {
    var schema: String
    var name: String
    /// One entry per IN, INOUT and VARIADIC argument; nil where the type is not known from the text
    /// (`%TYPE`), which then matches anything.
    var argumentTypes: [String?]
    var location: SourceLocation

    /// The latest declaration of `function`: same schema and name, the same number of identity
    /// arguments, and — when overloads remain — the same argument types.
    static func match(_ function: Function, in declarations: [FunctionDeclaration]) -> FunctionDeclaration? {
        let named = declarations.filter { $0.schema == function.name.schema && $0.name == function.name.name }
        // The printed identity lists OUT arguments too; a declaration's types are the input ones.
        let arguments = IdentityArguments.split(function.identityArguments).filter { !$0.hasPrefix("OUT ") }
        let counted = named.filter { $0.argumentTypes.count == arguments.count }
        let typed = counted.filter { declaration in
            zip(declaration.argumentTypes, arguments).allSatisfy { type, argument in
                type.map { IdentityArguments.argument(argument, hasType: $0) } ?? true
            }
        }
        return typed.last ?? (counted.count == 1 ? counted.last : nil)
    }

    /// Whether a `DROP` or `ALTER` naming `types` (nil: no argument list given) means this declaration.
    func isNamed(by types: [String?]?) -> Bool {
        guard let types else { return true }
        return types.count == argumentTypes.count && zip(types, argumentTypes).allSatisfy { a, b in
            a == nil || b == nil || a == b
        }
    }
}

/// The identity arguments as the catalog prints them: `a integer, VARIADIC b text[]`.
enum IdentityArguments {
    /// Splits at the commas between arguments (none inside parentheses or quoted names).
    static func split(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        var parts: [String] = []
        var current = ""
        var depth = 0
        var quoted = false
        for character in text {
            switch character {
            case "\"": quoted.toggle()
            case "(" where !quoted: depth += 1
            case ")" where !quoted: depth -= 1
            case "," where !quoted && depth == 0:
                parts.append(current.trimmingSpaces)
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        parts.append(current.trimmingSpaces)
        return parts
    }

    /// Whether one printed argument (`[mode] [name] type`) is of `type`.
    static func argument(_ argument: String, hasType type: String) -> Bool {
        argument == type || argument.hasSuffix(" " + type) || argument.hasSuffix("." + type)
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while scalars.first == " " { scalars.removeFirst() }
        while scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }
}

extension SourceMapRecorder {
    /// `CREATE [OR REPLACE] FUNCTION | PROCEDURE`: a later declaration of the same signature replaces
    /// the earlier one.
    mutating func recordFunction(_ node: ParseNode, at statement: SourceLocation) {
        let parts = node["funcname"]?.strings ?? []
        guard let name = parts.last else { return }
        let schema = parts.count >= 2 ? parts[parts.count - 2] : creationSchema
        var types: [String?] = []
        for parameter in node["parameters"]?.elements ?? [] {
            guard let parameter = parameter.node("FunctionParameter") else { continue }
            let mode = parameter["mode"]?.string ?? "FUNC_PARAM_DEFAULT"
            guard mode != "FUNC_PARAM_OUT" && mode != "FUNC_PARAM_TABLE" else { continue }
            types.append(parameter["argType"].flatMap(TypeNames.display))
        }
        let declaration = FunctionDeclaration(schema: schema, name: name, argumentTypes: types, location: statement)
        functions.removeAll { $0.schema == schema && $0.name == name && $0.argumentTypes == types }
        functions.append(declaration)
    }

    /// The declarations a `DROP FUNCTION` / `ALTER FUNCTION` names.
    private func declarations(namedBy target: ParseNode) -> (schema: String?, name: String, types: [String?]?)? {
        let parts = target["objname"]?.strings ?? []
        guard let name = parts.last else { return nil }
        let schema = parts.count >= 2 ? parts[parts.count - 2] : nil
        if target["args_unspecified"]?.bool == true { return (schema, name, nil) }
        let types = (target["objargs"]?.elements ?? []).map { $0.node("TypeName").flatMap(TypeNames.display) }
        return (schema, name, types)
    }

    mutating func dropFunction(_ target: ParseNode) {
        guard let (schema, name, types) = declarations(namedBy: target) else { return }
        functions.removeAll { ($0.schema == schema || schema == nil && searchPath.contains($0.schema)) && $0.name == name && $0.isNamed(by: types) }
    }

    mutating func renameFunction(_ target: ParseNode, to newName: String, at statement: SourceLocation) {
        guard let (schema, name, types) = declarations(namedBy: target) else { return }
        for i in functions.indices
        where (functions[i].schema == schema || schema == nil && searchPath.contains(functions[i].schema))
            && functions[i].name == name && functions[i].isNamed(by: types)
        {
            functions[i].name = newName
            functions[i].location = statement
        }
    }
}
