#!/usr/bin/env bash
# A throwaway S3-compatible server (moto_server from PyPI) for the tests and benchmarks.
#   scripts/services/s3.sh start   install moto[server] if missing, start it; idempotent
#   scripts/services/s3.sh stop    stop it
#   scripts/services/s3.sh url     print the endpoint URL
# Listens on 127.0.0.1:$ETLB_S3_PORT (55433); keeps everything in memory, so a restart
# empties it. Any access key is accepted; requests must still be signed (Signature V4).
set -euo pipefail

port="${ETLB_S3_PORT:-55433}"
url="http://127.0.0.1:${port}"
pidfile="/tmp/etlb-moto-${port}.pid"
logfile="/tmp/etlb-moto-${port}.log"

answers() { python3 -c "import urllib.request, sys; urllib.request.urlopen(sys.argv[1], timeout=2)" "$url/moto-api/" 2>/dev/null; }

running() { [ -s "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

start() {
  if ! command -v moto_server >/dev/null 2>&1; then
    python3 -m pip install --quiet 'moto[server]' >&2
    hash -r
  fi
  if ! running; then
    nohup moto_server -H 127.0.0.1 -p "$port" >"$logfile" 2>&1 &
    echo $! >"$pidfile"
  fi
  for _ in $(seq 1 100); do
    if answers; then echo "$url"; return 0; fi
    running || { echo "s3.sh: moto_server exited; see $logfile" >&2; exit 1; }
    sleep 0.2
  done
  echo "s3.sh: moto_server did not answer on $url within 20 s; see $logfile" >&2
  exit 1
}

stop() {
  if running; then
    kill "$(cat "$pidfile")"
    for _ in $(seq 1 50); do running || break; sleep 0.1; done
  fi
  rm -f "$pidfile"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) echo "$url" ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
