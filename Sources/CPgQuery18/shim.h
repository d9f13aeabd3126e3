// PostgreSQL 18's parser, as scripts/fetch-pg-query builds it: pkg-config (pgdrift_pg_query.pc) puts
// its include folder ahead of the system's, where Debian's pg_query.h (15's grammar) may also be.
#include <pg_query.h>
