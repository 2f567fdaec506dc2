"""How many concurrent officers and citizens the embedded SQLite database (WAL, busy timeout)
serves.

Starts `motcua serve` (gunicorn, 4 workers) on a fresh SQLite file with the demo data and
N demo dossiers. Every officer client signs in once before the clock starts (a sign-in costs a
PBKDF2 hash: it would otherwise dominate), then loops over the worklist, the home page and, one
request in five, a dossier intake through the REST API (a write: dossier, components, event,
outbox rows, code sequence). Citizen clients search the portal's procedures and open the
portal's home. One client in three is an officer. For each concurrency level (closed loop: each
client sends its next request when the previous one is answered) it prints req/s, p50/p95/p99
of officers and of citizens, errors, the load average of the machine during the level, and the
people served at a realistic pace (one request every 10 s per person) while both p95 stay under
one second. It also reads the server's CPU time per request from /proc (independent of how
busy the machine is) and estimates from it the people an idle machine of this size serves.

    .venv/bin/python bench/bench_sqlite.py [--dossiers 2000] [--levels 1,4,8,16,32] [--seconds 15]
"""

import argparse
import http.cookiejar
import json
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


# Run in the server's environment: an API token for the demo's desk officer and an intake
# body the API accepts (the first published procedure of the officer's unit that takes it).
INTAKE_SETUP = """
import json
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient
from motcua.accounts.models import User
from motcua.catalogue.selectors import procedures_published
user = User.objects.get(username="motcua")
client = APIClient()
client.force_authenticate(user)
for pv in procedures_published().select_related("procedure")[:200]:
    body = {
        "procedure": pv.procedure.national_code,
        "channel": 1,
        "applicant": {"kind": "person", "name": "Nguyễn Văn Đo", "phone": "0912345678"},
        "components": [{"name": c.name} for c in pv.components.all() if c.required],
    }
    if client.post("/api/v1/ho-so/", body, format="json").status_code == 201:
        token, _ = Token.objects.get_or_create(user=user)
        print("INTAKE=" + json.dumps({"token": token.key, "body": body}))
        break
"""


def sign_in(base):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/tai-khoan/dang-nhap/", timeout=60).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "username": "motcua", "password": "motcua-demo"}
    ).encode()
    req = urllib.request.Request(
        f"{base}/tai-khoan/dang-nhap/", data=data, headers={"Referer": base + "/"}
    )
    opener.open(req, timeout=60).read()
    assert any(c.name == "sessionid" for c in jar), "đăng nhập không thành công"
    return opener


def client_loop(base, opener, intake, stop, out):
    """`opener`: a signed-in officer's, or None for a citizen. `out`: (seconds, ok, officer)."""
    officer = opener is not None
    opener = opener or urllib.request.build_opener()
    i = 0
    while not stop.is_set():
        i += 1
        start = time.perf_counter()
        ok = True
        try:
            if officer and i % 5 == 0:
                req = urllib.request.Request(
                    f"{base}/api/v1/ho-so/",
                    data=json.dumps(intake["body"]).encode(),
                    headers={
                        "Content-Type": "application/json",
                        "Authorization": f"Token {intake['token']}",
                    },
                )
                ok = opener.open(req, timeout=60).status == 201
            elif officer:
                page = f"{base}/ho-so/" if i % 2 else f"{base}/"
                response = opener.open(page, timeout=60)
                ok = "dang-nhap" not in response.url  # still signed in
                response.read()
            elif i % 3:
                q = urllib.parse.quote("khai sinh" if i % 2 else "đất đai")
                opener.open(f"{base}/cong-dan/thu-tuc/?q={q}", timeout=60).read()
            else:
                opener.open(f"{base}/cong-dan/", timeout=60).read()
        except Exception:
            ok = False
        out.append((time.perf_counter() - start, ok, officer))


def server_cpu_seconds(pid):
    """CPU time (user + system) used so far by the server: gunicorn's master and workers."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # fields[1] is the parent pid; fields[11], fields[12] utime, stime (after the name).
        if int(entry) == pid or int(fields[1]) == pid:
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def ms(q):
    """p50/p95/p99 in ms, or a dash when no request of that kind was made."""
    if q[0] != q[0]:  # NaN
        return "—"
    return f"{q[49] * 1000:.0f}/{q[94] * 1000:.0f}/{q[98] * 1000:.0f}"


def quantiles(times):
    times = sorted(times)
    if not times:
        return [float("nan")] * 99
    return statistics.quantiles(times, n=100) if len(times) > 1 else [times[0]] * 99


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
    out = subprocess.run(
        [*motcua, "shell", "-c", INTAKE_SETUP], env=env, check=True, capture_output=True, text=True
    ).stdout
    intake = json.loads(out.split("INTAKE=", 1)[1])
    port = free_port()
    server = subprocess.Popen(
        [*motcua, "serve", "--bind", f"127.0.0.1:{port}", "--workers", "4"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(3000):
            try:
                urllib.request.urlopen(f"{base}/cong-dan/", timeout=5).read()
                break
            except OSError:
                time.sleep(0.2)
        journal = subprocess.run(
            ["sqlite3", f"{work}/motcua.sqlite3", "PRAGMA journal_mode"],
            capture_output=True,
            text=True,
        ).stdout.strip()
        print(
            f"SQLite journal mode: {journal or '(sqlite3 CLI missing)'}; {args.dossiers} "
            f"dossiers; {os.cpu_count()} CPUs; {args.seconds:.0f} s per level"
        )
        print(
            "| clients (officers + citizens) | req/s | officers p50/p95/p99 ms | "
            "citizens p50/p95/p99 ms | errors | load avg | server CPU ms/req | "
            "officers + citizens at 1 req/10 s |"
        )
        print("|---|---|---|---|---|---|---|---|")
        cpu_costs = []
        for level in [int(x) for x in args.levels.split(",")]:
            kinds = [n % 3 == 0 for n in range(level)]
            # Sign-ins happen here, before the clock starts.
            openers = [sign_in(base) if officer else None for officer in kinds]
            stop = threading.Event()
            results = []
            threads = [
                threading.Thread(target=client_loop, args=(base, o, intake, stop, results))
                for o in openers
            ]
            load_before = os.getloadavg()[0]
            cpu_before = server_cpu_seconds(server.pid)
            for t in threads:
                t.start()
            time.sleep(args.seconds)
            stop.set()
            for t in threads:
                t.join()
            load = (load_before + os.getloadavg()[0]) / 2
            cpu_used = server_cpu_seconds(server.pid) - cpu_before
            errors = sum(1 for _, ok, _ in results if not ok)
            rps = len(results) / args.seconds
            off = quantiles([t for t, _, o in results if o])
            cit = quantiles([t for t, _, o in results if not o])
            n_off = sum(1 for _, _, o in results if o) / args.seconds * THINK_SECONDS
            n_cit = sum(1 for _, _, o in results if not o) / args.seconds * THINK_SECONDS
            # NaN (no request of that kind) compares false: only measured kinds count.
            fast = not errors and not any(q[94] >= 1.0 for q in (off, cit))
            served = f"{n_off:.0f} + {n_cit:.0f}" if fast else "—"
            cpu_ms = cpu_used / max(len(results), 1) * 1000
            cpu_costs.append((cpu_used, len(results)))
            print(
                f"| {level} ({sum(kinds)} + {level - sum(kinds)}) | {rps:.1f} | "
                f"{ms(off)} | {ms(cit)} | {errors} | "
                f"{load:.1f} | {cpu_ms:.0f} | {served} |",
                flush=True,
            )
        # The server's CPU time per request does not depend on how busy the machine is; on an
        # idle machine of this size, half the CPUs busy keeps the queue short.
        cost = sum(c for c, _ in cpu_costs) / max(sum(n for _, n in cpu_costs), 1)
        rate = 0.5 * (os.cpu_count() or 1) / cost
        print(
            f"\nServer CPU per request (mix above): {cost * 1000:.0f} ms. On an idle machine "
            f"with {os.cpu_count()} CPUs at 50 % busy: {rate:.0f} req/s, i.e. about "
            f"{rate * THINK_SECONDS:.0f} people at one request every {THINK_SECONDS} s "
            f"(this mix: one client in three an officer)."
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
