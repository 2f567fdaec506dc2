"""Benchmark: counter intake (dossiers/s) through the intake service vs raw INSERTs of its rows.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/motcua_bench .venv/bin/python \\
        bench/bench_intake.py [--count 200]

Uses bench_worklist.py's database (units, officer, procedure; its dossiers need not be
loaded). In the same run, one after the other, each dossier in its own transaction:

- the service: `services.dossier_create` as the desk's page and `POST /api/v1/ho-so/` call it
  (scope, procedure and unit checks, code allocation, clock, audit event, and everything its
  subscribers write in the same transaction: the applicant's notifications, the report's
  facts);
- raw SQL: the rows that must exist once a dossier is received — the dossier (already in its
  received state), its components, its audit event and the code sequence's increment — as
  plain INSERT/UPDATE statements with a cursor;

and prints dossiers/s of both, their ratio (target ≥ 25%) and the statements of one intake by
kind. The dossiers written are deleted at the end (the report's running totals keep them).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_worklist as wl  # noqa: E402

AGENCY = "000.00.99.B01"
TABLES = ("dossiers_dossier", "dossiers_dossiercomponent", "dossiers_dossierevent")


def statement_kinds(statements: list[str]) -> Counter:
    kinds = Counter()
    for sql in statements:
        word = sql.lstrip().split(None, 1)[0].upper()
        kinds[word if word in ("SELECT", "INSERT", "UPDATE", "DELETE") else "SAVEPOINT…"] += 1
    return kinds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200, help="dossiers of each kind")
    args = parser.parse_args(argv)
    if not wl.django_on_postgres():
        return 0
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from motcua.dossiers import services
    from motcua.org.models import OrgUnit

    desks, _sections, users, versions = wl.fixtures()
    officer, desk, version = users["mot_cua"], desks[0], versions[0]
    OrgUnit.objects.filter(pk=desk.parent_id).update(agency_code=AGENCY)
    desk.refresh_from_db()
    officer.refresh_from_db()
    applicant = {"name": "Nguyễn Văn Bench", "id_number": "074089001234", "phone": "0912345678"}
    components = [{"name": c.name} for c in version.components.all()]
    made: list[int] = []

    def intake():
        return services.dossier_create(
            actor=officer, procedure_version=version, applicant=applicant, components=components
        )

    made.append(intake().pk)  # warm up (plans, calendar)
    with CaptureQueriesContext(connection) as ctx:
        sample = intake()
    made.append(sample.pk)
    statements = [q["sql"] for q in ctx.captured_queries]

    started = time.perf_counter()
    for _ in range(args.count):
        made.append(intake().pk)
    service_s = time.perf_counter() - started

    # The same rows, raw: copied from the sample intake, with fresh codes.
    rows = {}
    with connection.cursor() as cur:
        for table, key in zip(TABLES, ("id", "dossier_id", "dossier_id"), strict=True):
            cur.execute(f"SELECT * FROM {table} WHERE {key} = %s ORDER BY id", [sample.pk])
            names = [c.name for c in cur.description]
            rows[table] = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    def insert_sql(table, row):
        cols = [c for c in row if c != "id"]
        values = ", ".join(["%s"] * len(cols))
        return f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({values})", cols

    dossier_sql, dossier_cols = insert_sql(TABLES[0], rows[TABLES[0]][0])
    dossier_sql += " RETURNING id"
    child_sql = {t: insert_sql(t, rows[t][0]) for t in TABLES[1:]}
    from psycopg.types.json import Jsonb

    def raw(i: int) -> int:
        values = dict(rows[TABLES[0]][0], code=f"RAW-{i:08d}", lookup_key=f"R{i:09d}")
        with transaction.atomic(), connection.cursor() as cur:
            cur.execute(
                "UPDATE dossiers_dossiercodesequence SET last = last + 1 WHERE agency_code = %s",
                [AGENCY],
            )
            cur.execute(dossier_sql, [values[c] for c in dossier_cols])
            pk = cur.fetchone()[0]
            for table, (sql, cols) in child_sql.items():
                params = [
                    [
                        pk if c == "dossier_id" else (Jsonb(v) if isinstance(v, dict) else v)
                        for c, v in ((c, r[c]) for c in cols)
                    ]
                    for r in rows[table]
                ]
                cur.executemany(sql, params)
        return pk

    stamp = int(dt.datetime.now().timestamp()) % 10**6 * 1000
    started = time.perf_counter()
    for i in range(args.count):
        made.append(raw(stamp + i))
    raw_s = time.perf_counter() - started

    service_rate, raw_rate = args.count / service_s, args.count / raw_s
    print(f"{'tiếp nhận tại quầy':<28} {'hồ sơ/s':>9} {'ms/hồ sơ':>9}")
    print(f"{'dịch vụ dossier_create':<28} {service_rate:>9.1f} {1000 / service_rate:>9.2f}")
    print(f"{'INSERT thô cùng các dòng':<28} {raw_rate:>9.1f} {1000 / raw_rate:>9.2f}")
    print(f"tỷ lệ dịch vụ / thô: {service_rate / raw_rate:.0%} (mục tiêu ≥ 25%)")
    kinds = statement_kinds(statements)
    print(f"một lần tiếp nhận: {len(statements)} câu lệnh SQL ("
          + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) + ")")  # fmt: skip
    with connection.cursor() as cur:  # audit events are protected from the ORM's delete
        for table in ("reports_dossierfactstate", *reversed(TABLES[1:])):
            cur.execute(f"DELETE FROM {table} WHERE dossier_id = ANY(%s)", [made])
        cur.execute("DELETE FROM dossiers_dossier WHERE id = ANY(%s)", [made])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
