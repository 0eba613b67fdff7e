#!/usr/bin/env bash
# API benchmark: wrk on GET /api/v1/pipelines (first page of 20) with 1 000 pipelines in the store,
# rate limiting off, release build. Prints requests/s and latency percentiles (p50/p90/p99).
# Goal: ≥ 10 000 req/s and p99 ≤ 20 ms on the 2-core machine (wrk shares the cores).
#
#   scripts/bench/api_pipelines.sh                       # builds the release binary if missing,
#                                                         # starts `etl-builder serve` on a temp data dir
#   ETL_BUILDER_BIN=/path/etl-builder scripts/bench/api_pipelines.sh
#   API_BENCH_URL=http://127.0.0.1:8000 API_BENCH_USER=u API_BENCH_PASSWORD=p scripts/bench/api_pipelines.sh
#                                                         # against a running server (seeds it too)
# Knobs: API_BENCH_PIPELINES (1000), API_BENCH_DURATION (20s), API_BENCH_CONNECTIONS (16), API_BENCH_THREADS (1).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
pipelines="${API_BENCH_PIPELINES:-1000}"
duration="${API_BENCH_DURATION:-20s}"
connections="${API_BENCH_CONNECTIONS:-16}"
threads="${API_BENCH_THREADS:-1}"
user="${API_BENCH_USER:-bench}"
password="${API_BENCH_PASSWORD:-bench-password-$RANDOM$RANDOM}"

for tool in wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "error: $tool is missing (Debian package: $tool)" >&2; exit 1; }
done

server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if [[ -n "${work:-}" ]]; then rm -rf "$work"; fi
}
trap cleanup EXIT

if [[ -z "${API_BENCH_URL:-}" ]]; then
  binary="${ETL_BUILDER_BIN:-$repo/.build/release/etl-builder}"
  [[ -x "$binary" ]] || (cd "$repo" && swift build -c release --product etl-builder)
  work="$(mktemp -d /tmp/etl-api-bench.XXXXXX)"
  port="${API_BENCH_PORT:-18080}"
  export STATE_DIRECTORY="$work" ETL_BUILDER_SERVER_PORT="$port" ETL_BUILDER_API_RATE_LIMIT_PER_MINUTE=0 \
    ETL_BUILDER_LOGGING_LEVEL=warning
  echo "$password" | "$binary" user create --username "$user" --email "$user@example.com" --role admin --password-stdin >/dev/null
  "$binary" serve >"$work/serve.log" 2>&1 &
  server_pid=$!
  API_BENCH_URL="http://127.0.0.1:$port"
  for _ in $(seq 1 100); do
    curl -fsS "$API_BENCH_URL/health/ready" >/dev/null 2>&1 && break
    sleep 0.2
  done
fi
base="$API_BENCH_URL"
curl -fsS "$base/health/ready" >/dev/null || { echo "error: $base is not ready" >&2; exit 1; }

token="$(curl -fsS -X POST "$base/api/v1/auth/login" --data-urlencode "username=$user" --data-urlencode "password=$password" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')"
auth="Authorization: Bearer $token"

existing="$(curl -fsS -H "$auth" "$base/api/v1/pipelines?page_size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')"
if (( existing < pipelines )); then
  echo "Creating $((pipelines - existing)) pipelines…"
  python3 - "$base" "$token" "$existing" "$pipelines" <<'PY'
import json, sys, urllib.request
base, token, start, end = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
config = {"nodes": [{"id": "read", "type": "extractor", "module": "csv", "description": "input"},
                    {"id": "write", "type": "loader", "module": "csv", "description": "output"}],
          "edges": [{"source": "read", "target": "write"}]}
for index in range(start, end):
    body = json.dumps({"name": f"Bench pipeline {index}", "description": "benchmark", "config": config,
                       "schedule": "0 2 * * *", "tags": ["bench", "daily"]}).encode()
    request = urllib.request.Request(f"{base}/api/v1/pipelines", data=body, method="POST",
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    urllib.request.urlopen(request).read()
PY
fi

curl -fsS -o /dev/null -w "response: %{http_code}, %{size_download} bytes\n" -H "$auth" "$base/api/v1/pipelines"
echo "wrk: $threads thread(s), $connections connections, $duration"
result="$(wrk -t"$threads" -c"$connections" -d"$duration" --latency -H "$auth" "$base/api/v1/pipelines")"
echo "$result"
rps="$(awk '/Requests\/sec/ {print $2}' <<<"$result")"
p99="$(awk '$1 == "99%" {print $2}' <<<"$result")"
errors="$(awk '/Non-2xx/ {print $5}' <<<"$result")"
echo "summary: ${rps} req/s, p99 ${p99}, non-2xx ${errors:-0}"
