"""Same permissions as the UI: scope hides other wards' dossiers (404, like a code that does
not exist), roles and the workflow decide who may act (403 / 409), anonymous callers get 401."""

import pytest

from motcua.dossiers import services
from motcua.dossiers.models import Dossier

from .conftest import APPLICANT, LIST_URL, action_url, detail_url

NOT_FOUND = {"detail": "Không có hồ sơ này hoặc hồ sơ không thuộc phạm vi của bạn."}


def _unchanged(dossier):
    fresh = Dossier.objects.get(pk=dossier.pk)
    return (fresh.version, fresh.status, fresh.events.count()) == (
        dossier.version,
        dossier.status,
        dossier.events.count(),
    )


def test_officer_of_ward_b_gets_404_for_ward_a(api, people, processing):
    client = api(people["other_desk"])
    assert client.get(detail_url(processing.code)).json() == NOT_FOUND
    assert client.get(detail_url(processing.code)).status_code == 404
    r = client.post(action_url(processing.code, "stop"), {"reason": "x"}, format="json")
    assert (r.status_code, r.json()) == (404, NOT_FOUND)
    r = client.post(action_url(processing.code, "withdraw"), {"reason": "x"}, format="json")
    assert (r.status_code, r.json()) == (404, NOT_FOUND)
    assert processing.code not in {row["code"] for row in client.get(LIST_URL).json()["results"]}
    assert _unchanged(processing)


@pytest.fixture
def filings(procedure, units, people):
    def file(user):
        return services.dossier_submit(
            procedure_version=procedure,
            unit=units["desk"],
            applicant=APPLICANT,
            components=[{"name": "Tờ khai"}, {"name": "Giấy chứng nhận quyền sử dụng đất"}],
            submitted_by=user,
        )

    return {"mine": file(people["citizen"]), "theirs": file(people["citizen2"])}


def test_citizen_changing_the_code_in_the_url_learns_nothing(api, people, filings):
    client = api(people["citizen"])
    assert client.get(detail_url(filings["mine"].code)).status_code == 200
    theirs = client.get(detail_url(filings["theirs"].code))
    nowhere = client.get(detail_url("000.00.20.H01-250303-9999"))
    assert (theirs.status_code, theirs.json()) == (nowhere.status_code, nowhere.json())
    assert theirs.status_code == 404
    r = client.post(action_url(filings["theirs"].code, "withdraw"), {"reason": "x"}, format="json")
    assert (r.status_code, r.json()) == (404, NOT_FOUND)
    assert _unchanged(filings["theirs"])


def test_role_not_allowed_is_403(api, people, processing):
    # Approval belongs to the department head.
    r = api(people["desk"]).post(action_url(processing.code, "approve"), {}, format="json")
    assert r.status_code == 403
    assert r.json()["detail"].startswith("Bạn không có quyền thực hiện “Duyệt kết quả”")
    assert _unchanged(processing)


def test_supervisor_reads_but_may_not_act(api, people, processing):
    client = api(people["supervisor"])
    assert client.get(detail_url(processing.code)).status_code == 200
    r = client.post(action_url(processing.code, "stop"), {"reason": "x"}, format="json")
    assert r.status_code == 403
    assert _unchanged(processing)


def test_state_not_allowed_is_409(api, people, processing):
    r = api(people["desk"]).post(action_url(processing.code, "return-result"), {}, format="json")
    assert r.status_code == 409
    assert r.json()["detail"].startswith("Không thể thực hiện “Trả kết quả” khi hồ sơ ở trạng thái")
    assert _unchanged(processing)


def test_handling_outside_the_holding_unit_is_403(api, people, processing):
    """The ward's desk still sees a dossier transferred to the city, but may not handle it."""
    services.dossier_transfer(
        dossier=processing, actor=people["specialist"], to_unit=processing.unit.parent.parent
    )
    processing.refresh_from_db()
    r = api(people["desk"]).post(
        action_url(processing.code, "request-supplement"), {"reason": "x"}, format="json"
    )
    assert r.status_code == 403
    assert "không thuộc phạm vi đơn vị của bạn" in r.json()["detail"]
    assert _unchanged(processing)


def test_anonymous_gets_401(api, processing):
    r = api().get(detail_url(processing.code))
    assert r.status_code == 401
    assert r["WWW-Authenticate"] == "Token"
    assert r.json()["detail"].startswith("Chưa xác thực")
    r = api().post(LIST_URL, {}, format="json")
    assert r.status_code == 401
