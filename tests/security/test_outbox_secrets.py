"""Hole 1 of issue 9: one-time codes never readable by staff; the outbox is scoped and masked.

Reproduction: anonymous "Quên mật khẩu" for a citizen's phone → any officer (or the digital
team volunteer) read the code on /thong-bao/ → set a new password → signed in as the citizen.
"""

import logging
import re

import pytest

from motcua.accounts.roles import Role
from motcua.notifications.masking import mask_recipient, mask_text
from motcua.notifications.models import Notification
from motcua.notifications.services import notification_deliver
from tests.portal.helpers import sms_code

pytestmark = pytest.mark.django_db

PHONE = "0987654321"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mã xác thực 123456 của bạn", "Mã xác thực •••• của bạn"),
        ("Gọi 0912345678", "Gọi 091••••678"),
        ("Gọi +84 912 345 678", "Gọi 849••••678"),
        ("Thư a.b@x.gov.vn", "Thư a••••@x.gov.vn"),
        ("https://x.vn/tra-cuu/?ma=H01&khoa=ABCD xem", "https://x.vn/tra-cuu/?•••• xem"),
        ("Hồ sơ 000.00.01.H01-261201-0001 hẹn 01/12/2026", None),  # nothing personal
        ("Lệ phí 1.500.000 đồng", None),
    ],
)
def test_mask_text(text, expected):
    assert mask_text(text) == (text if expected is None else expected)


@pytest.mark.parametrize(
    "recipient, expected",
    [("0912345678", "091••••678"), ("hoa@example.vn", "h••••@example.vn"), ("12", "••••")],
)
def test_mask_recipient(recipient, expected):
    assert mask_recipient(recipient) == expected


def test_anonymous_reset_code_is_readable_by_no_staff(client, people, make_user, caplog):
    """The account-takeover path of hole 1, closed: the code is in no page, admin or log."""
    caplog.set_level(logging.DEBUG)
    victim = make_user("nan_nhan", Role.CITIZEN, phone=PHONE)
    assert client.post("/cong-dan/quen-mat-khau/", {"phone": PHONE}).status_code == 302
    code = sms_code(PHONE)  # what the SMS gateway is given (unsealed for the sender only)
    row = Notification.objects.get(event="account.otp", recipient=PHONE)
    assert code not in row.subject + row.body and code not in row.sealed
    notification_deliver(notification_id=row.pk)  # "sent": the log must not hold it either
    row.refresh_from_db()
    assert row.status == "sent" and row.sealed == ""  # erased once final

    from motcua.accounts.models import User

    superuser = User.objects.create_superuser("root", "root@example.vn", "mat-khau-quan-tri-9")
    readers = [*(u for u in people.values() if u.unit_id), superuser]
    for user in readers:
        client.force_login(user)
        for url in ["/thong-bao/", f"/thong-bao/?ma={victim.pk}", "/thong-bao/?trang_thai=sent"]:
            response = client.get(url)
            assert code not in response.content.decode(), (user.username, url)
            assert PHONE not in response.content.decode(), (user.username, url)
    client.force_login(superuser)
    for url in [
        "/quan-tri/notifications/notification/",
        f"/quan-tri/notifications/notification/{row.pk}/change/",
    ]:
        response = client.get(url)
        assert response.status_code == 200
        assert code not in response.content.decode(), url
    assert code not in caplog.text and PHONE not in caplog.text

    # And without the code nobody takes the account over.
    client.logout()
    client.post(
        "/cong-dan/quen-mat-khau/ma/",
        {"code": "000000", "new_password1": "chiem-quyen-9", "new_password2": "chiem-quyen-9"},
    )
    victim.refresh_from_db()
    assert not victim.check_password("chiem-quyen-9")


def test_outbox_is_scoped_to_the_readers_units_and_masked(client, receive, people):
    dossier = receive()  # the ward's desk: a "received" SMS and e-mail to the applicant
    rows = Notification.objects.filter(ref_type="dossier", ref_id=dossier.code)
    assert rows.count() == 2

    client.force_login(people["desk"])
    html = client.get("/thong-bao/").content.decode()
    assert dossier.code in html
    assert "0912345678" not in html and "binh@example.vn" not in html
    assert "091••••678" in html and "b••••@example.vn" in html
    assert not re.search(r"khoa=|key=", html)

    client.force_login(people["other_desk"])  # another ward's desk
    response = client.get("/thong-bao/")
    assert response.status_code == 200 and dossier.code not in response.content.decode()
    assert list(response.context["page"].object_list) == []


@pytest.mark.parametrize("who", ["digital", "postal", "citizen"])
def test_digital_team_postal_and_citizens_have_no_outbox(client, people, who):
    client.force_login(people[who])
    assert client.get("/thong-bao/").status_code == 403
