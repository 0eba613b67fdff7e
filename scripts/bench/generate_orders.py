#!/usr/bin/env python3
"""Writes N rows shaped like the `orders` table as CSV for the Parquet benchmark:
id (int64), customer_id (int32), amount (decimal(12,2)), status, created_at (timestamptz), note
(empty — read as null — on every tenth row)."""
import random
import sys


def main() -> None:
    count = int(sys.argv[1])
    path = sys.argv[2]
    random.seed(42)
    statuses = ["new", "paid", "shipped", "cancelled", "refunded"]
    with open(path, "w", buffering=1 << 20) as out:
        out.write("id,customer_id,amount,status,created_at,note\n")
        lines = []
        for i in range(count):
            note = "" if i % 10 == 0 else f"order note {random.randint(0, 999)}"
            lines.append(
                f"{i},{random.randint(1, 50000)},{random.randint(0, 9999999) / 100:.2f},{statuses[i % 5]},"
                f"2025-01-{1 + i % 28:02d}T{i % 24:02d}:{i % 60:02d}:{i % 59:02d}Z,{note}\n")
            if len(lines) == 100_000:
                out.write("".join(lines))
                lines.clear()
        out.write("".join(lines))


if __name__ == "__main__":
    main()
