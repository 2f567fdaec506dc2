"""`motcua serve`: run the production server (gunicorn) after the checks it needs.

1. refuses to start when migrations are not applied (or applies them with `--migrate`: run that
   on one server only, before the others);
2. collects static files (WhiteNoise serves them from `STATIC_ROOT`; `--skip-static` when the
   release step already did, e.g. in the container image);
3. creates the database cache table when the cache is the database (no `REDIS_URL`);
4. replaces itself with gunicorn serving `motcua.wsgi:application`.

`--no-exec` stops after step 3 (used by tests and by deploy scripts that start gunicorn
themselves). Extra gunicorn options go after `--`: `motcua serve -- --timeout 60`.
"""

import os
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


class Command(BaseCommand):
    help = (
        "Chạy máy chủ web cho môi trường vận hành (gunicorn) sau khi kiểm tra migration và static."
    )

    def add_arguments(self, parser):
        parser.add_argument("--bind", default="0.0.0.0:8000", help="địa chỉ:cổng lắng nghe")
        parser.add_argument(
            "--workers", type=int, default=0, help="số tiến trình (mặc định 2 × số CPU + 1)"
        )
        parser.add_argument("--migrate", action="store_true", help="áp dụng migration trước")
        parser.add_argument(
            "--no-exec", action="store_true", help="chỉ chuẩn bị, không chạy máy chủ"
        )
        parser.add_argument(
            "--skip-static",
            action="store_true",
            help="không thu thập lại tệp tĩnh (đã làm khi đóng gói bản phát hành)",
        )
        parser.add_argument("gunicorn_args", nargs="*", help="tham số thêm cho gunicorn")

    def handle(self, *args, bind, workers, migrate, no_exec, skip_static, gunicorn_args, **options):
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if plan and not migrate:
            raise CommandError(
                f"Còn {len(plan)} migration chưa áp dụng. Chạy «motcua migrate» (trên một máy "
                "chủ) hoặc «motcua serve --migrate»."
            )
        if plan:
            call_command("migrate", interactive=False, verbosity=1)
        if not skip_static:
            call_command("collectstatic", interactive=False, verbosity=0)
            self.stdout.write(f"Đã thu thập tệp tĩnh vào {settings.STATIC_ROOT}.")
        elif not (settings.STATIC_ROOT / "staticfiles.json").is_file():
            raise CommandError(
                "Chưa có tệp tĩnh: bỏ --skip-static hoặc chạy «motcua collectstatic»."
            )
        if settings.CACHES["default"]["BACKEND"].endswith("DatabaseCache"):
            call_command("createcachetable", verbosity=0)
        if no_exec:
            self.stdout.write("Sẵn sàng chạy máy chủ.")
            return
        workers = workers or (2 * (os.cpu_count() or 1) + 1)
        argv = [
            sys.executable,
            "-m",
            "gunicorn",
            "motcua.wsgi:application",
            "--bind",
            bind,
            "--workers",
            str(workers),
            "--access-logfile",
            "-",
            *gunicorn_args,
        ]
        sys.stdout.flush()
        os.execv(sys.executable, argv)
