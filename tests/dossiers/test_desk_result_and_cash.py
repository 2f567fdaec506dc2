"""On the dossier page officers attach the signed electronic result (→ `dossier_result_attach`)
and the desk records fees paid in cash (→ `payment_record_counter`); refusals are explained in
Vietnamese and change nothing."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from motcua.dossiers import services
from motcua.dossiers.domain.workflow import Status
from motcua.payments.models import Payment

from .conftest import vn

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def _resolved(dossier, people):
    at = vn(4, 10)
    services.dossier_forward(dossier=dossier, actor=people["specialist"], at=at)
    services.dossier_approve(dossier=dossier, actor=people["head"], at=at)
    services.dossier_sign(dossier=dossier, actor=people["leader"], at=at)
    return services.dossier_mark_result_ready(dossier=dossier, actor=people["leader"], at=at)


def _page(client, user, dossier):
    client.force_login(user)
    return client.get(reverse("dossiers:detail", args=[dossier.code])).content.decode()


def test_the_desk_attaches_the_electronic_result_once_resolved(client, processing, people):
    dossier = _resolved(processing, people)
    page = _page(client, people["desk"], dossier)
    assert "Đính kèm kết quả điện tử" in page and "Chưa có kết quả điện tử." in page

    response = client.post(
        reverse("dossiers:result_attach", args=[dossier.code]),
        {"name": "Giấy chứng nhận (bản điện tử)", "file": SimpleUploadedFile("kq.pdf", PDF)},
    )
    assert response.status_code == 302
    result = dossier.results.get()
    assert result.name == "Giấy chứng nhận (bản điện tử)" and result.issued_by == people["desk"]
    assert dossier.events.filter(action="result_attach").exists()
    page = client.get(response["Location"]).content.decode()
    assert "Đã đính kèm kết quả điện tử: Giấy chứng nhận (bản điện tử)." in page
    assert 'data-testid="ket-qua"' in page


def test_a_renamed_program_is_refused_with_the_reason(client, processing, people):
    client.force_login(people["specialist"])
    response = client.post(
        reverse("dossiers:result_attach", args=[processing.code]),
        {"name": "Kết quả", "file": SimpleUploadedFile("kq.pdf", b"MZ\x90\x00program")},
        follow=True,
    )
    assert "không phải tệp PDF" in response.content.decode()
    assert not processing.results.exists()


def test_no_file_or_no_name_is_explained(client, processing, people):
    client.force_login(people["specialist"])
    response = client.post(
        reverse("dossiers:result_attach", args=[processing.code]), {"name": ""}, follow=True
    )
    page = response.content.decode()
    assert "Vui lòng nhập tên kết quả." in page
    assert "Vui lòng chọn tệp kết quả (PDF, JPEG hoặc PNG)." in page


def test_a_citizen_cannot_attach_a_result(client, processing, people):
    client.force_login(people["citizen"])
    response = client.post(
        reverse("dossiers:result_attach", args=[processing.code]),
        {"name": "Kết quả", "file": SimpleUploadedFile("kq.pdf", PDF)},
    )
    assert response.status_code == 404
    assert not processing.results.exists()


def test_the_desk_records_cash_paid_at_the_counter(client, processing, people):
    services.dossier_request_payment(
        dossier=processing, actor=people["specialist"], amount=75000, at=vn(4, 9)
    )
    page = _page(client, people["desk"], processing)
    assert "Thu phí, lệ phí tại quầy" in page and 'value="75000"' in page  # the amount asked
    assert "Thu phí, lệ phí tại quầy" not in _page(client, people["specialist"], processing)

    client.force_login(people["desk"])
    response = client.post(
        reverse("payments:counter", args=[processing.code]),
        {"amount": "75000", "note": "Biên lai số 0012"},
        follow=True,
    )
    processing.refresh_from_db()
    assert processing.status == Status.PROCESSING
    payment = Payment.objects.get(dossier=processing)
    assert (payment.amount, payment.method, payment.recorded_by) == (
        75000,
        Payment.Method.COUNTER,
        people["desk"],
    )
    assert f"mã giao dịch {payment.reference}" in response.content.decode()


def test_a_bad_amount_is_explained_and_nothing_is_recorded(client, processing, people):
    services.dossier_request_payment(dossier=processing, actor=people["specialist"], at=vn(4, 9))
    client.force_login(people["desk"])
    for amount, message in (
        ("abc", "Số tiền phải là số nguyên, tính bằng đồng"),
        ("0", "Số tiền đã nộp phải lớn hơn 0 đồng."),
        ("", "Vui lòng nhập số tiền đã nộp."),
    ):
        response = client.post(
            reverse("payments:counter", args=[processing.code]),
            {"amount": amount},
            follow=True,
        )
        assert message in response.content.decode()
    processing.refresh_from_db()
    assert processing.status == Status.PAYMENT_REQUESTED
    assert not Payment.objects.exists()
