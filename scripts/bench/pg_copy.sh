#!/usr/bin/env bash
# PostgreSQL → PostgreSQL copy benchmark (issue 8). Generates an `orders` table (default
# 2 000 000 rows; bigint id primary key, int customer_id, numeric(12,2) amount, text status,
# timestamptz created_at, text note and more types), then in the same run copies it
#   1. with a `psql COPY … TO STDOUT (FORMAT binary) | psql COPY … FROM STDIN (FORMAT binary)` pipe,
#   2. with `etl-builder run` (postgres extractor → postgres loader, mode replace, create_table),
# and prints rows/s of both, their ratio, the peak RSS of etl-builder (/usr/bin/time -v) and
# whether the copy's column types and primary key equal the source's.
# Goal: ≥ 0.7 × the pipe's rows/s, peak RSS ≤ 150 MB, identical schema.
#
#   scripts/bench/pg_copy.sh [ROWS]
#   ETL_BUILDER_BIN=/path/etl-builder       the binary (default .build/release/etl-builder, built if missing)
#   ETLB_BENCH_POSTGRES_URL=postgres://…    the server (default: scripts/services/postgres.sh start)
set -euo pipefail

rows="${1:-2000000}"
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib/common.sh"
work="${BENCH_DIR:-$(mktemp -d /tmp/etl-pg-bench.XXXXXX)}"
url="${ETLB_BENCH_POSTGRES_URL:-$("$repo/scripts/services/postgres.sh" start)}"


source "$here/lib/pg_orders.sh"
ensure_orders

echo "Running on $(nproc) core(s), load average: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== psql binary COPY pipe"
sql -c "DROP TABLE IF EXISTS bench.orders_pipe" -c "CREATE TABLE bench.orders_pipe (LIKE bench.orders INCLUDING ALL)"
start=$(now)
psql "$url" -X -q -c "COPY (SELECT * FROM bench.orders) TO STDOUT (FORMAT binary)" \
  | psql "$url" -X -q -v ON_ERROR_STOP=1 -c "COPY bench.orders_pipe FROM STDIN (FORMAT binary)"
pipe_seconds=$(echo "$(now) - $start" | bc -l)

echo "== etl-builder"
sql -c "DROP TABLE IF EXISTS bench.orders_copy"
create_bench_connection
cat > "$work/pipeline.json" <<'JSON'
{
"name": "pg-copy",
"config": {
  "nodes": [
    {"id": "read", "type": "extractor", "module": "postgres", "description": "orders",
     "config": {"connection_id": "bench-pg", "schema": "bench", "table": "orders"}},
    {"id": "write", "type": "loader", "module": "postgres", "description": "copy of orders",
     "config": {"connection_id": "bench-pg", "schema": "bench", "table": "orders_copy", "mode": "replace", "create_table": true}}
  ],
  "edges": [{"source": "read", "target": "write"}]
}
}
JSON
run=("$binary" run "$work/pipeline.json")
start=$(now)
/usr/bin/time -v "${run[@]}" > "$work/run.out" 2> "$work/time.txt" || { cat "$work/run.out" "$work/time.txt"; exit 1; }
etl_seconds=$(echo "$(now) - $start" | bc -l)
peak_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")

schema_of() {
  sql -c "SELECT string_agg(attname || ' ' || format_type(atttypid, atttypmod), ', ' ORDER BY attnum) FROM pg_attribute
          WHERE attrelid = 'bench.$1'::regclass AND attnum > 0 AND NOT attisdropped" \
      -c "SELECT string_agg(a.attname, ', ' ORDER BY k.n) FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n)
          JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum WHERE i.indrelid = 'bench.$1'::regclass AND i.indisprimary"
}
content_of() { sql -c "SELECT count(*), sum(hashtext(t::text)::bigint) FROM bench.$1 AS t"; }

pipe_rate=$(echo "$rows / $pipe_seconds" | bc -l)
etl_rate=$(echo "$rows / $etl_seconds" | bc -l)
printf 'rows: %d\n' "$rows"
printf 'psql pipe:   %.2f s, %.0f rows/s\n' "$pipe_seconds" "$pipe_rate"
printf 'etl-builder: %.2f s, %.0f rows/s, peak RSS %.1f MB\n' "$etl_seconds" "$etl_rate" "$(echo "$peak_kb / 1024" | bc -l)"
printf 'ratio etl-builder / pipe: %.2f (goal ≥ 0.70)\n' "$(echo "$etl_rate / $pipe_rate" | bc -l)"
if [[ "$(schema_of orders)" == "$(schema_of orders_copy)" ]]; then echo "schema (types + primary key): identical"; else
  echo "schema differs:"; schema_of orders; schema_of orders_copy; fi
if [[ "$(content_of orders)" == "$(content_of orders_copy)" ]]; then echo "content: identical"; else echo "content differs"; fi
