"""`motcua worker`: the background worker (django-tasks `db_worker`) with a heartbeat.

Every 30 seconds a thread records that this worker is alive (`core.WorkerHeartbeat`), which the
health page reads. Other options are passed to `db_worker` (e.g. `--batch`, `--queue-name`).
Run one or more per server under systemd (see deploy/).
"""

import socket
import threading

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils import timezone

from motcua.core.health import heartbeat_beat, new_worker_id

INTERVAL = 30


class Command(BaseCommand):
    help = "Chạy tiến trình nền (gửi thông báo…) và ghi nhịp tim cho trang tình trạng hệ thống."

    def add_arguments(self, parser):
        parser.add_argument("--batch", action="store_true", help="xử lý hết hàng đợi rồi thoát")

    def handle(self, *args, batch, **options):
        worker_id = f"{socket.gethostname()}-{new_worker_id()}"
        started = timezone.now()
        stop = threading.Event()

        def beat():
            while True:
                try:
                    heartbeat_beat(
                        worker_id=worker_id, hostname=socket.gethostname(), started_at=started
                    )
                except Exception as exc:  # a database blip must not kill the worker
                    self.stderr.write(f"Không ghi được nhịp tim: {type(exc).__name__}")
                finally:
                    close_old_connections()
                if stop.wait(INTERVAL):
                    return

        thread = threading.Thread(target=beat, name="motcua-heartbeat", daemon=True)
        thread.start()
        try:
            call_command("db_worker", batch=batch, worker_id=worker_id[:64])
        finally:
            stop.set()
            thread.join(timeout=5)
