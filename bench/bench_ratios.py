"""Issue 12 §5's three target ratios, measured side by side in one run (`make bench-ratios`).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/motcua_bench .venv/bin/python \\
        bench/bench_ratios.py [--n 1000000] [--repeat 9] [--count 100]

On bench_worklist.py's data set (loaded once if missing, N dossiers), in one process:

- API list: `GET /api/v1/ho-so/` (first page) through Django's test client vs the raw SQL of
  the dossier queries it ran (target ≤ 2×; and ≤ 150 ms);
- worklist: `GET /ho-so/?tab=tat-ca` vs the raw SQL of its count and rows (target ≤ 2×);
- counter intake: dossiers/s through `services.dossier_create` vs raw INSERTs of the rows it
  must write (target ≥ 25%).

Prints one table: each measure, its raw baseline, the ratio, the target and whether it is met.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_intake  # noqa: E402
import bench_worklist as wl  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="number of dossiers")
    parser.add_argument("--repeat", type=int, default=9, help="timed runs of each page")
    parser.add_argument("--count", type=int, default=100, help="intakes of each kind")
    args = parser.parse_args(argv)
    if not wl.django_on_postgres():
        return 0
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from motcua.dossiers.models import Dossier

    _desks, _sections, users, _versions = wl.dataset(args.n)

    client = Client()
    client.force_login(users["mot_cua"])
    results = []

    def page_vs_sql(label: str, path: str, keep, single_client_ms: float | None = None) -> None:
        assert client.get(path).status_code == 200
        page_ms = wl.median_time(lambda: client.get(path), args.repeat) * 1000
        with CaptureQueriesContext(connection) as ctx:
            client.get(path)
        data = [q["sql"] for q in ctx.captured_queries if keep(q["sql"])]

        def raw():
            with connection.cursor() as cur:
                for sql in data:
                    cur.execute(sql)
                    cur.fetchall()

        raw_ms = wl.median_time(raw, args.repeat) * 1000
        results.append((label, f"{page_ms:.1f} ms", f"{raw_ms:.1f} ms", page_ms / raw_ms, "≤ 2×"))
        if single_client_ms is not None:
            results.append((f"  {label}: một client", f"{page_ms:.1f} ms", "", None, "≤ 150 ms"))

    page_vs_sql(
        "API danh sách hồ sơ",
        "/api/v1/ho-so/",
        lambda sql: "dossiers_dossier" in sql,
        single_client_ms=150,
    )
    # The worklist's raw SQL: its count and rows (the statements reading the dossier table).
    page_vs_sql(
        "Danh sách công việc (tất cả)",
        "/ho-so/?tab=tat-ca&sap_xep=han",
        lambda sql: re.search(r'FROM "dossiers_dossier"', sql) is not None,
    )

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        bench_intake.main(["--count", str(args.count)])
    text = out.getvalue()
    service = float(re.search(r"dossier_create\s+([\d.]+)", text).group(1))
    raw = float(re.search(r"INSERT thô cùng các dòng\s+([\d.]+)", text).group(1))
    statements = re.search(r"một lần tiếp nhận: (\d+)", text).group(1)
    results.append(
        (
            f"Tiếp nhận tại quầy ({statements} câu lệnh)",
            f"{service:.1f} hs/s",
            f"{raw:.1f} hs/s",
            service / raw,
            "≥ 25%",
        )
    )

    load = os.getloadavg()[0]
    print(f"\n{Dossier.objects.count():,} hồ sơ; {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; "
          f"tải máy (load average) {load:.1f} trên {os.cpu_count()} lõi\n")  # fmt: skip
    print(f"{'đo':<44} {'thực tế':>12} {'SQL thô':>12} {'tỷ lệ':>8} {'mục tiêu':>9}  đạt")
    met_all = True
    for label, measured, baseline, ratio, target in results:
        if ratio is None:
            ok = float(measured.split()[0]) <= 150
            shown = ""
        elif target.startswith("≥"):
            ok, shown = ratio >= 0.25, f"{ratio:.0%}"
        else:
            ok, shown = ratio <= 2, f"{ratio:.1f}×"
        met_all &= ok
        print(f"{label:<44} {measured:>12} {baseline:>12} {shown:>8} {target:>9}  "
              f"{'có' if ok else 'chưa'}")  # fmt: skip
    print("\nMọi mục tiêu đã đạt." if met_all else "\nCòn mục tiêu chưa đạt (xem cột «đạt»).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
