"""`motcua notifications requeue …`: give failed messages a new retry window.

    motcua notifications requeue --all-failed            every failed message
    motcua notifications requeue --id 12 --id 15         these messages (if failed)
    motcua notifications requeue --event account.otp --channel sms --since 2026-11-30
    motcua notifications requeue --all-failed --dry-run  only list what would be re-queued

Only failed messages move; a sent one is never sent again.
"""

import datetime as dt
import getpass

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from motcua.notifications.events import EVENTS
from motcua.notifications.selectors import notifications_failed
from motcua.notifications.services import notifications_requeue


def _date(value: str) -> dt.datetime:
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"Ngày không hợp lệ: {value!r} (dạng YYYY-MM-DD).") from None
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


class Command(BaseCommand):
    help = "Quản lý hộp thư đi: đưa lại thông báo không gửi được vào hàng đợi."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        requeue = sub.add_parser("requeue", help="đưa lại thông báo không gửi được vào hàng đợi")
        requeue.add_argument("--id", type=int, action="append", dest="ids", help="mã thông báo")
        requeue.add_argument("--event", default="", help="chỉ sự kiện này (vd. account.otp)")
        requeue.add_argument("--channel", default="", choices=["", "email", "sms"])
        requeue.add_argument("--since", default="", help="chỉ thông báo tạo từ ngày (YYYY-MM-DD)")
        requeue.add_argument("--all-failed", action="store_true", help="mọi thông báo lỗi")
        requeue.add_argument("--dry-run", action="store_true", help="chỉ liệt kê, không đổi gì")

    def handle(self, *args, action, **options):
        if action == "requeue":
            self._requeue(**options)

    def _requeue(self, *, ids, event, channel, since, all_failed, dry_run, **_):
        if not (ids or event or channel or since or all_failed):
            raise CommandError(
                "Chọn thông báo: --id, --event, --channel, --since hoặc --all-failed."
            )
        if event and event not in EVENTS:
            raise CommandError(f"Sự kiện không xác định: {event!r}.")
        created_since = _date(since) if since else None
        if dry_run:
            qs = notifications_failed(
                ids=ids or None, event=event, channel=channel, created_since=created_since
            )
            picked = list(qs.values_list("pk", flat=True))
            self.stdout.write(f"Sẽ đưa lại {len(picked)} thông báo: {picked}")
            return
        picked = notifications_requeue(
            ids=ids or None,
            event=event,
            channel=channel,
            created_since=created_since,
            actor=f"lệnh quản trị ({getpass.getuser()})",
        )
        self.stdout.write(f"Đã đưa lại {len(picked)} thông báo vào hàng đợi: {picked}")
