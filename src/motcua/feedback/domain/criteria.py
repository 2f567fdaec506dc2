"""What a citizen rates (domain.md §5): the overall level, and optionally the nine criteria of
the 2018 service-quality evaluation (Decree 61/2018/NĐ-CP art. 32; Circular 01/2018/TT-VPCP),
each worth 2 points in the agency's evaluation. Plain Python, no Django."""

from __future__ import annotations

from enum import IntEnum

from motcua.core.errors import MessageError


class Level(IntEnum):
    """Mức độ hài lòng."""

    DISSATISFIED = 1
    SATISFIED = 2
    VERY_SATISFIED = 3

    @property
    def label(self) -> str:
        return LEVEL_LABELS[self]


LEVEL_LABELS: dict[Level, str] = {
    Level.DISSATISFIED: "Không hài lòng",
    Level.SATISFIED: "Hài lòng",
    Level.VERY_SATISFIED: "Rất hài lòng",
}

# (code, Vietnamese label) in the order of the 2018 evaluation.
CRITERIA: tuple[tuple[str, str], ...] = (
    ("tong_thoi_gian", "Tổng thời gian giải quyết so với thời gian quy định"),
    ("thoi_gian_tung_co_quan", "Thời gian thực hiện tại từng cơ quan, đơn vị"),
    ("so_lan_di_lai", "Số lần phải liên hệ, đi lại để hoàn thiện hồ sơ"),
    ("so_co_quan_lien_he", "Số cơ quan, đơn vị phải liên hệ"),
    ("tiep_nhan_tai_bo_phan_mot_cua", "Việc tiếp nhận, trả kết quả tại Bộ phận Một cửa"),
    ("cong_khai", "Việc công khai thủ tục hành chính"),
    ("thai_do", "Thái độ, cách ứng xử của công chức"),
    ("xu_ly_phan_anh", "Việc tiếp nhận, xử lý phản ánh, kiến nghị"),
    ("dich_vu_truc_tuyen", "Chất lượng dịch vụ công trực tuyến"),
)
CRITERIA_CODES = frozenset(code for code, _ in CRITERIA)
COMMENT_MAX = 2000


class RatingInvalid(MessageError, ValueError):
    """The rating is refused; `message` is in Vietnamese."""


def rating_clean(
    *, level, criteria: dict | None = None, comment: str = ""
) -> tuple[Level, dict[str, int], str]:
    """Check a rating's values; return (level, {criterion: level}, comment) or raise
    `RatingInvalid`. Criteria left blank are dropped."""
    try:
        level = Level(int(level))
    except (TypeError, ValueError):
        raise RatingInvalid(
            "Vui lòng chọn mức độ hài lòng: không hài lòng, hài lòng hoặc rất hài lòng."
        ) from None
    cleaned: dict[str, int] = {}
    for code, value in (criteria or {}).items():
        if value in (None, ""):
            continue
        if code not in CRITERIA_CODES:
            raise RatingInvalid(f"Tiêu chí đánh giá không hợp lệ: {code}.")
        try:
            cleaned[code] = int(Level(int(value)))
        except (TypeError, ValueError):
            raise RatingInvalid(f"Mức đánh giá không hợp lệ cho tiêu chí {code}.") from None
    comment = (comment or "").strip()
    if len(comment) > COMMENT_MAX:
        raise RatingInvalid(f"Ý kiến góp ý tối đa {COMMENT_MAX} ký tự.")
    return level, cleaned, comment
