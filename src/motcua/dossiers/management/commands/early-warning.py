"""`motcua early-warning`: learn the "nguy cơ trễ hạn" norms from closed dossiers, or measure
the rule on the history (learn before a date, test on the dossiers resolved after it)."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from motcua.clock.services import from_wall_time
from motcua.dossiers.domain.earlywarning import QUANTILE
from motcua.dossiers.earlywarning import early_warning_evaluate, early_warning_learn


def _pct(value):
    return "—" if value is None else f"{value * 100:.1f}%".replace(".", ",")


class Command(BaseCommand):
    help = "Cảnh báo nguy cơ trễ hạn: học định mức từ hồ sơ đã giải quyết, hoặc đánh giá quy tắc."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["learn", "evaluate"])
        parser.add_argument(
            "--split", help="evaluate: học trên hồ sơ có kết quả trước ngày này (YYYY-MM-DD)."
        )
        parser.add_argument("--quantile", type=float, default=QUANTILE)

    def handle(self, *args, action, split=None, quantile=QUANTILE, **options):
        if not 0 < quantile <= 1:
            raise CommandError("--quantile phải trong khoảng (0, 1].")
        if action == "learn":
            n = early_warning_learn(q=quantile)
            self.stdout.write(f"Đã học {n} định mức (thủ tục × đơn vị × bước).")
            return
        if not split:
            raise CommandError("evaluate cần --split YYYY-MM-DD.")
        try:
            day = dt.date.fromisoformat(split.replace("\x00", ""))
        except ValueError:
            raise CommandError(f"Ngày không hợp lệ: {split!r} (cần YYYY-MM-DD).") from None
        e = early_warning_evaluate(
            split=from_wall_time(dt.datetime.combine(day, dt.time())), q=quantile
        )
        self.stdout.write(
            f"Hồ sơ trễ hạn (sau {day:%d/%m/%Y}): {e.late}; được cảnh báo trước ≥ 1 ngày làm "
            f"việc: {e.late_flagged_ahead} ({_pct(e.recall)})\n"
            f"Hồ sơ bị cảnh báo: {e.flagged}; cảnh báo sai (xong đúng hạn): {e.false_flags} "
            f"({_pct(e.false_rate)})"
        )
