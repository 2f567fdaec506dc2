"""Issue 9, holes 2–5, each reproduction kept as a regression test (the API, the officer
page's action endpoint and the services all ask `dossiers/domain/policy.py`)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from motcua.dossiers import services
from motcua.dossiers.domain.errors import ActionForbidden, OutOfScope
from motcua.dossiers.domain.workflow import Status
from motcua.dossiers.models import Dossier
from motcua.payments.models import Payment

from .conftest import COMPONENTS, LIST_URL, action_url, detail_url, intake_body

FILES = [{"name": c["name"]} for c in COMPONENTS[:2]]


def _snapshot(d):
    d = Dossier.objects.get(pk=d.pk)
    return (d.status, d.version, d.current_step, d.assignee_id, d.events.count())


@pytest.fixture
def citizens_dossier(receive, people):
    """A dossier of `congdan` (online account), being processed by the specialist."""
    d = receive(applicant_user=people["citizen"], at=timezone.now())
    return services.dossier_assign(dossier=d, actor=people["desk"], assignee=people["specialist"])


@pytest.fixture
def waiting_payment(citizens_dossier, people):
    return services.dossier_request_payment(
        dossier=citizens_dossier, actor=people["specialist"], amount=50000
    )


@pytest.fixture
def waiting_supplement(citizens_dossier, people):
    return services.dossier_request_supplement(
        dossier=citizens_dossier, actor=people["specialist"], reason="Thiếu bản vẽ"
    )


# --- hole 2: a citizen completes officer steps on their own dossier -------------------------


def test_hole2_citizen_cannot_mark_own_payment_received_through_the_api(
    api, people, waiting_payment
):
    before = _snapshot(waiting_payment)
    r = api(people["citizen"]).post(
        action_url(waiting_payment.code, "payment-received"), {}, format="json"
    )
    assert r.status_code == 403
    assert "cổng thanh toán xác nhận" in r.json()["detail"]
    assert _snapshot(waiting_payment) == before
    assert Dossier.objects.get(pk=waiting_payment.pk).status == Status.PAYMENT_REQUESTED
    assert not Payment.objects.exists()
    # The API's actions field never listed it.
    listed = api(people["citizen"]).get(detail_url(waiting_payment.code)).json()["actions"]
    assert "payment-received" not in listed and "withdraw" in listed


def test_hole2_citizen_cannot_receive_own_supplement_through_the_api(
    api, people, waiting_supplement
):
    before = _snapshot(waiting_supplement)
    r = api(people["citizen"]).post(
        action_url(waiting_supplement.code, "receive-supplement"), {}, format="json"
    )
    assert r.status_code == 403
    assert "trang hồ sơ của mình trên Cổng dịch vụ công" in r.json()["detail"]
    assert _snapshot(waiting_supplement) == before


@pytest.mark.parametrize(
    ("fixture", "action"),
    [("waiting_payment", "payment_received"), ("waiting_supplement", "receive_supplement")],
)
def test_hole2_citizen_cannot_use_the_officer_action_url(client, people, request, fixture, action):
    d = request.getfixturevalue(fixture)
    before = _snapshot(d)
    client.force_login(people["citizen"])
    r = client.post(
        reverse("dossiers:action", args=[d.code, action]), {"expected_version": d.version}
    )
    assert r.status_code == 403
    assert _snapshot(d) == before


# --- hole 3: the specialist skips the leader's signature -------------------------------------


@pytest.fixture
def at_signing(processing, people):
    services.dossier_forward(
        dossier=processing, actor=people["specialist"], assignee=people["head"]
    )
    services.dossier_approve(dossier=processing, actor=people["head"], assignee=people["leader"])
    return processing


def test_hole3_specialist_cannot_mark_the_result_ready_at_the_signing_step(
    api, client, people, at_signing
):
    d = at_signing
    assert d.current_step == 4  # "Ký kết quả", the signing leader's step
    before = _snapshot(d)
    with pytest.raises(ActionForbidden, match="Ký kết quả"):
        services.dossier_mark_result_ready(dossier=d, actor=people["specialist"])
    r = api(people["specialist"]).post(action_url(d.code, "result-ready"), {}, format="json")
    assert r.status_code == 403
    client.force_login(people["specialist"])
    page = client.get(reverse("dossiers:detail", args=[d.code])).content.decode()
    assert 'data-testid="action-mark_result_ready"' not in page
    post = client.post(
        reverse("dossiers:action", args=[d.code, "mark_result_ready"]),
        {"expected_version": d.version},
    )
    assert post.status_code == 403
    assert _snapshot(d) == before
    # The leader signs; then the department sends the result to the desk.
    services.dossier_sign(dossier=d, actor=people["leader"])
    services.dossier_mark_result_ready(dossier=d, actor=people["specialist"])
    assert d.status == Status.RESOLVED
    assert list(d.events.values_list("action", flat=True))[-2:] == ["sign", "mark_result_ready"]


# --- hole 4: the digital-team member beyond scope -------------------------------------------


def test_hole4_digital_team_cannot_receive_the_supplement_of_a_dossier_filed_alone(
    api, people, waiting_supplement
):
    before = _snapshot(waiting_supplement)
    r = api(people["digital"]).post(
        action_url(waiting_supplement.code, "receive-supplement"), {}, format="json"
    )
    assert r.status_code == 404  # not theirs: not even visible
    with pytest.raises(OutOfScope, match="không do bạn hỗ trợ nộp"):
        services.dossier_receive_supplement(dossier=waiting_supplement, actor=people["digital"])
    assert _snapshot(waiting_supplement) == before


def test_hole4_digital_team_reads_only_the_dossiers_they_assisted(
    api, client, people, receive, procedure
):
    alone = receive(applicant_user=people["citizen"])
    helped = receive(assisted_by=people["digital"], applicant_user=people["citizen2"])
    r = api(people["digital"]).get(LIST_URL)
    assert [d["code"] for d in r.json()["results"]] == [helped.code]
    assert api(people["digital"]).get(detail_url(alone.code)).status_code == 404
    assert api(people["digital"]).get(detail_url(helped.code)).status_code == 200
    client.force_login(people["digital"])
    assert client.get(reverse("dossiers:detail", args=[alone.code])).status_code == 404
    worklist = client.get(reverse("dossiers:worklist"), {"tab": "tat-ca"}).content.decode()
    assert helped.code in worklist and alone.code not in worklist
    assert (
        "074089001234"
        not in client.get(
            reverse("dossiers:worklist"), {"tab": "tat-ca", "q": alone.code}
        ).content.decode()
    )


def test_hole4_digital_team_cannot_file_through_the_api(api, people, procedure):
    body = intake_body(unit="25741.MC")
    del body["channel"]
    r = api(people["digital"]).post(LIST_URL, body, format="json")
    assert r.status_code == 403
    assert "sự đồng ý của công dân" in r.json()["detail"]
    assert not Dossier.objects.exists()


# --- hole 5: the API allows what the page hides ---------------------------------------------


def test_hole5_desk_cannot_reassign_a_dossier_in_processing(api, client, people, processing):
    before = _snapshot(processing)
    r = api(people["desk"]).post(
        action_url(processing.code, "assign"), {"assignee": "chuyenvien2"}, format="json"
    )
    assert r.status_code == 403
    assert "lãnh đạo phòng" in r.json()["detail"]
    assert _snapshot(processing) == before
    # The department head may, as the page offers.
    ok = api(people["head"]).post(
        action_url(processing.code, "assign"), {"assignee": "chuyenvien2"}, format="json"
    )
    assert ok.status_code == 200 and ok.json()["assignee"] == "chuyenvien2"


def test_hole5_assignee_must_be_an_active_officer_of_the_right_unit_and_says_nothing_more(
    api, people, processing
):
    people["specialist2"].is_active = False
    people["specialist2"].save()
    answers = {}
    for username in ("congdan", "motcua2", "tnmt", "chuyenvien2", "khong-co-ai"):
        r = api(people["head"]).post(
            action_url(processing.code, "assign"), {"assignee": username}, format="json"
        )
        answers[username] = (r.status_code, r.json()["detail"])
    # A citizen, another ward's officer, another unit's specialist, an inactive account and
    # a name nobody has: the same answer (nothing tells whether the username exists).
    assert len(set(answers.values())) == 1
    status, detail = answers["congdan"]
    assert status == 400 and detail.startswith("Người nhận hồ sơ không hợp lệ")
    assert Dossier.objects.get(pk=processing.pk).assignee == people["specialist"]


def test_hole5_transfer_only_to_units_the_page_offers(api, people, units, processing):
    before = _snapshot(processing)
    for code in ("25744.MC", "25744"):  # another ward: not in the page's picker
        r = api(people["specialist"]).post(
            action_url(processing.code, "transfer"), {"to_unit": code}, format="json"
        )
        assert r.status_code == 403
        assert "danh sách chọn của trang hồ sơ" in r.json()["detail"]
    assert _snapshot(processing) == before
    ok = api(people["specialist"]).post(
        action_url(processing.code, "transfer"), {"to_unit": "718.TNMT"}, format="json"
    )
    assert ok.status_code == 200


def test_hole5_online_filing_through_the_api_needs_the_files_of_the_web_draft(
    api, people, procedure
):
    body = intake_body(unit="25741.MC")
    del body["channel"]
    r = api(people["citizen"]).post(LIST_URL, body, format="json")
    assert r.status_code == 400
    assert r.json()["missing"] == [c["name"] for c in COMPONENTS[:2]]
    assert not Dossier.objects.exists()


def test_hole5_an_apology_without_if_match_applies_once(api, people, received_now):
    d = received_now
    body = {
        "reason": "Chờ ý kiến liên thông",
        "new_appointment": (d.due_at + dt.timedelta(days=3)).isoformat(),
    }
    first = api(people["desk"]).post(action_url(d.code, "apologise"), body, format="json")
    assert first.status_code == 200
    again = api(people["desk"]).post(action_url(d.code, "apologise"), body, format="json")
    assert again.status_code == 409
    assert "không quá một lần" in again.json()["detail"]
    assert d.events.filter(action="apologise").count() == 1
