"""`motcua notifications-send`: deliver every outbox row that is due.

Run it from cron (e.g. every minute) as the safety net behind the task queue: it sends rows whose
queued task was lost, retries when the queue cannot defer, and closes rows whose sender died.
"""

from django.core.management.base import BaseCommand

from motcua.notifications.models import Notification
from motcua.notifications.services import notifications_send_due


class Command(BaseCommand):
    help = "Gửi các thông báo đến hạn trong hộp thư đi (outbox)."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=500, help="số thông báo tối đa mỗi lần")

    def handle(self, *args, limit, **options):
        sent = notifications_send_due(limit=limit)
        pending = Notification.objects.filter(status=Notification.Status.PENDING).count()
        failed = Notification.objects.filter(status=Notification.Status.FAILED).count()
        self.stdout.write(f"Đã gửi {sent}; còn chờ gửi {pending}; không gửi được {failed}.")
