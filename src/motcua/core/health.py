"""Health of one installation, for monitors (JSON) and administrators (a page).

Each check returns a status (`ok`, `warning`, `error`) and facts a person can act on; nothing
secret (no addresses with passwords, no keys, no paths outside the data directory's name).
The overall status is the worst of the checks; `/suc-khoe.json` answers 503 on `error`.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from motcua.core import clock as system_clock

OK, WARNING, ERROR = "ok", "warning", "error"
_RANK = {OK: 0, WARNING: 1, ERROR: 2}

# A worker that has not written its heartbeat for this long is considered stalled.
HEARTBEAT_STALE = dt.timedelta(minutes=2)
# A ready task waiting longer than this means the workers do not keep up.
QUEUE_LAG_WARNING = dt.timedelta(minutes=5)
# A pending notification older than this (past its due time) means delivery is stuck.
NOTIFICATION_LAG_WARNING = dt.timedelta(hours=1)


@dataclass
class Check:
    name: str
    status: str
    detail: str
    facts: dict = field(default_factory=dict)


def _database() -> Check:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as exc:
        return Check("database", ERROR, f"Không kết nối được cơ sở dữ liệu ({type(exc).__name__}).")
    return Check("database", OK, "Kết nối được.", {"vendor": connection.vendor})


def _migrations() -> Check:
    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as exc:
        return Check(
            "migrations", ERROR, f"Không đọc được lịch sử migration ({exc.__class__.__name__})."
        )
    if plan:
        names = sorted({f"{m.app_label}.{m.name}" for m, _ in plan})
        return Check(
            "migrations",
            ERROR,
            f"Còn {len(names)} migration chưa áp dụng: chạy «motcua migrate».",
            {"unapplied": names[:20]},
        )
    return Check("migrations", OK, "Đã áp dụng đủ.")


def _fonts() -> Check:
    from motcua.printing.fonts import FontMissingError, font_dir

    try:
        font_dir()
    except FontMissingError:
        return Check(
            "fonts", ERROR, "Thiếu phông Liberation Serif tiếng Việt: không in được biểu mẫu."
        )
    return Check("fonts", OK, "Có phông in biểu mẫu.")


def _storage() -> Check:
    root = settings.MEDIA_ROOT
    try:
        root.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=root, prefix=".suc-khoe-") as f:
            f.write(b"ok")
            f.flush()
    except OSError as exc:
        return Check("storage", ERROR, f"Không ghi được thư mục tệp tải lên ({exc.strerror}).")
    return Check("storage", OK, "Ghi được thư mục tệp tải lên.")


def _worker(now: dt.datetime) -> Check:
    from django_tasks_db.models import DBTaskResult

    from motcua.core.models import WorkerHeartbeat

    last = WorkerHeartbeat.objects.order_by("-seen_at").values_list("seen_at", flat=True).first()
    alive = WorkerHeartbeat.objects.filter(seen_at__gte=now - HEARTBEAT_STALE).count()
    oldest_ready = (
        DBTaskResult.objects.filter(status="READY", run_after__lte=now)
        .order_by("run_after")
        .values_list("run_after", flat=True)
        .first()
    )
    lag = (now - oldest_ready).total_seconds() if oldest_ready else 0.0
    facts = {
        "alive_workers": alive,
        "last_heartbeat": last.isoformat() if last else None,
        "queue_lag_seconds": round(lag, 1),
    }
    if settings.TASKS["default"]["BACKEND"] != "django_tasks_db.DatabaseBackend":
        return Check(
            "worker", OK, "Hàng đợi không dùng cơ sở dữ liệu; kiểm tra tiến trình nền riêng.", facts
        )
    if not alive:
        return Check(
            "worker", ERROR, "Không có tiến trình nền nào hoạt động («motcua worker»).", facts
        )
    if lag > QUEUE_LAG_WARNING.total_seconds():
        return Check("worker", WARNING, "Hàng đợi đang chậm: công việc chờ quá 5 phút.", facts)
    return Check("worker", OK, "Tiến trình nền đang chạy.", facts)


def _notifications(now: dt.datetime) -> Check:
    from motcua.notifications.models import Notification

    failed = Notification.objects.filter(status=Notification.Status.FAILED).count()
    oldest = (
        Notification.objects.filter(status=Notification.Status.PENDING)
        .order_by("created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    age = (now - oldest).total_seconds() if oldest else 0.0
    facts = {"failed": failed, "oldest_pending_seconds": round(age, 1)}
    if failed:
        return Check(
            "notifications",
            ERROR,
            f"{failed} thông báo không gửi được: kiểm tra cổng gửi tin rồi "
            "«motcua notifications requeue --all-failed».",
            facts,
        )
    if age > NOTIFICATION_LAG_WARNING.total_seconds():
        return Check(
            "notifications", WARNING, "Có thông báo chờ gửi quá một giờ (cổng gửi tin lỗi?).", facts
        )
    return Check("notifications", OK, "Không có thông báo tồn đọng.", facts)


def health_report(*, now: dt.datetime | None = None) -> dict:
    now = now or system_clock.now()
    checks = [_database()]
    if checks[0].status == OK:
        checks += [_migrations(), _fonts(), _storage(), _worker(now), _notifications(now)]
    else:
        checks += [_fonts(), _storage()]
    overall = max((c.status for c in checks), key=_RANK.__getitem__)
    return {
        "status": overall,
        "time": now.isoformat(),
        "checks": {c.name: {"status": c.status, "detail": c.detail, **c.facts} for c in checks},
    }


def heartbeat_beat(*, worker_id: str, hostname: str, started_at: dt.datetime) -> None:
    from motcua.core.models import WorkerHeartbeat

    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"hostname": hostname[:255], "started_at": started_at, "seen_at": now},
    )
    # Forget workers gone for a day.
    WorkerHeartbeat.objects.filter(seen_at__lt=now - dt.timedelta(days=1)).delete()


def new_worker_id() -> str:
    return uuid.uuid4().hex[:12]
