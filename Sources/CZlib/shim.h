// The parts of zlib (Debian: zlib1g-dev) the Parquet writer's GZIP codec and the S3 connector's
// gzip streams call: deflate and inflate with a gzip wrapper. deflateInit2 and inflateInit2 are
// macros, so the shim wraps them in functions Swift can call.
#ifndef ETL_BUILDER_CZLIB_SHIM_H
#define ETL_BUILDER_CZLIB_SHIM_H

#include <zlib.h>

static inline int etl_deflate_init_gzip(z_streamp stream, int level) {
    // windowBits 15 + 16: a gzip header and trailer (RFC 1952), as Parquet's GZIP codec requires.
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}

static inline int etl_inflate_init_gzip(z_streamp stream) {
    // windowBits 15 + 16: expect a gzip header and trailer.
    return inflateInit2(stream, 15 + 16);
}

#endif
