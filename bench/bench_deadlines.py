"""Benchmark: due instants of N receipts spread over 2021–2026, indexed vs day-by-day.

    .venv/bin/python bench/bench_deadlines.py            # N = 1,000,000
    .venv/bin/python bench/bench_deadlines.py --n 100000

Both implementations get the same receipts (random instants, minute precision, 2021-01-01 to
2026-12-31, any hour and day: nights, weekends and holidays included) and the same legal
durations (1, 2, 4, 8 working hours; 1 and 3 half-days; 1, 3, 5, 7, 10, 15, 20, 30 working
days), on the Vietnamese calendar of the pinned `holidays` package with the default office
hours. The reference walks day by day (`motcua.clock.domain.reference`); the indexed calendar
(`WorkCalendar`) is timed including the construction of its index. Every result is compared.
Exit status 1 if any result differs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

try:
    import motcua  # noqa: F401
except ImportError:  # run from a checkout without installing
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from motcua.clock.domain.reference import naive_clock_start, naive_due
from motcua.clock.domain.vncalendar import package_dates, vietnam_calendar
from motcua.clock.domain.worktime import Duration

DURATIONS = [
    *(Duration.working_hours(h) for h in (1, 2, 4, 8)),
    *(Duration.half_days(n) for n in (1, 3)),
    *(Duration.working_days(n) for n in (1, 3, 5, 7, 10, 15, 20, 30)),
]
FIRST = dt.datetime(2021, 1, 1)
LAST = dt.datetime(2026, 12, 31, 23, 59)


def make_inputs(n: int, seed: int) -> tuple[list[dt.datetime], list[int]]:
    rng = random.Random(seed)
    span = int((LAST - FIRST).total_seconds() // 60)
    receipts = [FIRST + dt.timedelta(minutes=rng.randrange(span + 1)) for _ in range(n)]
    minutes = [rng.choice(DURATIONS) for _ in range(n)]
    return receipts, minutes


def timed(label: str, func):
    started = time.perf_counter()
    result = func()
    elapsed = time.perf_counter() - started
    print(f"{label:<46} {elapsed:9.3f} s", flush=True)
    return result, elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="number of receipts")
    parser.add_argument("--seed", type=int, default=20240207)
    args = parser.parse_args(argv)

    package_dates()  # read the package once, outside every timing
    receipts, minutes = make_inputs(args.n, args.seed)
    print(f"{args.n:,} receipts, {FIRST:%d/%m/%Y}–{LAST:%d/%m/%Y}, {len(DURATIONS)} durations")

    reference_cal = vietnam_calendar()
    naive, t_naive = timed(
        "day-by-day reference loop",
        lambda: [
            naive_due(reference_cal, naive_clock_start(reference_cal, r), m)
            for r, m in zip(receipts, minutes, strict=True)
        ],
    )

    def indexed_batch():
        cal = vietnam_calendar()
        return cal.deadlines(receipts, minutes)

    def indexed_calls():
        cal = vietnam_calendar()
        return [cal.due(cal.clock_start(r), m) for r, m in zip(receipts, minutes, strict=True)]

    results = {}
    results["indexed, WorkCalendar.deadlines (pure Python)"] = timed(
        "indexed, WorkCalendar.deadlines (pure Python)", indexed_batch
    )
    results["indexed, clock_start + due one by one"] = timed(
        "indexed, clock_start + due one by one", indexed_calls
    )
    try:
        import numpy as np

        from motcua.clock.domain.batch import deadlines_array
    except ImportError:
        print("numpy not installed: vectorised variant skipped")
    else:
        receipts_np = np.array(receipts, dtype="datetime64[s]")
        minutes_np = np.array(minutes, dtype=np.int64)

        def vectorised():
            return deadlines_array(vietnam_calendar(), receipts_np, minutes_np)

        (due_np, t_np) = timed("indexed, NumPy deadlines_array", vectorised)
        results["indexed, NumPy deadlines_array"] = (due_np.astype(object).tolist(), t_np)

    print()
    ok = True
    best = None
    for label, (got, seconds) in results.items():
        mismatches = sum(1 for a, b in zip(got, naive, strict=True) if a != b)
        ratio = t_naive / seconds
        agree = "all agree" if mismatches == 0 else f"{mismatches:,} DIFFER"
        print(f"{label:<46} {ratio:8.1f}× faster than day-by-day; {agree}")
        ok &= mismatches == 0
        best = max(best or ratio, ratio)
    print()
    print(f"best ratio {best:.1f}× (target ≥ 50×): {'met' if best >= 50 else 'NOT met'}")
    if not ok:
        print("ERROR: implementations disagree", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
