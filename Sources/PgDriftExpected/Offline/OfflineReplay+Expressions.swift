import PgDriftModel
import PgDriftSQL

/// Expressions of defaults, generated columns, checks, index keys and predicates, policies, trigger
/// conditions and domains, written as the server prints them: every function, operator and type name
/// resolved against the model and the search path in effect at the statement, and written qualified
/// unless it is pg_catalog's — exactly what `pg_get_expr` prints with an empty search_path. A name that
/// cannot be resolved with certainty (a call that could mean a built-in or a user function, an
/// operator an extension may define for its types, a cast to a reg type) makes the reader defer to the
/// shadow database. The diff compares names as identities, so a qualifier is never stripped to make
/// two expressions equal.
extension OfflineReplay {
    /// An expression's SQL with its names resolved, or `UnsupportedExpression` (the replay falls back).
    /// `column` gives the columns the expression may read (its table's, a domain's VALUE), for the
    /// forms whose stored shape depends on a type.
    func expressionSQL(_ node: ParseNode, column: (String) -> Column? = { _ in nil }) throws -> String {
        // The server drops a cast to the type an expression already has (`(1 + 2)::integer` prints as
        // `(1 + 2)`) and keeps any other; without the expression's type only a constant's or a column's
        // cast (which the comparison treats as spelling) is known to read the same.
        for cast in node.descendants("TypeCast") where !(cast["arg"].map(ExpressionMeaning.castIsSpelling) ?? true) {
            throw UnsupportedExpression(what: "a cast of an expression other than a constant or a column")
        }
        // The server stores `x IN (a, b)` as `x = ANY (ARRAY[a, b])` when x's type has an array type,
        // and as `x = a OR x = b` when it is an array itself (or a domain over one): only the type of a
        // column read here is known.
        for list in node.descendants("A_Expr") where list["kind"]?.isString("AEXPR_IN") == true {
            guard (list["rexpr"]?.node("List")?["items"]?.elements.count ?? 0) > 1 else { continue }
            let name = list["lexpr"]?.node("ColumnRef")?["fields"]?.strings.last
            guard let type = name.flatMap(column)?.type, !isArrayLike(type) else {
                throw UnsupportedExpression(what: "an IN list on a value that may be an array")
            }
        }
        return try ExpressionText.sql(node, names: expressionNames)
    }

    /// Whether a type is an array, or a domain over one (which has no array type of its own to compare with).
    func isArrayLike(_ type: DataType) -> Bool {
        if type.isArray { return true }
        guard let schema = type.schema, let domain = domains[QualifiedName(schema, type.name)] else { return false }
        return isArrayLike(domain.baseType)
    }

    /// The model's resolution of the names an expression uses, as of this statement.
    var expressionNames: ExpressionNames {
        let model = self
        return ExpressionNames(
            function: { written, _ in try model.printedFunction(written) },
            operator: { try model.printedOperator($0) },
            type: { try model.printedType($0) })
    }

    /// The schemas holding a function of the migrations, or of an installed extension, called `name`.
    func functionSchemas(named name: String) -> Set<String> {
        var found = Set(functions.keys.lazy.filter { $0.name.name == name }.map(\.name.schema))
        for function in extensionFunctions.keys where function.name == name { found.insert(function.schema) }
        return found
    }

    /// A function's name as the server prints it after resolving it: bare for pg_catalog's, else
    /// qualified. Unqualified, it is pg_catalog's when only pg_catalog has that name along the path
    /// (pg_catalog is searched first), the one schema's that has it otherwise; a name both a built-in
    /// and a function of the path has (overloads are chosen by argument types) is not resolved here.
    func printedFunction(_ written: [String]) throws -> [String] {
        let (schema, name) = try parts(written)
        let schemas = functionSchemas(named: name)
        let builtin = BuiltinNames.functions.contains(name)
        switch schema {
        case "pg_catalog"?:
            guard builtin else { throw UnsupportedExpression(what: "a call of pg_catalog.\(name), which PostgreSQL 15 does not have") }
            return [name]
        case let schema?:
            guard schemas.contains(schema) else {
                throw UnsupportedExpression(what: "a call of \(schema).\(name), which the migrations do not create")
            }
            return [schema, name]
        case nil:
            let visible = searchPath.filter(schemas.contains)
            if builtin {
                guard visible.isEmpty else {
                    throw UnsupportedExpression(what: "a call of \(name), both a built-in function and one of schema \(visible[0])")
                }
                return [name]
            }
            guard visible.count == 1 else {
                throw UnsupportedExpression(what: "a call of \(name), which \(visible.isEmpty ? "no schema of the search path has" : "several schemas of the search path have")")
            }
            return [visible[0], name]
        }
    }

    /// An operator as the server prints it: a built-in one, bare, when no installed extension on the
    /// search path defines one of that name (which the operands' types would choose); others are refused.
    func printedOperator(_ written: [String]) throws -> [String] {
        let (schema, name) = try parts(written)
        guard schema == nil || schema == "pg_catalog", BuiltinNames.operators.contains(name) else {
            throw UnsupportedExpression(what: "the operator \(written.joined(separator: "."))")
        }
        if schema == nil, let owner = extensionOperators.first(where: { $0.key.name == name && searchPath.contains($0.key.schema) }) {
            throw UnsupportedExpression(what: "the operator \(name), which extension \(owner.value) also defines")
        }
        return [name]
    }

    /// A cast's type as `format_type` prints it: built-ins by their SQL names, others qualified. The reg
    /// types are refused: their constants are names the server resolves and prints qualified.
    func printedType(_ typeName: ParseNode) throws -> String {
        let names = typeName["names"]?.strings ?? []
        if let last = names.last, names.count == 1 || names.first == "pg_catalog", last.hasPrefix("reg") {
            throw UnsupportedExpression(what: "a cast to \(last)")
        }
        return try dataType(typeName).sql
    }

    /// Whether an expression of the model calls `function` (the server refuses to drop it, and prints
    /// a renamed one by its new name).
    func expressionsCall(_ function: QualifiedName) -> Bool {
        var texts: [String] = []
        for table in tables.values {
            for column in table.columns { texts += [column.defaultExpression, column.generatedExpression].compactMap { $0 } }
            texts += table.constraints.compactMap(\.expression)
            for index in table.indexes { texts += index.keys.compactMap(\.expression) + [index.predicate].compactMap { $0 } }
            for policy in table.policies { texts += [policy.using, policy.withCheck].compactMap { $0 } }
            texts += table.triggers.compactMap(\.when)
        }
        for domain in domains.values { texts += [domain.defaultExpression].compactMap { $0 } + domain.checks.map(\.expression) }
        let qualified = [function.schema, function.name]
        return texts.contains { text in
            guard let script = try? ParsedScript("SELECT " + text) else { return true }
            return script.statements.contains { statement in
                statement.node.descendants("FuncCall").contains { call in
                    let names = call["funcname"]?.strings ?? []
                    return names == qualified || function.schema == "pg_catalog" && names == [function.name]
                }
            }
        }
    }
}
