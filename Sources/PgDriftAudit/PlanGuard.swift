import PgDriftModel
import PgDriftPlanner
import PgDriftPostgres

/// Reads the fingerprint of what a plan depends on (`PlanFingerprint`): one query, in the caller's
/// snapshot, which must have search_path empty and the output settings pinned (the introspection
/// snapshot has both), as the guard pins them when the plan runs.
public enum PlanGuard {
    /// The digest of each dependency now; nil for one that does not exist.
    public static func fingerprint(of dependencies: [PlanDependency], on connection: PostgresConnection) throws -> PlanFingerprint {
        guard !dependencies.isEmpty else { return PlanFingerprint(digests: [:]) }
        let byDescription = Dictionary(dependencies.map { ($0.description, $0) }, uniquingKeysWith: { first, _ in first })
        var digests: [PlanDependency: String?] = [:]
        for row in try connection.query(PlanFingerprint.digestQuery(dependencies)).rows {
            guard let dependency = byDescription[try row.string("object")] else { continue }
            digests[dependency] = .some(try row.optionalString("digest"))
        }
        return PlanFingerprint(digests: digests)
    }

    /// Whether a database error is the guard's refusal.
    public static func isStale(_ error: PostgresError) -> Bool {
        error.sqlState == PlanFingerprint.staleSQLState && error.message.hasPrefix(PlanFingerprint.staleMessagePrefix)
    }
}
