"""GET /api/v1/ho-so/<code>/: the dossier with its components, pauses and audit trail."""

from .conftest import action_url, detail_url


def test_read_with_components_pauses_and_events(api, people, processing):
    api(people["specialist"]).post(
        action_url(processing.code, "request-supplement"), {"reason": "Thiếu bản vẽ"}, format="json"
    )
    r = api(people["desk"]).get(detail_url(processing.code))
    assert r.status_code == 200
    body = r.json()
    assert body["code"] == processing.code
    assert body["status"] == 5 and body["status_label"] == "Yêu cầu bổ sung"
    assert body["procedure"] == {
        "national_code": "1.000001",
        "version": processing.procedure_version.version,
        "name": "Đăng ký biến động quyền sử dụng đất",
    }
    assert body["applicant"]["name"] == "Nguyễn Văn Bình"
    assert body["applicant"]["id_number"] == "074089001234"
    assert [c["name"] for c in body["components"]] == [
        "Tờ khai",
        "Giấy chứng nhận quyền sử dụng đất",
    ]
    assert [(p["kind"], p["reason"], p["ended_at"]) for p in body["pauses"]] == [
        ("supplement", "Thiếu bản vẽ", None)
    ]
    assert [e["action"] for e in body["events"]] == ["receive", "assign", "request_supplement"]
    assign = body["events"][1]
    assert assign["actor"] == "motcua" and assign["to_user"] == "chuyenvien"
    assert assign["from_step"] == 1 and assign["to_step"] == 2
    # What the reader's role may do now: the desk takes the supplement in; stopping belongs to
    # the department.
    assert "receive-supplement" in body["actions"]
    assert "stop" not in body["actions"]
    assert r["ETag"] == f'"{body["version"]}"'


def test_unknown_code_is_404_in_vietnamese(api, people, processing):
    r = api(people["desk"]).get(detail_url("000.00.20.H01-250303-9999"))
    assert r.status_code == 404
    assert r.json() == {"detail": "Không có hồ sơ này hoặc hồ sơ không thuộc phạm vi của bạn."}


def test_read_query_count_is_pinned(api, people, processing, django_assert_num_queries):
    for _ in range(3):
        api(people["specialist"]).post(
            action_url(processing.code, "request-supplement"), {"reason": "x"}, format="json"
        )
        api(people["desk"]).post(
            action_url(processing.code, "receive-supplement"), {}, format="json"
        )
    client = api(people["desk"])
    # Token with its user; groups (roles); scope: the user's unit, its parent, nested
    # administrative units, and its unit ids (the policy's actor); the dossier with its joins;
    # components; pauses; events with joins; for `actions`: the procedure's steps and the
    # transfer events (the policy's situation). The same count whatever the number of events.
    with django_assert_num_queries(12):
        r = client.get(detail_url(processing.code))
    assert r.status_code == 200
    assert len(r.json()["events"]) == 8
