"""In the browser: an officer reads the outbox, sees a failed message's error and filters by status;
a citizen is refused."""

import pytest
from django.db import transaction

from motcua.accounts.roles import Role
from motcua.notifications.models import Notification
from motcua.notifications.services import notification_enqueue

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_reads_outbox_and_filters_failed(
    page, login, make_user, received_context, settings
):
    # Made-up dossier codes: an administrator without a unit (global scope) reads them.
    make_user("quantri", Role.ADMINISTRATOR)
    with transaction.atomic():  # delivered at commit: the e-mail is sent
        notification_enqueue(
            event="dossier.received",
            recipient_email="hoa@example.vn",
            context=received_context,
            ref_type="dossier",
            ref_id=received_context["code"],
        )
    settings.MOTCUA_SMS_GATEWAY = "motcua.notifications.gateways.FailingGateway"
    with transaction.atomic():  # the SMS gateway is down, and this row allows one try only
        (sms,) = notification_enqueue(
            event="dossier.result_ready",
            recipient_phone="0912345678",
            context={"code": "H57-250716-0002"},
            ref_type="dossier",
            ref_id="H57-250716-0002",
        )
        Notification.objects.filter(pk=sms.pk).update(max_attempts=1)

    login(page, "quantri")
    page.goto("/thong-bao/")
    assert page.get_by_role("heading", level=1).inner_text() == "Thông báo gửi công dân"
    table = page.get_by_test_id("outbox")
    assert table.locator("tbody tr").count() == 2
    failed = table.locator("tr[data-status=failed]")
    assert "H57-250716-0002" in failed.inner_text()
    assert "Gửi không thành công" in failed.inner_text()
    assert "Cổng gửi tin không phản hồi" in failed.inner_text()
    assert "Đã gửi" in table.locator("tr[data-status=sent]").inner_text()

    page.get_by_label("Trạng thái").select_option("failed")
    page.get_by_role("button", name="Lọc").click()
    page.wait_for_url("**trang_thai=failed**")
    assert table.locator("tbody tr").count() == 1
    assert "091••••678" in table.inner_text() and "0912345678" not in table.inner_text()

    table.get_by_text("Xem nội dung").click()
    # SMS text without diacritics (notifications.domain.sms_text).
    assert "Ho so H57-250716-0002 da co ket qua." in table.locator("pre").inner_text()


def test_citizen_is_refused(page, login, make_user):
    make_user("congdan", Role.CITIZEN)
    login(page, "congdan")
    response = page.goto("/thong-bao/")
    assert response.status == 403
