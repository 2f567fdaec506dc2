"""Health for monitors (/suc-khoe.json) and administrators (/quan-ly/suc-khoe/): database,
migrations, fonts, storage, worker heartbeat and queue lag, failed and oldest pending notices."""

import datetime as dt

import pytest
from django.utils import timezone

from motcua.accounts.roles import Role
from motcua.core.health import health_report, heartbeat_beat
from motcua.notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def _beat(age=dt.timedelta(0)):
    heartbeat_beat(worker_id="w1", hostname="app1", started_at=timezone.now())
    from motcua.core.models import WorkerHeartbeat

    WorkerHeartbeat.objects.update(seen_at=timezone.now() - age)


def test_all_good_with_a_live_worker(client, media):
    _beat()
    response = client.get("/suc-khoe.json")
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "ok", data
    assert set(data["checks"]) == {
        "database",
        "migrations",
        "fonts",
        "storage",
        "worker",
        "notifications",
    }
    assert data["checks"]["worker"]["alive_workers"] == 1


def test_no_worker_is_an_error_for_monitors(client, media):
    response = client.get("/suc-khoe.json")
    assert response.status_code == 503
    assert response.json()["checks"]["worker"]["status"] == "error"


def test_stale_heartbeat_counts_as_no_worker(media):
    _beat(age=dt.timedelta(minutes=3))
    assert health_report()["checks"]["worker"]["alive_workers"] == 0


def test_queue_lag_is_a_warning(media):
    from django_tasks_db.models import DBTaskResult

    _beat()
    DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="motcua.notifications.tasks.deliver",
        backend_name="default",
        run_after=timezone.now() - dt.timedelta(minutes=10),
    )
    check = health_report()["checks"]["worker"]
    assert check["status"] == "warning"
    assert check["queue_lag_seconds"] >= 600


def test_failed_and_stale_notifications(media):
    _beat()
    n = Notification.objects.create(channel="sms", recipient="0912345678", event="e", body="x")
    Notification.objects.filter(pk=n.pk).update(created_at=timezone.now() - dt.timedelta(hours=2))
    check = health_report()["checks"]["notifications"]
    assert check["status"] == "warning"
    assert check["oldest_pending_seconds"] >= 7200
    Notification.objects.filter(pk=n.pk).update(status="failed")
    report = health_report()
    assert report["checks"]["notifications"]["status"] == "error"
    assert report["checks"]["notifications"]["failed"] == 1
    assert report["status"] == "error"


def test_unwritable_storage_is_an_error(settings, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    settings.MEDIA_ROOT = blocker / "media"  # a directory under a file cannot exist
    assert health_report()["checks"]["storage"]["status"] == "error"


def test_missing_fonts_is_an_error(media, monkeypatch, settings, tmp_path):
    from motcua.printing import fonts

    monkeypatch.setattr(fonts, "CANDIDATE_DIRS", (str(tmp_path),))
    settings.MOTCUA_FONT_DIR = ""
    fonts.font_dir.cache_clear()
    try:
        assert health_report()["checks"]["fonts"]["status"] == "error"
    finally:
        fonts.font_dir.cache_clear()


def test_no_secrets_in_the_json(client, media, settings):
    settings.SECRET_KEY = "bi-mat-khong-duoc-lo-ra-0123456789"
    body = client.get("/suc-khoe.json").content.decode()
    assert settings.SECRET_KEY not in body
    assert "postgres://" not in body and "password" not in body.lower()


def test_page_for_administrators_only(client, make_user, media):
    _beat()
    client.force_login(make_user("canbo", Role.ONE_STOP_OFFICER))
    assert client.get("/quan-ly/suc-khoe/").status_code == 403
    client.force_login(make_user("quantri", Role.ADMINISTRATOR))
    response = client.get("/quan-ly/suc-khoe/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-check="worker" data-status="ok"' in html
    assert "Tình trạng hệ thống" in html
