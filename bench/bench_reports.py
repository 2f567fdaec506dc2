"""Benchmark: the on-time report over N dossiers vs over 10,000, and vs a plain GROUP BY.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/motcua_bench_reports \\
        .venv/bin/python bench/bench_reports.py               # N = 10,000,000
    ... bench/bench_reports.py --n 1000000 --years 2021-2025

The database named in DATABASE_URL is created if missing and emptied of dossiers first (use a
database of its own, never a real one). Dossiers come from the Thủ Dầu Một generator
(`motcua.demo.history`, the same legal clock as real dossiers), spread over --years. For the big
load the dossier tables' secondary indexes and foreign keys are dropped and created again after
it (PostgreSQL's advice for bulk loads; --keep-indexes loads with them), before anything is
measured. The loader generates in one worker process per core and streams COPY text; the report's
buckets are built from the loaded dossiers in one set-based SQL pass. About 9,000 dossiers/s on
2 cores (10M: ~20 min load, ~10 GB of disk).

Measured in the same run, each the median of --repeat runs, for the report of one year
(every unit, rows by ward) as `motcua report on-time` computes it:
1. over the first 10,000 dossiers;
2. over all N dossiers — target: under 5× the 10,000 time;
3. a plain GROUP BY over the dossier table computing the same counts — target: slower than (2).
Every count of (2) and (3) must be identical (exit status 1 otherwise).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import time
from pathlib import Path

try:
    import motcua  # noqa: F401
except ImportError:  # run from a checkout without installing
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

SMALL = 10_000


def _median_time(func, repeat: int):
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def _ensure_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1].split("?")[0]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


BULK_TABLES = ("dossiers_dossier", "dossiers_dossierevent", "dossiers_dossierpause")


@contextlib.contextmanager
def _bulk_load_mode(connection, *, enabled: bool = True):
    """PostgreSQL's advice for bulk loads: drop the secondary (non-unique) indexes and the
    foreign keys of the dossier tables, load, then create them again in one pass each (and
    validate the keys) — before anything is measured. Unique indexes stay."""
    if not enabled:
        yield
        return
    with connection.cursor() as c:
        c.execute(
            "SELECT x.indexrelid::regclass::text, pg_get_indexdef(x.indexrelid) FROM pg_index x "
            "WHERE x.indrelid::regclass::text = ANY(%s) AND NOT x.indisunique",
            [list(BULK_TABLES)],
        )
        indexes = c.fetchall()
        c.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text = ANY(%s)",
            [list(BULK_TABLES)],
        )
        keys = c.fetchall()
        for table, name, _ in keys:
            c.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
        for name, _ in indexes:
            c.execute(f"DROP INDEX {name}")
    print(f"Tạm bỏ {len(indexes)} chỉ mục phụ và {len(keys)} khóa ngoại để nạp.", flush=True)
    try:
        yield
    finally:
        t0 = time.perf_counter()
        with connection.cursor() as c:
            c.execute("SET maintenance_work_mem = '1GB'")
            for _, definition in indexes:
                c.execute(definition)
            for table, name, definition in keys:
                c.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
        print(f"Tạo lại chỉ mục và khóa ngoại: {time.perf_counter() - t0:.0f} s", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000_000, help="dossiers (default 10M)")
    parser.add_argument("--years", default="2021-2025", help="years of the dossiers")
    parser.add_argument("--year", type=int, default=2023, help="the year reported")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--keep-indexes", action="store_true", help="load with every index and foreign key"
    )
    args, _ = parser.parse_known_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        print("bench_reports: cần PostgreSQL (DATABASE_URL=postgres://...); bỏ qua.")
        return 0
    if args.n < SMALL:
        print(f"--n phải từ {SMALL:,} trở lên.", file=sys.stderr)
        return 2
    os.environ.setdefault("MOTCUA_ENV", "development")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.settings")
    _ensure_database(url)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from motcua.demo.history import load_profile
    from motcua.dossiers.models import Dossier, DossierEvent, DossierPause
    from motcua.reports.domain.periods import year
    from motcua.reports.models import DemoLoad, DossierFact, DossierFactState
    from motcua.reports.selectors import ontime_counts_direct, ontime_report

    call_command("migrate", verbosity=0)
    call_command("demo-data", "--quiet", stdout=open(os.devnull, "w"))
    print("Xóa hồ sơ cũ của cơ sở dữ liệu đo…", flush=True)
    with connection.cursor() as c:
        for model in (DossierFact, DossierFactState, DossierEvent, DossierPause, DemoLoad):
            c.execute(f"TRUNCATE {model._meta.db_table}")
        c.execute(f"TRUNCATE {Dossier._meta.db_table} CASCADE")

    period = year(args.year)

    def report():
        return ontime_report(period=period, group_by="unit")

    def direct():
        return ontime_counts_direct(period=period)

    def analyze():
        with connection.cursor() as c:
            c.execute("ANALYZE")

    t0 = time.perf_counter()
    load_profile("tdm", dossiers=SMALL, years=args.years, stdout=sys.stdout)
    analyze()
    report()  # warm caches
    small_time, small_report = _median_time(report, args.repeat)
    print(f"Nạp {SMALL:,} hồ sơ: {time.perf_counter() - t0:.0f} s", flush=True)

    t0 = time.perf_counter()
    with _bulk_load_mode(connection, enabled=not args.keep_indexes):
        load_profile("tdm", dossiers=args.n - SMALL, years=args.years, stdout=sys.stdout)
    analyze()
    load_time = time.perf_counter() - t0
    total = Dossier.objects.count()
    print(f"Nạp thêm {args.n - SMALL:,} hồ sơ: {load_time:.0f} s (tổng {total:,})", flush=True)
    report()
    big_time, big_report = _median_time(report, args.repeat)
    direct()
    direct_time, direct_rows = _median_time(direct, max(1, min(args.repeat, 3)))

    ((counts, extra),) = direct_rows.values()
    r = big_report.total
    mine = (
        r.counts.resolved_early, r.counts.resolved_on_time, r.counts.resolved_late,
        r.counts.open_in_time, r.counts.open_overdue,
        r.counts.resolved_in_time_repeated_supplements,
        r.counts.open_in_time_repeated_supplements, tuple(sorted(r.extra.items())),
    )  # fmt: skip
    theirs = (
        counts.resolved_early, counts.resolved_on_time, counts.resolved_late,
        counts.open_in_time, counts.open_overdue, counts.resolved_in_time_repeated_supplements,
        counts.open_in_time_repeated_supplements, tuple(sorted(extra.items())),
    )  # fmt: skip
    same = mine == theirs
    print()
    print(f"Báo cáo năm {args.year}, mọi đơn vị, theo phường (trung vị {args.repeat} lần):")
    print(f"  {SMALL:>12,} hồ sơ: {small_time * 1000:9.1f} ms "
          f"({small_report.total.counts.resolved:,} đã giải quyết trong năm)")  # fmt: skip
    print(f"  {total:>12,} hồ sơ: {big_time * 1000:9.1f} ms "
          f"({r.counts.resolved:,} đã giải quyết trong năm)")  # fmt: skip
    ratio = big_time / small_time
    print(f"  tỷ lệ: {ratio:.2f}× (mục tiêu < 5×) {'ĐẠT' if ratio < 5 else 'KHÔNG ĐẠT'}")
    speed = direct_time / big_time
    print(f"  GROUP BY trực tiếp trên bảng hồ sơ: {direct_time * 1000:9.1f} ms — báo cáo nhanh "
          f"hơn {speed:.1f}× {'ĐẠT' if speed > 1 else 'KHÔNG ĐẠT'}")  # fmt: skip
    print(f"  số liệu giống nhau: {'có' if same else 'KHÔNG'}")
    if not same:
        print(f"  báo cáo: {mine}\n  GROUP BY: {theirs}", file=sys.stderr)
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
