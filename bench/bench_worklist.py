"""Benchmark: the worklist page (first page of 50) over 1,000,000 dossiers on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/motcua_bench .venv/bin/python \\
        bench/bench_worklist.py [--n 1000000] [--repeat 15] [--reload]

The database is created if missing and migrated. N dossiers are loaded once with COPY (again
with `--reload`) across the 14 wards of a city: each ward has a one-stop desk and a justice
section; statuses, channels and dates are spread like a few years of real work (most dossiers
returned, some processing, waiting for a supplement, ready). Then, for an officer of one ward,
each measured in the same run:

- the page: `GET /ho-so/?tab=...` through Django's test client, signed in (session, scope,
  calendar, count, rows, template rendering);
- the raw SQL of the same query: the page's queryset (`selectors.dossier_worklist`), its first
  50 rows' SQL and its COUNT taken from `.query`, run with a cursor.

It prints the median of `--repeat` runs of each, their ratio, and the query plan of the rows
query (so a missing index shows). Exit status 1 when the page's first 50 rows differ from the
raw SQL's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import random
import re
import statistics
import sys
import time
from pathlib import Path

try:
    import motcua  # noqa: F401
except ImportError:  # run from a checkout without installing
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

os.environ.setdefault("MOTCUA_ENV", "development")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.settings")

WARDS = 14
SEED = 20250303
VN = dt.timezone(dt.timedelta(hours=7))
# Status code → share of the dossiers (national codes; 10 = returned).
STATUSES = [(10, 0.72), (4, 0.1), (2, 0.03), (5, 0.04), (9, 0.05), (1, 0.02), (8, 0.02),
            (7, 0.01), (3, 0.01)]  # fmt: skip
OPEN = {1, 2, 4, 5, 6, 9}
# (role, tab, sort) of the measured pages.
PAGES = [
    ("chuyen_vien", "can-xu-ly", "han"),
    ("chuyen_vien", "tat-ca", "han"),
    ("mot_cua", "cho-tra-ket-qua", "han"),
    ("mot_cua", "tat-ca", "han"),
    ("mot_cua", "tat-ca", "nhan-moi"),
    ("mot_cua", "qua-han", "han"),
    ("mot_cua", "sap-den-han", "han"),
]


def database_ensure(url: str) -> None:
    """Create the database of `url` if it does not exist."""
    import dj_database_url
    import psycopg

    cfg = dj_database_url.parse(url)
    if "postgresql" not in cfg["ENGINE"]:
        sys.exit("Cần DATABASE_URL trỏ tới PostgreSQL, ví dụ postgres://postgres@127.0.0.1/x")
    conninfo = dict(
        host=cfg["HOST"] or None,
        port=cfg["PORT"] or None,
        user=cfg["USER"] or None,
        password=cfg["PASSWORD"] or None,
        dbname="postgres",
    )
    with psycopg.connect(**{k: v for k, v in conninfo.items() if v}, autocommit=True) as c:
        found = c.execute("SELECT 1 FROM pg_database WHERE datname = %s", [cfg["NAME"]])
        if found.fetchone() is None:
            c.execute(f'CREATE DATABASE "{cfg["NAME"]}"')


def django_on_postgres() -> bool:
    """For the benchmarks on this data set: False (and why) without a PostgreSQL
    DATABASE_URL; else the database created if missing, Django set up and migrated."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        print("Bỏ qua: cần DATABASE_URL của PostgreSQL (ví dụ .../motcua_bench).")
        return False
    database_ensure(url)
    # Measured as production runs: DEBUG off (no per-query debug cursor, the hashed static
    # files' manifest). `DEBUG=on` in the environment measures the development server instead.
    os.environ.setdefault("DEBUG", "off")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    call_command("migrate", verbosity=0)
    if not settings.DEBUG and not (Path(settings.STATIC_ROOT) / "staticfiles.json").exists():
        call_command("collectstatic", interactive=False, verbosity=0)
    return True


def dataset(n: int):
    """The fixtures, with `n` generated dossiers loaded unless already there."""
    from django.db import connection

    from motcua.dossiers.models import Dossier

    desks, sections, users, versions = fixtures()
    if Dossier.objects.filter(code__startswith="BENCH-").count() != n:
        with connection.cursor() as cur:
            cur.execute("DELETE FROM dossiers_dossier WHERE code LIKE 'BENCH-%%'")
        load(n, desks, sections, users, versions)
    return desks, sections, users, versions


def fixtures():
    """Units, officers and two procedures (idempotent)."""
    from motcua.accounts.models import User
    from motcua.accounts.roles import Role
    from motcua.accounts.services import roles_sync, user_create
    from motcua.catalogue.models import Field, ProcedureVersion
    from motcua.catalogue.services import procedure_create
    from motcua.org.models import OrgUnit

    roles_sync()
    city, _ = OrgUnit.objects.get_or_create(
        code="B718", defaults={"name": "TP Bench", "kind": "district"}
    )
    desks, sections = [], []
    for i in range(WARDS):
        ward, _ = OrgUnit.objects.get_or_create(
            code=f"B{25700 + i}",
            defaults={"name": f"Phường Bench {i + 1}", "kind": "ward", "parent": city},
        )
        desk, _ = OrgUnit.objects.get_or_create(
            code=f"B{25700 + i}.MC",
            defaults={"name": f"Một cửa {i + 1}", "kind": "one_stop_desk", "parent": ward},
        )
        tp, _ = OrgUnit.objects.get_or_create(
            code=f"B{25700 + i}.TP",
            defaults={"name": f"Tư pháp {i + 1}", "kind": "department", "parent": ward},
        )
        desks.append(desk)
        sections.append(tp)
    users = {}
    for username, role, unit in (
        ("bench_motcua", Role.ONE_STOP_OFFICER, desks[0]),
        ("bench_chuyenvien", Role.SPECIALIST, sections[0]),
    ):
        user = User.objects.filter(username=username).first() or user_create(
            username=username, password="bench-only", full_name=username, unit=unit, roles=[role]
        )
        users[role.value] = user
    field, _ = Field.objects.get_or_create(code="BHT", defaults={"name": "Bench"})
    versions = []
    for code, name in (("9.000001", "Đăng ký khai sinh (bench)"), ("9.000002", "Chứng thực")):
        pv = ProcedureVersion.objects.filter(procedure__national_code=code).first()
        if pv is None:
            pv = procedure_create(
                national_code=code,
                field=field,
                name=name,
                level="commune",
                time_unit="working_days",
                time_value=3,
                components=[{"name": "Tờ khai", "form": "original"}],
                steps=[
                    {"name": "Tiếp nhận", "role": "mot_cua", "allotted_minutes": 120},
                    {"name": "Thẩm định", "role": "chuyen_vien", "allotted_minutes": 1080},
                    {"name": "Ký", "role": "lanh_dao_ky", "allotted_minutes": 120},
                    {"name": "Trả kết quả", "role": "mot_cua", "allotted_minutes": 120},
                ],
                units=[city],
                publish=True,
            )
        versions.append(pv)
    return desks, sections, users, versions


COLUMNS = (
    "code lookup_key procedure_version_id unit_id current_unit_id applicant_kind applicant_name "
    "applicant_id_number applicant_phone applicant_email applicant_address channel "
    "postal_receipt_no status current_step step_started_at duration_minutes received_at "
    "clock_start due_at appointment_at finished_at returned_at result_delivery "
    "supplement_count is_late_flag apologised version created_at assignee_id"
).split()


def load(n: int, desks, sections, users, versions) -> None:
    """COPY `n` dossiers in batches (codes `BENCH-<n>` never collide with real ones)."""
    from django.db import connection

    rng = random.Random(SEED)
    codes, weights = zip(*STATUSES, strict=True)
    # Open dossiers were received in the last 3 weeks (some overdue, some near due); closed
    # ones over the 5 years before.
    now = dt.datetime.now(VN)
    recent, years = 21 * 86400, 5 * 365 * 86400
    specialist = users["chuyen_vien"]
    batch = 100_000
    started = time.perf_counter()
    with connection.cursor() as cur:
        raw = cur.connection
        for first in range(0, n, batch):
            buf = io.StringIO()
            for i in range(first, min(n, first + batch)):
                w = rng.randrange(WARDS)
                status = rng.choices(codes, weights)[0]
                back = rng.randrange(recent if status in OPEN else years)
                received = now - dt.timedelta(seconds=back)
                due = received + dt.timedelta(days=rng.choice((1, 3, 5, 7, 10)))
                in_section = status in (4, 5)
                finished = received + dt.timedelta(days=rng.randrange(1, 12))
                row = [
                    f"BENCH-{i:08d}",
                    f"K{i:08d}",
                    versions[i % 2].pk,
                    desks[w].pk,
                    (sections if in_section else desks)[w].pk,
                    "person",
                    f"Người nộp {i}",
                    f"{rng.randrange(10**11, 10**12)}",
                    "",
                    "",
                    "",
                    rng.choice((1, 1, 1, 2, 3)),
                    "",
                    status,
                    2 if in_section else 1,
                    received.isoformat(),
                    1440,
                    received.isoformat() if status != 1 else r"\N",
                    received.isoformat() if status != 1 else r"\N",
                    due.isoformat() if status != 1 else r"\N",
                    due.isoformat() if status != 1 else r"\N",
                    finished.isoformat() if status in (3, 7, 8, 9, 10) else r"\N",
                    finished.isoformat() if status == 10 else r"\N",
                    "counter",
                    1 if status == 5 else 0,
                    "f",
                    "f",
                    1,
                    received.isoformat(),
                    specialist.pk if in_section and w == 0 and rng.random() < 0.5 else r"\N",
                ]
                buf.write("\t".join(str(v) for v in row) + "\n")
            with (
                raw.cursor() as c,
                c.copy(f"COPY dossiers_dossier ({', '.join(COLUMNS)}) FROM STDIN") as copy,
            ):
                copy.write(buf.getvalue())
            print(f"  … {min(n, first + batch):>9,} dossiers", flush=True)
        cur.execute("ANALYZE dossiers_dossier")
    print(f"Nạp dữ liệu: {time.perf_counter() - started:.1f} s", flush=True)


def median_time(func, repeat: int) -> float:
    func()  # warm up (plans, caches, the calendar's lazy index)
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        func()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="number of dossiers")
    parser.add_argument("--repeat", type=int, default=15, help="timed runs of each")
    parser.add_argument("--reload", action="store_true", help="delete and load again")
    args = parser.parse_args(argv)

    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        print("Bỏ qua: cần DATABASE_URL của PostgreSQL (ví dụ .../motcua_bench).")
        return 0
    database_ensure(url)

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from motcua.dossiers.models import Dossier
    from motcua.dossiers.selectors import (
        dossier_worklist,
        worklist_calendar,
        worklist_count_visible,
    )

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    call_command("migrate", verbosity=0)
    desks, sections, users, versions = fixtures()
    bench = Dossier.objects.filter(code__startswith="BENCH-")
    have = bench.count()
    if args.reload or have != args.n:
        if have:
            with connection.cursor() as cur:
                cur.execute("DELETE FROM dossiers_dossier WHERE code LIKE 'BENCH-%%'")
        load(args.n, desks, sections, users, versions)
    total = Dossier.objects.count()
    print(f"{total:,} hồ sơ trong cơ sở dữ liệu; đo {args.repeat} lần, lấy trung vị.\n")

    failed = False
    print(f"{'người dùng / tab / sắp xếp':<40} {'trang (ms)':>11} {'SQL (ms)':>9} {'tỷ lệ':>7} "
          f"{'dòng':>5} {'tổng':>8}")  # fmt: skip
    plans = []
    clients = {}
    for role, tab, sort in PAGES:
        user = users[role]
        if role not in clients:
            clients[role] = Client()
            clients[role].force_login(user)
        client = clients[role]
        url_ = f"/ho-so/?tab={tab}&sap_xep={sort}"
        response = client.get(url_)
        assert response.status_code == 200, response.status_code
        page_ms = median_time(lambda u=url_, c=client: c.get(u), args.repeat) * 1000

        now = dt.datetime.now(dt.UTC)
        qs = dossier_worklist(
            user=user, tab=tab, sort=sort, now=now, calendar=worklist_calendar(user=user)
        )
        rows_sql, rows_params = qs[:50].query.sql_with_params()
        # The page counts through `worklist_count_visible` (capped, the read scope's indexed
        # branches): run that query's own SQL.
        with CaptureQueriesContext(connection) as counted:
            worklist_count_visible(
                user=user, tab=tab, now=now, calendar=worklist_calendar(user=user)
            )
        count_sql, count_params = counted.captured_queries[-1]["sql"], None

        def raw(rows_sql=rows_sql, rows_params=rows_params, cs=count_sql, cp=count_params):
            with connection.cursor() as cur:
                cur.execute(cs, cp)
                count = cur.fetchone()[0]
                cur.execute(rows_sql, rows_params)
                return count, [r[1] for r in cur.fetchall()]  # id, code, …

        raw_ms = median_time(raw, args.repeat) * 1000
        count, ids = raw()
        page_ids = re.findall(
            r'<tr data-testid="dossier-row">\s*<td><a href="/ho-so/([^/"]+)/"',
            response.content.decode(),
        )
        if page_ids != ids:
            print(f"  KHÁC NHAU: trang {page_ids[:5]}… / SQL {ids[:5]}…")
            failed = True
        label = f"{user.username} / {tab} / {sort}"
        print(f"{label:<40} {page_ms:>11.1f} {raw_ms:>9.1f} "
              f"{page_ms / raw_ms:>6.1f}× {len(ids):>5} {count:>8,}")  # fmt: skip
        with CaptureQueriesContext(connection) as ctx:
            client.get(url_)
        with connection.cursor() as cur:
            cur.execute("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " + rows_sql, rows_params)
            plans.append((label, len(ctx), cur.fetchall()))
    print()
    for label, queries, plan in plans:
        print(f"-- {label}: {queries} truy vấn cho cả trang; kế hoạch truy vấn các dòng:")
        for (line,) in plan:
            # The scans of the dossier table and the sort: where a missing index would show.
            if (
                "dossiers_dossier" in line
                and ("Scan" in line or "Cond" in line)
                or any(
                    key in line
                    for key in ("Filter: ", "Sort Key", "Execution Time", "Rows Removed")
                )
            ):
                print("   " + line.strip())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
