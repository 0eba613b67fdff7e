#!/usr/bin/env bash
# PostgreSQL → Parquet benchmark (issue 9): the generated 2 000 000-row `orders` table (see
# lib/pg_orders.sh) read by the postgres extractor and written as Parquet (snappy)
#   1. to a local file (`parquet` loader),
#   2. to S3 (`s3` loader, format parquet) on the S3-compatible server of scripts/services/s3.sh,
# each with `etl-builder run` under /usr/bin/time -v: rows/s and peak RSS, then pyarrow reads
# the result back (row count and schema). Goal: ≥ 300 000 rows/s to a local file, peak RSS ≤ 200 MB.
#
#   scripts/bench/pg_parquet.sh [ROWS]
#   ETL_BUILDER_BIN=/path/etl-builder       the binary (default .build/release/etl-builder, built if missing)
#   ETLB_BENCH_POSTGRES_URL=postgres://…    the server (default: scripts/services/postgres.sh start)
#   ETLB_BENCH_S3_URL=http://…              the S3 endpoint (default: scripts/services/s3.sh start)
set -euo pipefail

rows="${1:-2000000}"
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib/common.sh"
work="${BENCH_DIR:-$(mktemp -d /tmp/etl-pg-parquet-bench.XXXXXX)}"
url="${ETLB_BENCH_POSTGRES_URL:-$("$repo/scripts/services/postgres.sh" start)}"
s3="${ETLB_BENCH_S3_URL:-$("$repo/scripts/services/s3.sh" start)}"


source "$here/lib/pg_orders.sh"
ensure_orders
create_bench_connection
export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench-secret AWS_REGION=us-east-1 AWS_ENDPOINT_URL="$s3"
python3 - "$s3" <<'PY'
import sys, boto3
s3 = boto3.client("s3", endpoint_url=sys.argv[1], region_name="us-east-1")
if "bench" not in [b["Name"] for b in s3.list_buckets().get("Buckets", [])]:
    s3.create_bucket(Bucket="bench")
for page in s3.get_paginator("list_objects_v2").paginate(Bucket="bench", Prefix="orders/"):
    for old in page.get("Contents", []):
        s3.delete_object(Bucket="bench", Key=old["Key"])
PY

echo "Running on $(nproc) core(s), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf 'rows: %d\n' "$rows"

# Runs `read → write` where write is the loader module $1 with config $2; prints the figures.
measure() {
  local name=$1 loader=$2 config=$3
  cat > "$work/$name.json" <<JSON
{"name": "pg-$name", "config": {"nodes": [
  {"id": "read", "type": "extractor", "module": "postgres", "description": "orders",
   "config": {"connection_id": "bench-pg", "schema": "bench", "table": "orders"}},
  {"id": "write", "type": "loader", "module": "$loader", "description": "orders as Parquet", "config": $config}],
 "edges": [{"source": "read", "target": "write"}]}}
JSON
  local start seconds peak_kb
  start=$(now)
  /usr/bin/time -v "$binary" run "$work/$name.json" > "$work/$name.out" 2> "$work/$name.time" || { cat "$work/$name.out" "$work/$name.time"; exit 1; }
  seconds=$(echo "$(now) - $start" | bc -l)
  peak_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/$name.time")
  printf '%-12s %.2f s, %.0f rows/s, peak RSS %.1f MB\n' "$name:" "$seconds" "$(echo "$rows / $seconds" | bc -l)" "$(echo "$peak_kb / 1024" | bc -l)"
}

measure local parquet '{"path": "orders.parquet", "compression": "snappy"}'
measure s3 s3 "{\"bucket\": \"bench\", \"path\": \"orders/\", \"format\": \"parquet\", \"compression\": \"snappy\"${ETLB_BENCH_S3_EXTRA:-}}"

python3 - "$work/data/files/orders.parquet" "$s3" <<'PY'
import io, os, sys, boto3, pyarrow.parquet as pq
local = pq.read_table(sys.argv[1])
s3 = boto3.client("s3", endpoint_url=sys.argv[2], region_name="us-east-1")
keys = sorted(o["Key"] for o in s3.list_objects_v2(Bucket="bench", Prefix="orders/").get("Contents", []))
remote = sum(pq.read_table(io.BytesIO(s3.get_object(Bucket="bench", Key=k)["Body"].read())).num_rows for k in keys)
print(f"pyarrow: local file {local.num_rows} rows, S3 {remote} rows in {len(keys)} object(s)")
print("schema:", ", ".join(f"{f.name} {f.type}" for f in local.schema), flush=True)
os._exit(0)  # pyarrow's and boto3's threads can abort the interpreter's teardown
PY
