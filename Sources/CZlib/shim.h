// The parts of zlib (Debian: zlib1g-dev) the Parquet writer's GZIP codec calls: deflate with a
// gzip wrapper. deflateInit2 is a macro, so the shim wraps it in a function Swift can call.
#ifndef ETL_BUILDER_CZLIB_SHIM_H
#define ETL_BUILDER_CZLIB_SHIM_H

#include <zlib.h>

static inline int etl_deflate_init_gzip(z_streamp stream, int level) {
    // windowBits 15 + 16: a gzip header and trailer (RFC 1952), as Parquet's GZIP codec requires.
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}

#endif
