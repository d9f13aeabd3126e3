import PgDriftCLI

// pgdrift itself: the whole tool lives in PgDriftCLI, with the seed story's analytics model as `builtin`.
PgDriftCLI.main()
