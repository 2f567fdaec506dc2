"""The embedded SQLite default for a small office: write-ahead log, NORMAL sync, a busy timeout
and immediate write transactions — so two officers saving at the same moment queue, and
neither gets «database is locked». Checked on a real database file, from real processes."""

import os
import subprocess
import sys
import time

from tests.core.test_cau_hinh import settings_env_names

SETUP = "import django; django.setup(); from django.db import connection, transaction; "

PRAGMAS = SETUP + (
    "c = connection.cursor(); "
    "print(c.execute('PRAGMA journal_mode').fetchone()[0], "
    "c.execute('PRAGMA busy_timeout').fetchone()[0], "
    "c.execute('PRAGMA synchronous').fetchone()[0], "
    "connection.settings_dict['OPTIONS']['transaction_mode'])"
)

# A holds the write lock until B is about to write, and one second more; B reads then writes
# in one transaction meanwhile (with deferred transactions SQLite refuses B's write at once:
# its snapshot is stale once A commits).
WRITER_A = SETUP + (
    "import pathlib, sys, time\n"
    "connection.cursor().execute('CREATE TABLE IF NOT EXISTS hang_doi (nguoi TEXT)')\n"
    "with transaction.atomic():\n"
    "    c = connection.cursor()\n"
    "    c.execute(\"INSERT INTO hang_doi VALUES ('A')\")\n"
    "    print('HOLDING', flush=True)\n"
    "    while not pathlib.Path(sys.argv[1]).exists(): time.sleep(0.05)\n"
    "    time.sleep(1)\n"
)
WRITER_B = SETUP + (
    "import pathlib, sys, time\n"
    "pathlib.Path(sys.argv[1]).touch()\n"
    "t = time.monotonic()\n"
    "with transaction.atomic():\n"
    "    c = connection.cursor()\n"
    "    n = c.execute('SELECT count(*) FROM hang_doi').fetchone()[0]\n"
    "    c.execute(\"INSERT INTO hang_doi VALUES ('B')\")\n"
    "print('WAITED', round(time.monotonic() - t, 1), 'SAW', n)\n"
)


def _env(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in settings_env_names()}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    env.update(
        {
            "MOTCUA_ENV": "development",
            "DJANGO_SETTINGS_MODULE": "motcua.settings",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'don-vi-nho.sqlite3'}",
        }
    )
    return env


def test_sqlite_runs_in_wal_with_a_busy_timeout_and_immediate_transactions(tmp_path):
    out = subprocess.run(
        [sys.executable, "-c", PRAGMAS], capture_output=True, text=True, env=_env(tmp_path)
    )
    # synchronous 1 = NORMAL (safe with WAL); 20000 ms busy timeout.
    assert out.stdout.split() == ["wal", "20000", "1", "IMMEDIATE"], out.stderr


def test_two_writers_at_once_queue_instead_of_failing(tmp_path):
    env = _env(tmp_path)
    ready = str(tmp_path / "b-san-sang")
    a = subprocess.Popen(
        [sys.executable, "-c", WRITER_A, ready],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    try:
        assert a.stdout.readline().strip() == b"HOLDING", a.stderr.read().decode()
        started = time.monotonic()
        b = subprocess.run(
            [sys.executable, "-c", WRITER_B, ready],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
    finally:
        a.wait(timeout=60)
    assert a.returncode == 0
    assert b.returncode == 0, b.stderr[-2000:]  # no «database is locked»
    words = b.stdout.split()
    # B waited for A's commit, then saw A's row: the writes were serialised, not refused.
    assert words[0] == "WAITED" and words[2:] == ["SAW", "1"]
    assert float(words[1]) >= 0.5
    assert time.monotonic() - started < 30
