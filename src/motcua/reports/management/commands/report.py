"""`motcua report on-time --from 2021-01-01 --to 2021-12-31 [--unit CODE] [--json]` and
`motcua report rebuild-facts`."""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from motcua.org.models import OrgUnit
from motcua.reports import services
from motcua.reports.domain.periods import Period, PeriodError, parse_day
from motcua.reports.formatting import report_text
from motcua.reports.selectors import GROUPS, ontime_report


class Command(BaseCommand):
    help = "Báo cáo tình hình giải quyết hồ sơ (tỷ lệ đúng hạn) và dựng lại số liệu tổng hợp."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", metavar="{on-time,rebuild-facts}")
        sub.required = True
        p = sub.add_parser(
            "on-time",
            help="Tỷ lệ giải quyết hồ sơ đúng hạn trong một kỳ.",
            called_from_command_line=getattr(parser, "called_from_command_line", None),
        )
        p.add_argument("--from", dest="first", required=True, help="Từ ngày (2021-01-01).")
        p.add_argument("--to", dest="last", required=True, help="Đến ngày (2021-12-31).")
        p.add_argument("--unit", help="Mã đơn vị (gồm cả các đơn vị trực thuộc).")
        p.add_argument(
            "--by", default="unit", choices=sorted(GROUPS), help="Nhóm theo (mặc định: unit)."
        )
        p.add_argument(
            "--successors-on",
            help="Gộp đơn vị đã sắp xếp vào đơn vị kế thừa tại ngày này (2025-07-01).",
        )
        p.add_argument("--json", action="store_true", help="In kết quả dạng JSON.")
        sub.add_parser(
            "rebuild-facts",
            help="Tính lại toàn bộ số liệu tổng hợp từ hồ sơ.",
            called_from_command_line=getattr(parser, "called_from_command_line", None),
        )

    def _fail(self, message: str) -> None:
        # Bad input: a clear message and exit status 2, nothing changed.
        if getattr(self, "_called_from_command_line", False):
            sys.stderr.write(f"Lỗi: {message}\n")
            sys.exit(2)
        raise CommandError(message, returncode=2)

    def run_from_argv(self, argv):
        self._called_from_command_line = True
        return super().run_from_argv(argv)

    def handle(self, *args, **options):
        if options["action"] == "rebuild-facts":
            n = services.facts_rebuild(progress=services.progress_bar("Tổng hợp hồ sơ"))
            self.stdout.write(f"Đã tính lại số liệu tổng hợp của {n:,} hồ sơ.".replace(",", "."))
            return
        try:
            period = Period(
                parse_day(options["first"], "ngày bắt đầu (--from)"),
                parse_day(options["last"], "ngày kết thúc (--to)"),
            )
            successors_on = (
                parse_day(options["successors_on"], "ngày (--successors-on)")
                if options.get("successors_on")
                else None
            )
        except PeriodError as exc:
            self._fail(str(exc))
        unit = None
        if options.get("unit"):
            unit = OrgUnit.objects.filter(code=options["unit"]).first()
            if unit is None:
                self._fail(f"Không có đơn vị mã '{options['unit']}'.")
        report = ontime_report(
            period=period, unit=unit, group_by=options["by"], successors_on=successors_on
        )
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(report_text(report))
