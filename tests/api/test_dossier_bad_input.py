"""Bad input gets 400 (or 409 for a stale version) with a Vietnamese message and changes
nothing."""

import pytest

from motcua.dossiers import services
from motcua.dossiers.models import Dossier

from .conftest import LIST_URL, action_url, intake_body


def _snapshot(dossier):
    d = Dossier.objects.get(pk=dossier.pk)
    return d.version, d.status, d.current_step, d.events.count(), d.pauses.count()


@pytest.mark.parametrize(
    "change, message",
    [
        ({"procedure": "9.999999"}, "procedure: Không có thủ tục mã “9.999999” đang được áp dụng."),
        ({"applicant": {"name": ""}}, "applicant.name: Chưa nhập tên người nộp hồ sơ"),
        ({"applicant": {"phone": "0912"}}, "applicant.name: Chưa nhập tên người nộp hồ sơ"),
        ({"applicant": {"name": "A", "email": "khong-phai-email"}}, "Địa chỉ thư điện tử"),
        ({"components": "Tờ khai"}, "components: Cần một danh sách"),
        ({"components": [{"copies": 0}]}, "components[0].name: Trường này là bắt buộc."),
        ({"channel": 7}, "channel: “7” không phải là một lựa chọn hợp lệ."),
        ({"channel": 2}, "Công chức Một cửa tiếp nhận hồ sơ trực tiếp"),
        ({"unit": "KHONGCO"}, "unit: Không tìm thấy “KHONGCO”."),
    ],
)
def test_bad_intake_is_400_and_creates_nothing(api, people, procedure, change, message):
    r = api(people["desk"]).post(LIST_URL, intake_body(**change), format="json")
    assert r.status_code == 400, r.json()
    assert message in r.json()["detail"]
    assert not Dossier.objects.exists()


def test_not_json_is_400(api, people, procedure):
    r = api(people["desk"]).post(LIST_URL, "{không phải json", content_type="application/json")
    assert r.status_code == 400
    assert r.json()["detail"] == "Nội dung yêu cầu không phải JSON hợp lệ."
    r = api(people["desk"]).post(LIST_URL, {"a": "b"})  # multipart form
    assert r.status_code == 415
    assert r.json()["detail"].startswith("Chỉ nhận nội dung JSON")
    assert not Dossier.objects.exists()


@pytest.mark.parametrize(
    "action, body, message",
    [
        ("stop", {}, "reason: Phải ghi rõ lý do."),
        ("stop", {"reason": ""}, "reason: Phải ghi rõ lý do."),
        ("request-supplement", {"reason": "  "}, "reason: Phải ghi rõ lý do."),
        ("transfer", {}, "to_unit: Trường này là bắt buộc."),
        ("transfer", {"to_unit": "KHONGCO"}, "to_unit: Không tìm thấy “KHONGCO”."),
        # One message whether the username exists or not (issue 9, hole 5).
        ("assign", {"assignee": "khongai"}, "Người nhận hồ sơ không hợp lệ"),
        ("apologise", {"reason": "x"}, "new_appointment: Trường này là bắt buộc."),
        (
            "apologise",
            {"reason": "x", "new_appointment": "10/03/2025"},
            "new_appointment: Thời điểm không đúng định dạng ISO 8601",
        ),
        ("request-payment", {"amount": -5}, "amount: Giá trị phải lớn hơn hoặc bằng 0."),
        ("forward", {"expected_version": "hai"}, "expected_version: Cần một số nguyên."),
    ],
)
def test_bad_transition_input_is_400_and_changes_nothing(
    api, people, processing, action, body, message
):
    before = _snapshot(processing)
    who = "head" if action in ("stop", "assign") else "specialist"
    r = api(people[who]).post(action_url(processing.code, action), body, format="json")
    assert r.status_code == 400, r.json()
    assert message in r.json()["detail"]
    assert _snapshot(processing) == before


def test_rule_refusing_the_input_changes_nothing(api, people, processing):
    """The domain's own checks come back with its Vietnamese message."""
    before = _snapshot(processing)
    r = api(people["specialist"]).post(
        action_url(processing.code, "transfer"), {"to_unit": "25741.TP"}, format="json"
    )
    assert r.status_code == 409
    assert r.json()["detail"] == "Hồ sơ đang ở chính đơn vị này, hãy chọn đơn vị khác để chuyển."
    assert _snapshot(processing) == before


def test_apology_after_the_due_instant_is_refused(api, people, processing):
    before = _snapshot(processing)
    r = api(people["specialist"]).post(
        action_url(processing.code, "apologise"),
        {"reason": "Chậm", "new_appointment": "2025-03-20T08:00:00+07:00"},
        format="json",
    )
    assert r.status_code == 409
    assert "phải được ban hành trước thời điểm hết hạn giải quyết" in r.json()["detail"]
    assert _snapshot(processing) == before


def test_stale_expected_version_is_409(api, people, processing):
    seen = processing.version
    services.dossier_forward(dossier=processing, actor=people["specialist"])
    before = _snapshot(processing)
    r = api(people["head"]).post(
        action_url(processing.code, "stop"),
        {"reason": "Tranh chấp", "expected_version": seen},
        format="json",
    )
    assert r.status_code == 409
    assert "đã được người khác cập nhật" in r.json()["detail"]
    assert _snapshot(processing) == before


def test_if_match_header_carries_the_version(api, people, processing):
    client = api(people["head"])
    seen = processing.version
    services.dossier_forward(dossier=processing, actor=people["specialist"])
    r = client.post(
        action_url(processing.code, "stop"),
        {"reason": "Tranh chấp"},
        format="json",
        HTTP_IF_MATCH=f'"{seen}"',
    )
    assert r.status_code == 409
    r = client.post(
        action_url(processing.code, "stop"),
        {"reason": "Tranh chấp"},
        format="json",
        HTTP_IF_MATCH=f'"{seen + 1}"',
    )
    assert r.status_code == 200 and r["ETag"] == f'"{seen + 2}"'
    r = client.post(
        action_url(processing.code, "stop"),
        {"reason": "x"},
        format="json",
        HTTP_IF_MATCH="abc",
    )
    assert r.status_code == 400 and r.json()["detail"].startswith("Tiêu đề If-Match")
