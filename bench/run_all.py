"""Run every benchmark in this folder (`make bench`); each prints its own side-by-side ratios.

Benchmarks that need PostgreSQL read DATABASE_URL; heavy ones accept their own size options
(run them directly, e.g. `.venv/bin/python bench/bench_deadlines.py --n 100000`).
"""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    failed = []
    for script in sorted(HERE.glob("bench_*.py")):
        print(f"== {script.name} ==", flush=True)
        if subprocess.run([sys.executable, str(script), *sys.argv[1:]]).returncode != 0:
            failed.append(script.name)
    if failed:
        print("Benchmark thất bại: " + ", ".join(failed), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
