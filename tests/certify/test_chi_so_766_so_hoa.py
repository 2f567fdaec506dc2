"""Decision 766 group 4 fed from certification and digitisation (issue 13, item 2): 4.2 counts
the dossiers received in the period whose components and result are digitised; 4.7 counts the
wards and communes that issue electronic certified copies from originals. The reports app
gets these through `register_input_provider`, called from `CertifyConfig.ready()`."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from motcua.certify.services import certified_copy_create
from motcua.dossiers import services
from motcua.org.models import OrgUnit
from motcua.reports.domain.indicators import DA_TINH, evaluate
from motcua.reports.domain.periods import year
from motcua.reports.indicator_inputs import InputContext, indicator_inputs
from motcua.reports.selectors import ontime_report
from motcua.reports.services import facts_rebuild
from tests.certify.conftest import pdf_pages
from tests.portal import tracking_data as data

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(make_user):
    return data.make_world(make_user)


def _paper(world, at):
    return services.dossier_receive(
        procedure_version=world["procedure"],
        unit=world["units"]["desk"],
        applicant=data.APPLICANT,
        channel=1,
        components=[{"name": "Tờ khai"}],
        received_by=world["desk"],
        received_at=at,
    )


def _evaluate(period, unit_ids=None):
    facts_rebuild()
    report = ontime_report(period=period, today=dt.date(2026, 1, 1))
    ctx = InputContext(period=period, unit_ids=unit_ids, report=report)
    return ctx, evaluate(indicator_inputs(ctx))


@pytest.mark.parametrize(
    # source: QĐ 766/QĐ-TTg, nhóm 4 "Số hóa hồ sơ"; 4.2 (4 points, threshold 80%, domain.md)
    # and 4.7 (2 points, threshold 100%, Cổng DVCQG) as `reports.domain.indicators` states them.
    "copies_by, digitised, expect_42, expect_47",
    [
        # no copy certified, 1 of 3 received dossiers digitised: 33.33%/80% × 4 = 1.67
        ((), 1, ("1", "3", "33.33", "1.67"), ("0", "2", "0", "0")),
        # the ward certifies a copy: 1 of the 2 wards/communes → 50% × 2 = 1
        (("ward",), 1, ("1", "3", "33.33", "1.67"), ("1", "2", "50", "1.00")),
        # both units certify, two dossiers digitised: 66.67% → 3.33; 4.7 full points
        (("ward", "commune"), 2, ("2", "3", "66.67", "3.33"), ("2", "2", "100", "2.00")),
    ],
)
def test_digitisation_and_certified_copies_feed_group_4(
    world, copies_by, digitised, expect_42, expect_47
):
    commune = OrgUnit.objects.create(
        code="25750", name="Xã Tân An", kind="commune", parent=world["units"]["city"]
    )
    units = {"ward": world["units"]["ward"], "commune": commune}
    for i in range(digitised):
        online = data.filed(world)  # the component's file is attached on filing
        services.dossier_result_attach(
            dossier=online, actor=world["specialist"], file=data.pdf(), name=f"KQ{i}",
            at=data.vn(4, 9),
        )  # fmt: skip
    for _ in range(3 - digitised):
        _paper(world, data.vn(3, 8))  # paper component never scanned
    for key in copies_by:
        certified_copy_create(
            unit=units[key], source=pdf_pages(1), source_name="giay-khai-sinh.pdf",
            title="Giấy khai sinh", compared_with_original=True, at=data.vn(5, 9),
        )  # fmt: skip
    ctx, e = _evaluate(year(2025))
    for code, (num, den, value, score) in (("4.2", expect_42), ("4.7", expect_47)):
        r = e.result(code)
        assert (r.status, r.numerator, r.denominator) == (DA_TINH, Decimal(num), Decimal(den))
        assert (r.value, r.score) == (Decimal(value), Decimal(score)), code
    assert ("Tiến độ số hóa theo đơn vị, thủ tục", reverse("certify:paperless")) in ctx.links["4.2"]


def test_copies_certified_after_the_period_or_outside_the_scope_do_not_count(world):
    commune = OrgUnit.objects.create(
        code="25750", name="Xã Tân An", kind="commune", parent=world["units"]["city"]
    )
    _paper(world, data.vn(3, 8))
    # certified in 2026: not yet providing the service in 2025
    certified_copy_create(
        unit=commune, source=pdf_pages(1), source_name="a.pdf", title="Giấy khai sinh",
        compared_with_original=True, at=dt.datetime(2026, 1, 2, 9, tzinfo=data.VN),
    )  # fmt: skip
    _ctx, e = _evaluate(year(2025))
    r = e.result("4.7")
    assert (r.numerator, r.denominator) == (Decimal(0), Decimal(2))
    # the ward's scope alone: the commune's copy and units are not counted
    ward_scope = [world["units"][k].pk for k in ("ward", "desk", "tp")]
    _ctx, e = _evaluate(year(2026), unit_ids=ward_scope)
    r = e.result("4.7")
    assert (r.numerator, r.denominator) == (Decimal(0), Decimal(1))
    _ctx, e = _evaluate(year(2026), unit_ids=[commune.pk])
    assert (e.result("4.7").numerator, e.result("4.7").denominator) == (Decimal(1), Decimal(1))
