"""Paying a dossier's fee online through the sandbox: approve → Payment paid and the dossier
resumes; decline → nothing changes but the payment's outcome; forged or replayed answers are
refused; nobody pays or sees another citizen's payment."""

from urllib.parse import parse_qs, urlsplit

import pytest

from motcua.dossiers.domain.workflow import Status
from motcua.payments.models import Payment
from motcua.payments.services import PaymentError, payment_record_counter
from tests.portal import tracking_data as data

pytestmark = pytest.mark.django_db


@pytest.fixture
def due(world):
    return data.payment_requested(world)


def _start(client, dossier):
    response = client.post(f"/cong-dan/ho-so/{dossier.code}/thanh-toan/")
    assert response.status_code == 302, response.content
    return response["Location"]


def _choose(client, sandbox_url, outcome):
    response = client.post(sandbox_url, {"ket_qua": outcome})
    assert response.status_code == 302
    return response["Location"]


def test_the_dossier_page_offers_to_pay_the_amount_asked(client, world, due):
    client.force_login(world["citizen"])
    text = client.get(f"/cong-dan/ho-so/{due.code}/").content.decode()
    assert "Thanh toán 50.000 đồng" in text


def test_approve_records_the_payment_and_resumes_the_dossier(client, world, due):
    client.force_login(world["citizen"])
    sandbox = _start(client, due)
    payment = Payment.objects.get()
    assert sandbox == f"/thanh-toan/sandbox/{payment.reference}/"
    page = client.get(sandbox).content.decode()
    assert payment.reference in page and "50.000" in page and "Chấp nhận" in page
    back = _choose(client, sandbox, "paid")
    assert back.startswith("/cong-dan/thanh-toan/ket-qua/?")
    response = client.get(back, follow=True)
    assert "Thanh toán thành công" in response.content.decode()
    payment.refresh_from_db()
    due.refresh_from_db()
    assert (payment.status, payment.amount, payment.method) == ("paid", 50000, "online")
    assert payment.paid_at is not None and payment.payer == world["citizen"]
    assert due.status == Status.PROCESSING
    event = due.events.order_by("-id").first()
    assert (event.action, event.actor) == ("payment_received", world["citizen"])
    assert payment.reference in event.reason


def test_decline_changes_nothing_but_the_payment(client, world, due):
    client.force_login(world["citizen"])
    sandbox = _start(client, due)
    version = due.version
    response = client.get(_choose(client, sandbox, "declined"), follow=True)
    text = response.content.decode()
    assert "Thanh toán không thành công" in text and "Thanh toán 50.000 đồng" in text
    due.refresh_from_db()
    assert (due.status, due.version) == (Status.PAYMENT_REQUESTED, version)
    assert Payment.objects.get().status == "declined"
    # paying again opens a new payment
    _start(client, due)
    assert Payment.objects.filter(status="pending").count() == 1


def test_a_double_click_opens_one_payment(client, world, due):
    client.force_login(world["citizen"])
    assert _start(client, due) == _start(client, due)
    assert Payment.objects.count() == 1


def test_a_replayed_answer_is_refused(client, world, due):
    client.force_login(world["citizen"])
    back = _choose(client, _start(client, due), "paid")
    client.get(back)
    due.refresh_from_db()
    version = due.version
    response = client.get(back, follow=True)
    assert "đã được xử lý trước đó" in response.content.decode()
    due.refresh_from_db()
    assert due.version == version
    assert Payment.objects.get().status == "paid"


def test_a_declined_answer_edited_to_paid_is_refused(client, world, due):
    client.force_login(world["citizen"])
    back = _choose(client, _start(client, due), "declined")
    query = parse_qs(urlsplit(back).query)
    forged = {k: v[0] for k, v in query.items()} | {"ket_qua": "paid"}
    response = client.get("/cong-dan/thanh-toan/ket-qua/", forged, follow=True)
    assert "sai chữ ký" in response.content.decode()
    due.refresh_from_db()
    assert due.status == Status.PAYMENT_REQUESTED
    assert Payment.objects.get().status == "pending"


def test_another_citizen_cannot_pay_or_see(client, world, due):
    client.force_login(world["citizen"])
    sandbox = _start(client, due)
    client.force_login(world["citizen2"])
    assert client.post(f"/cong-dan/ho-so/{due.code}/thanh-toan/").status_code == 404
    assert client.get(f"/cong-dan/ho-so/{due.code}/").status_code == 404
    assert Payment.objects.count() == 1
    assert client.get("/thanh-toan/sandbox/TTDOESNOTEXIST/").status_code == 404
    assert sandbox.startswith("/thanh-toan/sandbox/TT")


def test_nothing_to_pay_is_a_clear_message(client, world):
    d = data.filed(world)
    client.force_login(world["citizen"])
    response = client.post(f"/cong-dan/ho-so/{d.code}/thanh-toan/", follow=True)
    assert "không có khoản phí, lệ phí nào cần thanh toán" in response.content.decode()
    assert not Payment.objects.exists()


def test_the_procedure_fee_is_used_when_the_request_has_no_amount(client, world):
    d = data.filed(world)
    from motcua.dossiers import services

    services.dossier_request_payment(dossier=d, actor=world["specialist"], at=data.vn(4, 10))
    client.force_login(world["citizen"])
    assert "Thanh toán 50.000 đồng" in client.get(f"/cong-dan/ho-so/{d.code}/").content.decode()


def test_the_sandbox_page_is_off_with_another_gateway(client, world, due, settings):
    client.force_login(world["citizen"])
    sandbox = _start(client, due)
    settings.MOTCUA_PAYMENT_GATEWAY = "tests.payments.test_payment_online.OtherGateway"
    assert client.get(sandbox).status_code == 404


class OtherGateway:
    name = "other"


def test_the_desk_records_cash_at_the_counter(world, due):
    payment = payment_record_counter(
        dossier=due, actor=world["desk"], amount=50000, note="Biên lai 0001"
    )
    due.refresh_from_db()
    assert (payment.method, payment.status, payment.recorded_by) == (
        "counter",
        "paid",
        world["desk"],
    )
    assert due.status == Status.PROCESSING


def test_only_the_desk_records_cash(world, due):
    with pytest.raises(PaymentError):
        payment_record_counter(dossier=due, actor=world["citizen"], amount=50000)
    due.refresh_from_db()
    assert due.status == Status.PAYMENT_REQUESTED and not Payment.objects.exists()
