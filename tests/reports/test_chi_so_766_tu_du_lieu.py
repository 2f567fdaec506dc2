"""Decision 766 indicators fed from the data the system holds (issue 13, item 2): payments feed
3.6, ratings feed 5.4 (100% − late − dissatisfied), the catalogue feeds 3.1 over every
procedure; an absent input is named; other apps plug in through `register_input_provider`;
the page shows the points lost and why, with links."""

import datetime as dt
from decimal import Decimal

import pytest

from motcua.accounts.roles import Role
from motcua.catalogue.models import ProcedureVersion
from motcua.dossiers.domain.workflow import Status
from motcua.feedback.domain.criteria import Level
from motcua.feedback.models import Rating
from motcua.payments.models import Payment
from motcua.reports import indicator_inputs as providers
from motcua.reports import services
from motcua.reports.domain.indicators import CHUA_CO_DU_LIEU, DA_TINH, evaluate
from motcua.reports.domain.periods import year
from motcua.reports.indicator_inputs import InputContext, indicator_inputs
from motcua.reports.selectors import ontime_report
from tests.reports.conftest import vn

Y2024 = year(2024)
TODAY = dt.date(2025, 1, 1)


@pytest.fixture
def data(tree, make_dossier, procedures):
    ProcedureVersion.objects.filter(pk=procedures["ks"].pk).update(online_level="toan_trinh")
    desk = tree["A.MC"]
    m = make_dossier
    on_time = m(desk, received=vn(2024, 5, 6), due=vn(2024, 5, 9, 17), finished=vn(2024, 5, 8),
                status=Status.RETURNED, returned=vn(2024, 5, 9), channel=2)  # fmt: skip
    late = m(desk, received=vn(2024, 5, 6), due=vn(2024, 5, 9, 17), finished=vn(2024, 5, 10),
             status=Status.RETURNED, returned=vn(2024, 5, 10))  # fmt: skip
    disliked = m(desk, received=vn(2024, 6, 3), due=vn(2024, 6, 6, 17), finished=vn(2024, 6, 4),
                 status=Status.RESOLVED, procedure="dd")  # fmt: skip
    m(desk, received=vn(2024, 6, 3), due=vn(2025, 6, 6, 17))  # still open, in time
    for ref, d, method in (("P1", on_time, "online"), ("P2", late, "counter")):
        Payment.objects.create(dossier=d, reference=ref, amount=50_000, method=method,
                               status="paid", paid_at=d.finished_at)  # fmt: skip
    Rating.objects.create(dossier=on_time, level=Level.VERY_SATISFIED)
    Rating.objects.create(dossier=disliked, level=Level.DISSATISFIED)
    services.facts_rebuild()
    return {"on_time": on_time, "late": late, "disliked": disliked}


def _evaluate():
    ctx = InputContext(period=Y2024, unit_ids=None, report=ontime_report(period=Y2024, today=TODAY))
    return ctx, evaluate(indicator_inputs(ctx))


def test_payments_ratings_and_catalogue_feed_their_indicators(data):
    ctx, e = _evaluate()
    # 3.6: 1 of the 2 dossiers with a financial obligation paid online → 50% × 6 = 3.
    r36 = e.result("3.6")
    assert (r36.status, r36.numerator, r36.denominator, r36.score) == (
        DA_TINH, Decimal(1), Decimal(2), Decimal("3.00")
    )  # fmt: skip
    # 5.4: 3 resolved, one late and one dissatisfied: 100% − 33,33% − 33,33% = 33,33%;
    # 33,33/90 × 6 = 2,22.
    r54 = e.result("5.4")
    assert (r54.numerator, r54.denominator) == (Decimal(1), Decimal(3))
    assert (r54.value, r54.score) == (Decimal("33.33"), Decimal("2.22"))
    # 3.1 over every procedure: 1 of 2 published procedures is online → 50%/80% × 2 = 1,25.
    r31 = e.result("3.1")
    assert (r31.numerator, r31.denominator, r31.score) == (Decimal(1), Decimal(2), Decimal("1.25"))
    # 3.3: 1 online of 4 received, but its result is a paper document with no electronic
    # copy issued, so it does not count (domain.md §5): 0%.
    r33 = e.result("3.3")
    assert (r33.numerator, r33.denominator, r33.score) == (Decimal(0), Decimal(4), Decimal(0))
    assert e.result("2.1").status == DA_TINH
    assert ("Hồ sơ quá hạn hiện nay", "/ho-so/?loc=qua-han") in ctx.links["2.1"]


def test_an_absent_input_is_named(data):
    _ctx, e = _evaluate()
    vneid = e.result("4.5")
    assert vneid.status == CHUA_CO_DU_LIEU
    assert vneid.missing == ("ho_so_tai_khoan_vneid",)
    assert "tài khoản định danh VNeID" in vneid.note
    assert e.result("1.4").missing == ("ho_so_dong_bo_dung_han", "ho_so_phai_dong_bo")
    # the petitions and certification apps plug in their counts (tests/petitions/
    # test_chi_so_766.py, tests/certify/test_chi_so_766_so_hoa.py): nothing missing there
    for code in ("4.2", "4.7", "5.2", "5.3"):
        assert e.result(code).missing == (), code


def test_another_app_plugs_its_counts_in(data):
    def portal_sync(ctx):
        return {"ho_so_phai_dong_bo": 4, "ho_so_dong_bo_dung_han": 3}

    providers.register_input_provider(portal_sync)
    try:
        _ctx, e = _evaluate()
    finally:
        providers._PROVIDERS.remove(portal_sync)
    r14 = e.result("1.4")
    assert (r14.status, r14.value, r14.score) == (DA_TINH, Decimal(75), Decimal("4.50"))


def test_a_provider_with_an_unknown_field_is_refused(data):
    def broken(ctx):
        return {"khong_co_truong_nay": 1}

    providers.register_input_provider(broken)
    try:
        with pytest.raises(ValueError, match="khong_co_truong_nay"):
            _evaluate()
    finally:
        providers._PROVIDERS.remove(broken)


def test_the_page_shows_points_lost_and_why(data, client, make_user, tree):
    client.force_login(make_user("gs", Role.SUPERVISOR, unit=tree["D"]))
    page = client.get("/bao-cao/chi-so-766/", {"nam": 2024}).content.decode()
    assert "Điểm bị trừ và lý do" in page
    assert '<li data-code="3.6"><strong>3.6</strong>' in page
    assert "mất 3,00 điểm (đạt 50%)" in page
    assert 'href="/bao-cao/thu-tuc/">TTHC chưa cung cấp trực tuyến</a>' in page
    assert 'href="/ho-so/?loc=qua-han"' in page
    assert "thiếu dữ liệu đầu vào" in page
