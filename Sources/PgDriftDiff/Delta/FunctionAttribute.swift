import PgDriftModel

/// What can differ between two versions of a function or procedure with the same name and identity
/// arguments. (Its grants are compared as privileges.)
public enum FunctionAttribute: String, ChangeAttribute {
    case kind, arguments, returnType, language, body, volatility, strictness, securityDefiner, leakproof
    case parallel, settings, cost, rows, support, comment

    /// How `function_mismatch` names it.
    public var label: String {
        switch self {
        case .returnType: "return type"
        case .securityDefiner: "security definer"
        case .parallel: "parallel safety"
        case .support: "support function"
        case .kind, .arguments, .language, .body, .volatility, .strictness, .leakproof, .settings, .cost, .rows, .comment:
            rawValue
        }
    }

    /// Whether CREATE OR REPLACE cannot make the change (the function is dropped and created again).
    public var needsReplacement: Bool {
        switch self {
        case .kind, .arguments, .returnType: true
        case .language, .body, .volatility, .strictness, .securityDefiner, .leakproof, .parallel, .settings, .cost, .rows,
            .support, .comment:
            false
        }
    }

    /// The attributes that differ between two versions of a function.
    static func changed(_ want: Function, _ have: Function, comments: Bool) -> Set<FunctionAttribute> {
        FunctionAttribute.changed { attribute in
            switch attribute {
            case .kind: want.kind != have.kind
            case .arguments: want.arguments != have.arguments
            case .returnType: want.returnType != have.returnType
            case .language: want.language != have.language
            case .body: want.body != have.body || want.sqlBody != have.sqlBody
            case .volatility: want.volatility != have.volatility
            case .strictness: want.isStrict != have.isStrict
            case .securityDefiner: want.isSecurityDefiner != have.isSecurityDefiner
            case .leakproof: want.isLeakproof != have.isLeakproof
            case .parallel: want.parallel != have.parallel
            case .settings: want.configuration != have.configuration
            case .cost: want.cost != have.cost
            case .rows: want.rows != have.rows
            case .support: want.support != have.support
            case .comment: comments && want.comment != have.comment
            }
        }
    }
}
