/// A trigger on a table or view.
public struct Trigger: CatalogObject {
    public enum Timing: String, Hashable, Codable, Sendable {
        case before = "BEFORE", after = "AFTER", insteadOf = "INSTEAD OF"
    }

    public enum Event: String, Hashable, Comparable, Codable, Sendable {
        case insert = "INSERT", update = "UPDATE", delete = "DELETE", truncate = "TRUNCATE"

        public static func < (lhs: Event, rhs: Event) -> Bool { lhs.rank < rhs.rank }
        private var rank: Int { [.insert, .update, .delete, .truncate].firstIndex(of: self)! }
    }

    /// `ALTER TABLE ... ENABLE/DISABLE [REPLICA|ALWAYS] TRIGGER` state.
    public enum Enabled: String, Hashable, Codable, Sendable {
        case origin, disabled, replica, always
    }

    public var name: String
    public var timing: Timing
    /// Events in canonical order (INSERT, UPDATE, DELETE, TRUNCATE).
    public var events: [Event]
    /// `UPDATE OF` columns.
    public var updateColumns: [String]
    /// FOR EACH ROW (true) or FOR EACH STATEMENT.
    public var forEachRow: Bool
    /// The trigger function.
    public var function: QualifiedName
    /// Literal arguments passed to the function.
    public var arguments: [String]
    /// The WHEN condition in the server's canonical text.
    public var when: String?
    public var enabled: Enabled
    /// CREATE CONSTRAINT TRIGGER.
    public var isConstraint: Bool
    public var isDeferrable: Bool
    public var isInitiallyDeferred: Bool
    /// REFERENCING OLD TABLE AS ...
    public var oldTable: String?
    /// REFERENCING NEW TABLE AS ...
    public var newTable: String?
    public var comment: String?

    public var key: String { name }

    public init(
        name: String, timing: Timing, events: [Event], updateColumns: [String] = [], forEachRow: Bool = true,
        function: QualifiedName, arguments: [String] = [], when: String? = nil, enabled: Enabled = .origin,
        isConstraint: Bool = false, isDeferrable: Bool = false, isInitiallyDeferred: Bool = false,
        oldTable: String? = nil, newTable: String? = nil, comment: String? = nil
    ) {
        self.name = name
        self.timing = timing
        self.events = events.sorted()
        self.updateColumns = updateColumns
        self.forEachRow = forEachRow
        self.function = function
        self.arguments = arguments
        self.when = when
        self.enabled = enabled
        self.isConstraint = isConstraint
        self.isDeferrable = isDeferrable
        self.isInitiallyDeferred = isInitiallyDeferred
        self.oldTable = oldTable
        self.newTable = newTable
        self.comment = comment
    }
}
