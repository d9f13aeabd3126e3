/// Every kind of drift pgdrift reports (the JSON report's `kind`).
public enum FindingKind: String, Hashable, Codable, Sendable, CaseIterable, Comparable {
    case missingSchema = "missing_schema"
    case missingExtension = "missing_extension"
    case extensionMismatch = "extension_mismatch"
    case missingTable = "missing_table"
    case extraTable = "extra_table"
    case tableMismatch = "table_mismatch"
    case storageParametersMismatch = "storage_parameters_mismatch"
    case replicaIdentityMismatch = "replica_identity_mismatch"
    case clusterMismatch = "cluster_mismatch"
    case accessMethodMismatch = "access_method_mismatch"
    case missingColumn = "missing_column"
    case extraColumn = "extra_column"
    case columnTypeMismatch = "column_type_mismatch"
    case nullabilityMismatch = "nullability_mismatch"
    case defaultMismatch = "default_mismatch"
    case identityMismatch = "identity_mismatch"
    case generatedMismatch = "generated_mismatch"
    case collationMismatch = "collation_mismatch"
    case storageMismatch = "storage_mismatch"
    case compressionMismatch = "compression_mismatch"
    case statisticsMismatch = "statistics_mismatch"
    case columnOptionsMismatch = "column_options_mismatch"
    case possibleRename = "possible_rename"
    case missingConstraint = "missing_constraint"
    case extraConstraint = "extra_constraint"
    case constraintMismatch = "constraint_mismatch"
    case missingIndex = "missing_index"
    case extraIndex = "extra_index"
    case indexMismatch = "index_mismatch"
    case rlsMismatch = "rls_mismatch"
    case missingPolicy = "missing_policy"
    case extraPolicy = "extra_policy"
    case policyMismatch = "policy_mismatch"
    case missingTrigger = "missing_trigger"
    case extraTrigger = "extra_trigger"
    case triggerMismatch = "trigger_mismatch"
    case missingView = "missing_view"
    case extraView = "extra_view"
    case viewMismatch = "view_mismatch"
    case missingFunction = "missing_function"
    case extraFunction = "extra_function"
    case functionMismatch = "function_mismatch"
    case missingEnum = "missing_enum"
    case extraEnum = "extra_enum"
    case enumValuesMismatch = "enum_values_mismatch"
    case missingType = "missing_type"
    case extraType = "extra_type"
    case typeMismatch = "type_mismatch"
    case missingSequence = "missing_sequence"
    case extraSequence = "extra_sequence"
    case sequenceMismatch = "sequence_mismatch"
    case commentMismatch = "comment_mismatch"
    case privilegeMismatch = "privilege_mismatch"
    case ownerMismatch = "owner_mismatch"
    /// An extension's own state (pg_cron's jobs): information, always.
    case extensionState = "extension_state"
    /// An extension's installed version, where the expected schema does not pin one: information.
    case extensionVersion = "extension_version"
    /// That state differs from what the migrations set (`--with-extension-state`).
    case extensionStateMismatch = "extension_state_mismatch"
    /// A migration file the tool's history does not list (issue 19).
    case pendingMigration = "pending_migration"
    /// A file the history marks failed, dirty, rolled back or unfinished.
    case failedMigration = "failed_migration"
    /// A file changed after it was applied: its checksum differs from the one the tool recorded.
    case modifiedMigration = "modified_migration"
    /// A version the history lists that no file has.
    case missingMigrationFile = "missing_migration_file"
    /// An expected operator, cast, aggregate, collation, text search object, rule, extended statistics,
    /// event trigger, publication or foreign-data object does not exist (the message names the kind).
    case missingObject = "missing_object"
    /// The database has one the expected schema does not declare.
    case extraObject = "extra_object"
    /// One exists on both sides with clauses that differ (named in the message).
    case objectMismatch = "object_mismatch"
    case brokenReference = "broken_reference"
    /// A function runs dynamic SQL (EXECUTE): the names it uses are only known when it runs, so they are
    /// not checked. Information (issue 22; it was an info-level `broken_reference`).
    case uncheckedDynamicSQL = "unchecked_dynamic_sql"
    case notVisible = "not_visible"
    /// Objects of a kind pgdrift does not compare yet (operators, casts, publications, …), on either side:
    /// information, so that "no drift" never hides what was not looked at (`--strict-coverage`: errors).
    case notChecked = "not_checked"

    /// Missing and different objects are errors; extra objects and comments are warnings (the
    /// database may legitimately hold more); rename guesses are information.
    public var defaultSeverity: Severity {
        switch self {
        case .extraTable, .extraColumn, .extraConstraint, .extraIndex, .extraPolicy, .extraTrigger, .extraView,
            .extraFunction, .extraEnum, .extraType, .extraSequence, .extraObject, .commentMismatch, .privilegeMismatch, .ownerMismatch, .extensionStateMismatch, .pendingMigration, .modifiedMigration, .missingMigrationFile, .notVisible:
            return .warning
        case .possibleRename, .extensionState, .extensionVersion, .notChecked, .uncheckedDynamicSQL:
            return .info
        default:
            return .error
        }
    }

    /// Whether the finding is about a schema object (rather than about a migration file itself).
    public var isAboutAnObject: Bool {
        ![.pendingMigration, .failedMigration, .modifiedMigration, .missingMigrationFile].contains(self)
    }

    /// Orders kinds as they are declared.
    public static func < (lhs: FindingKind, rhs: FindingKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
