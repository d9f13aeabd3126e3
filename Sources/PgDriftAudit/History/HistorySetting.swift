import PgDriftModel

/// Which migration history an audit of a folder of migrations reads (`--history`, pgdrift.toml's `history`).
public enum HistorySetting: Hashable, Sendable {
    /// The tool whose table is there, found by the table's name and shape.
    case detect
    /// None: the folder alone is the expected schema.
    case off
    /// This tool's table (an empty history when it is not there yet: nothing applied).
    case tool(MigrationTool)

    /// `auto`, `none` or a tool's name (`supabase`, `flyway`, `golang-migrate` …); nil for anything else.
    public init?(_ text: String) {
        switch text.lowercased() {
        case "auto", "detect": self = .detect
        case "none", "off": self = .off
        default:
            guard let tool = MigrationTool(rawValue: text.lowercased()) else { return nil }
            self = .tool(tool)
        }
    }

    /// The names `init` accepts, for messages.
    public static var names: String { (["auto", "none"] + MigrationTool.allCases.map(\.rawValue)).joined(separator: ", ") }

    /// The tool to read only, if one is named.
    var only: MigrationTool? {
        if case .tool(let tool) = self { return tool }
        return nil
    }
}
