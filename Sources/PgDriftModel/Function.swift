/// A function or procedure, identified by its name and identity argument types.
public struct Function: CatalogObject {
    public enum Kind: String, Hashable, Codable, Sendable {
        case function, procedure, aggregate, window
    }

    public enum Volatility: String, Hashable, Codable, Sendable {
        case immutable = "IMMUTABLE", stable = "STABLE", volatile = "VOLATILE"
    }

    public enum Parallel: String, Hashable, Codable, Sendable {
        case safe = "SAFE", restricted = "RESTRICTED", unsafe = "UNSAFE"
    }

    public var name: QualifiedName
    public var kind: Kind
    /// The identity arguments (`pg_get_function_identity_arguments`), e.g. `p_id integer, p_name text`.
    public var identityArguments: String
    /// The full argument list with defaults (`pg_get_function_arguments`).
    public var arguments: String
    /// The result (`pg_get_function_result`), such as `trigger`, `SETOF record` or `TABLE(a integer)`;
    /// `nil` for a procedure.
    public var returnType: String?
    public var language: String
    /// The body as stored (`prosrc`).
    public var body: String
    public var volatility: Volatility
    public var isStrict: Bool
    public var isSecurityDefiner: Bool
    public var isLeakproof: Bool
    public var parallel: Parallel
    /// SET clauses such as `search_path=public`.
    public var configuration: [String]
    public var comment: String?
    public var grants: [Grant]

    public var key: FunctionKey { FunctionKey(name: name, identityArguments: identityArguments) }

    public init(
        name: QualifiedName, kind: Kind = .function, identityArguments: String = "", arguments: String? = nil,
        returnType: String?, language: String, body: String, volatility: Volatility = .volatile,
        isStrict: Bool = false, isSecurityDefiner: Bool = false, isLeakproof: Bool = false,
        parallel: Parallel = .unsafe, configuration: [String] = [], comment: String? = nil, grants: [Grant] = []
    ) {
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

/// What identifies a function: overloads differ in their identity arguments.
public struct FunctionKey: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public var name: QualifiedName
    public var identityArguments: String

    public init(name: QualifiedName, identityArguments: String) {
        self.name = name
        self.identityArguments = identityArguments
    }

    public static func < (lhs: FunctionKey, rhs: FunctionKey) -> Bool {
        (lhs.name, lhs.identityArguments) < (rhs.name, rhs.identityArguments)
    }

    public var description: String { "\(name)(\(identityArguments))" }
}
