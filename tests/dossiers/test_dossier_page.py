"""The dossier page /ho-so/<code>/: facts, clock, timeline, and the actions the reader may take
now, each a small form posting `expected_version` to the service."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from motcua.dossiers import services
from motcua.dossiers.domain.workflow import Status
from motcua.dossiers.models import Dossier

from .conftest import last_event, vn

NOW = vn(3, 10)


@pytest.fixture(autouse=True)
def frozen_now(fake_clock):
    fake_clock.at = NOW
    return fake_clock


def _page(client, user, dossier):
    client.force_login(user)
    return client.get(reverse("dossiers:detail", args=[dossier.code]))


def _act(client, user, dossier, action, htmx=False, **data):
    client.force_login(user)
    data.setdefault("expected_version", dossier.version)
    extra = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    return client.post(reverse("dossiers:action", args=[dossier.code, action]), data, **extra)


def _offered(body: str) -> set[str]:
    import re

    return set(re.findall(r'data-testid="action-([a-z_]+)"', body))


def test_page_shows_facts_clock_components_and_timeline(client, processing, people):
    body = _page(client, people["specialist"], processing).content.decode()
    assert processing.code in body
    assert "Đăng ký biến động quyền sử dụng đất" in body and "phiên bản 1" in body
    assert "Nguyễn Văn Bình" in body and "074089001234" in body
    assert "08:00 06/03/2025" in body  # due
    assert "Còn 2 ngày" in body  # Mon 10:00 → Thu 08:00 = 1,290 working minutes
    assert "Tờ khai" in body
    assert "Tiếp nhận hồ sơ" in body and "Chuyển xử lý / phân công" in body
    assert "Được tiếp nhận → Đang xử lý" in body
    assert "In giấy tiếp nhận (Mẫu 01)" in body
    for form in ("receipt", "control_sheet"):
        url = f"/ho-so/{processing.code}/in/{form}/"
        assert f'href="{url}"' in body
        assert client.get(url)["Content-Type"] == "application/pdf"


def test_actions_offered_follow_role_step_and_scope(client, processing, people):
    specialist = _offered(_page(client, people["specialist"], processing).content.decode())
    assert {"forward", "transfer", "request_supplement", "stop", "apologise"} <= specialist
    # First handling step after the desk: no step to send back to; later steps remain.
    assert "send_back" not in specialist and "mark_result_ready" not in specialist
    assert "approve" not in _offered(_page(client, people["head"], processing).content.decode())
    desk = _offered(_page(client, people["desk"], processing).content.decode())
    assert "forward" not in desk and "withdraw" in desk
    assert _page(client, people["supervisor"], processing).status_code == 200
    assert _offered(_page(client, people["supervisor"], processing).content.decode()) == set()
    assert _page(client, people["other_desk"], processing).status_code == 404


def test_forward_to_the_head(client, processing, people):
    response = _act(client, people["specialist"], processing, "forward", assignee=people["head"].pk)
    assert response.status_code == 302
    processing.refresh_from_db()
    assert processing.current_step == 3 and processing.assignee == people["head"]
    assert last_event(processing).action == "forward"
    page = client.get(response.url).content.decode()
    assert "Đã thực hiện: Chuyển bước tiếp theo." in page


def test_assignee_picker_lists_the_next_step_s_role_in_scope(client, processing, people):
    body = _page(client, people["specialist"], processing).content.decode()
    form = body[body.index('data-testid="action-forward"') :]
    form = form[: form.index("</form>")]
    assert "Lanhdaophong" in form
    assert "Chuyenvien2" not in form and "Motcua2" not in form
    # Posting someone else is refused by the form; nothing changes.
    response = _act(
        client, people["specialist"], processing, "forward", assignee=people["other_desk"].pk
    )
    assert response.status_code == 400
    assert "không thuộc phạm vi hoặc vai trò phù hợp" in response.content.decode()
    processing.refresh_from_db()
    assert processing.current_step == 2


def test_transfer_picker_and_transfer_and_back(client, processing, people, units):
    body = _page(client, people["specialist"], processing).content.decode()
    form = body[body.index('data-testid="action-transfer"') :]
    form = form[: form.index("</form>")]
    assert "Phòng Tài nguyên và Môi trường" in form
    assert "Phú Lợi" not in form
    _act(client, people["specialist"], processing, "transfer", to_unit=units["city_tnmt"].pk)
    processing.refresh_from_db()
    assert processing.current_unit == units["city_tnmt"]
    city = _offered(_page(client, people["city_specialist"], processing).content.decode())
    assert "transfer_return" in city
    _act(client, people["city_specialist"], processing, "transfer_return", note="Đã xác minh")
    processing.refresh_from_db()
    assert processing.current_unit == units["tp"]
    assert last_event(processing).reason == "Đã xác minh"


def test_reason_is_required(client, processing, people):
    response = _act(client, people["specialist"], processing, "request_supplement", reason=" ")
    assert response.status_code == 400
    assert "phải ghi rõ lý do" in response.content.decode()
    processing.refresh_from_db()
    assert processing.status == Status.PROCESSING


def test_supplement_request_and_receipt_move_the_clock(client, processing, people, frozen_now):
    _act(client, people["specialist"], processing, "request_supplement", reason="Thiếu bản vẽ")
    processing.refresh_from_db()
    assert processing.status == Status.SUPPLEMENT_REQUESTED
    frozen_now.at = vn(4, 10)
    response = _act(client, people["desk"], processing, "receive_supplement", components="Bản vẽ")
    assert response.status_code == 302
    processing.refresh_from_db()
    assert processing.status == Status.PROCESSING
    assert processing.due_at == vn(7, 8)  # one working day later
    assert processing.components.filter(name="Bản vẽ", supplement=True).exists()


def test_stale_version_gets_the_conflict_message_and_changes_nothing(client, processing, people):
    stale = processing.version
    services.dossier_request_supplement(
        dossier=Dossier.objects.get(pk=processing.pk),
        actor=people["specialist"],
        reason="Thiếu",
        at=vn(3, 9, 30),
    )
    response = _act(
        client,
        people["specialist"],
        processing,
        "stop",
        reason="Không đủ điều kiện",
        expected_version=stale,
    )
    assert response.status_code == 409
    assert "đã được người khác cập nhật" in response.content.decode()
    processing.refresh_from_db()
    assert processing.status == Status.SUPPLEMENT_REQUESTED


def test_domain_error_is_shown_and_nothing_changes(client, processing, people):
    response = _act(
        client,
        people["specialist"],
        processing,
        "apologise",
        reason="Cần xác minh thêm",
        new_appointment="2025-03-05T08:00",  # before the due instant
    )
    assert response.status_code == 400
    assert "Ngày hẹn mới phải sau hạn giải quyết" in response.content.decode()
    processing.refresh_from_db()
    assert not processing.apologised


def test_action_not_allowed_for_the_role(client, processing, people):
    response = _act(client, people["desk"], processing, "approve")
    assert response.status_code == 403  # the policy refuses what the page does not offer
    assert "không có quyền" in response.content.decode().lower() or "Bước hiện tại" in (
        response.content.decode()
    )
    processing.refresh_from_db()
    assert processing.current_step == 2


def test_htmx_success_redirects_and_error_returns_the_form(client, processing, people):
    bad = _act(client, people["specialist"], processing, "stop", htmx=True, reason="")
    assert bad.status_code == 200
    body = bad.content.decode()
    assert "<html" not in body and 'data-testid="action-stop"' in body
    ok = _act(client, people["specialist"], processing, "stop", htmx=True, reason="Hết hạn")
    assert ok.status_code == 204
    assert ok["HX-Redirect"] == reverse("dossiers:detail", args=[processing.code])


def test_unknown_action_and_out_of_scope(client, processing, people):
    assert _act(client, people["specialist"], processing, "explode").status_code == 404
    assert _act(client, people["other_desk"], processing, "withdraw", reason="x").status_code == 404


def test_online_filing_is_received_from_the_page(client, procedure, units, people):
    filed = services.dossier_submit(
        procedure_version=procedure,
        unit=units["desk"],
        applicant={"name": "Trần Thị Lan"},
        components=[{"name": "Tờ khai"}, {"name": "Giấy chứng nhận quyền sử dụng đất"}],
        submitted_by=people["citizen"],
        submitted_at=vn(3, 8),
    )
    assert {"receive", "refuse"} <= _offered(_page(client, people["desk"], filed).content.decode())
    _act(client, people["desk"], filed, "receive")
    filed.refresh_from_db()
    assert filed.status == Status.RECEIVED and filed.received_by == people["desk"]


def _count(client, user, dossier):
    client.force_login(user)
    url = reverse("dossiers:detail", args=[dossier.code])
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_page_query_count_is_pinned(client, processing, people, units):
    _count(client, people["specialist"], processing)  # the first request builds the calendar
    # Session, user, roles; scope (3) and the scope's unit ids (the policy's actor, reused by
    # the read filter and the pickers); the dossier; events; steps; pauses;
    # components; calendar (its version and the units it is looked up by; built once per
    # process); then the pickers of the offered actions: assignees of the
    # next step's role, transfer targets (the administrative unit and the one above it);
    # the petitions about the dossier (1); the electronic results (1).
    assert _count(client, people["specialist"], processing) == 18
    # More events do not mean more queries.
    for minute in (10, 20):
        services.dossier_transfer(
            dossier=processing,
            actor=people["specialist"],
            to_unit=units["city_tnmt"],
            at=vn(3, 9, minute),
        )
        services.dossier_transfer_return(
            dossier=processing, actor=people["city_specialist"], at=vn(3, 9, minute + 5)
        )
    assert _count(client, people["specialist"], processing) == 18
    services.dossier_request_supplement(
        dossier=processing, actor=people["specialist"], reason="Thiếu bản vẽ", at=vn(3, 9, 30)
    )
    # Paused: no picker is offered.
    assert _count(client, people["specialist"], processing) == 15
