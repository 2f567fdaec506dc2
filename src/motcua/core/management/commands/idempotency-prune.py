"""`motcua idempotency-prune`: delete Idempotency-Key records past their 24-hour life.

Run it from cron or the systemd timer (deploy/systemd/motcua-sweep.*) so the table does not grow
forever; an expired key creates again anyway, so pruning changes no answer.
"""

from django.core.management.base import BaseCommand

from motcua.core.idempotency import idempotency_records_prune


class Command(BaseCommand):
    help = "Xoá các khoá chống gửi trùng (Idempotency-Key) đã hết hạn."

    def handle(self, *args, **options):
        deleted = idempotency_records_prune()
        self.stdout.write(f"Đã xoá {deleted} khoá chống gửi trùng đã hết hạn.")
