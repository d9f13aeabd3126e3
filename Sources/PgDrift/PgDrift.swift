// The library Swift code imports: `import PgDrift` brings the model, connections, introspection,
// the SQL parser and throwaway servers.
@_exported import PgDriftAudit
@_exported import PgDriftDSL
@_exported import PgDriftDiff
@_exported import PgDriftExpected
@_exported import PgDriftExplain
@_exported import PgDriftIntrospection
@_exported import PgDriftModel
@_exported import PgDriftPlanner
@_exported import PgDriftPostgres
@_exported import PgDriftReports
@_exported import PgDriftSQL
@_exported import PgDriftServer
