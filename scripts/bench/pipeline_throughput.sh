#!/usr/bin/env bash
# Pipeline throughput benchmark: CSV → filter → map → CSV on generated rows (default 10 000 000),
# release build. Prints rows/s and the peak RSS of `etl-builder run` (from /usr/bin/time -v).
# Goal: ≥ 1 000 000 rows/s and peak RSS ≤ 150 MB.
#
#   scripts/bench/pipeline_throughput.sh [ROWS]          # builds the release binary if missing
#   ETL_BUILDER_BIN=/path/etl-builder scripts/bench/pipeline_throughput.sh
set -euo pipefail

rows="${1:-10000000}"
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib/common.sh"
work="${BENCH_DIR:-$(mktemp -d /tmp/etl-bench.XXXXXX)}"


mkdir -p "$work/files" "$work/data"
input="$work/files/input.csv"
if [[ ! -s "$input" || "$(($(wc -l < "$input") - 1))" != "$rows" ]]; then
  echo "Generating $rows rows…"
  python3 "$here/generate_rows.py" "$rows" "$input"
fi

cat > "$work/pipeline.json" <<'JSON'
{
  "name": "throughput",
  "config": {
    "nodes": [
      {"id": "read", "type": "extractor", "module": "csv", "description": "generated rows",
       "config": {"path": "input.csv"}},
      {"id": "keep", "type": "transformer", "module": "filter", "description": "amount above 100",
       "config": {"conditions": [{"column": "amount", "operator": ">", "value": 100}]}},
      {"id": "shape", "type": "transformer", "module": "map", "description": "derive and select",
       "config": {"derive": [{"column": "total", "expression": "amount * quantity"}],
                  "rename": {"customer": "customer_name"},
                  "select": ["id", "customer_name", "country", "amount", "total", "created_at"]}},
      {"id": "write", "type": "loader", "module": "csv", "description": "result",
       "config": {"path": "output.csv"}}
    ],
    "edges": [
      {"source": "read", "target": "keep"},
      {"source": "keep", "target": "shape"},
      {"source": "shape", "target": "write"}
    ]
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
printf 'rows: %d\nwall: %.2f s\nrows/s: %.0f\npeak RSS: %.1f MB\n' "$rows" "$seconds" "$(echo "$rows / $seconds" | bc -l)" "$(echo "$peak_kb / 1024" | bc -l)"
echo "output rows: $(($(wc -l < "$work/files/output.csv") - 1))"
