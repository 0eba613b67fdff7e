# Shared by the benchmark scripts (source it once $here is set): the repository, the release
# `etl-builder` to measure ($ETL_BUILDER_BIN, else .build/release/etl-builder, built when missing)
# and /usr/bin/time, which reports the peak RSS.
repo="$(cd "$here/../.." && pwd)"
binary="${ETL_BUILDER_BIN:-$repo/.build/release/etl-builder}"
[[ -x /usr/bin/time ]] || { echo "error: /usr/bin/time is missing (Debian package: time)" >&2; exit 1; }
[[ -x "$binary" ]] || (cd "$repo" && swift build -c release --product etl-builder)
