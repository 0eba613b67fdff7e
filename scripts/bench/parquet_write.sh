#!/usr/bin/env bash
# Parquet write benchmark: 2 000 000 generated `orders` rows (int64 id, int32 customer_id,
# decimal(12,2) amount, string status, timestamptz created_at, string note with 10 % nulls),
# CSV → parquet (snappy) through `etl-builder run`, release build. Prints rows/s and the peak
# RSS of the run (from /usr/bin/time -v), then checks the file with pyarrow.
# Goal: ≥ 300 000 rows/s end to end, peak RSS ≤ 200 MB.
#
#   scripts/bench/parquet_write.sh [ROWS] [COMPRESSION]   # builds the release binary if missing
#   ETL_BUILDER_BIN=/path/etl-builder scripts/bench/parquet_write.sh
set -euo pipefail

rows="${1:-2000000}"
compression="${2:-snappy}"
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib/common.sh"
work="${BENCH_DIR:-$(mktemp -d /tmp/etl-parquet-bench.XXXXXX)}"


mkdir -p "$work/files" "$work/data"
input="$work/files/orders.csv"
if [[ ! -s "$input" || "$(($(wc -l < "$input") - 1))" != "$rows" ]]; then
  echo "Generating $rows rows…"
  python3 "$here/generate_orders.py" "$rows" "$input"
fi

cat > "$work/pipeline.json" <<JSON
{
  "name": "parquet-write",
  "config": {
    "nodes": [
      {"id": "read", "type": "extractor", "module": "csv", "description": "generated orders",
       "config": {"path": "orders.csv", "columns": [
         {"name": "id", "type": "int64"}, {"name": "customer_id", "type": "int32"},
         {"name": "amount", "type": "decimal(12,2)"}, {"name": "status", "type": "string"},
         {"name": "created_at", "type": "timestamptz"}, {"name": "note", "type": "string"}]}},
      {"id": "write", "type": "loader", "module": "parquet", "description": "orders as Parquet",
       "config": {"path": "orders.parquet", "compression": "$compression"}}
    ],
    "edges": [{"source": "read", "target": "write"}]
  }
}
JSON

echo "Running on $(nproc) core(s), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s.%N)
ETL_BUILDER_DATA_DIRECTORY="$work/data" /usr/bin/time -v "$binary" run "$work/pipeline.json" --files-root "$work/files" \
  > "$work/run.out" 2> "$work/time.txt" || { cat "$work/run.out" "$work/time.txt"; exit 1; }
end=$(date +%s.%N)
cat "$work/run.out"
seconds=$(echo "$end - $start" | bc -l)
peak_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
printf 'rows: %d\ncompression: %s\nwall: %.2f s\nrows/s: %.0f\npeak RSS: %.1f MB\nfile: %.1f MB\n' "$rows" "$compression" "$seconds" \
  "$(echo "$rows / $seconds" | bc -l)" "$(echo "$peak_kb / 1024" | bc -l)" "$(echo "$(stat -c %s "$work/files/orders.parquet") / 1048576" | bc -l)"
python3 - "$work/files/orders.parquet" "$rows" <<'PY'
import sys
import pyarrow.parquet as pq
parquet = pq.ParquetFile(sys.argv[1])
assert parquet.metadata.num_rows == int(sys.argv[2]), parquet.metadata.num_rows
print(f"pyarrow: {parquet.metadata.num_rows} rows in {parquet.metadata.num_row_groups} row group(s); {parquet.schema_arrow.types}")
PY
