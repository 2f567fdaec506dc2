"""PostgreSQL really restarted during intake (issue 12, fault tests).

A PostgreSQL cluster of this test's own (never the shared server) holds a copy of the migrated
test database; the production server (gunicorn, 2 workers) serves the REST API on it. Four
desk clients keep receiving dossiers (`POST /api/v1/ho-so/` with an `Idempotency-Key`,
retrying the same key after a 503) while the cluster is stopped with `pg_ctl -m fast` (open
transactions rolled back, connections cut) and started again. Then:

- every answer was 201 or a clear retryable 503 (`Retry-After`, Vietnamese `detail`,
  `retryable: true`): no 500, no dropped connection;
- every client's dossier exists exactly once (its key's retries created no second one) and no
  dossier exists that no client was told about; each has its two components, its one
  `receive` event, its stored idempotent response and its two outbox messages: nothing
  half-written;
- after a second restart with the server idle (every worker holding a connection the restart
  killed), the very first requests succeed: connections are health-checked before use
  (`CONN_HEALTH_CHECKS`).

Runs in the PostgreSQL pass only (marker `postgres`); PostgreSQL's server binaries must be
installed (the test fails, never skips, without them).
"""

import threading
import time
import uuid

import pytest
from django.db import connection

from tests.support.processes import (
    PgCluster,
    free_port,
    gunicorn_start,
    motcua_env,
    motcua_run,
    post_json,
)
from tests.support.world import APPLICANT, COMPONENTS

# The test database (migrated by pytest-django) is the source of the copy; the test itself
# does not write to it.
pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

DB = "motcua_faults_restart"
CLIENTS = 4
MESSAGE = "Hệ thống đang tạm gián đoạn kết nối cơ sở dữ liệu. Vui lòng thử lại sau ít giây."

SETUP = """
from django.core.management import call_command
from rest_framework.authtoken.models import Token
from motcua.accounts.roles import Role
from motcua.accounts.services import user_create
from tests.support import world
call_command("createcachetable", verbosity=0)
units = world.units_build()
world.procedure_build(units)
desk = user_create(username="motcua", password="mat-khau-chi-de-thu", full_name="Lê Thị Mai",
                   unit=units["desk"], roles=[Role.ONE_STOP_OFFICER])
print("TOKEN=" + Token.objects.create(user=desk).key)
"""

BODY = {
    "procedure": "1.000001",
    "channel": 1,
    "applicant": APPLICANT,
    "components": [{"name": c["name"]} for c in COMPONENTS[:2]],
}


@pytest.fixture
def cluster():
    pg = PgCluster().init()
    yield pg
    pg.destroy()


@pytest.fixture
def server(cluster, tmp_path):
    # A copy of the migrated test database (pytest-django's), not 80 migrations again.
    db = connection.settings_dict
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    source = f"postgres://{db['USER']}@{host}/{db['NAME']}"
    cluster.copy_database(source, DB)
    env = motcua_env(cluster.url(DB), tmp_path / "var")
    out = motcua_run(env, "shell", "-c", SETUP)
    token = out.split("TOKEN=", 1)[1].strip()
    port = free_port()
    process = gunicorn_start(env, port, tmp_path / "gunicorn.log", workers=2)
    yield f"http://127.0.0.1:{port}", token, process
    process.stop()


class Desk(threading.Thread):
    """One desk client: receives dossiers one after another; after a 503 it waits a moment
    and sends the same request again with the same key, as Retry-After asks."""

    def __init__(self, base, token, stop):
        super().__init__(daemon=True)
        self.base, self.token, self.stop = base, token, stop
        self.answers = []  # (monotonic time, key, status, headers, body)
        self.created = {}  # key → code
        self.unfinished = []  # keys still without a 201 at the deadline
        self.broken = []  # connection errors (the server must always answer)

    def run(self):
        while not self.stop.is_set():
            key = str(uuid.uuid4())
            deadline = time.monotonic() + 45
            while time.monotonic() < deadline:
                try:
                    status, headers, body = post_json(
                        f"{self.base}/api/v1/ho-so/",
                        BODY,
                        {"Authorization": f"Token {self.token}", "Idempotency-Key": key},
                    )
                except OSError as exc:
                    self.broken.append(repr(exc))
                    time.sleep(0.2)
                    continue
                self.answers.append((time.monotonic(), key, status, headers, body))
                if status == 201:
                    self.created[key] = body["code"]
                    break
                if status != 503:
                    return
                time.sleep(0.2)  # Retry-After says 5 s; a short wait keeps the test short
            else:
                self.unfinished.append(key)
                return


def _wait_for(predicate, timeout, what):
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, f"hết thời gian chờ: {what}"
        time.sleep(0.1)


def test_restart_during_intake_gives_retryable_errors_and_no_half_written_dossier(cluster, server):
    base, token, process = server
    stop = threading.Event()
    desks = [Desk(base, token, stop) for _ in range(CLIENTS)]
    for desk in desks:
        desk.start()

    def created():
        return sum(len(d.created) for d in desks)

    _wait_for(lambda: created() >= 8, 60, "8 hồ sơ trước khi khởi động lại")
    cluster.stop("fast")
    down_at = time.monotonic()
    time.sleep(3)
    cluster.start()
    up_at = time.monotonic()
    before = created()
    _wait_for(lambda: created() >= before + 8, 60, "8 hồ sơ sau khi khởi động lại")
    stop.set()
    for desk in desks:
        desk.join(timeout=60)

    answers = [a for d in desks for a in d.answers]
    assert not [d.broken for d in desks if d.broken], "máy chủ không trả lời"
    assert not [d.unfinished for d in desks if d.unfinished]
    assert {status for _, _, status, _, _ in answers} == {201, 503}
    refused = [a for a in answers if a[2] == 503]
    for at, _, _, headers, body in refused:
        assert down_at - 1 < at < up_at + 30  # only around the restart
        assert headers["Retry-After"] == "5"
        assert body == {"detail": MESSAGE, "retryable": True}

    # Every client's dossier once; nothing the clients were not told about; nothing partial.
    codes = {key: code for d in desks for key, code in d.created.items()}
    assert len(set(codes.values())) == len(codes)
    rows = cluster.psql(
        DB,
        """
        SELECT d.code,
               (SELECT count(*) FROM dossiers_dossiercomponent c WHERE c.dossier_id = d.id),
               (SELECT string_agg(e.action, ',') FROM dossiers_dossierevent e
                 WHERE e.dossier_id = d.id),
               (SELECT count(*) FROM notifications_notification n
                 WHERE n.ref_type = 'dossier' AND n.ref_id = d.code),
               d.due_at IS NOT NULL
          FROM dossiers_dossier d ORDER BY d.code
        """,
    ).split()
    assert sorted(r.split("|")[0] for r in rows) == sorted(codes.values())
    assert {r.split("|", 1)[1] for r in rows} == {"2|receive|2|t"}
    stored = cluster.psql(
        DB,
        "SELECT key || '|' || status_code || '|' || (response_body->>'code') "
        "FROM core_idempotencyrecord",
    ).split()
    assert sorted(stored) == sorted(f"{k}|201|{c}" for k, c in codes.items())

    # Idle server, second restart: each worker's kept connection is dead; the first requests
    # after the start must not see it.
    cluster.stop("fast")
    cluster.start()
    first = [
        post_json(
            f"{base}/api/v1/ho-so/",
            BODY,
            {"Authorization": f"Token {token}", "Idempotency-Key": str(uuid.uuid4())},
        )[0]
        for _ in range(4)
    ]
    assert first == [201] * 4, process.output()[-3000:]
