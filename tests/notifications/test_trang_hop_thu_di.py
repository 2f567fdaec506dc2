"""The officers' outbox page: staff only, Vietnamese, filter by status, paginated, fixed queries.

These rows are about made-up dossier codes, so they are read by an administrator without a
unit (a global scope); scoping to the reader's units is tested in test_outbox_secrets.py."""

import pytest
from django.urls import reverse

from motcua.accounts.roles import Role
from motcua.notifications.services import notification_deliver, notification_enqueue

pytestmark = pytest.mark.django_db

URL = "/thong-bao/"


def _enqueue(n, context, **recipients):
    # Under the `db` fixture the transaction never commits: rows stay pending until delivered.
    rows = []
    for i in range(n):
        rows += notification_enqueue(
            event="dossier.received",
            context={**context, "code": f"H57-250715-{i + 1:04d}"},
            ref_type="dossier",
            ref_id=f"H57-250715-{i + 1:04d}",
            **recipients,
        )
    return rows


def test_url_name():
    assert reverse("notifications:outbox") == URL


def test_anonymous_is_sent_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/tai-khoan/dang-nhap/" in response["Location"]


def test_citizen_is_forbidden(client, make_user):
    client.force_login(make_user("congdan", Role.CITIZEN))
    assert client.get(URL).status_code == 403


@pytest.mark.parametrize(
    "role", [Role.ONE_STOP_OFFICER, Role.ADMINISTRATOR, Role.SPECIALIST, Role.SUPERVISOR]
)
def test_staff_see_the_outbox(client, make_user, role):
    client.force_login(make_user("canbo", role))
    response = client.get(URL)
    assert response.status_code == 200
    assert "Thông báo gửi công dân" in response.content.decode()


def test_rows_show_status_attempts_and_last_error(
    client, make_user, received_context, failing_gateway
):
    (failed,) = _enqueue(1, received_context, recipient_email="hoa@example.vn")
    notification_deliver(notification_id=failed.pk)
    client.force_login(make_user("quantri", Role.ADMINISTRATOR))

    html = client.get(URL).content.decode()
    assert "H57-250715-0001" in html
    assert "hoa@example.vn" not in html and "h••••@example.vn" in html  # masked
    assert "Chờ gửi" in html  # back to pending, waiting for its retry
    assert 'data-col="attempts">1<' in html
    assert "Cổng gửi tin không phản hồi" in html


def test_filter_by_status(client, make_user, received_context, recording_gateway):
    rows = _enqueue(3, received_context, recipient_phone="0912345678")
    notification_deliver(notification_id=rows[0].pk)
    client.force_login(make_user("quantri", Role.ADMINISTRATOR))

    sent = client.get(URL, {"trang_thai": "sent"}).context["page"].object_list
    assert [n.pk for n in sent] == [rows[0].pk]
    pending = client.get(URL, {"trang_thai": "pending"}).context["page"].object_list
    assert {n.pk for n in pending} == {rows[1].pk, rows[2].pk}
    # An unknown status shows everything rather than nothing.
    assert len(client.get(URL, {"trang_thai": "xyz"}).context["page"].object_list) == 3
    by_code = client.get(URL, {"ma": "H57-250715-0002"}).context["page"].object_list
    assert [n.pk for n in by_code] == [rows[1].pk]


def test_paginated_newest_first(client, make_user, received_context):
    rows = _enqueue(55, received_context, recipient_phone="0912345678")
    client.force_login(make_user("quantri", Role.ADMINISTRATOR))

    first = client.get(URL).context["page"]
    assert len(first.object_list) == 50
    assert first.object_list[0].pk == rows[-1].pk
    second = client.get(URL, {"trang": 2}).context["page"]
    assert [n.pk for n in second.object_list] == [r.pk for r in reversed(rows[:5])]
    assert "Trang 2/2" in client.get(URL, {"trang": 2}).content.decode()


def test_query_count_does_not_grow_with_rows(
    client, make_user, received_context, django_assert_num_queries
):
    client.force_login(make_user("quantri", Role.ADMINISTRATOR))
    _enqueue(2, received_context, recipient_phone="0912345678")
    # session, user, roles, status counts, page count, page rows
    with django_assert_num_queries(6):
        assert client.get(URL).status_code == 200
    _enqueue(40, received_context, recipient_email="hoa@example.vn")
    with django_assert_num_queries(6):
        assert client.get(URL).status_code == 200
