/// A trigger on a table or view.
public struct Trigger: CatalogObject {
    /// When the trigger fires relative to the event; the raw value is the SQL spelling.
    public enum Timing: String, Hashable, Codable, Sendable {
        case before = "BEFORE", after = "AFTER", insteadOf = "INSTEAD OF"
    }

    /// An event that fires the trigger; the raw value is the SQL keyword.
    public enum Event: String, Hashable, Comparable, Codable, Sendable {
        case insert = "INSERT", update = "UPDATE", delete = "DELETE", truncate = "TRUNCATE"

        /// Orders events as CREATE TRIGGER lists them: INSERT, UPDATE, DELETE, TRUNCATE.
        public static func < (lhs: Event, rhs: Event) -> Bool { lhs.rank < rhs.rank }
        private var rank: Int { [.insert, .update, .delete, .truncate].firstIndex(of: self)! }
    }

    /// `ALTER TABLE ... ENABLE/DISABLE [REPLICA|ALWAYS] TRIGGER` state.
    public enum Enabled: String, Hashable, Codable, Sendable {
        case origin, disabled, replica, always
    }

    /// Raw trigger name, unique within its table (not quoted).
    public var name: String
    /// BEFORE, AFTER or INSTEAD OF.
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
    /// Which session replication roles fire it; `origin` (plain ENABLE) by default.
    public var enabled: Enabled
    /// CREATE CONSTRAINT TRIGGER.
    public var isConstraint: Bool
    /// DEFERRABLE (constraint triggers only).
    public var isDeferrable: Bool
    /// INITIALLY DEFERRED (constraint triggers only).
    public var isInitiallyDeferred: Bool
    /// REFERENCING OLD TABLE AS ...
    public var oldTable: String?
    /// REFERENCING NEW TABLE AS ...
    public var newTable: String?
    /// COMMENT ON TRIGGER.
    public var comment: String?

    /// The trigger's identity within its table: its name.
    public var key: String { name }

    /// Creates a trigger from its parts (events are sorted); by default FOR EACH ROW, enabled, not a constraint one.
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
