#ifndef CLIBPQ_SHIM_H
#define CLIBPQ_SHIM_H

// libpq, the PostgreSQL client library. Only the Postgres module imports this.
#include <libpq-fe.h>

#endif
