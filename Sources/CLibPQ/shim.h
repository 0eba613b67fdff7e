#ifndef ETLB_CLIBPQ_SHIM_H
#define ETLB_CLIBPQ_SHIM_H
// libpq, the PostgreSQL client library (Debian: libpq-dev), for the PostgresClient target.
#include <libpq-fe.h>
#endif
