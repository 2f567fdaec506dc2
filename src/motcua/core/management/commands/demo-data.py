"""`motcua demo-data`: load the demo organisation, users and catalogue (idempotent)."""

import importlib

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

# Each bounded context that has demo data exposes `<app>.demo.load()`; order matters.
DEMO_MODULES = [
    "motcua.org.demo",
    "motcua.accounts.demo",
    "motcua.clock.demo",
    "motcua.catalogue.demo",
]


class Command(BaseCommand):
    help = (
        "Nạp dữ liệu mẫu (đơn vị, người dùng demo, danh mục thủ tục). Chạy lại không thay đổi gì."
    )

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Không in danh sách tài khoản.")

    def handle(self, *args, **options):
        logins = []
        with transaction.atomic():
            for name in DEMO_MODULES:
                try:
                    module = importlib.import_module(name)
                except ModuleNotFoundError as exc:
                    if exc.name != name:
                        raise
                    continue
                self.stdout.write(f"· {module.__doc__.strip().splitlines()[0]}")
                result = module.load()
                if name == "motcua.accounts.demo":
                    logins = result
        if options["quiet"]:
            return
        if not settings.DEVELOPMENT:
            self.stdout.write(
                self.style.WARNING(
                    "Chế độ production: tài khoản demo không đăng nhập được "
                    "(chỉ dùng được khi MOTCUA_ENV=development)."
                )
            )
            return
        self.stdout.write(
            self.style.SUCCESS(f"Tài khoản demo (mật khẩu chung: {settings.MOTCUA_DEMO_PASSWORD}):")
        )
        for username, role, unit in logins:
            self.stdout.write(f"  {username:<14} {role} — {unit}")
