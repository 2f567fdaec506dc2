"""`motcua restore DIR --yes`: replace the database and uploaded files with a backup, after
checking every hash of the manifest (nothing is touched if one does not match)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from motcua.core.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = "Khôi phục cơ sở dữ liệu và tệp tải lên từ một bản sao lưu (ghi đè dữ liệu hiện có)."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="thư mục bản sao lưu")
        parser.add_argument("--yes", action="store_true", help="xác nhận ghi đè dữ liệu hiện có")

    def handle(self, *args, directory, yes, **options):
        if not yes:
            raise CommandError(
                "Khôi phục sẽ ghi đè toàn bộ dữ liệu hiện có. Dừng các máy chủ và tiến trình nền, "
                "rồi chạy lại với --yes."
            )
        try:
            manifest = backup_restore(source=Path(directory))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Đã khôi phục cơ sở dữ liệu và {len(manifest['files'])} tệp từ {directory}."
        )
