// The parts of libzstd (Debian: libzstd-dev) the Parquet writer's ZSTD codec calls:
// a reusable compression context, ZSTD_compressBound and ZSTD_compressCCtx.
#ifndef ETL_BUILDER_CZSTD_SHIM_H
#define ETL_BUILDER_CZSTD_SHIM_H

#include <zstd.h>

#endif
