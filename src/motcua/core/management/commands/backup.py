"""`motcua backup DIR`: database dump + uploaded files + SHA-256 manifest (motcua.core.backup).
`motcua backup --verify DIR` checks an existing backup without changing anything."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from motcua.core.backup import BackupError, backup_create, backup_verify


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu và tệp tải lên vào một thư mục, kèm bảng mã băm SHA-256."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="thư mục mới để ghi bản sao lưu")
        parser.add_argument("--verify", action="store_true", help="chỉ kiểm tra một bản sao lưu")

    def handle(self, *args, directory, verify, **options):
        try:
            if verify:
                manifest = backup_verify(source=Path(directory))
                self.stdout.write(
                    f"Bản sao lưu nguyên vẹn: cơ sở dữ liệu và {len(manifest['files'])} tệp."
                )
                return
            manifest = backup_create(target=Path(directory))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Đã sao lưu cơ sở dữ liệu ({manifest['database']['vendor']}) và "
            f"{len(manifest['files'])} tệp vào {directory}."
        )
