"""Real processes for the fault tests: a PostgreSQL cluster of the test's own (started,
stopped and restarted for real), the production server (gunicorn) and `motcua worker`.

Nothing here is mocked: the processes are the ones production runs, on loopback, in a
temporary directory, and every one of them is stopped (its whole process group) when the test
ends. A missing PostgreSQL binary fails the test loudly; it is never skipped.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SECRET = "f4Ul7-tR9qWz2Lp6Xc8Vb3Nm5Kd1Hs0Gj-Ya7Ie4Uo2Tp9Rq6Ew3Sy8Ui1Op5Az"


def free_port() -> int:
    """A loopback port nobody listens on (the kernel's ephemeral range: no other helper's)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def motcua_env(database_url: str, var_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of a production process: only what settings.py reads is set here."""
    from tests.core.test_cau_hinh import settings_env_names

    env = {k: v for k, v in os.environ.items() if k not in settings_env_names()}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    env.update(
        {
            "MOTCUA_ENV": "production",
            "SECRET_KEY": SECRET,
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "off",
            "MOTCUA_VAR_DIR": str(var_dir),
            "DATABASE_URL": database_url,
            "LOG_LEVEL": "WARNING",
            # A test server: the sandbox payment gateway, explicitly allowed.
            "MOTCUA_PAYMENT_GATEWAY": "motcua.payments.gateways.SandboxGateway",
            "MOTCUA_PAYMENT_SANDBOX": "1",
            **extra,
        }
    )
    return env


def motcua_run(env: dict, *args: str, timeout: float = 120) -> str:
    """`motcua <args>` to completion; its stdout. A failure shows its stderr."""
    result = subprocess.run(
        [sys.executable, "-m", "motcua", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


class Process:
    """A long-running child in its own process group (so its children die with it)."""

    def __init__(self, argv: list[str], env: dict, log: Path):
        self.log = log
        self._out = open(log, "wb")  # closed in stop()
        self.popen = subprocess.Popen(
            argv,
            env=env,
            cwd=REPO,
            stdout=self._out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def kill(self) -> None:
        """SIGKILL the whole group: no cleanup, no signal handler runs (a crash)."""
        if self.popen.poll() is None:
            os.killpg(self.popen.pid, signal.SIGKILL)
        self.popen.wait(timeout=10)

    def stop(self) -> None:
        if self.popen.poll() is None:
            os.killpg(self.popen.pid, signal.SIGTERM)
            try:
                self.popen.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()
        self._out.close()

    def output(self) -> str:
        self._out.flush()
        return self.log.read_text(errors="replace")


def gunicorn_start(env: dict, port: int, log: Path, workers: int = 2) -> Process:
    """The production server as `motcua serve` runs it (its final exec), then wait until it
    answers."""
    server = Process(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "motcua.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--timeout",
            "60",
        ],
        env,
        log,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/suc-khoe.json", timeout=5)
            return server
        except urllib.error.HTTPError:
            return server  # 503 from the health check is still an answer
        except OSError:
            if server.popen.poll() is not None or time.monotonic() > deadline:
                server.stop()
                raise AssertionError(
                    "gunicorn không khởi động:\n" + server.output()[-3000:]
                ) from None
            time.sleep(0.3)


def pg_bindir() -> Path:
    """Debian's PostgreSQL server binaries (the newest installed); fails loudly if absent."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4])
    )
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    assert initdb, "Không tìm thấy initdb/pg_ctl của PostgreSQL: cài gói postgresql."
    return Path(initdb).parent


class PgCluster:
    """A PostgreSQL cluster of the test's own on a loopback port: a real stop and start hit
    only the processes of this test, never the shared server."""

    def __init__(self):
        self.bindir = pg_bindir()
        self.root = Path(tempfile.mkdtemp(prefix="motcua-faults-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self._as_postgres: list[str] = []
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            shutil.chown(self.root, user="postgres")
            self._as_postgres = ["runuser", "-u", "postgres", "--"]

    def _run(self, *argv: str, timeout: float = 60) -> None:
        result = subprocess.run(
            [*self._as_postgres, *argv], capture_output=True, text=True, timeout=timeout
        )
        assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]

    def init(self) -> PgCluster:
        self._run(
            str(self.bindir / "initdb"),
            "--no-sync",
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        self.start()
        return self

    def start(self) -> None:
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(
            str(self.bindir / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.root / "postgres.log"),
            "-w",
            "start",
        )

    def stop(self, mode: str = "fast") -> None:
        """`fast`: like a service restart, open transactions are rolled back and clients cut
        off; `immediate`: like a crash (recovery from the WAL on the next start)."""
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def url(self, dbname: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{dbname}"

    def psql(self, dbname: str, sql: str) -> str:
        result = subprocess.run(
            [str(self.bindir / "psql"), "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d",
             self.url(dbname), "-c", sql],
            capture_output=True,
            text=True,
            timeout=60,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    def copy_database(self, source_url: str, dbname: str) -> None:
        """Create `dbname` here as a copy of a migrated database elsewhere (faster than running
        every migration again)."""
        self.psql("postgres", f'CREATE DATABASE "{dbname}"')
        dump = subprocess.run(
            [str(self.bindir / "pg_dump"), "--no-owner", "--no-privileges", "-d", source_url],
            capture_output=True,
            timeout=120,
            check=True,
        ).stdout
        result = subprocess.run(
            [str(self.bindir / "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d",
             self.url(dbname)],
            input=dump,
            capture_output=True,
            timeout=120,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr.decode()[-3000:]

    def destroy(self) -> None:
        if (self.data / "postmaster.pid").exists():
            try:
                self.stop("immediate")
            except AssertionError:
                pass
        shutil.rmtree(self.root, ignore_errors=True)


def post_json(url: str, body: dict, headers: dict, timeout: float = 30):
    """POST JSON; (status, headers, decoded JSON or text). HTTP errors are answers too."""
    data = json.dumps(body).encode()
    request = urllib.request.Request(
        url, data=data, headers={"Content-Type": "application/json", **headers}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, head, raw = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, head, raw = error.code, error.headers, error.read()
    text = raw.decode("utf-8", errors="replace")
    try:
        return status, head, json.loads(text)
    except ValueError:
        return status, head, text
