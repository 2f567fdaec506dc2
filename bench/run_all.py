"""Run every benchmark in this folder (`make bench`); each prints its own side-by-side ratios.

Benchmarks that need PostgreSQL read DATABASE_URL (without it they say so and exit 0). Sizes
here keep `make bench` within minutes; the issue-sized runs are documented in the README and
take a size option when run directly (e.g. `bench/bench_reports.py --n 10000000`).
"""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Size options for `make bench`; extra command-line arguments are passed to every script.
DEFAULT_ARGS = {
    "bench_reports.py": ["--n", "1000000"],
    "bench_worklist.py": ["--n", "1000000"],
    "bench_api_list.py": ["--n", "1000000"],
    "bench_intake.py": ["--count", "200"],
    "bench_ratios.py": ["--n", "1000000"],
    "bench_sqlite.py": ["--dossiers", "2000"],
}


def main() -> int:
    failed = []
    for script in sorted(HERE.glob("bench_*.py")):
        print(f"== {script.name} ==", flush=True)
        args = sys.argv[1:] or DEFAULT_ARGS.get(script.name, [])
        if subprocess.run([sys.executable, str(script), *args]).returncode != 0:
            failed.append(script.name)
    if failed:
        print("Benchmark thất bại: " + ", ".join(failed), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
