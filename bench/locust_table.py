"""Turn locust's `--csv` stats into the README's table: req/s per CPU, p50, p95, p99, errors.

python bench/locust_table.py var/locust_stats.csv --cpus 2
"""

import argparse
import csv


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("stats_csv")
    parser.add_argument("--cpus", type=float, required=True, help="CPUs of the server machine")
    args = parser.parse_args()
    print("| request | req/s | req/s per CPU | p50 ms | p95 ms | p99 ms | errors |")
    print("|---|---|---|---|---|---|---|")
    with open(args.stats_csv, newline="") as f:
        for row in csv.DictReader(f):
            rps = float(row["Requests/s"])
            print(
                f"| {row['Name']} | {rps:.1f} | {rps / args.cpus:.1f} | {row['50%']} | "
                f"{row['95%']} | {row['99%']} | {row['Failure Count']} |"
            )


if __name__ == "__main__":
    main()
