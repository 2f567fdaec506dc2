"""`motcua catalogue import FILE` and `motcua catalogue export --format json|xlsx`."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from motcua.catalogue.services import (
    CatalogueImportError,
    catalogue_export,
    catalogue_import,
)
from motcua.catalogue.spreadsheet import xlsx_read, xlsx_write


class Command(BaseCommand):
    help = "Nhập, xuất danh mục thủ tục hành chính (JSON hoặc XLSX)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="import|export")
        imp = sub.add_parser("import", help="Nhập danh mục từ tệp .json hoặc .xlsx.")
        imp.add_argument("file", help="Đường dẫn tệp .json hoặc .xlsx")
        exp = sub.add_parser("export", help="Xuất toàn bộ danh mục (mọi phiên bản).")
        exp.add_argument("--format", choices=["json", "xlsx"], default="json")
        exp.add_argument(
            "--output", "-o", help="Tệp đích (bắt buộc với xlsx; JSON mặc định ra stdout)"
        )

    def handle(self, *args, **options):
        if options["action"] == "import":
            return self.do_import(Path(options["file"]))
        return self.do_export(options["format"], options.get("output"))

    def do_import(self, path: Path):
        if not path.exists():
            raise CommandError(f"Không tìm thấy tệp {path}.")
        suffix = path.suffix.lower()
        try:
            if suffix == ".json":
                data = json.loads(path.read_text(encoding="utf-8"))
            elif suffix == ".xlsx":
                data = xlsx_read(path=path)
            else:
                raise CommandError("Chỉ nhập được tệp .json hoặc .xlsx.")
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise CommandError(f"Tệp JSON không đọc được: {exc}") from exc
        except (OSError, ValueError, KeyError) as exc:
            if isinstance(exc, CommandError):
                raise
            raise CommandError(f"Tệp XLSX không đọc được: {exc}") from exc
        try:
            result = catalogue_import(data=data)
        except CatalogueImportError as exc:
            for error in exc.errors:
                self.stderr.write(str(error))
            raise CommandError(
                f"Không nhập gì: {len(exc.errors)} lỗi. Sửa tệp rồi nhập lại.", returncode=1
            ) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã nhập: {result.created} phiên bản mới, {result.unchanged} không thay đổi, "
                f"{result.fields_created} lĩnh vực mới."
            )
        )

    def do_export(self, fmt: str, output: str | None):
        data = catalogue_export()
        if fmt == "xlsx":
            if not output:
                raise CommandError("Xuất XLSX cần --output TỆP.xlsx.")
            xlsx_write(data=data, path=Path(output))
            self.stderr.write(f"Đã ghi {len(data['procedures'])} phiên bản thủ tục vào {output}.")
            return
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        if output:
            Path(output).write_text(text, encoding="utf-8")
            self.stderr.write(f"Đã ghi {len(data['procedures'])} phiên bản thủ tục vào {output}.")
        else:
            self.stdout.write(text, ending="")
