import PgDriftModel
import PgDriftPostgres

/// pg_cron's jobs (`cron.job`), read only when the database has pg_cron and the role may read the
/// table (a refused query would end the read-only snapshot): two small queries in that case only.
enum ScheduledJobsQuery {
    static let readable = """
        SELECT pg_catalog.has_schema_privilege('cron', 'USAGE')
               AND pg_catalog.has_table_privilege('cron.job', 'SELECT') AS readable
        """
    static let sql = "SELECT jobname, schedule, command FROM cron.job ORDER BY jobname NULLS LAST, jobid"

    /// The jobs, or nil when the role may not read them.
    static func read(on connection: PostgresConnection) throws -> [ScheduledJob]? {
        guard try connection.query(readable).rows.first?[0] == "t" else { return nil }
        return try connection.query(sql).rows.map { row in
            ScheduledJob(name: try row.optionalString("jobname"), schedule: try row.string("schedule"), command: try row.string("command"))
        }
    }
}
