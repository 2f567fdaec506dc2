"""How many concurrent users the embedded SQLite database (WAL, busy timeout) serves.

Starts `motcua serve` (gunicorn, 4 workers) on a fresh SQLite file with the demo data and
N demo dossiers, then runs closed-loop clients on loopback for each concurrency level: officers
(sign in — a write: session row and last_login — then the worklist and the home page) and
citizens (portal procedure search and a procedure page), 1 officer request in 3. Prints req/s,
p50/p95/p99 and errors per level, and the users served at a realistic pace (one request every
10 s per person) while p95 stays under one second.

    .venv/bin/python bench/bench_sqlite.py [--dossiers 2000] [--levels 1,4,8,16,32] [--seconds 15]
"""

import argparse
import http.cookiejar
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

THINK_SECONDS = 10


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def client_loop(base, officer, stop, out):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    i = 0
    while not stop.is_set():
        i += 1
        start = time.perf_counter()
        ok = True
        try:
            if officer and i % 3 == 1:
                page = opener.open(f"{base}/tai-khoan/dang-nhap/", timeout=30).read().decode()
                token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
                data = urllib.parse.urlencode(
                    {"csrfmiddlewaretoken": token, "username": "motcua", "password": "motcua-demo"}
                ).encode()
                req = urllib.request.Request(
                    f"{base}/tai-khoan/dang-nhap/", data=data, headers={"Referer": base + "/"}
                )
                opener.open(req, timeout=30).read()
            elif officer:
                opener.open(f"{base}/ho-so/" if i % 3 == 2 else f"{base}/", timeout=30).read()
            else:
                q = urllib.parse.quote("khai sinh" if i % 2 else "đất đai")
                opener.open(f"{base}/cong-dan/thu-tuc/?q={q}", timeout=30).read()
        except Exception:
            ok = False
        out.append((time.perf_counter() - start, ok))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossiers", type=int, default=2000)
    parser.add_argument("--levels", default="1,4,8,16,32")
    parser.add_argument("--seconds", type=float, default=15)
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="motcua-sqlite-bench-")
    env = {
        **os.environ,
        "MOTCUA_ENV": "development",
        "DEBUG": "off",
        "MOTCUA_VAR_DIR": work,
        "DATABASE_URL": f"sqlite:///{work}/motcua.sqlite3",
    }
    motcua = [sys.executable, "-m", "motcua"]
    subprocess.run([*motcua, "migrate", "-v0"], env=env, check=True)
    subprocess.run(
        [*motcua, "demo-data", "--quiet", "--profile", "tdm", "--dossiers", str(args.dossiers)],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    port = free_port()
    server = subprocess.Popen(
        [*motcua, "serve", "--bind", f"127.0.0.1:{port}", "--workers", "4"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"{base}/cong-dan/", timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        journal = subprocess.run(
            ["sqlite3", f"{work}/motcua.sqlite3", "PRAGMA journal_mode"],
            capture_output=True,
            text=True,
        ).stdout.strip()
        print(
            f"SQLite journal mode: {journal or '(sqlite3 CLI missing)'}; {args.dossiers} dossiers"
        )
        print("| clients | req/s | p50 ms | p95 ms | p99 ms | errors | users at 1 req/10 s |")
        print("|---|---|---|---|---|---|---|")
        for level in [int(x) for x in args.levels.split(",")]:
            stop = threading.Event()
            out = []
            threads = [
                threading.Thread(target=client_loop, args=(base, n % 3 == 0, stop, out))
                for n in range(level)
            ]
            for t in threads:
                t.start()
            time.sleep(args.seconds)
            stop.set()
            for t in threads:
                t.join()
            times = sorted(t for t, _ in out)
            errors = sum(1 for _, ok in out if not ok)
            rps = len(out) / args.seconds
            q = statistics.quantiles(times, n=100) if len(times) > 1 else [times[0]] * 99
            users = int(rps * THINK_SECONDS) if q[94] < 1.0 and not errors else 0
            print(
                f"| {level} | {rps:.1f} | {q[49] * 1000:.0f} | {q[94] * 1000:.0f} | "
                f"{q[98] * 1000:.0f} | {errors} | {users} |"
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
