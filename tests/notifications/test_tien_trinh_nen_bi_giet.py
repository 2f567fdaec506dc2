"""A real worker killed mid-task (issue 12, fault tests): the message is delivered once.

Real processes, nothing mocked in them: `motcua worker` (django-tasks' db_worker with the
heartbeat) runs as a child process against the test's database, sending SMS through the HTTP
gateway to a fake brandname-SMS provider on loopback. The provider accepts the message (the
SMS goes out) but holds its answer; the worker is killed with SIGKILL while it waits. A new
worker is started: it delivers new messages but leaves the killed one's message alone while
its send lease runs (no second SMS while the first sender might still be alive). The periodic
sweep (`motcua notifications-send`, cron) sends it again once the lease has ended — with the
same RequestId, which the provider de-duplicates: the citizen gets one SMS, and the outbox row
says sent, on the second attempt, with the provider's id.
"""

import sqlite3
import sys
import threading
import time

import pytest
from django.db import connection

from tests.support.processes import Process, motcua_env, motcua_run

pytestmark = pytest.mark.django_db(transaction=True)

ENQUEUE = """
import datetime as dt
from zoneinfo import ZoneInfo
from django.db import transaction
from motcua.notifications.services import notification_enqueue
VN = ZoneInfo("Asia/Ho_Chi_Minh")
code = "000.00.20.H01-261201-%04d"
with transaction.atomic():
    [n] = notification_enqueue(
        event="dossier.received",
        recipient_phone="0912345678",
        context={
            "code": code,
            "applicant_name": "Nguyễn Thị Hoà",
            "procedure": "Đăng ký khai sinh",
            "unit": "Bộ phận Một cửa phường Hiệp Thành",
            "received_at": dt.datetime(2026, 12, 1, 9, 5, tzinfo=VN),
            "appointment": dt.datetime(2026, 12, 3, 16, 30, tzinfo=VN),
            "status_url": "https://motcua.example.gov.vn/tra-cuu/ABC123",
        },
        ref_type="dossier",
        ref_id=code,
    )
print("ID=%%s" %% n.pk)
"""

# The sweep as cron runs it once the five-minute send lease has passed (the test does not wait
# five minutes: the sweep is given that instant).
SWEEP_AFTER_LEASE = """
from datetime import timedelta
from django.utils import timezone
from motcua.notifications.domain import SEND_LEASE
from motcua.notifications.services import notifications_send_due
print("SENT=%s" % notifications_send_due(now=timezone.now() + SEND_LEASE + timedelta(seconds=1)))
"""


@pytest.fixture
def children_db(tmp_path):
    """(DATABASE_URL for child processes, query function for the test) on the test database:
    PostgreSQL's test database itself (this test commits), or for SQLite's in-memory test
    database a file copy of it that the children and the test then share."""
    if connection.vendor == "postgresql":
        db = connection.settings_dict
        host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"

        def query(sql):
            with connection.cursor() as cur:
                cur.execute(sql)
                return cur.fetchall()

        return f"postgres://{db['USER']}@{host}/{db['NAME']}", query
    path = tmp_path / "motcua.sqlite3"
    connection.ensure_connection()
    target = sqlite3.connect(path)
    connection.connection.backup(target)
    target.close()

    def query(sql):
        with sqlite3.connect(path, timeout=20) as db:
            return db.execute(sql).fetchall()

    return f"sqlite:///{path}", query


@pytest.fixture
def workers():
    started = []

    def start(env, log):
        process = Process([sys.executable, "-m", "motcua", "worker"], env, log)
        started.append(process)
        return process

    yield start
    for process in started:
        process.stop()


def _wait_for(predicate, timeout, what, worker):
    deadline = time.monotonic() + timeout
    while not predicate():
        alive = worker.popen.poll() is None
        assert alive and time.monotonic() < deadline, f"{what}:\n{worker.output()[-3000:]}"
        time.sleep(0.2)


def test_worker_killed_while_the_provider_answers_delivers_once(
    children_db, workers, sms_provider, tmp_path
):
    url, query = children_db
    env = motcua_env(
        url,
        tmp_path / "var",
        MOTCUA_SMS_GATEWAY="motcua.notifications.gateways.HttpSmsGateway",
        MOTCUA_SMS_HTTP_URL=sms_provider.url,
        MOTCUA_SMS_HTTP_API_KEY="khoa-api",
        MOTCUA_SMS_HTTP_SECRET_KEY="khoa-bi-mat",
        MOTCUA_SMS_BRANDNAME="UBND-HIEPTHANH",
        MOTCUA_SMS_HTTP_TIMEOUT="30",
    )

    def row(pk):
        [found] = query(
            f"SELECT status, attempts, provider_ref FROM notifications_notification WHERE id = {pk}"
        )
        return found

    sms_provider.hold = hold = threading.Event()
    first = int(motcua_run(env, "shell", "-c", ENQUEUE % 1).split("ID=")[1])
    worker_a = workers(env, tmp_path / "worker-a.log")
    _wait_for(sms_provider.arrived.is_set, 60, "tin đầu tiên đến nhà mạng", worker_a)

    # The provider has accepted the SMS; the worker dies before it reads the answer.
    worker_a.kill()
    sms_provider.hold = None
    hold.set()
    assert row(first)[:2] == ("sending", 1)
    assert len(sms_provider.delivered) == 1

    # A new worker: it works (delivers a new message) but does not touch the first one.
    worker_b = workers(env, tmp_path / "worker-b.log")
    second = int(motcua_run(env, "shell", "-c", ENQUEUE % 2).split("ID=")[1])
    _wait_for(lambda: row(second)[0] == "sent", 60, "tiến trình mới gửi tin thứ hai", worker_b)
    assert "Đã gửi 0;" in motcua_run(env, "notifications-send")  # the lease still runs
    assert row(first)[:2] == ("sending", 1)
    assert [r["RequestId"] for r in sms_provider.requests] == [
        f"motcua-{first}",
        f"motcua-{second}",
    ]

    # After the lease the sweep sends it again, with the same id: delivered once.
    assert "SENT=1" in motcua_run(env, "shell", "-c", SWEEP_AFTER_LEASE)
    status, attempts, provider_ref = row(first)
    assert (status, attempts) == ("sent", 2)
    assert [r["RequestId"] for r in sms_provider.requests].count(f"motcua-{first}") == 2
    assert sms_provider.accepted[f"motcua-{first}"] == 2  # handed over twice...
    assert len(sms_provider.delivered) == 2  # ...one SMS per message, under one provider id
    assert provider_ref == sms_provider.delivered[f"motcua-{first}"]
    assert worker_b.popen.poll() is None  # the new worker is still running
    assert row(second)[:2] == ("sent", 1)
