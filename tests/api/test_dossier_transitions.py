"""POST /api/v1/ho-so/<code>/<action>/: each legal operation through the API changes the
dossier's state and writes its audit event, exactly as the service does."""

import datetime as dt

import pytest
from django.utils import timezone

from motcua.dossiers import services
from motcua.dossiers.domain.workflow import Status
from motcua.dossiers.models import Dossier

from .conftest import APPLICANT, COMPONENTS, LIST_URL, action_url, intake_body, vn


def _post(api, user, dossier, action, **body):
    r = api(user).post(action_url(dossier.code, action), body, format="json")
    assert r.status_code == 200, r.json()
    return r.json(), Dossier.objects.get(pk=dossier.pk)


def _last_event(dossier):
    return dossier.events.order_by("-at", "-id").first()


@pytest.fixture
def online(procedure, units, people):
    """An online filing by the citizen, waiting at the desk (status 1)."""
    return services.dossier_submit(
        procedure_version=procedure,
        unit=units["desk"],
        applicant=APPLICANT,
        components=[{"name": c["name"]} for c in COMPONENTS[:2]],
        submitted_by=people["citizen"],
        submitted_at=vn(3, 8),
    )


@pytest.fixture
def at_step(processing, people):
    """`at_step(n)`: the processing dossier moved through the services to step n (2..5)."""

    def _go(n):
        d = processing
        if n >= 3:
            d = services.dossier_forward(
                dossier=d, actor=people["specialist"], assignee=people["head"], at=vn(3, 14)
            )
        if n >= 4:
            d = services.dossier_approve(
                dossier=d, actor=people["head"], assignee=people["leader"], at=vn(4, 9)
            )
        if n >= 5:
            d = services.dossier_sign(dossier=d, actor=people["leader"], at=vn(4, 14))
        return d

    return _go


def test_receive_an_online_filing(api, people, online):
    body, d = _post(api, people["desk"], online, "receive")
    assert d.status == body["status"] == Status.RECEIVED
    assert d.received_by == people["desk"] and d.due_at is not None
    e = _last_event(d)
    assert (e.action, e.actor, e.from_status, e.to_status) == ("receive", people["desk"], 1, 2)


def test_refuse_an_online_filing(api, people, online):
    body, d = _post(api, people["desk"], online, "refuse", reason="Không thuộc thẩm quyền")
    assert d.status == Status.NOT_RECEIVED and d.finished_at is not None
    e = _last_event(d)
    assert (e.action, e.reason, e.to_status) == ("refuse", "Không thuộc thẩm quyền", 3)


def test_assign_to_the_specialist(api, people, receive):
    dossier = receive()
    body, d = _post(api, people["desk"], dossier, "assign", assignee="chuyenvien", note="Giao")
    assert d.status == Status.PROCESSING and d.current_step == 2
    assert d.assignee == people["specialist"] and d.current_unit.code == "25741.TP"
    assert body["assignee"] == "chuyenvien" and body["current_unit"]["code"] == "25741.TP"
    e = _last_event(d)
    assert (e.action, e.to_user, e.reason, e.from_step, e.to_step) == (
        "assign",
        people["specialist"],
        "Giao",
        1,
        2,
    )


def test_forward_to_the_next_step(api, people, processing):
    body, d = _post(api, people["specialist"], processing, "forward", assignee="lanhdaophong")
    assert d.current_step == 3 and d.assignee == people["head"]
    e = _last_event(d)
    assert (e.action, e.from_step, e.to_step, e.step_result) == ("forward", 2, 3, "qua_han")


def test_approve(api, people, at_step):
    dossier = at_step(3)
    body, d = _post(api, people["head"], dossier, "approve", assignee="lanhdao")
    assert d.current_step == 4 and d.assignee == people["leader"]
    assert _last_event(d).action == "approve"


def test_sign(api, people, at_step):
    dossier = at_step(4)
    body, d = _post(api, people["leader"], dossier, "sign")
    assert d.current_step == 5 and d.status == Status.PROCESSING
    assert _last_event(d).action == "sign"


def test_send_back_to_the_previous_step(api, people, at_step):
    dossier = at_step(3)
    body, d = _post(api, people["head"], dossier, "send-back", reason="Thiếu ý kiến thẩm định")
    assert d.current_step == 2 and d.assignee == people["specialist"]
    e = _last_event(d)
    assert (e.action, e.reason, e.from_step, e.to_step) == (
        "send_back",
        "Thiếu ý kiến thẩm định",
        3,
        2,
    )


def test_transfer_and_transfer_return(api, people, processing):
    body, d = _post(api, people["specialist"], processing, "transfer", to_unit="718.TNMT")
    assert d.current_unit.code == "718.TNMT" and body["current_unit"]["code"] == "718.TNMT"
    e = _last_event(d)
    assert (e.action, e.from_unit.code, e.to_unit.code) == ("transfer", "25741.TP", "718.TNMT")

    body, d = _post(api, people["city_specialist"], d, "transfer-return", note="Đã xác minh")
    assert d.current_unit.code == "25741.TP"
    e = _last_event(d)
    assert (e.action, e.actor, e.reason) == (
        "transfer_return",
        people["city_specialist"],
        "Đã xác minh",
    )


def test_request_and_receive_supplement(api, people, processing):
    due_before = processing.due_at
    body, d = _post(
        api, people["specialist"], processing, "request-supplement", reason="Thiếu sơ đồ thửa"
    )
    assert d.status == Status.SUPPLEMENT_REQUESTED and d.supplement_count == 1
    assert d.pauses.get().ended_at is None
    assert body["pauses"][0]["reason"] == "Thiếu sơ đồ thửa"
    assert _last_event(d).action == "request_supplement"

    body, d = _post(
        api, people["desk"], d, "receive-supplement", components=[{"name": "Sơ đồ thửa đất"}]
    )
    assert d.status == Status.PROCESSING
    assert d.pauses.get().ended_at is not None
    # Request and supplement within the same instant: no working time to add to the clock.
    assert d.due_at == due_before
    assert d.components.get(supplement=True).name == "Sơ đồ thửa đất"
    e = _last_event(d)
    assert e.action == "receive_supplement"
    assert dt.datetime.fromisoformat(e.data["due_at"]) == d.due_at


def test_request_payment_and_payment_received(api, people, processing):
    body, d = _post(api, people["specialist"], processing, "request-payment", amount=50000)
    assert d.status == Status.PAYMENT_REQUESTED
    e = _last_event(d)
    assert (e.action, e.data["amount"]) == ("request_payment", 50000)
    body, d = _post(api, people["desk"], d, "payment-received")
    assert d.status == Status.PROCESSING and d.pauses.get().ended_at is not None
    assert _last_event(d).action == "payment_received"


def test_apologise_before_the_due_instant(api, people, received_now):
    dossier = services.dossier_assign(
        dossier=received_now, actor=people["desk"], assignee=people["specialist"]
    )
    new = timezone.localtime(dossier.due_at) + dt.timedelta(days=2)
    body, d = _post(
        api,
        people["specialist"],
        dossier,
        "apologise",
        reason="Chờ kết quả xác minh",
        new_appointment=new.isoformat(),
    )
    assert d.apologised and d.appointment_at == new
    assert d.due_at == dossier.due_at  # the legal due instant never moves
    assert _last_event(d).action == "apologise"


def test_stop_with_reasons(api, people, processing):
    body, d = _post(api, people["head"], processing, "stop", reason="Đất đang tranh chấp")
    assert d.status == Status.STOPPED and d.finished_at is not None
    e = _last_event(d)
    assert (e.action, e.reason, e.to_status) == ("stop", "Đất đang tranh chấp", 8)


def test_citizen_withdraws_own_dossier(api, people, online):
    body, d = _post(api, people["citizen"], online, "withdraw", reason="Nộp nhầm thủ tục")
    assert d.status == Status.WITHDRAWN
    e = _last_event(d)
    assert (e.action, e.actor) == ("withdraw", people["citizen"])


def test_result_ready_and_return_result(api, people, at_step):
    dossier = at_step(5)
    body, d = _post(api, people["leader"], dossier, "result-ready")
    assert d.status == Status.RESOLVED and d.current_unit.code == "25741.MC"
    assert _last_event(d).action == "mark_result_ready"
    body, d = _post(api, people["desk"], d, "return-result", result_delivery="post")
    assert d.status == Status.RETURNED and d.result_delivery == "post"
    assert d.returned_at is not None
    assert _last_event(d).action == "return_result"


def test_whole_walk_through_the_api(api, people, procedure):
    """Counter intake → department → liên thông → supplement → approval, signature →
    result returned, every step over HTTP."""
    r = api(people["desk"]).post(LIST_URL, intake_body(), format="json")
    assert r.status_code == 201
    code = r.json()["code"]
    steps = [
        ("desk", "assign", {"assignee": "chuyenvien"}),
        ("specialist", "transfer", {"to_unit": "718.TNMT"}),
        ("city_specialist", "transfer-return", {}),
        ("specialist", "request-supplement", {"reason": "Thiếu bản vẽ"}),
        ("desk", "receive-supplement", {"components": [{"name": "Bản vẽ"}]}),
        ("specialist", "forward", {"assignee": "lanhdaophong"}),
        ("head", "approve", {"assignee": "lanhdao"}),
        ("leader", "sign", {}),
        ("leader", "result-ready", {}),
        ("desk", "return-result", {}),
    ]
    version = r.json()["version"]
    for who, action, body in steps:
        r = api(people[who]).post(
            action_url(code, action), {**body, "expected_version": version}, format="json"
        )
        assert r.status_code == 200, (action, r.json())
        assert r.json()["version"] == version + 1
        version = r.json()["version"]
    d = Dossier.objects.get(code=code)
    assert d.status == Status.RETURNED
    assert [e.action for e in d.events.order_by("at", "id")] == [
        "receive",
        "assign",
        "transfer",
        "transfer_return",
        "request_supplement",
        "receive_supplement",
        "forward",
        "approve",
        "sign",
        "mark_result_ready",
        "return_result",
    ]
