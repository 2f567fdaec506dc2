"""`motcua deadline`: the legal deadline of a receipt, for officers and for checking.

motcua deadline --received 2024-02-07T16:30 --working-days 5
2024-02-21T16:30
"""

from __future__ import annotations

import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError

from motcua.clock.domain.worktime import CalendarError, Duration
from motcua.clock.services import VN_TZ, deadline_compute, to_wall_time

BAD_INPUT = 2


def _fail(message: str) -> CommandError:
    return CommandError(message, returncode=BAD_INPUT)


def _instant(text: str, what: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise _fail(
            f"{what} không đúng định dạng: {text!r}. Dùng YYYY-MM-DDTHH:MM, "
            "ví dụ 2024-02-07T16:30 (giờ Việt Nam)."
        ) from None
    return to_wall_time(moment)


def _number(text: str, what: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise _fail(f"{what} phải là một số, không phải {text!r}.") from None
    if value < 0:
        raise _fail(f"{what} không được âm.")
    return value


def _show(moment: dt.datetime) -> str:
    moment = to_wall_time(moment)
    return moment.strftime("%Y-%m-%dT%H:%M:%S" if moment.second else "%Y-%m-%dT%H:%M")


class Command(BaseCommand):
    help = (
        "Tính hạn giải quyết theo giờ làm việc: thời điểm bắt đầu tính, hạn (dòng đầu tiên) "
        "và số phút làm việc được tính."
    )

    def add_arguments(self, parser):
        parser.add_argument("--received", required=True, help="Thời điểm tiếp nhận (ISO).")
        parser.add_argument("--working-days", help="Thời hạn theo ngày làm việc.")
        parser.add_argument("--working-hours", help="Thời hạn theo giờ làm việc.")
        parser.add_argument("--half-days", help="Thời hạn theo buổi làm việc (nửa ngày).")
        parser.add_argument(
            "--same-day-cutoff",
            help="Thủ tục trong ngày: giờ chốt, ví dụ 15:00 (sau giờ này: ngày làm việc tiếp).",
        )
        parser.add_argument(
            "--pause",
            action="append",
            default=[],
            metavar="START/END",
            help="Khoảng tạm dừng (yêu cầu bổ sung → nhận đủ), lặp lại được.",
        )
        parser.add_argument("--unit", help="Mã đơn vị (giờ làm việc và điều chỉnh của đơn vị).")
        parser.add_argument("--json", action="store_true", help="In kết quả dạng JSON.")

    def handle(self, *args, **options):
        received = _instant(options["received"], "Thời điểm tiếp nhận (--received)")
        given = [
            name
            for name in ("working_days", "working_hours", "half_days", "same_day_cutoff")
            if options[name] is not None
        ]
        if len(given) != 1:
            raise _fail(
                "Cần đúng một trong các tham số --working-days, --working-hours, --half-days, "
                "--same-day-cutoff."
            )
        minutes = None
        cutoff = None
        try:
            if options["working_days"] is not None:
                minutes = Duration.working_days(_number(options["working_days"], "--working-days"))
            elif options["working_hours"] is not None:
                minutes = Duration.working_hours(
                    _number(options["working_hours"], "--working-hours")
                )
            elif options["half_days"] is not None:
                minutes = Duration.half_days(_number(options["half_days"], "--half-days"))
        except CalendarError:
            raise _fail("Thời hạn phải quy đổi được thành số phút làm việc nguyên.") from None
        if options["same_day_cutoff"] is not None:
            try:
                cutoff = dt.time.fromisoformat(options["same_day_cutoff"].strip())
            except ValueError:
                raise _fail(
                    f"Giờ chốt không hợp lệ: {options['same_day_cutoff']!r}. Ví dụ: 15:00."
                ) from None

        pauses = []
        for text in options["pause"]:
            if text.count("/") != 1:
                raise _fail(f"Khoảng tạm dừng phải có dạng BẮT_ĐẦU/KẾT_THÚC, không phải {text!r}.")
            start_text, end_text = text.split("/")
            start = _instant(start_text, "Thời điểm bắt đầu tạm dừng")
            end = _instant(end_text, "Thời điểm kết thúc tạm dừng")
            if end < start:
                raise _fail(f"Khoảng tạm dừng {text}: thời điểm kết thúc trước thời điểm bắt đầu.")
            pauses.append((start.replace(tzinfo=VN_TZ), end.replace(tzinfo=VN_TZ)))
        if pauses and cutoff is not None:
            raise _fail("Thủ tục trong ngày (--same-day-cutoff) không có khoảng tạm dừng.")

        unit = None
        if options["unit"]:
            from motcua.org.models import OrgUnit

            unit = OrgUnit.objects.filter(code=options["unit"].strip()).first()
            if unit is None:
                raise _fail(f"Không có đơn vị mã {options['unit']!r}.")

        try:
            result = deadline_compute(
                received_at=received.replace(tzinfo=VN_TZ),
                duration_minutes=minutes,
                same_day_cutoff=cutoff,
                unit=unit,
                pauses=pauses,
            )
        except CalendarError as exc:
            raise _fail(str(exc)) from None

        if options["json"]:
            payload = {
                "received": _show(result.received_at),
                "start": _show(result.start),
                "due": _show(result.due),
                "working_minutes": result.working_minutes,
                "duration_minutes": minutes,
                "same_day_cutoff": cutoff.strftime("%H:%M") if cutoff else None,
                "pauses": [[_show(a), _show(b)] for a, b in pauses],
                "unit": unit.code if unit else None,
                "timezone": "Asia/Ho_Chi_Minh",
            }
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
            return
        self.stdout.write(_show(result.due))
        self.stdout.write(f"Bắt đầu tính: {_show(result.start)}")
        self.stdout.write(f"Số phút làm việc được tính: {result.working_minutes}")
        self.stdout.write(f"Lịch: {unit.code + ' – ' + unit.name if unit else 'toàn quốc'}")
