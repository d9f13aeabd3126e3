import PgDriftModel

/// What can differ between two versions of a table besides its parts (columns, constraints, indexes,
/// policies, triggers, which have changes of their own).
public enum TableAttribute: String, ChangeAttribute {
    /// LOGGED / UNLOGGED.
    case persistence
    /// An ordinary or a partitioned table, and its PARTITION BY.
    case partitioning
    /// The parent it is a partition of, and the bound.
    case partitionOf
    /// INHERITS.
    case inheritance
    /// USING (the table access method).
    case accessMethod
    /// WITH (storage parameters), as a set.
    case storageParameters
    case replicaIdentity
    case clusterOn
    /// ENABLE / FORCE ROW LEVEL SECURITY.
    case rowLevelSecurity
    case comment


    /// The attributes `table_mismatch` describes as the table's shape.
    public var isShape: Bool {
        switch self {
        case .persistence, .partitioning, .partitionOf, .inheritance: true
        case .accessMethod, .storageParameters, .replicaIdentity, .clusterOn, .rowLevelSecurity, .comment: false
        }
    }

    /// The attributes of two versions of a table that differ (comments only when they are compared).
    static func changed(_ want: Table, _ have: Table, comments: Bool) -> Set<TableAttribute> {
        var changed: Set<TableAttribute> = []
        for attribute in allCases {
            let differs = switch attribute {
            case .persistence: want.isUnlogged != have.isUnlogged
            case .partitioning: want.kind != have.kind || want.partitionKey != have.partitionKey
            case .partitionOf: want.partitionOf != have.partitionOf || want.partitionBound != have.partitionBound
            case .inheritance: want.inherits != have.inherits
            case .accessMethod: want.accessMethod != have.accessMethod
            case .storageParameters: !TableComparison.sameParameters(want.options, have.options)
            case .replicaIdentity: want.replicaIdentity != have.replicaIdentity
            case .clusterOn: want.clusterOn != have.clusterOn
            case .rowLevelSecurity:
                want.rowLevelSecurity != have.rowLevelSecurity || want.forceRowLevelSecurity != have.forceRowLevelSecurity
            case .comment: comments && want.comment != have.comment
            }
            if differs { changed.insert(attribute) }
        }
        return changed
    }
}
