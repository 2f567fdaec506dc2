"""`dossier_create`: who makes a dossier decides how (the desk receives, a citizen submits);
the same routing for the desk's intake page and the API."""

import pytest

from motcua.dossiers import services
from motcua.dossiers.domain.errors import IntakeForbidden, IntakeRefused
from motcua.dossiers.domain.workflow import Channel, Status
from tests.dossiers.conftest import APPLICANT, COMPONENTS, MON_0800

pytestmark = pytest.mark.django_db


def _create(people, procedure, who, **kw):
    kw.setdefault("components", [{"name": c["name"]} for c in COMPONENTS[:2]])
    return services.dossier_create(
        actor=people[who], procedure_version=procedure, applicant=APPLICANT, at=MON_0800, **kw
    )


@pytest.mark.parametrize(
    "channel, expected", [(None, Channel.COUNTER), (Channel.POSTAL, Channel.POSTAL)]
)
def test_the_desk_receives_at_its_own_unit(people, procedure, units, channel, expected):
    receipt = "RR123456789VN" if channel == Channel.POSTAL else ""
    dossier = _create(people, procedure, "desk", channel=channel, postal_receipt_no=receipt)
    assert (dossier.status, dossier.channel, dossier.unit) == (
        Status.RECEIVED,
        expected,
        units["desk"],
    )
    assert dossier.received_by == people["desk"]


def test_a_citizen_submits_online_and_needs_every_scan(people, procedure, units):
    with pytest.raises(IntakeRefused) as refused:
        _create(people, procedure, "citizen", unit=units["desk"])
    assert refused.value.missing and refused.value.http_status == 400


@pytest.mark.parametrize(
    "who, kw, error, words",
    [
        ("desk", {"channel": Channel.ONLINE}, IntakeRefused, "hồ sơ trực tuyến do công dân nộp"),
        ("citizen", {"channel": Channel.COUNTER}, IntakeRefused, "chỉ nộp hồ sơ trực tuyến"),
        ("citizen", {}, IntakeRefused, "Chưa chọn đơn vị"),
        ("digital", {"unit": "desk"}, IntakeForbidden, "Hỗ trợ nộp hồ sơ"),
        ("specialist", {}, IntakeForbidden, "Chỉ công chức Bộ phận Một cửa"),
    ],
)
def test_refusals(people, procedure, units, who, kw, error, words):
    if "unit" in kw:
        kw["unit"] = units[kw["unit"]]
    with pytest.raises(error, match=words):
        _create(people, procedure, who, **kw)
