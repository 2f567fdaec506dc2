"""Decision 766/QĐ-TTg (23/6/2022) service-quality indicators, scored from plain counts.

The indicator list, points and thresholds are data (`GROUPS`, `INDICATORS`), not code, because
the national portal has re-weighted them since 2022 and will again. Each row names its source:
- "QĐ 766": stated in the decision or in summaries of it (points of 1.2, 2.1, 5.4, group totals);
- "Cổng DVCQG": the formula the national portal (dichvucong.gov.vn, evaluation API) applies,
  reconstructed from its published scores; not a legal text, so check before relying on it;
- "domain.md": our domain notes (thresholds of 3.1, 3.3, 3.5, 4.2, 4.3, 5.4); where these and
  the portal disagree the row says so in `ghi_chu`.

Scoring: a rate indicator gives min(1, rate ÷ threshold) × points, computed from the exact
fraction and rounded ROUND_HALF_UP to two decimals. Two cases never invent a number:
- a count the system does not record yet is `None` → status "chua_co_du_lieu";
- a zero denominator (no fee-bearing procedures...) → status "khong_ap_dung"; the row's
  `khi_khong_ap_dung` says whether that excludes the points (default) or awards them in full
  (the portal does so for petitions when a unit received none).
Group and total scores report both readings, because we could not find the decision's rule for
unrecorded data: the points earned out of the nominal maximum (missing counts as 0) and the
points earned rescaled over the points actually assessed, with the excluded indicators listed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from decimal import Decimal

from motcua.reports.domain.ontime import (
    HUNDRED,
    OnTimeCounts,
    format_decimal,
    format_percent,
    quantize,
)


def gettext_noop(text: str) -> str:
    """Marks a text for the translation catalogue (makemessages) without importing Django; the
    pages translate names and notes when they show them."""
    return text


def _same(text: str) -> str:
    return text


# Indicator statuses.
DA_TINH = "da_tinh"
CHUA_CO_DU_LIEU = "chua_co_du_lieu"
KHONG_AP_DUNG = "khong_ap_dung"

STATUS_LABELS = {
    DA_TINH: gettext_noop("Đã tính"),
    CHUA_CO_DU_LIEU: gettext_noop("Chưa có dữ liệu"),
    KHONG_AP_DUNG: gettext_noop("Không áp dụng"),
}

# What a zero denominator does to the points.
LOAI_TRU = "loai_tru"  # excluded from the points assessed
DU_DIEM = "du_diem"  # full points (nothing to fail on)

# Indicator kinds.
TY_LE = "ty_le"  # a percentage, scored against a threshold
TRUNG_BINH = "trung_binh"  # an average (working days), shown, not scored


@dataclass(frozen=True)
class Group:
    code: str
    name: str
    points: Decimal


@dataclass(frozen=True)
class Indicator:
    """One row of the table. `tu_so`/`mau_so` list `IndicatorInputs` fields; a leading '-'
    subtracts the field (how 2.1 turns repeated supplements late and 3.3 drops online dossiers
    whose paper result never got an electronic copy)."""

    code: str
    group: str
    name: str
    points: Decimal
    threshold: Decimal  # percent at which the indicator earns full points
    tu_so: tuple[str, ...]
    mau_so: tuple[str, ...]
    nguon: str
    kind: str = TY_LE
    khi_khong_ap_dung: str = LOAI_TRU
    ghi_chu: str = ""


D = Decimal

# Decision 766/QĐ-TTg has five groups (an earlier version of this table had a sixth,
# "Thanh toán trực tuyến": online payment is part of group 3 in the decision).
GROUPS: tuple[Group, ...] = (
    Group("1", gettext_noop("Công khai, minh bạch"), D(18)),
    Group("2", gettext_noop("Tiến độ, kết quả giải quyết"), D(20)),
    Group("3", gettext_noop("Cung cấp dịch vụ công trực tuyến (gồm thanh toán trực tuyến)"), D(22)),
    Group("4", gettext_noop("Số hóa hồ sơ"), D(22)),
    Group("5", gettext_noop("Mức độ hài lòng"), D(18)),
)

PORTAL = "Cổng DVCQG"
QD = "QĐ 766"
DOMAIN = "domain.md"

INDICATORS: tuple[Indicator, ...] = (
    # 1. Publicity: points 6/4/2/6 as the portal scores them (1.2 = 4 confirmed in QĐ 766).
    Indicator(
        "1.1", "1", gettext_noop("Tỷ lệ TTHC công bố đúng hạn"), D(6), D(100),
        ("tthc_cong_bo_dung_han",), ("tthc_phai_cong_bo",), PORTAL,
    ),
    Indicator(
        "1.2", "1", gettext_noop("Tỷ lệ TTHC được cập nhật, công khai đúng hạn"), D(4), D(100),
        ("tthc_cong_khai_dung_han",), ("tthc_phai_cong_khai",), QD,
    ),
    Indicator(
        "1.3", "1", gettext_noop("Tỷ lệ TTHC công khai đầy đủ nội dung"), D(2), D(100),
        ("tthc_cong_khai_day_du",), ("tthc_da_cong_khai",), PORTAL,
    ),
    Indicator(
        "1.4", "1", gettext_noop("Tỷ lệ hồ sơ đồng bộ trạng thái lên Cổng DVCQG"), D(6), D(100),
        ("ho_so_dong_bo_dung_han",), ("ho_so_phai_dong_bo",), PORTAL,
    ),
    # 2. Progress: 2.1 carries all 20 points; the portal shows 2.2 without scoring it.
    Indicator(
        "2.1", "2", gettext_noop("Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn (kể cả đang xử lý trong hạn)"),  # noqa: E501
        D(20), D(100),
        (
            "da_giai_quyet_truoc_han", "da_giai_quyet_dung_han", "dang_xu_ly_trong_han",
            "-bo_sung_nhieu_lan_da_giai_quyet", "-bo_sung_nhieu_lan_dang_xu_ly",
            "ket_thuc_khac_trong_han",
        ),
        (
            "da_giai_quyet_truoc_han", "da_giai_quyet_dung_han", "da_giai_quyet_qua_han",
            "dang_xu_ly_trong_han", "dang_xu_ly_qua_han", "ket_thuc_khac",
        ),
        QD,
        ghi_chu=gettext_noop(
            "Hồ sơ yêu cầu bổ sung quá một lần được tính là trễ hạn. Hồ sơ đã kết thúc gồm cả "
            "hồ sơ không tiếp nhận, dừng xử lý, rút sau tiếp nhận (so với hạn giải quyết)."
        ),
    ),
    Indicator(
        "2.2", "2", gettext_noop("Thời gian xử lý trung bình (ngày làm việc)"), D(0), D(100),
        ("tong_ngay_xu_ly",), ("so_ho_so_co_thoi_gian_xu_ly",), PORTAL, kind=TRUNG_BINH,
        ghi_chu=gettext_noop(
            "Chỉ theo dõi, không chấm điểm (như Cổng DVCQG hiển thị). Khác biệt: Cổng DVCQG "
            "tính trên hồ sơ bắt đầu xử lý trong kỳ; hệ thống tính trên hồ sơ có kết quả trong kỳ."
        ),
    ),
    # 3. Online services: 2 + 4 + 6 = 12 as the portal scores them.
    Indicator(
        "3.1", "3", gettext_noop("Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến (toàn trình, một phần)"), D(2),  # noqa: E501
        D(80), ("tthc_co_dvctt",), ("tthc_thuoc_tham_quyen",), PORTAL,
        ghi_chu=gettext_noop("Mẫu số là toàn bộ TTHC thuộc thẩm quyền (phương pháp của Cổng DVCQG)."),  # noqa: E501
    ),
    Indicator(
        "3.2", "3", gettext_noop("Tỷ lệ DVCTT có phát sinh hồ sơ trực tuyến"), D(4), D(100),
        ("dvctt_phat_sinh_ho_so",), ("dvctt_da_cung_cap",), PORTAL,
    ),
    Indicator(
        "3.3", "3", gettext_noop("Tỷ lệ hồ sơ nộp trực tuyến"), D(6), D(50),
        ("ho_so_truc_tuyen", "-ho_so_truc_tuyen_ket_qua_giay_chua_cap_dien_tu"),
        ("ho_so_tiep_nhan",), DOMAIN,
        ghi_chu=gettext_noop(
            "Hồ sơ trực tuyến có kết quả là giấy tờ chỉ được tính khi đã cấp kết quả điện tử."
        ),
    ),
    # 4. Digitisation: 6 + 4 + 2 + 4 + 2 + 2 + 2 = 22 as the portal scores them.
    Indicator(
        "4.1", "4", gettext_noop("Tỷ lệ hồ sơ có cấp kết quả giải quyết điện tử"), D(6), D(100),
        ("ho_so_co_ket_qua_dien_tu",), ("ho_so_tra_ket_qua_giay_to",), PORTAL,
    ),
    Indicator(
        "4.2", "4", gettext_noop("Tỷ lệ hồ sơ số hóa thành phần hồ sơ và kết quả"), D(4), D(80),
        ("ho_so_so_hoa",), ("ho_so_tiep_nhan",), DOMAIN,
        ghi_chu=gettext_noop("Cổng DVCQG có lúc chấm đủ điểm ở 100%; ngưỡng 80% theo domain.md."),
    ),
    Indicator(
        "4.3", "4", gettext_noop("Tỷ lệ hồ sơ khai thác, sử dụng lại dữ liệu số hóa"), D(2), D(80),
        ("ho_so_tai_su_dung_du_lieu",), ("ho_so_tiep_nhan",), PORTAL,
        ghi_chu=gettext_noop("Mẫu số là toàn bộ hồ sơ tiếp nhận trong kỳ (phương pháp của Cổng DVCQG)."),  # noqa: E501
    ),
    Indicator(
        "4.4", "4", gettext_noop("Tỷ lệ hồ sơ sử dụng giấy tờ từ kho dữ liệu điện tử của công dân"), D(4),  # noqa: E501
        D(100), ("ho_so_dung_kho_du_lieu",), ("ho_so_tiep_nhan",), PORTAL,
        ghi_chu=gettext_noop("Mẫu số là toàn bộ hồ sơ tiếp nhận trong kỳ (phương pháp của Cổng DVCQG)."),  # noqa: E501
    ),
    Indicator(
        "4.5", "4", gettext_noop("Tỷ lệ hồ sơ trực tuyến nộp bằng tài khoản định danh VNeID"), D(2), D(100),  # noqa: E501
        ("ho_so_tai_khoan_vneid",), ("ho_so_truc_tuyen",), DOMAIN,
        ghi_chu=gettext_noop("Cổng DVCQG: hồ sơ có sử dụng dữ liệu dân cư (2 điểm); chưa xác nhận."),  # noqa: E501
    ),
    Indicator(
        "4.6", "4", gettext_noop("Tỷ lệ TTHC kết nối, chia sẻ dữ liệu dân cư"), D(2), D(100),
        ("tthc_ket_noi_du_lieu_dan_cu",), ("tthc_thuoc_tham_quyen",), PORTAL,
    ),
    Indicator(
        "4.7", "4", gettext_noop("Tỷ lệ xã cung cấp chứng thực bản sao điện tử từ bản chính"), D(2), D(100),  # noqa: E501
        ("xa_chung_thuc_dien_tu",), ("xa_truc_thuoc",), PORTAL,
    ),
    # 5. Satisfaction: 6 + 6 + 6 = 18; 5.4 = 6 points confirmed in QĐ 766.
    Indicator(
        "5.2", "5", gettext_noop("Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn"), D(6), D(100),
        ("pakn_dung_han",), ("pakn_tiep_nhan",), PORTAL, khi_khong_ap_dung=DU_DIEM,
        ghi_chu=gettext_noop("Không có phản ánh, kiến nghị: Cổng DVCQG cho đủ điểm."),
    ),
    Indicator(
        "5.3", "5", gettext_noop("Tỷ lệ hài lòng trong xử lý phản ánh, kiến nghị"), D(6), D(100),
        ("pakn_da_xu_ly", "-pakn_khong_hai_long"), ("pakn_da_xu_ly",), PORTAL,
        khi_khong_ap_dung=DU_DIEM,
        ghi_chu=gettext_noop("Không có phản ánh, kiến nghị: Cổng DVCQG cho đủ điểm."),
    ),
    Indicator(
        "5.4", "5", gettext_noop("Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC"), D(6), D(90),
        ("ho_so_danh_gia_hai_long", "-ho_so_khong_hai_long"), ("ho_so_danh_gia_hai_long",), QD,
        ghi_chu=gettext_noop(
            "100% − tỷ lệ hồ sơ trễ hạn − tỷ lệ hồ sơ bị đánh giá không hài lòng (phương pháp "
            "của Cổng DVCQG); hồ sơ vừa trễ hạn vừa không hài lòng chỉ trừ một lần."
        ),
    ),
    # Online payment, inside group 3 (Decision 766): 2 + 2 + 6 = 10 as the portal scores them.
    Indicator(
        "3.5", "3", gettext_noop("Tỷ lệ TTHC có phí, lệ phí được thanh toán trực tuyến"), D(2), D(80),  # noqa: E501
        ("tthc_co_phi_thanh_toan_truc_tuyen",), ("tthc_co_phi",), DOMAIN,
    ),
    Indicator(
        "3.5b", "3",
        gettext_noop("Tỷ lệ TTHC có phí, lệ phí phát sinh giao dịch thanh toán trực tuyến"), D(2),
        D(80), ("tthc_co_phi_phat_sinh_thanh_toan",), ("tthc_co_phi",), PORTAL,
    ),
    Indicator(
        "3.6", "3", gettext_noop("Tỷ lệ hồ sơ thanh toán trực tuyến"), D(6), D(100),
        ("ho_so_thanh_toan_truc_tuyen",), ("ho_so_co_nghia_vu_tai_chinh",), PORTAL,
    ),
)  # fmt: skip


@dataclass(frozen=True)
class IndicatorInputs:
    """Counts for one unit and period. `None` means the system does not record it yet."""

    # 1. Publicity
    tthc_cong_bo_dung_han: int | None = None
    tthc_phai_cong_bo: int | None = None
    tthc_cong_khai_dung_han: int | None = None
    tthc_phai_cong_khai: int | None = None
    tthc_cong_khai_day_du: int | None = None
    tthc_da_cong_khai: int | None = None
    ho_so_dong_bo_dung_han: int | None = None
    ho_so_phai_dong_bo: int | None = None
    # 2. Progress (see `ontime_inputs`)
    da_giai_quyet_truoc_han: int | None = None
    da_giai_quyet_dung_han: int | None = None
    da_giai_quyet_qua_han: int | None = None
    dang_xu_ly_trong_han: int | None = None
    dang_xu_ly_qua_han: int | None = None
    bo_sung_nhieu_lan_da_giai_quyet: int | None = None  # among the in-time resolved
    bo_sung_nhieu_lan_dang_xu_ly: int | None = None  # among the in-time open
    ket_thuc_khac: int | None = None  # refused, stopped, withdrawn after reception
    ket_thuc_khac_trong_han: int | None = None  # of those, ended by the due instant
    tong_ngay_xu_ly: Decimal | None = None
    so_ho_so_co_thoi_gian_xu_ly: int | None = None
    # 3. Online services
    tthc_toan_trinh: int | None = None
    tthc_co_dvctt: int | None = None  # full or partial online service
    tthc_du_dieu_kien_toan_trinh: int | None = None
    dvctt_phat_sinh_ho_so: int | None = None
    dvctt_da_cung_cap: int | None = None
    ho_so_truc_tuyen: int | None = None
    ho_so_truc_tuyen_ket_qua_giay_chua_cap_dien_tu: int | None = None
    ho_so_tiep_nhan: int | None = None
    # 4. Digitisation
    ho_so_co_ket_qua_dien_tu: int | None = None
    ho_so_tra_ket_qua_giay_to: int | None = None
    ho_so_so_hoa: int | None = None
    ho_so_tai_su_dung_du_lieu: int | None = None
    ho_so_co_the_tai_su_dung: int | None = None
    ho_so_dung_kho_du_lieu: int | None = None
    ho_so_co_giay_to_trong_kho: int | None = None
    ho_so_tai_khoan_vneid: int | None = None
    tthc_ket_noi_du_lieu_dan_cu: int | None = None
    tthc_thuoc_tham_quyen: int | None = None
    xa_chung_thuc_dien_tu: int | None = None
    xa_truc_thuoc: int | None = None
    # 5. Satisfaction
    pakn_dung_han: int | None = None
    pakn_tiep_nhan: int | None = None
    pakn_da_xu_ly: int | None = None
    pakn_khong_hai_long: int | None = None
    ho_so_danh_gia_hai_long: int | None = None  # dossiers resolved and open to rating
    ho_so_khong_hai_long: int | None = None
    # 6. Online payment
    tthc_co_phi_thanh_toan_truc_tuyen: int | None = None
    tthc_co_phi_phat_sinh_thanh_toan: int | None = None
    tthc_co_phi: int | None = None
    ho_so_thanh_toan_truc_tuyen: int | None = None
    ho_so_co_nghia_vu_tai_chinh: int | None = None

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if value is not None and value < 0:
                raise ValueError(f"{f.name} không được âm.")


# What each input is, in words: a "missing input" names the data the system does not hold.
INPUT_LABELS: dict[str, str] = {
    "tthc_cong_bo_dung_han": gettext_noop(
        "số TTHC công bố đúng hạn (ngày quyết định công bố so với hạn)"
    ),
    "tthc_phai_cong_bo": gettext_noop("số TTHC phải công bố trong kỳ (hạn công bố của từng TTHC)"),
    "tthc_cong_khai_dung_han": gettext_noop("số TTHC cập nhật, công khai đúng hạn (hạn công khai)"),
    "tthc_phai_cong_khai": gettext_noop("số TTHC phải cập nhật, công khai trong kỳ"),
    "tthc_cong_khai_day_du": gettext_noop("số TTHC công khai đầy đủ nội dung"),
    "tthc_da_cong_khai": gettext_noop("số TTHC đã công khai trên Cổng dịch vụ công"),
    "ho_so_dong_bo_dung_han": gettext_noop(
        "số hồ sơ đồng bộ trạng thái lên Cổng DVCQG đúng hạn (nhật ký đồng bộ với Cổng DVCQG)"
    ),
    "ho_so_phai_dong_bo": gettext_noop("số hồ sơ phải đồng bộ lên Cổng DVCQG"),
    "da_giai_quyet_truoc_han": gettext_noop("số hồ sơ giải quyết trước hạn"),
    "da_giai_quyet_dung_han": gettext_noop("số hồ sơ giải quyết đúng hạn"),
    "da_giai_quyet_qua_han": gettext_noop("số hồ sơ giải quyết quá hạn"),
    "dang_xu_ly_trong_han": gettext_noop("số hồ sơ đang xử lý trong hạn"),
    "dang_xu_ly_qua_han": gettext_noop("số hồ sơ đang xử lý quá hạn"),
    "bo_sung_nhieu_lan_da_giai_quyet": gettext_noop(
        "số hồ sơ đã giải quyết trong hạn nhưng yêu cầu bổ sung quá một lần"
    ),
    "bo_sung_nhieu_lan_dang_xu_ly": gettext_noop(
        "số hồ sơ đang xử lý trong hạn nhưng yêu cầu bổ sung quá một lần"
    ),
    "ket_thuc_khac": gettext_noop("số hồ sơ không tiếp nhận, dừng xử lý, rút sau tiếp nhận"),
    "ket_thuc_khac_trong_han": gettext_noop(
        "số hồ sơ không tiếp nhận, dừng, rút trước hạn giải quyết"
    ),
    "tong_ngay_xu_ly": gettext_noop("tổng số ngày làm việc xử lý"),
    "so_ho_so_co_thoi_gian_xu_ly": gettext_noop("số hồ sơ có thời gian xử lý"),
    "ho_so_truc_tuyen": gettext_noop("số hồ sơ nộp trực tuyến"),
    "ho_so_tiep_nhan": gettext_noop("số hồ sơ tiếp nhận"),
    "tthc_toan_trinh": gettext_noop("số TTHC có DVCTT toàn trình"),
    "tthc_co_dvctt": gettext_noop("số TTHC có DVCTT toàn trình hoặc một phần"),
    "tthc_du_dieu_kien_toan_trinh": gettext_noop("số TTHC đủ điều kiện DVCTT toàn trình"),
    "dvctt_phat_sinh_ho_so": gettext_noop("số DVCTT có phát sinh hồ sơ trực tuyến trong kỳ"),
    "dvctt_da_cung_cap": gettext_noop("số DVCTT đã cung cấp"),
    "ho_so_truc_tuyen_ket_qua_giay_chua_cap_dien_tu": gettext_noop(
        "số hồ sơ trực tuyến có kết quả giấy chưa cấp bản điện tử"
    ),
    "ho_so_co_ket_qua_dien_tu": gettext_noop("số hồ sơ có kết quả điện tử"),
    "ho_so_tra_ket_qua_giay_to": gettext_noop("số hồ sơ đã có kết quả giải quyết trong kỳ"),
    "ho_so_so_hoa": gettext_noop(
        "số hồ sơ số hóa thành phần và kết quả (dữ liệu số hóa, chứng thực điện tử)"
    ),
    "ho_so_tai_su_dung_du_lieu": gettext_noop("số hồ sơ tái sử dụng dữ liệu số hóa"),
    "ho_so_dung_kho_du_lieu": gettext_noop(
        "số hồ sơ dùng giấy tờ từ kho dữ liệu điện tử của công dân"
    ),
    "ho_so_tai_khoan_vneid": gettext_noop(
        "số hồ sơ nộp bằng tài khoản định danh VNeID (đăng nhập VNeID)"
    ),
    "tthc_ket_noi_du_lieu_dan_cu": gettext_noop("số TTHC kết nối Cơ sở dữ liệu quốc gia về dân cư"),
    "tthc_thuoc_tham_quyen": gettext_noop("số TTHC thuộc thẩm quyền"),
    "xa_chung_thuc_dien_tu": gettext_noop(
        "số xã cung cấp chứng thực bản sao điện tử (ứng dụng chứng thực)"
    ),
    "xa_truc_thuoc": gettext_noop("số xã, phường trực thuộc"),
    "pakn_dung_han": gettext_noop(
        "số phản ánh, kiến nghị xử lý đúng hạn (ứng dụng phản ánh, kiến nghị)"
    ),
    "pakn_tiep_nhan": gettext_noop("số phản ánh, kiến nghị tiếp nhận"),
    "pakn_da_xu_ly": gettext_noop("số phản ánh, kiến nghị đã xử lý"),
    "pakn_khong_hai_long": gettext_noop(
        "số phản ánh, kiến nghị người dân không hài lòng với kết quả xử lý"
    ),
    "ho_so_danh_gia_hai_long": gettext_noop("số hồ sơ đã giải quyết trong kỳ"),
    "ho_so_khong_hai_long": gettext_noop("số hồ sơ trễ hạn hoặc bị đánh giá không hài lòng"),
    "tthc_co_phi_thanh_toan_truc_tuyen": gettext_noop(
        "số TTHC có phí, lệ phí cho phép thanh toán trực tuyến"
    ),
    "ho_so_co_the_tai_su_dung": gettext_noop("số hồ sơ có thể tái sử dụng dữ liệu"),
    "ho_so_co_giay_to_trong_kho": gettext_noop("số hồ sơ có giấy tờ trong kho dữ liệu"),
    "tthc_co_phi_phat_sinh_thanh_toan": gettext_noop(
        "số TTHC có phí phát sinh thanh toán trực tuyến"
    ),
    "tthc_co_phi": gettext_noop("số TTHC có phí, lệ phí"),
    "ho_so_thanh_toan_truc_tuyen": gettext_noop("số hồ sơ thanh toán trực tuyến"),
    "ho_so_co_nghia_vu_tai_chinh": gettext_noop("số hồ sơ có nghĩa vụ tài chính"),
}


def input_label(name: str) -> str:
    return INPUT_LABELS.get(name, name)


def ontime_inputs(counts: OnTimeCounts) -> dict[str, object]:
    """The progress fields of `IndicatorInputs` from the on-time counts of the same period."""
    return {
        "da_giai_quyet_truoc_han": counts.resolved_early,
        "da_giai_quyet_dung_han": counts.resolved_on_time,
        "da_giai_quyet_qua_han": counts.resolved_late,
        "dang_xu_ly_trong_han": counts.open_in_time,
        "dang_xu_ly_qua_han": counts.open_overdue,
        "bo_sung_nhieu_lan_da_giai_quyet": counts.resolved_in_time_repeated_supplements,
        "bo_sung_nhieu_lan_dang_xu_ly": counts.open_in_time_repeated_supplements,
        "tong_ngay_xu_ly": counts.processing_working_days,
        "so_ho_so_co_thoi_gian_xu_ly": counts.processing_timed,
        "ket_thuc_khac": counts.ended_unresolved + counts.refused,
        "ket_thuc_khac_trong_han": counts.ended_unresolved_in_time + counts.refused,
    }


def counts_as_online_for_3_3(*, online: bool, paper_result: bool, electronic_result: bool) -> bool:
    """Indicator 3.3 counts an online dossier whose result is a paper document only once an
    electronic result was issued for it (domain.md §5)."""
    return online and (not paper_result or electronic_result)


@dataclass(frozen=True)
class IndicatorResult:
    indicator: Indicator
    status: str
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    value: Decimal | None = None  # percent for a rate, working days for an average
    score: Decimal | None = None  # None when the indicator is not scored
    note: str = ""
    missing: tuple[str, ...] = ()  # `IndicatorInputs` fields whose absence withheld it

    @property
    def value_text(self) -> str:
        return self.value_text_in()

    def value_text_in(self, gettext=_same) -> str:
        if self.value is None:
            return gettext(STATUS_LABELS[self.status])
        if self.indicator.kind == TRUNG_BINH:
            return gettext(gettext_noop("%(days)s ngày")) % {"days": format_decimal(self.value)}
        return format_percent(self.value)

    def note_in(self, gettext=_same) -> str:
        """The note in words; `gettext` translates them (the page passes Django's)."""
        if self.status == CHUA_CO_DU_LIEU and self.missing:
            return _missing_note(self.missing, gettext)
        return gettext(self.note) if self.note else ""

    @property
    def points_lost(self) -> Decimal | None:
        """Points below the indicator's maximum (None when not scored)."""
        if self.score is None or not self.indicator.points:
            return None
        return self.indicator.points - self.score

    @property
    def scored(self) -> bool:
        """Counts toward the points assessed (excluded indicators and 0-point rows do not)."""
        return self.score is not None and self.indicator.points > 0


def _sum(inputs: IndicatorInputs, terms: Sequence[str]) -> tuple[Decimal | None, list[str]]:
    total, missing = Decimal(0), []
    for term in terms:
        name = term.lstrip("-")
        value = getattr(inputs, name)
        if value is None:
            missing.append(name)
            continue
        total += -Decimal(value) if term.startswith("-") else Decimal(value)
    return (None if missing else total), missing


def _missing_note(missing: Sequence[str], gettext=_same) -> str:
    text = gettext_noop("Hệ thống chưa ghi nhận: %(inputs)s. Không tính điểm.")
    return gettext(text) % {"inputs": "; ".join(gettext(input_label(m)) for m in missing)}


def evaluate_indicator(indicator: Indicator, inputs: IndicatorInputs) -> IndicatorResult:
    numerator, missing_n = _sum(inputs, indicator.tu_so)
    denominator, missing_d = _sum(inputs, indicator.mau_so)
    missing = list(dict.fromkeys(missing_n + missing_d))
    if missing:
        return IndicatorResult(
            indicator, CHUA_CO_DU_LIEU, note=_missing_note(missing), missing=tuple(missing)
        )
    assert numerator is not None and denominator is not None
    if denominator == 0:
        if indicator.points and indicator.khi_khong_ap_dung == DU_DIEM:
            score, note = (
                indicator.points,
                gettext_noop("Không phát sinh trong kỳ; được tính đủ điểm."),
            )
        else:
            score = None
            note = gettext_noop("Không phát sinh trong kỳ (mẫu số bằng 0); không tính điểm.")
        return IndicatorResult(indicator, KHONG_AP_DUNG, numerator, denominator, None, score, note)
    if indicator.kind == TRUNG_BINH:
        value = quantize(numerator / denominator)
        return IndicatorResult(indicator, DA_TINH, numerator, denominator, value, None)
    if numerator < 0 or numerator > denominator:
        raise ValueError(
            f"Chỉ số {indicator.code}: tử số {numerator} ngoài khoảng 0..{denominator}."
        )
    value = quantize(numerator * HUNDRED / denominator)
    # From the exact fraction, not the rounded rate: min(1, rate ÷ threshold) × points.
    ratio = min(Decimal(1), numerator * HUNDRED / (denominator * indicator.threshold))
    score = quantize(ratio * indicator.points)
    return IndicatorResult(indicator, DA_TINH, numerator, denominator, value, score)


@dataclass(frozen=True)
class Score:
    """A group's or the total's points, in both readings (see the module docstring)."""

    code: str  # the group's code; "" for the total
    name: str
    maximum: Decimal
    earned: Decimal  # sum of the scored indicators' points (missing counts as 0)
    assessed: Decimal  # points of the indicators actually scored
    excluded: tuple[IndicatorResult, ...]

    @property
    def rescaled(self) -> Decimal | None:
        """Earned over the points assessed, brought back to the maximum; None if none were."""
        if self.assessed == 0:
            return None
        return quantize(self.earned * self.maximum / self.assessed)

    @property
    def complete(self) -> bool:
        return not self.excluded

    @property
    def note(self) -> str:
        return self.note_in()

    def note_in(self, gettext=_same) -> str:
        if not self.excluded:
            return ""
        parts = [
            f"{r.indicator.code} ({gettext(STATUS_LABELS[r.status]).lower()})"
            for r in self.excluded
        ]
        text = gettext_noop(
            "Chưa tính %(excluded)s: đạt %(earned)s/%(assessed)s điểm đã đánh giá"
            " trên tổng %(maximum)s điểm."
        )
        return gettext(text) % {
            "excluded": ", ".join(parts),
            "earned": format_decimal(self.earned),
            "assessed": format_decimal(self.assessed),
            "maximum": format_decimal(self.maximum),
        }


def _score(code: str, name: str, maximum: Decimal, results: Sequence[IndicatorResult]) -> Score:
    weighted = [r for r in results if r.indicator.points > 0]
    return Score(
        code=code,
        name=name,
        maximum=maximum,
        earned=sum((r.score for r in weighted if r.score is not None), Decimal(0)),
        assessed=sum((r.indicator.points for r in weighted if r.scored), Decimal(0)),
        excluded=tuple(r for r in weighted if r.score is None),
    )


@dataclass(frozen=True)
class Evaluation:
    results: tuple[IndicatorResult, ...]
    groups: tuple[Score, ...]
    total: Score

    def result(self, code: str) -> IndicatorResult:
        return next(r for r in self.results if r.indicator.code == code)

    def group(self, code: str) -> Score:
        return next(g for g in self.groups if g.code == code)


def check_table(groups: Sequence[Group], indicators: Sequence[Indicator]) -> None:
    """Each group's indicator points add up to the group's points; codes are unique; every
    term names an `IndicatorInputs` field."""
    names = {f.name for f in fields(IndicatorInputs)}
    codes = [i.code for i in indicators]
    if len(codes) != len(set(codes)):
        raise ValueError("Mã chỉ số bị trùng.")
    for group in groups:
        points = sum((i.points for i in indicators if i.group == group.code), Decimal(0))
        if points != group.points:
            raise ValueError(f"Nhóm {group.code}: tổng điểm chỉ số {points} ≠ {group.points}.")
    for i in indicators:
        if i.group not in {g.code for g in groups}:
            raise ValueError(f"Chỉ số {i.code}: nhóm {i.group} không tồn tại.")
        for term in i.tu_so + i.mau_so:
            if term.lstrip("-") not in names:
                raise ValueError(f"Chỉ số {i.code}: không có trường {term}.")
        if i.threshold <= 0:
            raise ValueError(f"Chỉ số {i.code}: ngưỡng phải dương.")


def evaluate(
    inputs: IndicatorInputs,
    groups: Sequence[Group] = GROUPS,
    indicators: Sequence[Indicator] = INDICATORS,
) -> Evaluation:
    """Every indicator's result, each group's score and the total for one unit and period."""
    check_table(groups, indicators)
    results = tuple(evaluate_indicator(i, inputs) for i in indicators)
    group_scores = tuple(
        _score(g.code, g.name, g.points, [r for r in results if r.indicator.group == g.code])
        for g in groups
    )
    total = _score("", "Tổng điểm", sum((g.points for g in groups), Decimal(0)), results)
    return Evaluation(results, group_scores, total)
