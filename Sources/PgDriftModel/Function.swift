/// A function or procedure, identified by its name and identity argument types.
public struct Function: CatalogObject {
    /// Which kind of routine it is (`prokind`): a function, a procedure, an aggregate or a window function.
    public enum Kind: String, Hashable, Codable, Sendable {
        case function, procedure, aggregate, window
    }

    /// IMMUTABLE, STABLE or VOLATILE (the default); the raw value is the SQL keyword.
    public enum Volatility: String, Hashable, Codable, Sendable {
        case immutable = "IMMUTABLE", stable = "STABLE", volatile = "VOLATILE"
    }

    /// PARALLEL SAFE, RESTRICTED or UNSAFE (the default); the raw value is the SQL keyword.
    public enum Parallel: String, Hashable, Codable, Sendable {
        case safe = "SAFE", restricted = "RESTRICTED", unsafe = "UNSAFE"
    }

    /// Schema-qualified raw name; overloads share it and differ in `identityArguments`.
    public var name: QualifiedName
    /// Function, procedure, aggregate or window function.
    public var kind: Kind
    /// The identity arguments (`pg_get_function_identity_arguments`), e.g. `p_id integer, p_name text`.
    public var identityArguments: String
    /// The full argument list with defaults (`pg_get_function_arguments`).
    public var arguments: String
    /// The result (`pg_get_function_result`), such as `trigger`, `SETOF record` or `TABLE(a integer)`;
    /// `nil` for a procedure.
    public var returnType: String?
    /// The language name from `pg_language`, such as `plpgsql` or `sql`.
    public var language: String
    /// The body as stored (`prosrc`); empty for a SQL-standard body.
    public var body: String
    /// A SQL-standard body (`RETURN expr`, `BEGIN ATOMIC ... END`) as `pg_get_function_sqlbody` prints
    /// it — parsed and stored by the server as a tree (`prosqlbody`), its names resolved —; nil for a
    /// body given as a string.
    public var sqlBody: String?
    /// The declared volatility.
    public var volatility: Volatility
    /// STRICT (RETURNS NULL ON NULL INPUT).
    public var isStrict: Bool
    /// SECURITY DEFINER: runs with the owner's privileges.
    public var isSecurityDefiner: Bool
    /// LEAKPROOF.
    public var isLeakproof: Bool
    /// The declared parallel safety.
    public var parallel: Parallel
    /// SET clauses such as `search_path=public`.
    public var configuration: [String]
    /// `COST`: the planner's estimate of the execution cost, when it is not the language's default (1 for
    /// C and internal functions, 100 for the others); nil for the default.
    public var cost: Double?
    /// `ROWS`: the planner's estimate of the rows a set-returning function returns, when not 1000; nil
    /// for the default.
    public var rows: Double?
    /// `SUPPORT f`: the planner support function (`prosupport`), schema-qualified; nil for none.
    public var support: QualifiedName?
    /// COMMENT ON FUNCTION or PROCEDURE.
    public var comment: String?
    /// Privileges, filled only when privileges are compared.
    public var grants: [Grant]

    /// The function's identity: its name and identity arguments.
    public var key: FunctionKey { FunctionKey(name: name, identityArguments: identityArguments) }

    /// Creates a function from its parts; `arguments` defaults to `identityArguments`.
    public init(
        name: QualifiedName, kind: Kind = .function, identityArguments: String = "", arguments: String? = nil,
        returnType: String?, language: String, body: String, volatility: Volatility = .volatile,
        isStrict: Bool = false, isSecurityDefiner: Bool = false, isLeakproof: Bool = false,
        parallel: Parallel = .unsafe, configuration: [String] = [], comment: String? = nil, grants: [Grant] = [],
        sqlBody: String? = nil, cost: Double? = nil, rows: Double? = nil, support: QualifiedName? = nil
    ) {
        self.support = support
        self.sqlBody = sqlBody
        self.cost = cost
        self.rows = rows
        self.name = name
        self.kind = kind
        self.identityArguments = identityArguments
        self.arguments = arguments ?? identityArguments
        self.returnType = returnType
        self.language = language
        self.body = body
        self.volatility = volatility
        self.isStrict = isStrict
        self.isSecurityDefiner = isSecurityDefiner
        self.isLeakproof = isLeakproof
        self.parallel = parallel
        self.configuration = configuration
        self.comment = comment
        self.grants = grants
    }
}

extension Function {
    /// A COST or ROWS estimate as PostgreSQL keeps it (`float4`): the readers round through `Float`, so
    /// the catalog's value and the one written in SQL compare equal.
    public static func estimate(_ value: Double) -> Double { Double(Float(value)) }

    /// An estimate as SQL writes it: `50`, `0.5`.
    public static func estimateSQL(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : Float(value).description
    }
}

/// What identifies a function: overloads differ in their identity arguments.
public struct FunctionKey: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// Schema-qualified raw name of the function.
    public var name: QualifiedName
    /// The identity arguments (`pg_get_function_identity_arguments`), e.g. `p_id integer, p_name text`.
    public var identityArguments: String

    /// Creates a key from a function's name and identity arguments.
    public init(name: QualifiedName, identityArguments: String) {
        self.name = name
        self.identityArguments = identityArguments
    }

    /// Orders by name, then by identity arguments.
    public static func < (lhs: FunctionKey, rhs: FunctionKey) -> Bool {
        (lhs.name, lhs.identityArguments) < (rhs.name, rhs.identityArguments)
    }

    /// The function as SQL would spell its signature, such as `public.f(p_id integer)`.
    public var description: String { "\(name)(\(identityArguments))" }
}
