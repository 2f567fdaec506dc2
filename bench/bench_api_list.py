"""Benchmark: the REST API's dossier list (first page of 50) vs the raw SQL of its queries.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/motcua_bench .venv/bin/python \\
        bench/bench_api_list.py [--n 1000000] [--repeat 15]

Uses the data set of bench_worklist.py (same database: loaded once, shared). For an officer of
one ward and for each listed query string, measures in the same run: `GET /api/v1/ho-so/?…`
through Django's test client (token auth, scope, filters, capped count, serialisation) and the
raw SQL the view ran (every statement captured from one request, replayed with a cursor), and
prints both medians side by side with their ratio (target ≤ 2×) and the rows query's plan.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_worklist as wl  # noqa: E402

QUERIES = ["", "status=4&ordering=due_at", "ordering=-received_at&page=3"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="number of dossiers")
    parser.add_argument("--repeat", type=int, default=15, help="timed runs of each")
    args = parser.parse_args(argv)
    if not wl.django_on_postgres():
        return 0
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from motcua.dossiers.models import Dossier

    _desks, _sections, users, _versions = wl.dataset(args.n)
    print(f"{Dossier.objects.count():,} hồ sơ; đo {args.repeat} lần, lấy trung vị.\n")

    user = users["mot_cua"]
    client = Client()
    client.force_login(user)
    print(f"{'truy vấn':<36} {'API (ms)':>9} {'SQL (ms)':>9} {'tỷ lệ':>7} {'SQL/yêu cầu':>12}")
    plans = []
    for q in QUERIES:
        path = "/api/v1/ho-so/" + (f"?{q}" if q else "")
        response = client.get(path)
        assert response.status_code == 200, response.content[:300]
        api_ms = wl.median_time(lambda p=path: client.get(p), args.repeat) * 1000
        with CaptureQueriesContext(connection) as ctx:
            client.get(path)
        statements = [c["sql"] for c in ctx.captured_queries]
        data = [s for s in statements if "dossiers_dossier" in s]

        def raw(statements=data):
            with connection.cursor() as cur:
                for sql in statements:
                    cur.execute(sql)
                    cur.fetchall()

        raw_ms = wl.median_time(raw, args.repeat) * 1000
        print(f"{q or '(mặc định)':<36} {api_ms:>9.1f} {raw_ms:>9.1f} "
              f"{api_ms / raw_ms:>6.1f}× {len(statements):>12}")  # fmt: skip
        rows = [s for s in data if "LIMIT" in s and "COUNT(" not in s]
        if rows:
            with connection.cursor() as cur:
                cur.execute("EXPLAIN (COSTS OFF) " + rows[-1])
                plans.append((q or "(mặc định)", [r[0] for r in cur.fetchall()]))
    print()
    for label, plan in plans:
        print(f"-- {label}")
        print("\n".join(plan[:12]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
