"""Decision 766 scoring: min(1, rate ÷ threshold) × points per indicator, five groups adding up
to 100, and no invented numbers: unrecorded counts say "chưa có dữ liệu", zero denominators
say "không áp dụng". Every expected value below is worked out by hand in the comment beside it.
"""

from dataclasses import replace
from decimal import Decimal

import pytest

from motcua.reports.domain.indicators import (
    CHUA_CO_DU_LIEU,
    DA_TINH,
    GROUPS,
    INDICATORS,
    KHONG_AP_DUNG,
    Group,
    Indicator,
    IndicatorInputs,
    check_table,
    counts_as_online_for_3_3,
    evaluate,
    ontime_inputs,
)
from motcua.reports.domain.ontime import OnTimeCounts

# A unit meeting every indicator in full: each numerator equals its denominator (10).
FULL = IndicatorInputs(
    tthc_cong_bo_dung_han=10, tthc_phai_cong_bo=10,
    tthc_cong_khai_dung_han=10, tthc_phai_cong_khai=10,
    tthc_cong_khai_day_du=10, tthc_da_cong_khai=10,
    ho_so_dong_bo_dung_han=10, ho_so_phai_dong_bo=10,
    da_giai_quyet_truoc_han=6, da_giai_quyet_dung_han=2, da_giai_quyet_qua_han=0,
    dang_xu_ly_trong_han=2, dang_xu_ly_qua_han=0,
    bo_sung_nhieu_lan_da_giai_quyet=0, bo_sung_nhieu_lan_dang_xu_ly=0,
    ket_thuc_khac=0, ket_thuc_khac_trong_han=0,
    tong_ngay_xu_ly=Decimal("20"), so_ho_so_co_thoi_gian_xu_ly=8,
    tthc_toan_trinh=10, tthc_co_dvctt=10, tthc_du_dieu_kien_toan_trinh=10,
    dvctt_phat_sinh_ho_so=10, dvctt_da_cung_cap=10,
    ho_so_truc_tuyen=10, ho_so_truc_tuyen_ket_qua_giay_chua_cap_dien_tu=0, ho_so_tiep_nhan=10,
    ho_so_co_ket_qua_dien_tu=10, ho_so_tra_ket_qua_giay_to=10,
    ho_so_so_hoa=10,
    ho_so_tai_su_dung_du_lieu=10, ho_so_co_the_tai_su_dung=10,
    ho_so_dung_kho_du_lieu=10, ho_so_co_giay_to_trong_kho=10,
    ho_so_tai_khoan_vneid=10,
    tthc_ket_noi_du_lieu_dan_cu=10, tthc_thuoc_tham_quyen=10,
    xa_chung_thuc_dien_tu=10, xa_truc_thuoc=10,
    pakn_dung_han=10, pakn_tiep_nhan=10, pakn_da_xu_ly=10, pakn_khong_hai_long=0,
    ho_so_danh_gia_hai_long=10, ho_so_khong_hai_long=0,
    tthc_co_phi_thanh_toan_truc_tuyen=10, tthc_co_phi_phat_sinh_thanh_toan=10, tthc_co_phi=10,
    ho_so_thanh_toan_truc_tuyen=10, ho_so_co_nghia_vu_tai_chinh=10,
)  # fmt: skip


def test_the_table_adds_up_to_100_in_five_groups():
    # Decision 766/QĐ-TTg: five groups; online payment (3.5, 3.6) belongs to group 3.
    check_table(GROUPS, INDICATORS)
    assert [(g.name, g.points) for g in GROUPS] == [
        ("Công khai, minh bạch", Decimal(18)),
        ("Tiến độ, kết quả giải quyết", Decimal(20)),
        ("Cung cấp dịch vụ công trực tuyến (gồm thanh toán trực tuyến)", Decimal(22)),
        ("Số hóa hồ sơ", Decimal(22)),
        ("Mức độ hài lòng", Decimal(18)),
    ]
    by_code = {i.code: i for i in INDICATORS}
    assert {by_code[c].group for c in ("3.5", "3.5b", "3.6")} == {"3"}


def test_the_table_has_the_indicators_and_thresholds_of_domain_md():
    by_code = {i.code: i for i in INDICATORS}
    listed = {"1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "3.1", "3.3", "3.5", "3.6"}
    listed |= {"4.1", "4.2", "4.3", "4.4", "4.5", "5.3", "5.4"}
    assert listed <= set(by_code)
    thresholds = {c: by_code[c].threshold for c in ("3.1", "3.3", "3.5", "4.2", "4.3", "5.4")}
    assert thresholds == {
        "3.1": Decimal(80),
        "3.3": Decimal(50),
        "3.5": Decimal(80),
        "4.2": Decimal(80),
        "4.3": Decimal(80),
        "5.4": Decimal(90),
    }
    assert by_code["2.1"].points == Decimal(20)
    assert by_code["5.4"].points == Decimal(6)


def test_a_broken_table_is_refused():
    with pytest.raises(ValueError, match="tổng điểm"):
        check_table([Group("1", "Công khai, minh bạch", Decimal(18))], INDICATORS[:1])
    wrong_field = Indicator("9.9", "1", "x", Decimal(18), Decimal(100), ("khong_co",), ("x",), "")
    with pytest.raises(ValueError, match="không có trường"):
        check_table([Group("1", "x", Decimal(18))], [wrong_field])


def test_a_fully_met_unit_scores_100():
    e = evaluate(FULL)
    assert e.total.earned == Decimal(100)
    assert e.total.assessed == Decimal(100)
    assert e.total.rescaled == Decimal(100)
    assert e.total.complete and e.total.note == ""
    assert [(g.code, g.earned) for g in e.groups] == [
        ("1", Decimal(18)), ("2", Decimal(20)), ("3", Decimal(22)),
        ("4", Decimal(22)), ("5", Decimal(18)),
    ]  # fmt: skip
    assert all(r.status == DA_TINH for r in e.results)


def test_meeting_each_threshold_exactly_is_full_points():
    # 3.1 8/10 = 80%; 3.3 5/10 = 50%; 4.2 8/10 = 80%; 4.3 8/10; 5.4 9/10 = 90%; 3.5 and 3.5b 8/10.
    at_threshold = replace(
        FULL,
        tthc_co_dvctt=8,
        ho_so_truc_tuyen=5,
        ho_so_tai_khoan_vneid=5,
        ho_so_so_hoa=8,
        ho_so_tai_su_dung_du_lieu=8,
        ho_so_khong_hai_long=1,
        tthc_co_phi_thanh_toan_truc_tuyen=8,
        tthc_co_phi_phat_sinh_thanh_toan=8,
    )
    e = evaluate(at_threshold)
    assert e.total.earned == Decimal(100)
    assert e.result("3.3").value == Decimal(50)
    assert e.result("5.4").value == Decimal(90)


# (case, indicator, changes to FULL, rate %, score)
SCORES = [
    ("3.1 above the 80% threshold is capped", "3.1", {"tthc_co_dvctt": 9},
     Decimal("90"), Decimal("2.00")),  # min(1, 90/80) × 2
    ("3.1 below the threshold", "3.1", {"tthc_co_dvctt": 6},
     Decimal("60"), Decimal("1.50")),  # 60/80 × 2
    ("3.3 below 50%", "3.3", {"ho_so_truc_tuyen": 3, "ho_so_tai_khoan_vneid": 3},
     Decimal("30"), Decimal("3.60")),  # 30/50 × 6
    ("3.3 above 50% is capped", "3.3", {"ho_so_truc_tuyen": 7, "ho_so_tai_khoan_vneid": 7},
     Decimal("70"), Decimal("6.00")),
    ("3.3 drops online dossiers whose paper result has no electronic copy", "3.3",
     {"ho_so_truc_tuyen": 6, "ho_so_truc_tuyen_ket_qua_giay_chua_cap_dien_tu": 2,
      "ho_so_tai_khoan_vneid": 6},
     Decimal("40"), Decimal("4.80")),  # (6 − 2)/10 = 40%; 40/50 × 6
    ("4.2 below 80%", "4.2", {"ho_so_so_hoa": 7}, Decimal("70"), Decimal("3.50")),  # 70/80 × 4
    ("4.3 over every received dossier", "4.3", {"ho_so_tai_su_dung_du_lieu": 2},
     Decimal("20"), Decimal("0.50")),  # 2/10 received = 20%; 20/80 × 2
    ("4.3 a third", "4.3", {"ho_so_tai_su_dung_du_lieu": 1, "ho_so_tiep_nhan": 3,
                            "ho_so_truc_tuyen": 3, "ho_so_tai_khoan_vneid": 3, "ho_so_so_hoa": 3,
                            "ho_so_dung_kho_du_lieu": 3},
     Decimal("33.33"), Decimal("0.83")),  # (100/3)/80 × 2 = 0,8333
    ("4.4 over every received dossier", "4.4", {"ho_so_dung_kho_du_lieu": 5},
     Decimal("50"), Decimal("2.00")),  # 5/10 × 4
    ("2.1 counts stopped and withdrawn dossiers as ended", "2.1",
     {"ket_thuc_khac": 10, "ket_thuc_khac_trong_han": 5},
     Decimal("75"), Decimal("15.00")),  # (10 + 5) / (10 + 10) = 75%; 0,75 × 20
    ("0% (numerator 0) scores 0", "3.6", {"ho_so_thanh_toan_truc_tuyen": 0},
     Decimal("0"), Decimal("0.00")),
    ("5.4 under 90%", "5.4", {"ho_so_danh_gia_hai_long": 100, "ho_so_khong_hai_long": 15},
     Decimal("85"), Decimal("5.67")),  # 85/90 × 6 = 5,6667
    ("5.4 above 90% is capped", "5.4", {"ho_so_danh_gia_hai_long": 100, "ho_so_khong_hai_long": 5},
     Decimal("95"), Decimal("6.00")),
    ("3.6 has no threshold below 100%", "3.6",
     {"ho_so_thanh_toan_truc_tuyen": 1, "ho_so_co_nghia_vu_tai_chinh": 3},
     Decimal("33.33"), Decimal("2.00")),  # 1/3 × 6
    ("2.1 with the seed's 2021 figures", "2.1",
     {"da_giai_quyet_truoc_han": 20000, "da_giai_quyet_dung_han": 5925,
      "da_giai_quyet_qua_han": 44, "dang_xu_ly_trong_han": 0},
     Decimal("99.83"), Decimal("19.97")),  # 20 × 25925/25969 = 19,9661
    ("1.1 is proportional", "1.1", {"tthc_cong_bo_dung_han": 7},
     Decimal("70"), Decimal("4.20")),  # 0,7 × 6
]  # fmt: skip


@pytest.mark.parametrize("name,code,changes,rate,score", SCORES, ids=[s[0] for s in SCORES])
def test_indicator_scores(name, code, changes, rate, score):
    result = evaluate(replace(FULL, **changes)).result(code)
    assert result.status == DA_TINH
    assert result.value == rate
    assert result.score == score


def test_two_supplements_make_2_1_lose_points_the_seed_rate_keeps():
    # One on-time dossier with two supplement requests, nine on time without.
    counts = OnTimeCounts(resolved_on_time=10, resolved_in_time_repeated_supplements=1)
    assert counts.seed_rate == Decimal(100)
    result = evaluate(replace(FULL, **ontime_inputs(counts))).result("2.1")
    assert result.value == Decimal(90)  # 9/10
    assert result.score == Decimal("18.00")  # 0,9 × 20
    assert result.value_text == "90%"


def test_open_dossiers_at_the_period_end_in_2_1():
    counts = OnTimeCounts(
        resolved_early=90, resolved_on_time=5, resolved_late=5, open_in_time=40, open_overdue=10
    )
    result = evaluate(replace(FULL, **ontime_inputs(counts))).result("2.1")
    assert (result.numerator, result.denominator) == (Decimal(135), Decimal(150))
    assert result.score == Decimal("18.00")  # 135/150 = 0,9 × 20


def test_average_processing_time_is_shown_not_scored():
    e = evaluate(replace(FULL, tong_ngay_xu_ly=Decimal("12.5"), so_ho_so_co_thoi_gian_xu_ly=3))
    result = e.result("2.2")
    assert result.value == Decimal("4.17")
    assert result.value_text == "4,17 ngày"
    assert result.score is None
    assert e.group("2").earned == Decimal(20) and e.group("2").complete


def test_no_fee_bearing_procedures_is_not_applicable_not_a_division_error():
    no_fees = replace(
        FULL,
        tthc_co_phi=0,
        tthc_co_phi_thanh_toan_truc_tuyen=0,
        tthc_co_phi_phat_sinh_thanh_toan=0,
        ho_so_co_nghia_vu_tai_chinh=0,
        ho_so_thanh_toan_truc_tuyen=0,
    )
    e = evaluate(no_fees)
    for code in ("3.5", "3.5b", "3.6"):
        result = e.result(code)
        assert result.status == KHONG_AP_DUNG
        assert (result.value, result.score) == (None, None)
        assert result.value_text == "Không áp dụng"
        assert result.note == "Không phát sinh trong kỳ (mẫu số bằng 0); không tính điểm."
    online = e.group("3")
    assert (online.earned, online.assessed, online.rescaled) == (
        Decimal(12),
        Decimal(12),
        Decimal(22),
    )
    assert e.total.earned == Decimal(90)  # missing counts as 0: 100 − 10
    assert e.total.assessed == Decimal(90)
    assert e.total.rescaled == Decimal(100)  # 90 of the 90 points assessed
    assert e.total.note == (
        "Chưa tính 3.5 (không áp dụng), 3.5b (không áp dụng), 3.6 (không áp dụng): "
        "đạt 90/90 điểm đã đánh giá trên tổng 100 điểm."
    )


def test_no_petitions_gives_the_petition_indicators_full_points():
    e = evaluate(replace(FULL, pakn_dung_han=0, pakn_tiep_nhan=0, pakn_da_xu_ly=0))
    for code in ("5.2", "5.3"):
        assert e.result(code).status == KHONG_AP_DUNG
        assert e.result(code).score == Decimal(6)
    assert e.group("5").earned == Decimal(18) and e.group("5").complete


def test_unrecorded_inputs_say_so_and_are_listed_in_the_total():
    unrecorded = replace(
        FULL,
        tthc_cong_bo_dung_han=None, tthc_phai_cong_bo=None,
        tthc_cong_khai_dung_han=None, tthc_phai_cong_khai=None,
        tthc_cong_khai_day_du=None, tthc_da_cong_khai=None,
        ho_so_dong_bo_dung_han=None, ho_so_phai_dong_bo=None,
        ho_so_tai_khoan_vneid=None,
    )  # fmt: skip
    e = evaluate(unrecorded)
    vneid = e.result("4.5")
    assert vneid.status == CHUA_CO_DU_LIEU
    assert (vneid.value, vneid.score) == (None, None)
    assert vneid.value_text == "Chưa có dữ liệu"
    assert vneid.note == (
        "Hệ thống chưa ghi nhận: số hồ sơ nộp bằng tài khoản định danh VNeID (đăng nhập VNeID). "
        "Không tính điểm."
    )
    assert vneid.missing == ("ho_so_tai_khoan_vneid",)
    assert e.group("1").assessed == Decimal(0) and e.group("1").rescaled is None
    digitisation = e.group("4")
    assert (digitisation.earned, digitisation.assessed) == (Decimal(20), Decimal(20))
    assert digitisation.rescaled == Decimal(22)  # 20/20 × 22
    assert e.total.earned == Decimal(80)  # 100 − 18 − 2
    assert e.total.rescaled == Decimal(100)
    assert e.total.note == (
        "Chưa tính 1.1 (chưa có dữ liệu), 1.2 (chưa có dữ liệu), 1.3 (chưa có dữ liệu), "
        "1.4 (chưa có dữ liệu), 4.5 (chưa có dữ liệu): "
        "đạt 80/80 điểm đã đánh giá trên tổng 100 điểm."
    )


def test_rescaling_over_the_points_assessed():
    # 3.1 unrecorded; 3.2 at 50% gives 2 of 4; 3.3 full gives 6; payments 10:
    # 18 of 20 assessed → 18 × 22/20.
    partial = replace(FULL, tthc_co_dvctt=None, dvctt_phat_sinh_ho_so=5)
    online = evaluate(partial).group("3")
    assert (online.earned, online.assessed, online.maximum) == (Decimal(18), Decimal(20), 22)
    assert online.rescaled == Decimal("19.80")
    assert online.note == (
        "Chưa tính 3.1 (chưa có dữ liệu): đạt 18/20 điểm đã đánh giá trên tổng 22 điểm."
    )


def test_one_missing_term_is_enough_to_withhold_2_1():
    result = evaluate(replace(FULL, bo_sung_nhieu_lan_dang_xu_ly=None)).result("2.1")
    assert result.status == CHUA_CO_DU_LIEU
    assert result.note == (
        "Hệ thống chưa ghi nhận: số hồ sơ đang xử lý trong hạn nhưng yêu cầu bổ sung quá một lần. "
        "Không tính điểm."
    )


def test_nothing_recorded_at_all():
    e = evaluate(IndicatorInputs())
    assert e.total.earned == Decimal(0)
    assert e.total.assessed == Decimal(0)
    assert e.total.rescaled is None
    assert len(e.total.excluded) == 21  # 4 + 1 + 6 + 7 + 3; 2.2 carries no points


def test_numerator_above_denominator_is_refused():
    with pytest.raises(ValueError, match="3.3"):
        evaluate(replace(FULL, ho_so_truc_tuyen=11, ho_so_tai_khoan_vneid=10))


ONLINE_3_3 = [
    ("counter dossier", False, False, False, False),
    ("online, electronic result by nature", True, False, False, True),
    ("online, paper result, electronic copy issued", True, True, True, True),
    ("online, paper result only", True, True, False, False),
]


@pytest.mark.parametrize("name,online,paper,electronic,counts", ONLINE_3_3,
                         ids=[r[0] for r in ONLINE_3_3])  # fmt: skip
def test_which_online_dossiers_count_for_3_3(name, online, paper, electronic, counts):
    assert (
        counts_as_online_for_3_3(online=online, paper_result=paper, electronic_result=electronic)
        is counts
    )


def test_every_input_has_a_readable_label():
    """The page never shows an internal field name (domain.INPUT_LABELS covers every input)."""
    import dataclasses

    from motcua.reports.domain.indicators import INPUT_LABELS, IndicatorInputs

    names = {f.name for f in dataclasses.fields(IndicatorInputs)}
    assert names == set(INPUT_LABELS)
    assert all("_" not in label for label in INPUT_LABELS.values())
