#!/usr/bin/env python3
"""Time from exec to READY=1 with N scheduled pipelines in the store.

Seeds a fresh data directory with N active, scheduled pipelines (the cron expressions vary so
the wheel holds timers across minutes, hours and days), then starts `etl-builder serve` under a
real NOTIFY_SOCKET datagram listener and reports the milliseconds from exec to READY=1.

    scripts/bench/startup_ready.py [--binary .build/release/etl-builder] [--pipelines 10000] [--runs 5]
"""
import argparse
import datetime
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

EXPRESSIONS = ["0 2 * * *", "*/15 * * * *", "30 6 * * MON-FRI", "0 0 1 * *", "5 4 * * SUN", "0 */6 * * *"]


def seed(binary: str, data: str, pipelines: int) -> None:
    env = dict(os.environ, ETL_BUILDER_DATA_DIRECTORY=data)
    subprocess.run([binary, "migrate"], env=env, check=True, capture_output=True)
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000000Z")
    config = '{"nodes": [], "edges": []}'
    with sqlite3.connect(os.path.join(data, "etl-builder.sqlite")) as db:
        db.executemany(
            "INSERT INTO pipelines (id, name, status, version, config, schedule, schedule_timezone, is_scheduled,"
            " created_at, updated_at) VALUES (?, ?, 'active', '1.0.0', ?, ?, 'Europe/Paris', 1, ?, ?)",
            [(str(uuid.uuid4()), f"pipeline {i}", config, EXPRESSIONS[i % len(EXPRESSIONS)], now, now)
             for i in range(pipelines)])


def time_to_ready(binary: str, data: str) -> float:
    with tempfile.TemporaryDirectory() as scratch:
        path = os.path.join(scratch, "notify.sock")
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        listener.bind(path)
        listener.settimeout(60)
        env = dict(os.environ, ETL_BUILDER_DATA_DIRECTORY=data, NOTIFY_SOCKET=path)
        started = time.monotonic()
        daemon = subprocess.Popen([binary, "serve", "--port", "0"], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            while True:
                message = listener.recv(4096).decode()
                if "READY=1" in message.split("\n"):
                    return (time.monotonic() - started) * 1000
        finally:
            daemon.terminate()
            daemon.wait(timeout=60)
            listener.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/etl-builder")
    parser.add_argument("--pipelines", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data:
        seed(args.binary, data, args.pipelines)
        # The first start also creates the initial admin (one bcrypt hash): not counted.
        time_to_ready(args.binary, data)
        samples = [time_to_ready(args.binary, data) for _ in range(args.runs)]
    print(f"exec to READY=1 with {args.pipelines} scheduled pipelines, {args.runs} runs: "
          f"median {statistics.median(samples):.0f} ms, min {min(samples):.0f} ms, max {max(samples):.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
