#!/usr/bin/env python3
"""Writes N CSV rows for the pipeline throughput benchmark: id,customer,country,amount,quantity,created_at."""
import random
import sys

def main() -> None:
    count = int(sys.argv[1])
    path = sys.argv[2]
    random.seed(42)
    countries = ["FR", "DE", "ES", "IT", "US", "GB", "JP", "BR"]
    names = [f"customer_{i:05d}" for i in range(5000)]
    with open(path, "w", buffering=1 << 20) as out:
        out.write("id,customer,country,amount,quantity,created_at\n")
        lines = []
        for i in range(count):
            lines.append(
                f"{i},{names[i % 5000]},{countries[i % 8]},{random.randint(0, 99999) / 100:.2f},{i % 17},"
                f"2025-01-{1 + i % 28:02d}T{i % 24:02d}:{i % 60:02d}:00\n")
            if len(lines) == 100_000:
                out.write("".join(lines))
                lines.clear()
        out.write("".join(lines))

if __name__ == "__main__":
    main()
