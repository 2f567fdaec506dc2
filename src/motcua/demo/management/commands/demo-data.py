"""`motcua demo-data`: load the demo organisation, users and catalogue (idempotent)."""

import importlib

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

# The demo's loaders (`motcua.demo.*`), each with a `load()`; order matters. The history
# (`demo.history.load_profile`) comes after them with --profile.
DEMO_MODULES = [
    "motcua.demo.units",
    "motcua.demo.people",
    "motcua.demo.catalogue",
    "motcua.demo.petitions",
    "motcua.demo.today",
]


class Command(BaseCommand):
    help = (
        "Nạp dữ liệu mẫu (đơn vị, người dùng demo, danh mục thủ tục). Chạy lại không thay đổi gì."
    )

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Không in danh sách tài khoản.")
        parser.add_argument(
            "--profile",
            help="Thêm hồ sơ lịch sử theo bộ dữ liệu, ví dụ tdm (Thủ Dầu Một 1/2021–3/2023).",
        )
        parser.add_argument(
            "--dossiers", type=int, help="Số hồ sơ cần tạo (cho đo hiệu năng), cùng --profile."
        )
        parser.add_argument("--years", help="Khoảng năm của hồ sơ, ví dụ 2021-2025.")

    def handle(self, *args, **options):
        logins = []
        with transaction.atomic():
            for name in DEMO_MODULES:
                module = importlib.import_module(name)
                self.stdout.write(f"· {module.__doc__.strip().splitlines()[0]}")
                result = module.load()
                if name == "motcua.demo.people":
                    logins = result
        if options.get("profile") or options.get("dossiers") or options.get("years"):
            from motcua.demo.history import DemoError, load_profile

            if options.get("dossiers") is not None and options["dossiers"] < 1:
                raise CommandError("--dossiers phải là số nguyên dương.", returncode=2)
            try:
                load_profile(
                    options.get("profile") or "tdm",
                    dossiers=options.get("dossiers"),
                    years=options.get("years"),
                    stdout=self.stdout,
                )
            except DemoError as exc:
                raise CommandError(str(exc), returncode=2) from exc
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
