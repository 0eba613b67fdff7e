// The C API of Snappy (Debian: libsnappy-dev) the Parquet writer's SNAPPY codec calls:
// snappy_max_compressed_length and snappy_compress.
#ifndef ETL_BUILDER_CSNAPPY_SHIM_H
#define ETL_BUILDER_CSNAPPY_SHIM_H

#include <snappy-c.h>

#endif
